"""Schemathesis against the API's own OpenAPI spec: generated requests (valid and not) never get a 5xx.

Reads run open; every request carries an admin's token so that the generated reviews, articles and token
changes reach the code behind the role check. The app runs in-process (ASGI) over a store of events built here.
"""

from __future__ import annotations

import os
import tempfile

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from eventfactory import make_event, make_result
from eventwire.serve.app import create_app
from eventwire.storage.store import Store

pytestmark = pytest.mark.slow


def _build_app(folder: str):
    store = Store(f"sqlite:///{folder}/st.db")
    for i, (etype, sub) in enumerate([("Battles", "Armed clash"), ("Protests", "Peaceful protest"),
                                      ("Riots", "Mob violence"), ("Explosions/Remote violence", "Air/drone strike")]):
        key = f"st-{i}"
        ev = make_event(key, etype=etype, sub=sub, date=f"2018-0{i + 1}-1{i}", fatalities=i or None,
                        start=len(f"Article {key}. "))
        store.add_result(make_result(key, [ev], url=f"https://news.example/{key}"))
    store.run_dedup()
    return store, create_app(store=store)


class AdminToken:
    """An admin's token for the generated requests, made anew when a generated DELETE /api/tokens/{id} revoked
    it (else every later case would stop at the 401)."""

    def __init__(self, store: Store):
        self.store, self.token = store, None

    def header(self) -> dict[str, str]:
        if self.store.token_holder(self.token) is None:
            self.token = self.store.create_token("schemathesis", role="admin")
        return {"Authorization": f"Bearer {self.token}"}


# schemathesis reads the spec when the module is collected, so the app (and its small database) exist from then
_FOLDER = tempfile.TemporaryDirectory(prefix="eventwire-schemathesis-")
STORE, APP = _build_app(_FOLDER.name)
ADMIN = AdminToken(STORE)
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@pytest.fixture(scope="module", autouse=True)
def _cleanup():
    yield
    STORE.close()
    _FOLDER.cleanup()


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_request_gets_a_server_error(case):
    # generous: the first extraction loads the spaCy model
    response = case.call(headers=ADMIN.header(), timeout=120)
    assert response.status_code < 500, (
        f"{case.method} {case.formatted_path} {case.query} {case.body!r} -> {response.status_code}: "
        f"{response.text[:500]}")


# -- the same generated requests against PostgreSQL (CI starts one: EVENTWIRE_TEST_PG_URL) -------------------------
PG_URL = os.environ.get("EVENTWIRE_TEST_PG_URL")


@pytest.fixture(scope="module")
def pg_client():
    """The app over a PostgreSQL store, made when the first PostgreSQL case runs (tests/test_postgres.py wipes the
    same database before that)."""
    if not PG_URL:
        pytest.skip("EVENTWIRE_TEST_PG_URL is not set (no PostgreSQL server; .ci/run starts one)")
    import warnings

    from storebackends import wipe

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    wipe(PG_URL)
    store = Store(PG_URL)
    for i, (etype, sub) in enumerate([("Battles", "Armed clash"), ("Protests", "Peaceful protest")]):
        key = f"pg-{i}"
        store.add_result(make_result(key, [make_event(key, etype=etype, sub=sub, start=len(f"Article {key}. "))],
                                     url=f"https://news.example/{key}"))
    store.run_dedup()
    yield TestClient(create_app(store=store)), AdminToken(store)
    store.close()
    wipe(PG_URL)


@pytest.mark.postgres
@schema.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_request_gets_a_server_error_on_postgresql(case, pg_client):
    client, admin = pg_client
    kw = case.as_transport_kwargs(headers=admin.header())
    body = {}
    if "json" in kw:
        body["json"] = kw["json"]
    elif kw.get("data") is not None:
        body["content" if isinstance(kw["data"], (bytes, str)) else "data"] = kw["data"]
    response = client.request(kw["method"], kw["url"], params=kw.get("params"), headers=kw["headers"], **body)
    assert response.status_code < 500, (
        f"{case.method} {case.formatted_path} {case.query} {case.body!r} -> {response.status_code}: "
        f"{response.text[:500]}")
