"""Review must never corrupt the data: the rules a correction (PATCH /api/events/{id}) and the store obey.

Each test builds its events by hand (eventfactory), reviews them through FastAPI's TestClient with a reviewer's
token, and reads the result back from the API, the store and the ACLED export.
"""

from __future__ import annotations

import csv
import io
import warnings

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from eventfactory import make_event, make_result
from eventwire.serve.app import create_app
from eventwire.storage.reviews import ReviewError, review_state
from eventwire.storage.store import Store

SANTIAGO = dict(place="Santiago", lat=-33.45, lon=-70.67, country="CHL", admin1="Santiago Metropolitan")


@pytest.fixture
def store(tmp_path):
    s = Store(f"sqlite:///{tmp_path / 'review.db'}")
    yield s
    s.close()


@pytest.fixture
def events(store):
    """A clash in Al Bab (published 2017-02-10) and a riot in Santiago whose second actor was guessed as an
    unidentified armed group (inter 3), as the issue saw it."""
    clash = store.add_result(make_result("al-bab", [make_event("al-bab", start=len("Article al-bab. "),
                                                               fatalities=12)]))
    riot = make_event("santiago", etype="Riots", sub="Violent demonstration", plover="PROTEST", cameo="145",
                      actor1="Rioters (Chile)", inter1=5, actor2="Unidentified Armed Group", inter2=3,
                      date="2016-10-11", start=len("Article santiago. "), **SANTIAGO)
    riot.actor2.country, riot.actor2.sector = None, "UAF"
    riot.actor1.country, riot.actor1.sector = "CHL", "REB"
    santiago = store.add_result(make_result("santiago", [riot], published="2016-10-12"))
    store.run_dedup()
    return {"al-bab": clash.event_ids[0], "santiago": santiago.event_ids[0]}


@pytest.fixture
def client(store, pipeline):
    return TestClient(create_app(store=store, pipeline=pipeline))


@pytest.fixture
def reviewer(store):
    return {"Authorization": f"Bearer {store.create_token('rosa', role='reviewer')}"}


def patch(client, headers, event_id, body):
    return client.patch(f"/api/events/{event_id}", json=body, headers=headers)


def acled_rows(client) -> dict[str, dict[str, str]]:
    text = client.get("/api/export", params={"format": "acled-csv"}).text
    return {row["eventwire_id"]: row for row in csv.DictReader(io.StringIO(text))}


# -- actors: the same resolution as extraction ------------------------------------------------------------------
def test_a_catalogue_actor_keeps_its_codes_and_the_export_follows(client, reviewer, events):
    before = acled_rows(client)[str(events["santiago"])]
    assert (before["inter2"], before["interaction"]) == ("3", "35")
    r = patch(client, reviewer, events["santiago"], {"changes": {"actor2": "Police Forces of Chile"}})
    assert r.status_code == 200, r.text
    actor2 = r.json()["actor2"]
    assert {k: actor2[k] for k in ("name", "country", "sector", "inter", "cameo", "known")} == {
        "name": "Police Forces of Chile", "country": "CHL", "sector": "COP", "inter": 1, "cameo": "CHLCOP",
        "known": True}
    row = acled_rows(client)[str(events["santiago"])]
    assert (row["actor2"], row["inter1"], row["inter2"], row["interaction"]) == (
        "Police Forces of Chile", "5", "1", "15")
    listed = client.get("/api/events", params={"actor": "Police Forces of Chile"}).json()["events"]
    assert [e["id"] for e in listed] == [events["santiago"]]


def test_an_alias_and_a_generic_name_resolve_as_in_extraction(client, reviewer, events):
    r = patch(client, reviewer, events["santiago"], {"changes": {"actor2": "Chilean police"}})
    assert r.json()["actor2"]["name"] == "Police Forces of Chile"
    # a generic actor takes the event's country: the police of Syria in Al Bab
    r = patch(client, reviewer, events["al-bab"], {"changes": {"actor1": "police"}})
    a1 = r.json()["actor1"]
    assert (a1["name"], a1["country"], a1["inter"], a1["known"]) == ("Police Forces of Syria", "SYR", 1, True)
    # ... and the country of a place corrected in the same request
    r = patch(client, reviewer, events["al-bab"], {"changes": {"actor2": "gunmen", "location": {"country": "IRQ"}}})
    assert r.json()["actor2"]["name"] == "Unidentified Armed Group (Iraq)"


def test_a_name_the_catalogue_does_not_know_is_flagged_unknown(client, reviewer, events):
    r = patch(client, reviewer, events["santiago"], {"changes": {"actor2": "Mountain Lions Liberation Front"}})
    a2 = r.json()["actor2"]
    assert a2["name"] == "Mountain Lions Liberation Front" and a2["known"] is False
    assert a2["sector"] == "REB" and a2["inter"] == 2  # the catalogue's best guess from "Liberation Front"


def test_a_bare_rename_in_the_store_drops_the_old_actors_codes(client, store, events):
    store.add_review(events["santiago"], "actor2.name", "edited", "Someone Else", reviewer="ana")
    a2 = store.get_event(events["santiago"])["actor2"]
    assert a2["name"] == "Someone Else" and a2["known"] is False
    assert (a2["country"], a2["sector"], a2["inter"], a2["cameo"]) == (None, None, None, None)
    row = acled_rows(client)[str(events["santiago"])]
    assert (row["inter2"], row["interaction"]) == ("", "50")


# -- type codes: one coding -------------------------------------------------------------------------------------
@pytest.mark.parametrize("changes, coded", [
    ({"sub_event_type": "Mob violence"}, ("Riots", "Mob violence", "PROTEST", "riot-spon", "145")),
    ({"event_type": "Riots", "sub_event_type": "Violent demonstration"},
     ("Riots", "Violent demonstration", "PROTEST", "riot-spon", "145")),
    ({"sub_event_type": "Attack"}, ("Violence against civilians", "Attack", "ASSAULT", "firearms", "180")),
    ({"sub_event_type": "Attack", "cameo": "190"}, ("Violence against civilians", "Attack", "ASSAULT", "firearms", "190")),
    ({"sub_event_type": "Arrests", "plover": "COERCE"}, ("Strategic developments", "Arrests", "COERCE", "arrest", "173")),
    ({"sub_event_type": "Other", "plover": "THREATEN"}, ("Strategic developments", "Other", "THREATEN", None, "130")),
    ({"event_type": "Battles"}, ("Battles", "Armed clash", "ASSAULT", None, "190")),  # the type it has: no change
])
def test_a_sub_type_brings_its_type_plover_and_cameo(client, reviewer, events, changes, coded):
    r = patch(client, reviewer, events["al-bab"], {"changes": changes})
    assert r.status_code == 200, r.text
    ev = r.json()
    assert (ev["event_type"], ev["sub_event_type"], ev["plover"]["event"], ev["plover"]["mode"], ev["cameo"]) == coded
    assert ev["plover"]["context"] == ["military"]  # kept
    row = acled_rows(client)[str(events["al-bab"])]
    assert (row["event_type"], row["plover_event"], row["cameo"]) == (coded[0], coded[2], coded[4])


@pytest.mark.parametrize("changes, words", [
    ({"event_type": "Riots"}, "needs its sub_event_type too"),  # the issue: Riots with no sub-type and CAMEO 190
    ({"event_type": "Battles", "sub_event_type": "Grenade"}, "belongs to"),
    ({"sub_event_type": "Armed clash", "plover": "PROTEST"}, "does not fit sub_event_type"),
    ({"plover": "AGREE"}, "does not fit sub_event_type"),
    ({"sub_event_type": "Attack", "cameo": "145"}, "does not fit PLOVER category 'ASSAULT'"),
    ({"cameo": "141"}, "one of 190"),
    ({"cameo": "nineteen"}, "cameo"),
    ({"plover": "FIGHT"}, "plover must be one of"),
    ({"modality": "rumoured"}, "modality"),
])
def test_contradictory_codes_are_refused_and_nothing_is_stored(client, reviewer, events, changes, words):
    r = patch(client, reviewer, events["al-bab"], {"changes": changes, "decision": "accept"})
    assert r.status_code == 422 and words in r.json()["detail"], r.text
    ev = client.get(f"/api/events/{events['al-bab']}").json()
    assert ev["reviews"] == [] and ev["sub_event_type"] == "Armed clash" and ev["cameo"] == "190"


def test_meta_offers_each_sub_types_codes_and_the_cameo_codes_of_each_plover(client):
    coding = client.get("/api/meta").json()["coding"]
    assert coding["sub_event_types"]["Mob violence"] == {"event_type": "Riots", "plover": "PROTEST",
                                                         "mode": "riot-spon", "cameo": "145"}
    assert coding["sub_event_types"]["Other"]["plover"] is None
    assert coding["cameo"]["PROTEST"] == ["141", "145"]
    assert "190" in coding["cameo"]["ASSAULT"] and "145" not in coding["cameo"]["ASSAULT"]


# -- dates and modality ------------------------------------------------------------------------------------------
def test_a_date_after_publication_needs_modality_future(client, reviewer, events):
    eid = events["santiago"]  # published 2016-10-12
    r = patch(client, reviewer, eid, {"changes": {"date": "2030-01-01"}})
    assert r.status_code == 422 and "after the publication" in r.json()["detail"] and "2016-10-12" in r.json()["detail"]
    assert patch(client, reviewer, eid, {"changes": {"date": "2016-10-12"}}).status_code == 200  # the day itself
    r = patch(client, reviewer, eid, {"changes": {"date": "2030-01-01", "modality": "future"}})
    assert r.status_code == 200 and (r.json()["date"], r.json()["modality"]) == ("2030-01-01", "future")
    # a planned event dated after its report cannot become an asserted one without a new date
    r = patch(client, reviewer, eid, {"changes": {"modality": "asserted"}})
    assert r.status_code == 422 and "after the publication" in r.json()["detail"]
    r = patch(client, reviewer, eid, {"changes": {"modality": "asserted", "date": "2016-10-10"}})
    assert r.status_code == 200 and r.json()["modality"] == "asserted"


@pytest.mark.parametrize("modality", ["background", "negated", "hypothetical", "future"])
def test_modality_is_correctable_and_exported(client, reviewer, events, modality):
    r = patch(client, reviewer, events["al-bab"], {"changes": {"modality": modality}, "comment": "re-read"})
    assert r.status_code == 200 and r.json()["modality"] == modality
    assert [(t["field"], t["old_value"], t["new_value"]) for t in r.json()["reviews"]] == [
        ("modality", "asserted", modality)]
    listed = client.get("/api/events", params={"modality": modality}).json()["events"]
    assert [e["id"] for e in listed] == [events["al-bab"]]


# -- the review state and rejections ------------------------------------------------------------------------------
def test_the_review_state_follows_the_last_action(client, reviewer, events):
    eid = events["al-bab"]

    def state(body):
        r = patch(client, reviewer, eid, body)
        assert r.status_code == 200, r.text
        return r.json()["review"], r.json()["status"]

    assert state({"decision": "accept"}) == ("accepted", "active")
    assert state({"changes": {"fatalities": 13}}) == ("edited", "active")  # the issue: it stayed "accepted"
    assert state({"changes": {"fatalities": 14}, "decision": "accept"}) == ("accepted", "active")
    assert state({"decision": "reject", "comment": "a rumour"}) == ("rejected", "rejected")
    assert state({"changes": {"fatalities": 2}}) == ("edited", "rejected")  # still left out until accepted
    assert client.get(f"/api/events/{eid}").json()["review"] == "edited"


def test_review_state_of_a_trail():
    def r(field, status):
        return {"field": field, "status": status}

    assert review_state([]) == "unreviewed"
    assert review_state([r("actor1", "accepted")]) == "unreviewed"  # confirming a value changes nothing
    assert review_state([r("event", "accepted"), r("date", "edited")]) == "edited"
    assert review_state([r("date", "edited"), r("event", "accepted"), r("actor1", "accepted")]) == "accepted"
    assert review_state([r("event", "rejected"), r("actor2", "rejected")]) == "edited"


@pytest.mark.parametrize("comment", [None, "", "   "])
def test_rejecting_needs_a_reason(client, reviewer, events, comment):
    body = {"decision": "reject", "changes": {"fatalities": 1}} | ({} if comment is None else {"comment": comment})
    r = patch(client, reviewer, events["al-bab"], body)
    assert r.status_code == 422 and "needs a comment" in r.json()["detail"]
    ev = client.get(f"/api/events/{events['al-bab']}").json()
    assert ev["reviews"] == [] and ev["fatalities"] == 12 and ev["status"] == "active"
    r = patch(client, reviewer, events["al-bab"], {"decision": "reject", "comment": "a training exercise"})
    assert r.status_code == 200 and r.json()["reviews"][-1]["comment"] == "a training exercise"


def test_the_store_refuses_a_rejection_without_reason_and_keeps_a_request_whole(store, events):
    eid = events["al-bab"]
    with pytest.raises(ReviewError, match="needs a comment"):
        store.add_review(eid, "event", "rejected", reviewer="ana")
    with pytest.raises(ReviewError, match="cannot review"):
        store.add_reviews(eid, [("fatalities", "edited", 3), ("article_id", "edited", "x")], reviewer="ana")
    assert store.reviews(eid) == [] and store.get_event(eid)["fatalities"] == 12
    store.add_reviews(eid, [("fatalities", "edited", 3), ("event", "rejected", None)], reviewer="ana",
                      comment="duplicate of a later report")
    assert [r["field"] for r in store.reviews(eid)] == ["fatalities", "event"]
    assert store.get_event(eid).status == "rejected"
