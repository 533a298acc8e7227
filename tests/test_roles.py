"""Token roles (reader < reviewer < editor < admin) on every route of the HTTP API, the token store, the
migration that gave the tokens made before roles their role, and `eventwire token` on the command line.

ACCESS below is the table of every route's minimum role; a route added to the app without an entry in it fails
test_every_route_of_the_app_has_an_entry_in_the_access_table. The token storage runs on PostgreSQL too when
EVENTWIRE_TEST_PG_URL is set.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import warnings
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from starlette.routing import Mount

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from eventfactory import make_event, make_result
from eventwire.roles import ROLES, TokenHolder
from eventwire.serve.app import create_app
from eventwire.storage.store import Store, resolve_url
from eventwire.storage.tokens import token_hash
from storebackends import wipe

PG_URL = os.environ.get("EVENTWIRE_TEST_PG_URL")
on_postgres = [pytest.mark.postgres,
               pytest.mark.skipif(not PG_URL, reason="EVENTWIRE_TEST_PG_URL is not set (no PostgreSQL server)")]

PUBLIC = "public"  # open to anyone, even on a private server (the page asks for the token itself)
READ = "read"  # open on a public server; any valid token on a private one (`serve --private`)

# (method, path) -> who may use it. "MOUNT" is a mounted app (every method of every path under it).
ACCESS = {
    ("GET", "/api/events"): READ,
    ("GET", "/api/events/{event_id}"): READ,
    ("PATCH", "/api/events/{event_id}"): "reviewer",
    ("GET", "/api/articles/{article_id}"): READ,
    ("POST", "/api/articles"): "editor",
    ("POST", "/api/extract"): READ,
    ("GET", "/api/stats"): READ,
    ("GET", "/api/export"): READ,
    ("GET", "/api/meta"): READ,
    ("GET", "/api/places/labels"): READ,
    ("GET", "/api/whoami"): "reader",
    ("GET", "/api/review/queue"): "reviewer",
    ("POST", "/api/review/bulk"): "reviewer",
    ("POST", "/api/review/undo"): "reviewer",
    ("GET", "/api/actors/unresolved"): READ,
    ("GET", "/api/health"): PUBLIC,
    ("GET", "/api/tokens"): "admin",
    ("POST", "/api/tokens"): "admin",
    ("DELETE", "/api/tokens/{token_id}"): "admin",
    ("GET", "/"): PUBLIC,
    ("GET", "/docs"): PUBLIC,
    ("GET", "/openapi.json"): PUBLIC,
    ("MOUNT", "/static"): PUBLIC,
}

# (method, path) -> (the request: method, URL, JSON body) and the status it gets when access is granted.
# The pipeline routes get an empty body: a 422 shows the token was let through without loading spaCy.
def _requests(event_id: int, article_id: int) -> dict[tuple[str, str], tuple[tuple[str, str, object], int]]:
    return {
        ("GET", "/api/events"): (("GET", "/api/events", None), 200),
        ("GET", "/api/events/{event_id}"): (("GET", f"/api/events/{event_id}", None), 200),
        ("PATCH", "/api/events/{event_id}"): (("PATCH", f"/api/events/{event_id}", {"decision": "accept"}), 200),
        ("GET", "/api/articles/{article_id}"): (("GET", f"/api/articles/{article_id}", None), 200),
        ("POST", "/api/articles"): (("POST", "/api/articles", {}), 422),
        ("POST", "/api/extract"): (("POST", "/api/extract", {}), 422),
        ("GET", "/api/stats"): (("GET", "/api/stats", None), 200),
        ("GET", "/api/export"): (("GET", "/api/export?format=geojson", None), 200),
        ("GET", "/api/meta"): (("GET", "/api/meta", None), 200),
        # at a world zoom the route names nothing: the gazetteer is not opened
        ("GET", "/api/places/labels"): (("GET", "/api/places/labels?bbox=-180,-85,180,85&zoom=2", None), 200),
        ("GET", "/api/whoami"): (("GET", "/api/whoami", None), 200),
        ("GET", "/api/review/queue"): (("GET", "/api/review/queue", None), 200),
        # a body the route refuses: a 422 shows the token was let through, and nothing is reviewed or undone
        ("POST", "/api/review/bulk"): (("POST", "/api/review/bulk", {}), 422),
        ("POST", "/api/review/undo"): (("POST", "/api/review/undo", {"unknown": 1}), 422),
        ("GET", "/api/actors/unresolved"): (("GET", "/api/actors/unresolved", None), 200),
        ("GET", "/api/health"): (("GET", "/api/health", None), 200),
        ("GET", "/api/tokens"): (("GET", "/api/tokens", None), 200),
        ("POST", "/api/tokens"): (("POST", "/api/tokens", {"name": "new-reader", "role": "reader"}), 201),
        ("DELETE", "/api/tokens/{token_id}"): (("DELETE", "/api/tokens/999999", None), 404),
        ("GET", "/"): (("GET", "/", None), 200),
        ("GET", "/docs"): (("GET", "/docs", None), 200),
        ("GET", "/openapi.json"): (("GET", "/openapi.json", None), 200),
        ("MOUNT", "/static"): (("GET", "/static/app.js", None), 200),
    }


def app_routes(app) -> set[tuple[str, str]]:
    """Every (method, path) the app answers. FastAPI >= 0.16x keeps included routers as one entry of app.routes
    and flattens them with routing.iter_route_contexts (as its OpenAPI does); older versions list each route."""
    from fastapi import routing

    flat = routing.iter_route_contexts(app.routes) if hasattr(routing, "iter_route_contexts") else app.routes
    found = set()
    for route in flat:
        if isinstance(getattr(route, "original_route", route), Mount):
            found.add(("MOUNT", route.path))
        else:
            found |= {(method, route.path) for method in route.methods - {"HEAD"}}
    return found


def expected(minimum: str, private: bool, role: str | None) -> int | None:
    """None when `role` (None: no valid token) may use a route that needs `minimum`, else 401 or 403."""
    if minimum == PUBLIC or (minimum == READ and not private):
        return None
    needed = "reader" if minimum == READ else minimum
    if role is None:
        return 401
    return None if ROLES.index(role) >= ROLES.index(needed) else 403


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A store with one event and a token of every role, plus a revoked one."""
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('roles') / 'roles.db'}")
    added = store.add_result(make_result("al-bab", [make_event("al-bab", start=len("Article al-bab. "))],
                                         url="https://news.example/al-bab"))
    tokens = {role: store.create_token(f"{role}-holder", role=role) for role in ROLES}
    revoked = store.create_token("gone", role="admin")
    store.revoke_token(next(t["id"] for t in store.tokens() if t["name"] == "gone"))
    yield {"store": store, "tokens": tokens, "revoked": revoked,
           "requests": _requests(added.event_ids[0], added.article_id)}
    store.close()


# -- the table of every route -------------------------------------------------------------------------------------
def test_every_route_of_the_app_has_an_entry_in_the_access_table(site):
    routes = app_routes(create_app(store=site["store"]))
    assert routes - set(ACCESS) == set(), "routes without a minimum role in ACCESS: add them"
    assert set(ACCESS) - routes == set(), "ACCESS names routes the app does not have"
    assert set(site["requests"]) == set(ACCESS)


@pytest.mark.parametrize("private", [False, True], ids=["public", "private"])
@pytest.mark.parametrize("route", sorted(ACCESS), ids=lambda r: f"{r[0]} {r[1]}")
def test_each_role_is_allowed_or_denied_as_the_table_says(site, route, private):
    client = TestClient(create_app(store=site["store"], private=private))
    (method, url, body), allowed_status = site["requests"][route]
    holders = [(None, {}), (None, auth("ew_not-a-token")), (None, auth(site["revoked"]))]
    holders += [(role, auth(tok)) for role, tok in site["tokens"].items()]
    for role, headers in holders:
        r = client.request(method, url, json=body, headers=headers)
        denial = expected(ACCESS[route], private, role)
        who = f"{role or 'no valid token'} ({headers or 'no header'}) on {method} {url}"
        if denial is None:
            assert r.status_code == allowed_status, (who, r.status_code, r.text[:300])
            continue
        assert r.status_code == denial, (who, r.status_code, r.text[:300])
        assert isinstance(r.json()["detail"], str) and r.json()["detail"], who
        if denial == 401:
            assert r.headers["www-authenticate"] == "Bearer"
        else:
            needed = "reader" if ACCESS[route] == READ else ACCESS[route]
            assert f"the {needed} role" in r.json()["detail"] and role in r.json()["detail"], r.json()


def test_roles_are_ordered_and_each_includes_the_ones_below():
    assert ROLES == ("reader", "reviewer", "editor", "admin")
    for i, role in enumerate(ROLES):
        holder = TokenHolder(name="x", role=role)
        assert [holder.may(r) for r in ROLES] == [j <= i for j in range(len(ROLES))]
    with pytest.raises(ValueError, match="reader, reviewer, editor, admin"):
        TokenHolder(name="x", role="admin").may("owner")


# -- what each role does, end to end through the app ------------------------------------------------------------------
def test_a_review_is_recorded_under_the_reviewers_name_and_whoami_tells_the_role(site):
    client = TestClient(create_app(store=site["store"]))
    assert client.get("/api/whoami", headers=auth(site["tokens"]["reviewer"])).json() == {
        "name": "reviewer-holder", "role": "reviewer"}
    event_url = site["requests"][("GET", "/api/events/{event_id}")][0][1]
    r = client.patch(event_url, json={"decision": "reject", "comment": "not a clash"},
                     headers=auth(site["tokens"]["reviewer"]))
    assert r.status_code == 200 and r.json()["reviews"][-1]["reviewer"] == "reviewer-holder"
    client.patch(event_url, json={"decision": "accept"}, headers=auth(site["tokens"]["editor"]))


def test_an_admin_creates_lists_and_revokes_tokens_over_the_api(site):
    client = TestClient(create_app(store=site["store"], private=True))
    admin = auth(site["tokens"]["admin"])
    made = client.post("/api/tokens", json={"name": "new-reviewer", "role": "reviewer"}, headers=admin)
    assert made.status_code == 201
    body = made.json()
    assert body["name"] == "new-reviewer" and body["role"] == "reviewer" and body["token"].startswith("ew_")
    assert client.get("/api/whoami", headers=auth(body["token"])).json()["role"] == "reviewer"
    listed = client.get("/api/tokens", headers=admin).json()
    mine = next(t for t in listed if t["id"] == body["id"])
    assert mine == {"id": body["id"], "name": "new-reviewer", "role": "reviewer", "revoked": False,
                    "created_at": mine["created_at"]}
    assert all("token" not in t and "token_hash" not in t for t in listed)
    assert client.delete(f"/api/tokens/{body['id']}", headers=admin).json() == {"id": body["id"], "revoked": True}
    assert client.get("/api/whoami", headers=auth(body["token"])).status_code == 401
    again = client.delete(f"/api/tokens/{body['id']}", headers=admin)
    assert again.status_code == 404 and "no live token" in again.json()["detail"]
    bad = client.post("/api/tokens", json={"name": "x", "role": "owner"}, headers=admin)
    assert bad.status_code == 422 and "role" in bad.json()["detail"]
    default = client.post("/api/tokens", json={"name": "plain"}, headers=admin).json()
    assert default["role"] == "reader"


# -- the store -------------------------------------------------------------------------------------------------------
def check_token_storage(store: Store) -> None:
    """What the token store keeps, on any backend."""
    made = {role: store.create_token(f"n-{role}", role=role) for role in ROLES}
    plain = store.create_token("plain")
    for role, tok in made.items():
        holder = store.token_holder(tok)
        assert (holder.name, holder.role) == (f"n-{role}", role)
        assert store.check_token(tok) == f"n-{role}"
    assert store.token_holder(plain).role == "reader"  # the safe default
    assert store.token_holder("ew_nothing") is None and store.token_holder(None) is None
    listed = {t["name"]: t for t in store.tokens()}
    assert {listed[f"n-{r}"]["role"] for r in ROLES} == set(ROLES)
    with pytest.raises(ValueError, match="role must be one of reader, reviewer, editor, admin"):
        store.create_token("boss", role="owner")
    assert store.revoke_token(listed["n-admin"]["id"]) and store.token_holder(made["admin"]) is None
    with store.engine.connect() as conn:  # the database itself refuses a role it does not know
        with pytest.raises(Exception, match="(?i)check|constraint"):
            conn.execute(text("INSERT INTO api_tokens (name, token_hash, created_at, role) "
                              "VALUES ('x', 'h', CURRENT_TIMESTAMP, 'owner')"))
            conn.commit()


def test_tokens_keep_their_role_on_sqlite(tmp_path):
    with Store(f"sqlite:///{tmp_path / 't.db'}") as store:
        check_token_storage(store)


# -- the migration: tokens made before roles keep working ----------------------------------------------------------
def _database_at_0005_with_a_token(url: str) -> str:
    """A database migrated to 0005 (before roles) holding one token, as an older eventwire made it."""
    from alembic import command

    from eventwire.storage.store import alembic_config

    engine = create_engine(resolve_url(url))
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0005")
        conn.execute(text("INSERT INTO api_tokens (name, token_hash, created_at) VALUES ('old', :h, :t)"),
                     {"h": token_hash("ew_made-before-roles"), "t": "2026-01-02 03:04:05"})
    engine.dispose()
    return "ew_made-before-roles"


def check_upgrade_from_0005(url: str) -> None:
    old = _database_at_0005_with_a_token(url)
    with Store(url) as store:
        holder = store.token_holder(old)
        assert (holder.name, holder.role) == ("old", "editor")  # what it could do before: review and ingest
        client = TestClient(create_app(store=store))
        added = store.add_result(make_result("a", [make_event("a", start=len("Article a. "))]))
        assert client.patch(f"/api/events/{added.event_ids[0]}", json={"decision": "accept"},
                            headers=auth(old)).status_code == 200
        assert client.post("/api/articles", json={}, headers=auth(old)).status_code == 422  # let through
        assert client.get("/api/tokens", headers=auth(old)).status_code == 403  # never more than before
        newer = store.create_token("new")
        assert store.token_holder(newer).role == "reader"  # the old default does not leak to new tokens

    from alembic import command

    from eventwire.storage.store import alembic_config

    engine = create_engine(resolve_url(url))
    cfg = alembic_config()
    with engine.begin() as conn:  # down to 0005 and back: the tokens stay, the old one an editor again
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0005")
    engine.dispose()
    with Store(url) as store:
        assert store.token_holder(old).role == "editor" and store.check_token(newer) == "new"


def test_tokens_made_before_roles_become_editors_on_sqlite(tmp_path):
    check_upgrade_from_0005(f"sqlite:///{tmp_path / 'old.db'}")


# -- PostgreSQL -------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("check", [check_token_storage, check_upgrade_from_0005], ids=["storage", "upgrade"])
@pytest.mark.postgres
@pytest.mark.skipif(not PG_URL, reason="EVENTWIRE_TEST_PG_URL is not set (no PostgreSQL server)")
def test_token_roles_on_postgresql(check):
    wipe(PG_URL)
    try:
        if check is check_token_storage:
            with Store(PG_URL) as store:
                check(store)
        else:
            check(PG_URL)
    finally:
        wipe(PG_URL)


# -- the command line and the server, for real ----------------------------------------------------------------------
def _cli(*args: str, db: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "eventwire.cli", *args, "--db", str(db)], capture_output=True,
                          text=True, timeout=120)


def test_token_create_takes_a_role_and_token_list_shows_it(tmp_path):
    db = tmp_path / "cli.db"
    made = _cli("token", "create", "ana", "--role", "reviewer", db=db)
    assert made.returncode == 0, made.stderr
    plain = _cli("token", "create", "bo", db=db)
    assert plain.returncode == 0 and "reader" in plain.stderr  # says which role it got
    listed = _cli("token", "list", db=db)
    header, *rows = [line.split("\t") for line in listed.stdout.splitlines()]
    assert header == ["id", "name", "role", "created", "status"]
    assert [(r[1], r[2], r[4]) for r in rows] == [("ana", "reviewer", "active"), ("bo", "reader", "active")]
    assert made.stdout.strip() not in listed.stdout
    bad = _cli("token", "create", "cy", "--role", "owner", db=db)
    assert bad.returncode != 0 and "owner" in bad.stderr and "Traceback" not in bad.stderr
    assert _cli("token", "revoke", "1", db=db).returncode == 0
    assert _cli("token", "list", db=db).stdout.splitlines()[1].endswith("\trevoked")


def test_a_private_server_answers_401_403_and_200_by_role(tmp_path):
    import httpx

    db = tmp_path / "served.db"
    tokens = {role: _cli("token", "create", role, "--role", role, db=db).stdout.strip() for role in ROLES}
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "eventwire.cli", "serve", "--db", str(db), "--port", str(port),
                               "--private"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(base + "/api/health", timeout=2)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline and server.poll() is None, "the server did not start"
                time.sleep(0.2)
        assert httpx.get(base + "/api/events").status_code == 401
        assert httpx.get(base + "/api/events", headers=auth(tokens["reader"])).status_code == 200
        denied = httpx.get(base + "/api/tokens", headers=auth(tokens["editor"]))
        assert denied.status_code == 403 and "admin" in denied.json()["detail"]
        listed = httpx.get(base + "/api/tokens", headers=auth(tokens["admin"]))
        assert listed.status_code == 200 and [t["role"] for t in listed.json()] == list(ROLES)
    finally:
        server.terminate()
        server.communicate(timeout=30)
