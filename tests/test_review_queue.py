"""The analyst's workbench over the HTTP API: the review queue (lowest confidence first, filtered, with the
reviewer's progress), bulk review of a filtered selection (one transaction, one action, a cap), undo of the
reviewer's last action (the events exactly as before, the history keeping both), the unresolved actors, and the
migration that groups older reviews into actions.

Events are built by hand (eventfactory); the store runs on SQLite, and on PostgreSQL too where marked.
"""

from __future__ import annotations

import base64
import json
import warnings

import pytest
from sqlalchemy import create_engine, text

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from eventfactory import make_event, make_result
from eventwire.actor_growth import unresolved_actors
from eventwire.serve.app import create_app
from eventwire.storage.reviews import NothingToUndo, UndoConflict
from eventwire.storage.store import Store, resolve_url
from storebackends import BACKENDS, close_store, open_store

# key -> (country, type, sub-type, confidence, outlet); one event per article
SPECS = {
    "aleppo": ("SYR", "Battles", "Armed clash", 0.62, "Wire A"),
    "idlib": ("SYR", "Explosions/Remote violence", "Air/drone strike", 0.31, "Wire B"),
    "homs": ("SYR", "Battles", "Armed clash", 0.48, "Wire B"),
    "mosul": ("IRQ", "Battles", "Armed clash", 0.27, "Wire A"),
    "basra": ("IRQ", "Protests", "Peaceful protest", 0.90, "Wire C"),
    "kabul": ("AFG", "Battles", "Armed clash", 0.55, "Wire A"),
}
PLACES = {"SYR": (36.2, 37.1, "Aleppo"), "IRQ": (36.3, 43.1, "Nineveh"), "AFG": (34.5, 69.2, "Kabul")}


def add_events(store: Store) -> dict[str, int]:
    ids = {}
    for i, (key, (iso3, etype, sub, confidence, outlet)) in enumerate(SPECS.items()):
        lat, lon, admin1 = PLACES[iso3]
        ev = make_event(key, etype=etype, sub=sub, plover="PROTEST" if etype == "Protests" else "ASSAULT",
                        country=iso3, lat=lat + i, lon=lon, admin1=admin1, place=key.title(), confidence=confidence,
                        date=f"2017-02-0{i + 1}", fatalities=i, start=len(f"Article {key}. "))
        ids[key] = store.add_result(make_result(key, [ev], source=outlet, url=f"https://news.example/{key}")).event_ids[0]
    store.run_dedup()
    return ids


@pytest.fixture
def store(tmp_path):
    s = Store(f"sqlite:///{tmp_path / 'queue.db'}")
    yield s
    s.close()


@pytest.fixture
def ids(store):
    return add_events(store)


@pytest.fixture
def app(store, pipeline):
    return create_app(store=store, pipeline=pipeline)


@pytest.fixture
def client(app):
    return TestClient(app)


@pytest.fixture
def rosa(store):
    return {"Authorization": f"Bearer {store.create_token('rosa', role='reviewer')}"}


@pytest.fixture
def ivan(store):
    return {"Authorization": f"Bearer {store.create_token('ivan', role='reviewer')}"}


def queue(client, headers, **params):
    r = client.get("/api/review/queue", params=params, headers=headers)
    assert r.status_code == 200, r.text
    return r.json()


def queue_keys(client, headers, ids, **params) -> list[str]:
    names = {v: k for k, v in ids.items()}
    return [names[e["id"]] for e in queue(client, headers, **params)["events"]]


def snapshot(store, ids) -> dict[str, tuple]:
    """What an event is, for the analyst: its record after reviews and its status."""
    out = {}
    for key, event_id in ids.items():
        ev = store.get_event(event_id)
        out[key] = (json.dumps(ev.record, sort_keys=True), ev.status)
    return out


# -- the queue ---------------------------------------------------------------------------------------------------
def test_the_queue_lists_unreviewed_events_lowest_confidence_first_with_their_evidence(client, rosa, ids):
    got = queue(client, rosa)
    assert [e["id"] for e in got["events"]] == [ids[k] for k in ("mosul", "idlib", "homs", "kabul", "aleppo",
                                                                   "basra")]
    first = got["events"][0]
    assert first["sources"][0]["evidence"]["text"] == "Islamic State fought Military Forces of Turkey near Mosul."
    assert first["sources"][0]["source"] == "Wire A"
    assert (got["total"], got["unreviewed"], got["reviewed_today"], got["reviewer"]) == (6, 6, 0, "rosa")


def test_the_queue_filters_by_country_type_and_source_and_groups_by_country(client, rosa, ids):
    assert queue_keys(client, rosa, ids, country="Syria") == ["idlib", "homs", "aleppo"]
    assert queue_keys(client, rosa, ids, type="Battles") == ["mosul", "homs", "kabul", "aleppo"]
    assert queue_keys(client, rosa, ids, source="wire b") == ["idlib", "homs"]  # the outlet, any case
    assert queue_keys(client, rosa, ids, source="Wire A", country="IRQ") == ["mosul"]
    assert queue(client, rosa, source="Wire A", type="Battles")["unreviewed"] == 3
    assert queue_keys(client, rosa, ids, order="country") == ["kabul", "mosul", "basra", "idlib", "homs", "aleppo"]
    assert queue_keys(client, rosa, ids, order="type") == ["mosul", "homs", "kabul", "aleppo", "idlib", "basra"]
    assert queue_keys(client, rosa, ids, source="Nobody") == []


def test_reviewed_events_leave_the_queue_and_pages_do_not_skip_any(client, store, rosa, ids):
    first = queue(client, rosa, limit=2)
    assert [e["id"] for e in first["events"]] == [ids["mosul"], ids["idlib"]] and first["next_cursor"]
    # reviewed while the reviewer reads the first page: the next page starts where the first ended all the same
    for key in ("mosul", "idlib"):
        assert client.patch(f"/api/events/{ids[key]}", json={"decision": "accept"}, headers=rosa).status_code == 200
    second = queue(client, rosa, limit=2, cursor=first["next_cursor"])
    assert [e["id"] for e in second["events"]] == [ids["homs"], ids["kabul"]]
    third = queue(client, rosa, limit=2, cursor=second["next_cursor"])
    assert [e["id"] for e in third["events"]] == [ids["aleppo"], ids["basra"]] and third["next_cursor"] is None
    # an edit and a rejection are reviews too; confirming one field's value is not a verdict on the event
    client.patch(f"/api/events/{ids['homs']}", json={"changes": {"fatalities": 7}}, headers=rosa)
    client.patch(f"/api/events/{ids['kabul']}", json={"decision": "reject", "comment": "a drill"}, headers=rosa)
    store.add_review(ids["aleppo"], "fatalities", "accepted", reviewer="ivan")
    assert queue_keys(client, rosa, ids) == ["aleppo", "basra"]
    everything = queue(client, rosa, state="all", review="all")
    assert len(everything["events"]) == 6 and everything["total"] == 6 and everything["unreviewed"] == 2


def test_a_cursor_from_elsewhere_is_refused(client, rosa, ids):
    page = queue(client, rosa, limit=1, order="country")
    assert client.get("/api/review/queue", params={"cursor": page["next_cursor"]}, headers=rosa).status_code == 400
    forged = base64.urlsafe_b64encode(json.dumps([0.5, "1; DROP TABLE"]).encode()).decode()
    r = client.get("/api/review/queue", params={"cursor": forged}, headers=rosa)
    assert r.status_code == 400 and "cursor" in r.json()["detail"]


def test_progress_counts_the_reviewers_own_reviews_of_today_in_the_filter(client, store, rosa, ivan, ids):
    client.patch(f"/api/events/{ids['mosul']}", json={"decision": "accept"}, headers=rosa)
    client.patch(f"/api/events/{ids['idlib']}", json={"decision": "reject", "comment": "old news"}, headers=rosa)
    client.patch(f"/api/events/{ids['idlib']}", json={"changes": {"fatalities": 3}}, headers=rosa)  # same event
    client.patch(f"/api/events/{ids['homs']}", json={"decision": "accept"}, headers=ivan)
    client.patch(f"/api/events/{ids['aleppo']}", json={"decision": "accept"}, headers=rosa)
    got = queue(client, rosa)
    assert (got["reviewed_today"], got["unreviewed"]) == (3, 2)  # the rejected one counts too
    assert queue(client, ivan)["reviewed_today"] == 1
    syria = queue(client, rosa, country="SYR")
    assert (syria["reviewed_today"], syria["unreviewed"]) == (2, 0)
    # a review made yesterday is no progress of today
    engine = create_engine(resolve_url(store.url))
    with engine.begin() as conn:
        conn.execute(text("UPDATE reviews SET created_at = '2020-01-01 10:00:00' WHERE event_id = :e"),
                     {"e": ids["aleppo"]})
    engine.dispose()
    assert queue(client, rosa)["reviewed_today"] == 2


# -- bulk review -------------------------------------------------------------------------------------------------
def test_bulk_accept_of_a_filtered_selection_is_one_action(client, store, rosa, ids):
    r = client.post("/api/review/bulk", params={"type": "Battles", "country": "SYR"},
                    json={"decision": "accept", "comment": "checked against the wire", "expected": 2}, headers=rosa)
    assert r.status_code == 200, r.text
    body = r.json()
    assert (body["changed"], sorted(body["event_ids"])) == (2, sorted([ids["homs"], ids["aleppo"]]))
    for key in ("homs", "aleppo"):
        trail = store.reviews(ids[key])
        assert [(t["field"], t["status"], t["reviewer"], t["comment"], t["action_id"]) for t in trail] == [
            ("event", "accepted", "rosa", "checked against the wire", body["action_id"])]
        assert client.get(f"/api/events/{ids[key]}").json()["review"] == "accepted"
    assert store.reviews(ids["idlib"]) == []
    assert queue_keys(client, rosa, ids) == ["mosul", "idlib", "kabul", "basra"]


def test_bulk_reject_needs_its_reason_and_takes_rejected_events_out_of_listings(client, store, rosa, ids):
    r = client.post("/api/review/bulk", params={"source": "Wire B"}, json={"decision": "reject"}, headers=rosa)
    assert r.status_code == 422 and "needs a comment" in r.json()["detail"]
    assert store.reviews(ids["idlib"]) == [] and store.reviews(ids["homs"]) == []
    r = client.post("/api/review/bulk", params={"source": "Wire B"},
                    json={"decision": "reject", "comment": "Wire B syndicates rumours"}, headers=rosa)
    assert r.status_code == 200 and r.json()["changed"] == 2
    listed = {e["id"] for e in client.get("/api/events").json()["events"]}
    assert ids["idlib"] not in listed and ids["homs"] not in listed and ids["mosul"] in listed


def test_a_selection_over_the_cap_is_refused_with_its_size_and_nothing_changes(app, client, store, rosa, ids):
    app.state.ctx.max_bulk_review = 3
    before = snapshot(store, ids)
    r = client.post("/api/review/bulk", json={"decision": "accept"}, headers=rosa)
    assert r.status_code == 422
    assert r.json()["detail"].startswith("the selection has 6 events, more than the 3 one bulk review may change")
    assert "narrow the filters" in r.json()["detail"]
    assert snapshot(store, ids) == before and store.stats()["reviews"] == 0
    assert queue(client, rosa)["max_bulk"] == 3
    assert client.post("/api/review/bulk", params={"country": "SYR"}, json={"decision": "accept"},
                       headers=rosa).status_code == 200  # exactly the cap


def test_a_selection_that_changed_since_the_confirmation_is_not_reviewed(client, store, rosa, ivan, ids):
    client.patch(f"/api/events/{ids['aleppo']}", json={"decision": "accept"}, headers=ivan)  # meanwhile
    r = client.post("/api/review/bulk", params={"country": "SYR"}, json={"decision": "accept", "expected": 3},
                    headers=rosa)
    assert r.status_code == 409 and "it has 2 events now, not 3" in r.json()["detail"]
    assert store.reviews(ids["idlib"]) == []
    empty = client.post("/api/review/bulk", params={"country": "NGA"}, json={"decision": "accept"}, headers=rosa)
    assert empty.status_code == 422 and "no event matches" in empty.json()["detail"]


def test_a_bulk_review_is_one_transaction_all_or_none(client, store, rosa, ids, monkeypatch):
    before = snapshot(store, ids)
    with pytest.raises(KeyError):  # an unknown id among them: none is reviewed
        store.bulk_review([ids["mosul"], ids["idlib"], 999_999], [("event", "accepted", None)], reviewer="rosa")
    assert store.stats()["reviews"] == 0

    def broken_refresh(session, event_ids):
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(store, "_refresh", broken_refresh)  # fails after every review row was added
    r = TestClient(client.app, raise_server_exceptions=False).post(
        "/api/review/bulk", json={"decision": "reject", "comment": "all wrong"}, headers=rosa)
    assert r.status_code == 500
    monkeypatch.undo()
    assert store.stats()["reviews"] == 0 and snapshot(store, ids) == before


# -- undo --------------------------------------------------------------------------------------------------------
def test_undo_restores_an_edit_exactly_and_the_history_keeps_both(client, store, rosa, ids):
    before = snapshot(store, ids)
    listed_before = client.get("/api/events", params={"country": "SYR"}).json()["events"]
    r = client.patch(f"/api/events/{ids['aleppo']}", headers=rosa, json={
        "changes": {"sub_event_type": "Violent demonstration", "fatalities": 40, "actor2": "Police Forces of Syria",
                    "location": {"name": "Azaz", "lat": 36.58}}, "comment": "misread"})
    assert r.status_code == 200 and r.json()["event_type"] == "Riots"
    n_steps = len(store.reviews(ids["aleppo"]))
    assert n_steps >= 6  # type, sub-type, PLOVER, CAMEO, actor, place, fatalities: one action
    r = client.post("/api/review/undo", json={"comment": "wrong event"}, headers=rosa)
    assert r.status_code == 200, r.text
    assert r.json()["event_ids"] == [ids["aleppo"]] and r.json()["reviews"] == n_steps
    assert snapshot(store, ids) == before
    assert client.get("/api/events", params={"country": "SYR"}).json()["events"] == listed_before
    got = client.get(f"/api/events/{ids['aleppo']}").json()
    assert got["review"] == "unreviewed"
    trail = got["reviews"]
    assert len(trail) == n_steps + 1
    assert all(t["undone_by"] == r.json()["action_id"] for t in trail[:-1])
    assert (trail[-1]["status"], trail[-1]["comment"], trail[-1]["new_value"]) == (
        "undone", "wrong event", {"undoes": r.json()["undone"]})
    # a later review re-merges the event with every review: the undone ones stay out
    client.patch(f"/api/events/{ids['aleppo']}", json={"decision": "accept"}, headers=rosa)
    assert store.get_event(ids["aleppo"]).record["fatalities"] == 0


def test_undo_of_a_bulk_rejection_brings_every_event_back_and_goes_back_one_action_at_a_time(client, store, rosa,
                                                                                             ids):
    start = snapshot(store, ids)
    client.patch(f"/api/events/{ids['basra']}", json={"changes": {"fatalities": 9}}, headers=rosa)
    after_edit = snapshot(store, ids)
    bulk = client.post("/api/review/bulk", params={"type": "Battles"},
                       json={"decision": "reject", "comment": "a war game"}, headers=rosa).json()
    assert bulk["changed"] == 4 and queue(client, rosa)["unreviewed"] == 1
    undo = client.post("/api/review/undo", headers=rosa).json()
    assert undo["undone"] == bulk["action_id"] and sorted(undo["event_ids"]) == sorted(bulk["event_ids"])
    assert snapshot(store, ids) == after_edit and queue(client, rosa)["unreviewed"] == 5
    assert client.post("/api/review/undo", headers=rosa).status_code == 200  # the edit before it
    assert snapshot(store, ids) == start
    r = client.post("/api/review/undo", headers=rosa)
    assert r.status_code == 404 and "nothing to undo" in r.json()["detail"]


def test_undo_is_per_reviewer_and_refused_when_someone_reviewed_since(client, store, rosa, ivan, ids):
    client.patch(f"/api/events/{ids['mosul']}", json={"decision": "accept"}, headers=rosa)
    client.patch(f"/api/events/{ids['kabul']}", json={"decision": "accept"}, headers=ivan)
    client.patch(f"/api/events/{ids['mosul']}", json={"changes": {"fatalities": 5}}, headers=ivan)
    # rosa's last action is the accept of mosul: ivan edited mosul since, so it cannot be restored exactly
    r = client.post("/api/review/undo", headers=rosa)
    assert r.status_code == 409 and "reviewed by ivan" in r.json()["detail"]
    assert store.get_event(ids["mosul"]).record["fatalities"] == 5
    assert client.post("/api/review/undo", headers=ivan).json()["event_ids"] == [ids["mosul"]]
    assert store.get_event(ids["mosul"]).record["fatalities"] == 3
    assert client.post("/api/review/undo", headers=rosa).json()["event_ids"] == [ids["mosul"]]
    assert client.get(f"/api/events/{ids['mosul']}").json()["review"] == "unreviewed"
    assert client.get(f"/api/events/{ids['kabul']}").json()["review"] == "accepted"  # ivan's, untouched


def test_the_store_undoes_and_refuses_as_the_api_does(store, ids):
    with pytest.raises(NothingToUndo):
        store.undo_last("rosa")
    store.add_review(ids["homs"], "event", "rejected", reviewer="rosa", comment="duplicate")
    store.add_review(ids["homs"], "event", "accepted", reviewer="ivan")
    with pytest.raises(UndoConflict):
        store.undo_last("rosa")
    assert store.undo_last("ivan").event_ids == [ids["homs"]]
    assert store.get_event(ids["homs"]).status == "rejected"
    assert store.undo_last("rosa").event_ids == [ids["homs"]]
    assert store.get_event(ids["homs"]).status == "active"


def test_a_review_of_a_report_merged_later_counts_for_the_event_it_joined(tmp_path):
    with Store(f"sqlite:///{tmp_path / 'merge.db'}") as store:
        first = store.add_result(make_result("one", [make_event("one", start=len("Article one. "))])).event_ids[0]
        second = store.add_result(make_result("two", [make_event("two", start=len("Article two. "))],
                                              source="Other Wire")).event_ids[0]
        store.add_review(second, "event", "accepted", reviewer="rosa")  # before dedup joins the two reports
        assert store.count_queue() == 1
        store.run_dedup()
        assert store.get_event(second).id == first and store.count_events() == 1
        assert (store.count_queue(), store.review_queue()[0], store.reviewed_today("rosa")) == (0, [], 1)
        assert store.count_queue(source="other wire", state="all") == 1
        assert store.undo_last("rosa").event_ids == [first]
        assert [e.id for e in store.review_queue()[0]] == [first] and store.reviewed_today("rosa") == 0


# -- unresolved actors ----------------------------------------------------------------------------------------------
def test_unresolved_actors_are_what_the_command_lists(client, store, pipeline):
    for key, name in (("a", "Sons of the Valley Brigade"), ("b", "Sons of the Valley Brigade"), ("c", "Kuro Militia")):
        ev = make_event(key, actor2=name, start=len(f"Article {key}. "))
        ev.actor2.known = False
        store.add_result(make_result(key, [ev]))
    store.run_dedup()
    r = client.get("/api/actors/unresolved")
    assert r.status_code == 200
    got = r.json()
    assert got == [a.to_dict() for a in unresolved_actors(store.iter_reports(), pipeline.catalogue)]
    assert [(a["name"], a["reports"]) for a in got] == [("Sons of the Valley Brigade", 2), ("Kuro Militia", 1)]
    first = got[0]
    assert first["example"] == "Islamic State fought Sons of the Valley Brigade near Al Bab."
    assert first["suggested_sector"]
    assert [a["name"] for a in client.get("/api/actors/unresolved", params={"limit": 1}).json()] == [
        "Sons of the Valley Brigade"]


# -- storage: the migration, and PostgreSQL ---------------------------------------------------------------------------
def test_reviews_made_before_the_migration_are_one_action_each(tmp_path):
    from alembic import command

    from eventwire.storage.store import alembic_config

    url = f"sqlite:///{tmp_path / 'old.db'}"
    with Store(url) as store:
        event_id = store.add_result(make_result("a", [make_event("a", start=len("Article a. "))])).event_ids[0]
    engine = create_engine(resolve_url(url))
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0007")
        conn.execute(text("INSERT INTO reviews (event_id, field, old_value, new_value, reviewer, status, comment, "
                          "created_at) VALUES (:e, 'event', NULL, NULL, 'rosa', 'rejected', 'old', "
                          "'2026-01-02 03:04:05')"), {"e": event_id})
    engine.dispose()
    with Store(url) as store:
        trail = store.reviews(event_id)
        assert trail[0]["action_id"] == trail[0]["id"] and trail[0]["undone_by"] is None
        assert store.undo_last("rosa").reviews == 1


@pytest.mark.parametrize("backend", BACKENDS)
def test_queue_bulk_and_undo_on_every_backend(backend, tmp_path):
    store = open_store(backend, tmp_path)
    try:
        ids = add_events(store)
        page, cursor = store.review_queue(limit=2, order="country")
        assert [e.id for e in page] == [ids["kabul"], ids["mosul"]]
        page, _ = store.review_queue(after=cursor, limit=10, order="country", source="wire a")
        assert [e.id for e in page] == [ids["aleppo"]]
        before = snapshot(store, ids)
        action = store.bulk_review(store.queue_ids(limit=10, country="SYR"), [("event", "rejected", None)],
                                   reviewer="rosa", comment="rumours")
        assert store.count_queue() == 3 and store.reviewed_today("rosa") == 3
        assert store.undo_last("rosa").undone == action
        assert snapshot(store, ids) == before and store.count_queue() == 6 and store.reviewed_today("rosa") == 0
    finally:
        close_store(backend, store)
