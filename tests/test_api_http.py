"""The HTTP API (eventwire.serve.app) through FastAPI's TestClient, over a store of events built here by hand.

One test runs the real pipeline (POST /api/extract and /api/articles) on sentences written here.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sqlite3
import subprocess
import sys
import time
import warnings

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from eventfactory import make_event, make_result
from eventwire.serve.app import create_app, decode_cursor, encode_cursor
from eventwire.storage.store import Store

KABUL = dict(place="Kabul", lat=34.53, lon=69.17, country="AFG", admin1="Kabul")
SUVA = dict(place="Suva", lat=-18.14, lon=178.44, country="FJI", admin1="Central")  # east of the antimeridian
APIA = dict(place="Apia", lat=-13.83, lon=-171.76, country="WSM", admin1="Tuamasaga")  # west of it


@pytest.fixture
def store(tmp_path):
    s = Store(f"sqlite:///{tmp_path / 'api.db'}")
    yield s
    s.close()


@pytest.fixture
def filled(store):
    """Seven articles, each with one event; no two events are the same real event (dedup keeps them apart)."""
    specs = [
        ("al-bab", dict(date="2017-02-09", fatalities=12), "Clashes in Al Bab"),
        ("mosul", dict(date="2017-03-01", place="Mosul", lat=36.34, lon=43.13, country="IRQ", admin1="Nineveh",
                       etype="Explosions/Remote violence", sub="Air/drone strike", actor1="Military Forces of Iraq",
                       actor2="Islamic State", fatalities=5,
                       text="Iraqi jets struck a depot of Islamic State fighters in western Mosul."), "Strike"),
        ("kabul", dict(date="2017-03-05", etype="Protests", sub="Peaceful protest", plover="PROTEST",
                       actor1="Protesters (Afghanistan)", actor2=None, fatalities=None,
                       text="Hundreds of teachers marched in Kabul demanding unpaid salaries.", **KABUL), "March"),
        ("suva", dict(date="2017-03-06", etype="Riots", sub="Mob violence", actor1="Rioters (Fiji)", actor2=None,
                      fatalities=1, **SUVA), "Suva unrest"),
        ("apia", dict(date="2017-03-07", etype="Riots", sub="Violent demonstration", actor1="Rioters (Samoa)",
                      actor2=None, fatalities=0, **APIA), "Apia unrest"),
        ("undated", dict(date=None, precision=None, place="Raqqa", lat=35.95, lon=39.01, admin1="Ar Raqqah",
                         etype="Violence against civilians", sub="Attack", actor2="Civilians (Syria)", inter2=7,
                         fatalities=3, text="Gunmen killed three shepherds near Raqqa, residents said."), "Raqqa"),
        ("planned", dict(date="2017-03-08", modality="future", place="Idlib", lat=35.93, lon=36.63, admin1="Idlib",
                         text="The army said it would attack Idlib next month."), "Idlib plans"),
    ]
    ids = {}
    for key, kw, title in specs:
        ev = make_event(key, start=len(f"Article {key}. "), **kw)  # where make_result puts the sentence
        added = store.add_result(make_result(key, [ev], url=f"https://news.example/{key}", title=title))
        ids[key] = added.event_ids[0]
    store.run_dedup()
    return ids


@pytest.fixture
def token(store):
    return store.create_token("rana", role="editor")  # reviews and ingests


@pytest.fixture
def client(store):
    return TestClient(create_app(store=store))


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def ids_of(response) -> list[int]:
    assert response.status_code == 200, response.text
    return [e["id"] for e in response.json()["events"]]


# -- reading events --------------------------------------------------------------------------------------------
def test_events_are_listed_newest_first_with_undated_last_and_only_asserted_by_default(client, filled):
    got = ids_of(client.get("/api/events"))
    f = filled
    assert got == [f["apia"], f["suva"], f["kabul"], f["mosul"], f["al-bab"], f["undated"]]
    assert ids_of(client.get("/api/events", params={"order": "oldest"})) == [
        f["al-bab"], f["mosul"], f["kabul"], f["suva"], f["apia"], f["undated"]]
    assert f["planned"] in ids_of(client.get("/api/events", params={"modality": "all"}))
    assert ids_of(client.get("/api/events", params={"modality": "future"})) == [f["planned"]]


@pytest.mark.parametrize("order", ["newest", "oldest"])
def test_cursor_pages_hand_out_every_event_exactly_once(client, filled, order):
    everything = ids_of(client.get("/api/events", params={"order": order, "modality": "all"}))
    seen, cursor, pages = [], None, 0
    while True:
        params = {"limit": 2, "order": order, "modality": "all", **({"cursor": cursor} if cursor else {})}
        body = client.get("/api/events", params=params).json()
        seen += [e["id"] for e in body["events"]]
        pages += 1
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert seen == everything and len(seen) == 7 and pages == 4


def test_a_page_started_before_new_events_arrive_goes_on_where_it_stopped(client, store, filled):
    first = client.get("/api/events", params={"limit": 3}).json()
    store.add_result(make_result("late", [make_event("late", date="2017-04-01", place="Homs", lat=34.73, lon=36.72,
                                                      admin1="Homs")], url="https://news.example/late"))
    rest = ids_of(client.get("/api/events", params={"cursor": first["next_cursor"], "limit": 10}))
    assert rest == [filled["mosul"], filled["al-bab"], filled["undated"]]


def test_cursor_round_trip_and_refusal_of_forged_cursors(client, filled):
    assert decode_cursor(encode_cursor(("2017-02-09", 4))) == ("2017-02-09", 4)
    assert decode_cursor(encode_cursor((None, 9))) == (None, 9)
    for bad in ["nonsense", encode_cursor(("not a date", 1)), "W10", "eyJhIjogMX0"]:
        r = client.get("/api/events", params={"cursor": bad})
        assert r.status_code == 400 and "cursor" in r.json()["detail"]


@pytest.mark.parametrize("params, expect", [
    ({"country": "IRQ"}, ["mosul"]),
    ({"country": "iraq"}, ["mosul"]),
    ({"country": "AF"}, ["kabul"]),
    ({"admin1": "Nineveh"}, ["mosul"]),
    ({"date_from": "2017-03-01", "date_to": "2017-03-05"}, ["kabul", "mosul"]),
    ({"actor": "islamic"}, ["mosul", "al-bab", "undated"]),
    ({"type": "Riots"}, ["apia", "suva"]),
    ({"type": "air/drone strike"}, ["mosul"]),
    ({"type": "PROTEST"}, ["kabul"]),
    ({"sub_type": "Mob violence"}, ["suva"]),
    ({"min_fatalities": 5}, ["mosul", "al-bab"]),
    ({"min_fatalities": 0, "type": "Riots"}, ["apia", "suva"]),
    ({"q": "depot western"}, ["mosul"]),
    ({"q": "shepherds"}, ["undated"]),
    ({"q": "100%"}, []),
    ({"bbox": "35,30,45,40"}, ["mosul", "al-bab", "undated"]),
    ({"bbox": "175,-25,-170,-10"}, ["apia", "suva"]),  # across the antimeridian
    ({"bbox": "175,-25,180,-10"}, ["suva"]),
])
def test_filters(client, filled, params, expect):
    assert ids_of(client.get("/api/events", params=params)) == [filled[k] for k in expect]


def test_pages_of_full_brief_and_sourced_records_agree(client, store, filled):
    full = client.get("/api/events", params={"limit": 3, "modality": "all"}).json()
    stored = {e.id: e.to_dict() for e in store.query_events(modality=None)}
    for ev in full["events"]:  # as the store holds it, sources left out
        assert ev == {k: v for k, v in stored[ev["id"]].items() if k != "sources"}
    brief = client.get("/api/events", params={"limit": 3, "modality": "all", "fields": "brief"}).json()
    assert brief["next_cursor"] == full["next_cursor"] and [e["id"] for e in brief["events"]] == ids_of_body(full)
    mosul = next(e for e in client.get("/api/events", params={"fields": "brief", "country": "IRQ"}).json()["events"])
    assert mosul["actor1"] == {"name": "Military Forces of Iraq"} and mosul["plover"]["event"] == "ASSAULT"
    assert mosul["location"] == {"name": "Mosul", "lat": 36.34, "lon": 43.13, "country": "IRQ", "admin1": "Nineveh",
                                 "precision": stored[filled["mosul"]]["location"]["precision"]}
    assert {k: mosul[k] for k in ("date", "fatalities", "sub_event_type", "uid", "source_count")} == {
        "date": "2017-03-01", "fatalities": 5, "sub_event_type": "Air/drone strike",
        "uid": stored[filled["mosul"]]["uid"], "source_count": 1}
    assert "evidence" not in mosul and "evidence" in stored[filled["mosul"]]
    sourced = client.get("/api/events", params={"sources": "true", "country": "IRQ"}).json()["events"][0]
    assert sourced["sources"][0]["evidence"]["text"].startswith("Iraqi jets")
    assert client.get("/api/events", params={"fields": "some"}).status_code == 422


def ids_of_body(body: dict) -> list[int]:
    return [e["id"] for e in body["events"]]


def test_count_is_given_when_asked(client, filled):
    body = client.get("/api/events", params={"limit": 1, "count": "true", "type": "Riots"}).json()
    assert body["total"] == 2 and len(body["events"]) == 1
    assert client.get("/api/events").json()["total"] is None


@pytest.mark.parametrize("params, words", [
    ({"bbox": "1,2,3"}, "bbox"),
    ({"bbox": "10,50,20,40"}, "bbox"),
    ({"country": "Atlantis"}, "unknown country"),
    ({"date_from": "2017-02-30"}, "date_from"),
    ({"date_from": "2017-05-01", "date_to": "2017-04-01"}, "after"),
    ({"modality": "maybe"}, "modality"),
    ({"review": "pending"}, "review"),
    ({"limit": 0}, "limit"),
    ({"limit": 5000}, "limit"),
    ({"min_fatalities": -1}, "min_fatalities"),
    ({"actor": "x\x00y"}, "NUL"),  # PostgreSQL would refuse the query
    ({"q": "\x00"}, "NUL"),
])
def test_bad_filters_get_a_4xx_that_names_the_problem(client, filled, params, words):
    r = client.get("/api/events", params=params)
    assert 400 <= r.status_code < 500
    assert words in r.json()["detail"]


def test_one_event_has_every_source_with_its_evidence(client, store, filled):
    # a second article reporting the Mosul strike: dedup merges it into the same event
    again = make_event("mosul-2", date="2017-03-01", place="Mosul", lat=36.34, lon=43.13, country="IRQ",
                       admin1="Nineveh", etype="Explosions/Remote violence", sub="Air/drone strike",
                       actor1="Military Forces of Iraq", actor2="Islamic State", fatalities=6,
                       start=len("Article mosul-2. "),
                       text="Iraqi aircraft hit an Islamic State depot in Mosul on Wednesday.")
    store.add_result(make_result("mosul-2", [again], url="https://other.example/mosul", title="Depot hit",
                                 source="Other Wire"))
    store.run_dedup()
    body = client.get(f"/api/events/{filled['mosul']}").json()
    assert body["source_count"] == 2
    assert {s["title"] for s in body["sources"]} == {"Strike", "Depot hit"}
    ev = {s["title"]: s["evidence"] for s in body["sources"]}
    assert ev["Depot hit"]["text"] == "Iraqi aircraft hit an Islamic State depot in Mosul on Wednesday."
    for src in body["sources"]:
        art = client.get(f"/api/articles/{src['article_id']}").json()
        assert art["text"][src["evidence"]["start"]:src["evidence"]["end"]] == src["evidence"]["text"]
    assert body["review"] == "unreviewed" and body["reviews"] == []
    assert client.get(f"/api/events/{body['uid']}").json()["id"] == body["id"]


@pytest.mark.parametrize("path, status", [
    ("/api/events/999999", 404), ("/api/events/ew-0000000000000000", 404), ("/api/events/abc", 422),
    ("/api/events/99999999999999999999", 422), ("/api/events/99999999999", 404),  # over PostgreSQL's integers
    ("/api/articles/99999999999", 422), ("/api/articles/999999", 404), ("/api/articles/0", 422),
    ("/api/articles/x", 422),
])
def test_missing_or_malformed_ids(client, filled, path, status):
    r = client.get(path)
    assert r.status_code == status and r.json()["detail"]


def test_stats_per_day_type_country_and_actor(client, filled):
    body = client.get("/api/stats").json()
    assert body["events"] == 6 and body["fatalities"] == 12 + 5 + 1 + 0 + 3
    assert body["undated"] == 1
    assert body["by_day"][0] == {"date": "2017-02-09", "events": 1, "fatalities": 12}
    assert [d["date"] for d in body["by_day"]] == ["2017-02-09", "2017-03-01", "2017-03-05", "2017-03-06",
                                                   "2017-03-07"]
    types = {t["event_type"]: (t["events"], t["fatalities"]) for t in body["by_type"]}
    assert types["Riots"] == (2, 1) and types["Battles"] == (1, 12)
    countries = {c["country"]: c["events"] for c in body["by_country"]}
    assert countries == {"SYR": 2, "IRQ": 1, "AFG": 1, "FJI": 1, "WSM": 1}
    actors = {a["actor"]: a["events"] for a in body["by_actor"]}
    assert actors["Islamic State"] == 3  # actor 1 twice, actor 2 once
    narrowed = client.get("/api/stats", params={"country": "SYR"}).json()
    assert narrowed["events"] == 2 and narrowed["fatalities"] == 15


# -- tokens and access -----------------------------------------------------------------------------------------
def test_writes_need_a_valid_token_and_only_its_hash_is_stored(client, store, filled, token, tmp_path):
    body = {"decision": "accept"}
    r = client.patch(f"/api/events/{filled['mosul']}", json=body)
    assert r.status_code == 401 and "bearer token" in r.json()["detail"]
    assert r.headers["www-authenticate"] == "Bearer"
    assert client.patch(f"/api/events/{filled['mosul']}", json=body, headers=auth("ew_wrong")).status_code == 401
    assert client.patch(f"/api/events/{filled['mosul']}", json=body, headers=auth(token)).status_code == 200
    assert client.get("/api/whoami", headers=auth(token)).json() == {"name": "rana", "role": "editor"}
    raw = (tmp_path / "api.db").read_bytes() + (tmp_path / "api.db-wal").read_bytes()
    assert token.encode() not in raw
    store.revoke_token(store.tokens()[0]["id"])
    assert client.patch(f"/api/events/{filled['mosul']}", json=body, headers=auth(token)).status_code == 401


def test_a_private_server_needs_a_token_for_reads_too(store, filled, token):
    private = TestClient(create_app(store=store, private=True))
    for path in ["/api/events", f"/api/events/{filled['mosul']}", "/api/stats", "/api/meta",
                 "/api/export?format=geojson"]:
        assert private.get(path).status_code == 401, path
        assert private.get(path, headers=auth(token)).status_code == 200, path
    assert private.get("/api/health").status_code == 200
    assert private.get("/").status_code == 200  # the page itself asks for the token


# -- review ----------------------------------------------------------------------------------------------------
def test_rejecting_an_event_hides_it_from_listings_stats_and_exports_but_keeps_it(client, filled, token):
    r = client.patch(f"/api/events/{filled['al-bab']}", json={"decision": "reject", "comment": "a rumour"},
                     headers=auth(token))
    assert r.status_code == 200 and r.json()["status"] == "rejected" and r.json()["review"] == "rejected"
    assert filled["al-bab"] not in ids_of(client.get("/api/events"))
    assert ids_of(client.get("/api/events", params={"review": "rejected"})) == [filled["al-bab"]]
    assert filled["al-bab"] in ids_of(client.get("/api/events", params={"review": "all"}))
    assert client.get("/api/stats").json()["fatalities"] == 5 + 1 + 0 + 3
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export", params={"format": "acled-csv"}).text)))
    assert str(filled["al-bab"]) not in {row["eventwire_id"] for row in rows} and len(rows) == 5
    trail = client.get(f"/api/events/{filled['al-bab']}").json()["reviews"]
    assert [(t["field"], t["status"], t["reviewer"], t["comment"]) for t in trail] == [
        ("event", "rejected", "rana", "a rumour")]
    # and an analyst can change their mind
    client.patch(f"/api/events/{filled['al-bab']}", json={"decision": "accept"}, headers=auth(token))
    assert filled["al-bab"] in ids_of(client.get("/api/events"))


def test_edits_are_applied_kept_in_the_audit_trail_and_exported(client, filled, token):
    changes = {"sub_event_type": "Shelling/artillery/missile attack", "actor1": "Military Forces of Turkey",
               "actor2": "", "location": {"name": "Tadif", "lat": 36.35, "lon": 37.53}, "date": "2017-02-10",
               "fatalities": 14}
    r = client.patch(f"/api/events/{filled['al-bab']}", json={"changes": changes, "comment": "second source"},
                     headers=auth(token))
    assert r.status_code == 200, r.text
    ev = r.json()
    assert ev["event_type"] == "Explosions/Remote violence"  # follows the sub-type
    assert ev["sub_event_type"] == "Shelling/artillery/missile attack"
    assert ev["actor1"]["name"] == "Military Forces of Turkey" and ev["actor2"] is None
    assert ev["location"]["name"] == "Tadif" and ev["location"]["country"] == "SYR"  # the rest stays
    assert ev["date"] == "2017-02-10" and ev["fatalities"] == 14 and ev["review"] == "edited"
    trail = {t["field"]: t for t in ev["reviews"]}
    assert trail["fatalities"]["old_value"] == 12 and trail["fatalities"]["new_value"] == 14
    assert trail["actor1"]["old_value"]["name"] == "Islamic State" and trail["date"]["reviewer"] == "rana"
    assert (ev["actor1"]["country"], ev["actor1"]["inter"], ev["actor1"]["known"]) == ("TUR", 1, True)
    assert all(t["created_at"] for t in ev["reviews"])
    # listings filter on the reviewed values, and exports carry them
    assert ids_of(client.get("/api/events", params={"date_from": "2017-02-10", "date_to": "2017-02-10"})) == [
        filled["al-bab"]]
    rows = {row["eventwire_id"]: row for row in
            csv.DictReader(io.StringIO(client.get("/api/export", params={"format": "acled-csv"}).text))}
    row = rows[str(filled["al-bab"])]
    assert (row["fatalities"], row["location"], row["event_date"], row["actor1"]) == (
        "14", "Tadif", "2017-02-10", "Military Forces of Turkey")


@pytest.mark.parametrize("body, words", [
    ({}, "nothing to review"),
    ({"decision": "maybe"}, "decision"),
    ({"changes": {"event_type": "Skirmish"}}, "event_type must be one of"),
    ({"changes": {"sub_event_type": "Grenade", "event_type": "Battles"}}, "belongs to"),
    ({"changes": {"fatalities": -3}}, "fatalities"),
    ({"changes": {"location": {"lat": 123}}}, "lat"),
    ({"changes": {"location": {"country": "Syria"}}}, "country"),
    ({"changes": {"date": "2017-13-01"}}, "date"),
    ({"changes": {"colour": "red"}}, "colour"),
    ({"comment": "x" * 3000, "decision": "accept"}, "comment"),
])
def test_bad_reviews_get_a_4xx_that_names_the_problem(client, filled, token, body, words):
    r = client.patch(f"/api/events/{filled['mosul']}", json=body, headers=auth(token))
    assert 400 <= r.status_code < 500 and words in r.json()["detail"], r.text
    assert client.get(f"/api/events/{filled['mosul']}").json()["reviews"] == []


# -- exports ----------------------------------------------------------------------------------------------------
def test_exports_in_every_format_follow_the_filters(client, filled, tmp_path):
    geo = client.get("/api/export", params={"format": "geojson", "type": "Riots"})
    assert geo.status_code == 200 and geo.headers["content-type"].startswith("application/geo+json")
    assert sorted(f["properties"]["location"] for f in geo.json()["features"]) == ["Apia", "Suva"]
    lines = client.get("/api/export", params={"format": "plover-jsonl", "country": "IRQ"}).text.splitlines()
    assert len(lines) == 1 and json.loads(lines[0])
    pq = client.get("/api/export", params={"format": "parquet"})
    assert pq.status_code == 200 and pq.content[:4] == b"PAR1"
    import pyarrow.parquet as papq

    (tmp_path / "x.parquet").write_bytes(pq.content)
    assert papq.read_table(tmp_path / "x.parquet").num_rows == 6
    assert client.get("/api/export", params={"format": "xlsx"}).status_code == 422


# -- limits and the pages -----------------------------------------------------------------------------------------
def test_request_bodies_over_the_limit_get_413(store, filled, token):
    small = TestClient(create_app(store=store, max_body_bytes=2000))
    r = small.patch(f"/api/events/{filled['mosul']}", content=json.dumps({"comment": "x" * 5000}),
                    headers={**auth(token), "Content-Type": "application/json"})
    assert r.status_code == 413 and "limit" in r.json()["detail"]

    def chunks():  # no Content-Length: the limit is counted as the body streams in
        for _ in range(10):
            yield b" " * 500

    r = small.post("/api/extract", content=chunks(), headers={"Content-Type": "application/json"})
    assert r.status_code == 413


def test_text_with_a_nul_character_is_refused(client, filled, token):
    r = client.patch(f"/api/events/{filled['mosul']}", json={"decision": "accept", "comment": "a\u0000b"},
                     headers=auth(token))
    assert r.status_code == 422 and "NUL" in r.json()["detail"]


def test_unicode_that_cannot_be_stored_is_refused(client, token):
    r = client.post("/api/articles", content=b'{"text": "bad \\ud800 text"}',
                    headers={**auth(token), "Content-Type": "application/json"})
    assert r.status_code == 422 and "unicode" in r.json()["detail"].lower()


def test_the_dashboard_docs_and_spec_are_served_without_outside_resources(client):
    page = client.get("/")
    assert page.status_code == 200 and "<title>eventwire" in page.text
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'self'" in csp
    assert "http://" not in page.text and "https://" not in page.text
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs.text
    assert "cdn" not in docs.text.lower()
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/articles/{article_id}", "/api/stats", "/api/extract",
            "/api/articles", "/api/export"} <= set(spec["paths"])
    assert "patch" in spec["paths"]["/api/events/{event_id}"]
    assert client.get("/static/app.js").status_code == 200
    meta = client.get("/api/meta").json()
    assert "Battles" in meta["event_types"] and meta["countries"]["SYR"] == "Syria"


# -- the real pipeline -------------------------------------------------------------------------------------------
STRIKE = ("Government warplanes bombed a crowded market in the northern town of Kafr Nabl on Monday, killing "
          "eleven civilians and wounding dozens, a local rescue group said.")


def test_extract_and_ingest_run_the_pipeline(client, store, token):
    r = client.post("/api/extract", json={"text": STRIKE, "published": "2019-05-22"})
    assert r.status_code == 200, r.text
    events = r.json()["events"]
    assert events and events[0]["evidence"]["text"] and events[0]["article_id"] == "0"
    assert store.stats()["articles"] == 0  # nothing stored
    assert client.post("/api/extract", json={"text": "   "}).status_code == 422

    art = {"text": STRIKE, "published": "2019-05-22", "title": "Market bombed", "url": "https://news.example/kn"}
    assert client.post("/api/articles", json=art).status_code == 401
    r = client.post("/api/articles", json=art, headers=auth(token))
    assert r.status_code == 201, r.text
    added = r.json()
    assert not added["duplicate"] and added["event_ids"]
    stored = client.get(f"/api/events/{added['event_ids'][0]}").json()
    assert stored["sources"][0]["title"] == "Market bombed"
    assert client.get(f"/api/articles/{added['article_id']}").json()["text"] == STRIKE
    again = client.post("/api/articles", json={**art, "url": None}, headers=auth(token))
    assert again.status_code == 200 and again.json()["duplicate"]
    r = client.post("/api/articles", json={"text": "\u0627\u0644\u062d\u0631\u0628 " * 40}, headers=auth(token))
    assert r.status_code == 422 and "English" in r.json()["detail"]


# -- the command line ------------------------------------------------------------------------------------------
def test_token_create_prints_a_token_that_the_server_accepts(tmp_path):
    from click.testing import CliRunner

    from eventwire.cli import cli

    db, runner = tmp_path / "cli.db", CliRunner()
    out = runner.invoke(cli, ["token", "create", "ana", "--db", str(db)])
    assert out.exit_code == 0, out.output
    tok = out.stdout.strip()
    assert tok.startswith("ew_") and len(tok) > 30
    listed = runner.invoke(cli, ["token", "list", "--db", str(db)])
    assert "ana" in listed.stdout and tok not in listed.stdout
    with Store(f"sqlite:///{db}") as s:
        assert s.check_token(tok) == "ana"
        client = TestClient(create_app(store=s))
        assert client.get("/api/whoami", headers=auth(tok)).json() == {"name": "ana", "role": "reader"}
    bad = runner.invoke(cli, ["token", "create", "", "--db", str(db)])
    assert bad.exit_code != 0 and "name" in bad.stderr and "Traceback" not in bad.stderr
    hashes = sqlite3.connect(db).execute("SELECT token_hash FROM api_tokens").fetchall()
    assert len(hashes) == 1 and hashes[0][0] != tok and tok not in db.read_bytes().decode("latin-1")
    unnamed = runner.invoke(cli, ["token", "create", "--db", str(db)])  # named after the login
    assert unnamed.exit_code == 0 and unnamed.stdout.strip().startswith("ew_")
    assert runner.invoke(cli, ["token", "revoke", "1", "--db", str(db)]).exit_code == 0
    with Store(f"sqlite:///{db}") as s:
        assert s.check_token(tok) is None


def test_serve_answers_on_the_given_port(tmp_path):
    import socket

    import httpx

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "eventwire.cli", "serve", "--db", str(tmp_path / "s.db"),
                             "--port", str(port)], stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline and proc.poll() is None, "the server did not start"
                time.sleep(0.2)
        assert r.json()["status"] == "ok"
        assert httpx.get(f"http://127.0.0.1:{port}/api/events").json()["events"] == []
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=20)
    assert f"http://127.0.0.1:{port}/" in err


def test_slow_results_are_kept_for_a_while_and_cleared_on_demand():
    from eventwire.serve.app import SlowResultCache

    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    cache = SlowResultCache(ttl=60, slow=0)
    assert cache.get("k", compute) == 1 and cache.get("k", compute) == 1 and len(calls) == 1
    assert cache.get("other", compute) == 2
    cache.clear()
    assert cache.get("k", compute) == 3
    quick = SlowResultCache(ttl=60, slow=10)  # fast results are not worth keeping
    assert quick.get("k", compute) == 4 and quick.get("k", compute) == 5
    expired = SlowResultCache(ttl=0, slow=0)
    assert expired.get("k", compute) == 6 and expired.get("k", compute) == 7


def test_evidence_search_uses_the_full_text_index_and_finds_evidence_stored_later(client, store, filled):
    from eventwire.storage.store import fts_query

    assert fts_query("depot, Mosul!") == '"depot"* "Mosul"*' and fts_query("%%") is None
    assert store._evidence_index()  # SQLite: migration 0005 made the FTS5 index and its triggers
    # prefixes, any case, any order; all words must be in one source's evidence
    assert ids_of(client.get("/api/events", params={"q": "MOSUL dep"})) == [filled["mosul"]]
    assert ids_of(client.get("/api/events", params={"q": "depot shepherds"})) == []
    later = make_event("later", date="2017-03-09", place="Deir ez-Zor", lat=35.33, lon=40.14,
                       admin1="Deir ez-Zor", text="Tribal fighters ambushed a convoy outside Deir ez-Zor.",
                       start=len("Article later. "))
    added = store.add_result(make_result("later", [later], url="https://news.example/later"))
    assert ids_of(client.get("/api/events", params={"q": "ambushed convoy"})) == added.event_ids
    assert client.get("/api/stats", params={"q": "ambush"}).json()["events"] == 1


# -- the dashboard's filters and charts ----------------------------------------------------------------------
@pytest.fixture
def varied(store, filled):
    """`filled` and three more: a PLOVER-only event (no ACLED type), one of low confidence, one from another wire."""
    specs = [
        ("plover-only", dict(date="2017-03-09", etype=None, sub=None, plover="COERCE", place="Homs", lat=34.73,
                             lon=36.72, admin1="Homs", actor1="Military Forces of Syria", actor2="Civilians (Syria)",
                             text="Soldiers detained dozens of men at checkpoints around Homs."), "Test Wire"),
        ("unsure", dict(date="2017-03-10", confidence=0.2, place="Deir ez-Zor", lat=35.33, lon=40.14,
                        admin1="Deir ez-Zor", fatalities=4,
                        text="Islamic State fighters may have clashed with Turkish troops near Deir ez-Zor."),
         "Test Wire"),
        ("other-wire", dict(date="2017-03-11", place="Mosul", lat=36.34, lon=43.13, country="IRQ", admin1="Nineveh",
                            actor1="Military Forces of Iraq", actor2="Islamic State", fatalities=7,
                            text="Iraqi troops fought Islamic State fighters in the old city of Mosul."),
         "Other Wire"),
    ]
    ids = dict(filled)
    for key, kw, source in specs:
        ev = make_event(key, start=len(f"Article {key}. "), **kw)
        added = store.add_result(make_result(key, [ev], url=f"https://news.example/{key}", source=source))
        ids[key] = added.event_ids[0]
    store.run_dedup()
    return ids


@pytest.mark.parametrize("params, expected", [
    ({"plover": "COERCE"}, {"plover-only"}),
    ({"plover": "coerce"}, {"plover-only"}),
    ({"plover": "PROTEST"}, {"kabul"}),
    ({"min_confidence": "0.5", "country": "SYR"}, {"al-bab", "undated", "plover-only"}),
    ({"min_confidence": "0.1", "country": "SYR"}, {"al-bab", "undated", "plover-only", "unsure"}),
    ({"source": "Other Wire"}, {"other-wire"}),
    ({"source": "No Such Wire"}, set()),
    ({"admin1": "Nineveh"}, {"mosul", "other-wire"}),
    ({"min_fatalities": "5"}, {"al-bab", "mosul", "other-wire"}),
    ({"modality": "future"}, {"planned"}),
])
def test_each_dashboard_filter_narrows_listings_stats_and_exports(client, varied, params, expected):
    names = {v: k for k, v in varied.items()}
    assert {names[i] for i in ids_of(client.get("/api/events", params=params))} == expected
    assert client.get("/api/stats", params=params).json()["events"] == len(expected)
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export", params={**params, "format": "acled-csv"}).text)))
    assert {names[int(r["eventwire_id"])] for r in rows} == expected


@pytest.mark.parametrize("params", [{"min_confidence": "1.5"}, {"min_confidence": "-0.1"}, {"plover": "x" * 65}])
def test_a_bad_new_filter_is_a_422_naming_it(client, params):
    r = client.get("/api/events", params=params)
    assert r.status_code == 422 and next(iter(params)) in json.dumps(r.json()["detail"])


def test_stats_per_day_and_type_and_per_dyad(client, varied):
    body = client.get("/api/stats", params={"bins": "day"}).json()
    assert body["bins"] == "day"
    per_day_type = {(d["date"], d["event_type"]): (d["events"], d["fatalities"]) for d in body["by_day_type"]}
    assert per_day_type[("2017-03-09", None)] == (1, 0)  # the PLOVER-only event
    assert per_day_type[("2017-03-01", "Explosions/Remote violence")] == (1, 5)
    assert sum(e for e, _ in per_day_type.values()) == body["events"] - body["undated"]
    assert sum(f for _, f in per_day_type.values()) == sum(d["fatalities"] for d in body["by_day"])
    dyads = [(d["actor1"], d["actor2"], d["events"], d["fatalities"]) for d in body["by_dyad"]]
    # Iraq v. IS in both orders is one dyad; one-sided events (protests, riots) are none
    assert dyads[0] == ("Islamic State", "Military Forces of Iraq", 2, 12)
    assert ("Islamic State", "Military Forces of Turkey", 2, 16) in dyads
    assert not any(a1 is None or a2 is None for a1, a2, _, _ in dyads)
    assert len(client.get("/api/stats", params={"top": 1}).json()["by_dyad"]) == 1
    binned = client.get("/api/stats", params={"bins": "week_in_month"}).json()["by_day_type"]
    assert len(binned) <= len(per_day_type)
    assert sum(d["events"] for d in binned) == sum(e for e, _ in per_day_type.values())
    assert all(dt.date.fromisoformat(d["date"]).weekday() == 0 or d["date"].endswith("-01") for d in binned)
    months = client.get("/api/stats", params={"bins": "month"}).json()
    assert months["bins"] == "month" and all(d["date"].endswith("-01") for d in months["by_day_type"])
    per_month: dict = {}
    for (day, etype), (events, _) in per_day_type.items():
        per_month[(day[:8] + "01", etype)] = per_month.get((day[:8] + "01", etype), 0) + events
    assert {(d["date"], d["event_type"]): d["events"] for d in months["by_day_type"]} == per_month
    per_month_timeline: dict = {}
    for d in body["by_day"]:
        per_month_timeline[d["date"][:8] + "01"] = per_month_timeline.get(d["date"][:8] + "01", 0) + d["events"]
    assert {d["date"]: d["events"] for d in months["by_day"]} == per_month_timeline, "the timeline in months too"
    # auto: days over a short range, months over a long one (the answer says which)
    assert client.get("/api/stats", params={"date_from": "2017-03-01", "date_to": "2017-03-31"}).json()["bins"] == "day"
    assert client.get("/api/stats", params={"date_from": "2015-01-01", "date_to": "2017-12-31"}).json()["bins"] == "month"
    assert client.get("/api/stats", params={"bins": "year"}).status_code == 422


def test_meta_lists_the_article_sources_most_articles_first(client, varied):
    assert client.get("/api/meta").json()["sources"] == ["Test Wire", "Other Wire"]
