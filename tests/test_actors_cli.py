"""`eventwire actors --unresolved` and `eventwire actors add` / `recode`: a store filled through the Python API
with events naming actors the catalogue does not know, listed, added to a user catalogue and re-coded."""

from __future__ import annotations

import json

import pytest

from eventfactory import make_event, make_result
from eventwire.actor_growth import Recoder, unresolved_actors
from eventwire.extraction.actors import CatalogueError, load_catalogue
from eventwire.records import Actor
from eventwire.storage.store import Store
from test_cli import run

BRIGADE = "Ambazonia Restoration Brigade"


def _unknown(text: str) -> Actor:
    """An actor as the extractor stores one the catalogue did not know: a best guess, known=False."""
    name = text.removeprefix("the ").removeprefix("The ")
    return Actor(name=name, text=text, country=None, sector="UAF", inter=3, known=False)


def _fill(db) -> None:
    events = [
        ("c1", f"The {BRIGADE} attacked a police station in Bamenda.", _unknown(f"The {BRIGADE}"), "2021-03-01"),
        ("c2", f"Soldiers clashed with the {BRIGADE} near Kumba.", _unknown(f"the {BRIGADE}"), "2021-03-11"),
        ("c3", "The Kumba Night Riders looted shops in Kumba.", _unknown("The Kumba Night Riders"), "2021-03-20"),
    ]
    with Store(str(db)) as store:
        for article, sentence, actor, date in events:
            ev = make_event(article, text=sentence, place="Kumba", lat=4.636, lon=9.446, country="CMR",
                            admin1="South-West", date=date)
            ev.actor1 = actor
            ev.actor2 = Actor(name="Police Forces of Cameroon", text="police", country="CMR", sector="COP", inter=1)
            # an actor no words named (the usual actor of an air strike): known=False but no text, not listed
            inferred = make_event(article, etype="Explosions/Remote violence", sub="Air/drone strike", text="Jets struck.",
                                  place="Kumba", lat=4.636, lon=9.446, country="CMR", date=date, start=200)
            inferred.actor1 = Actor(name="Military Forces of Cameroon", text=None, country="CMR", sector="MIL", inter=1,
                                    known=False)
            store.add_result(make_result(article, [ev, inferred], published=date))
        store.run_dedup()


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "actors.db"
    _fill(path)
    return path


def _brigade_events(db) -> list[dict]:
    with Store(str(db)) as store:
        return [e.record for e in store.query_events(country="CMR") if BRIGADE in json.dumps(e.record)]


def test_unresolved_by_frequency_with_example_and_sector(db, catalogue):
    with Store(str(db)) as store:
        found = unresolved_actors(store.iter_reports(), catalogue)
    assert [(a.name, a.reports, len(a.articles)) for a in found] == [(BRIGADE, 2, 2), ("Kumba Night Riders", 1, 1)]
    assert found[0].example == f"The {BRIGADE} attacked a police station in Bamenda."
    assert found[0].example_article == "c1"
    assert found[0].sector == "UAF" and found[0].inter == 3  # "brigade": the catalogue's guess rules
    assert "Military Forces of Cameroon" not in {a.name for a in found}


def test_unresolved_leaves_out_rejected_events(db, catalogue):
    with Store(str(db)) as store:
        (riders,) = [e for e in store.query_events(country="CMR") if "Night Riders" in json.dumps(e.record)]
        store.add_review(riders.id, "event", "rejected", comment="not an event")
        names = [a.name for a in unresolved_actors(store.iter_reports(), catalogue)]
        assert names == [BRIGADE]
        assert "Kumba Night Riders" in [a.name for a in unresolved_actors(store.iter_reports(), catalogue,
                                                                           include_rejected=True)]


def test_cli_unresolved_table_and_json(db):
    proc = run("actors", "--unresolved", "--db", str(db), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    listed = json.loads(proc.stdout)
    assert [a["name"] for a in listed] == [BRIGADE, "Kumba Night Riders"]
    assert listed[0]["reports"] == 2 and listed[0]["suggested_sector"] == "UAF"
    proc = run("actors", "--unresolved", "--db", str(db), "--limit", "1")
    assert proc.returncode == 0, proc.stderr
    assert BRIGADE in proc.stdout and "Night Riders" not in proc.stdout and "1 actor shown" in proc.stdout
    assert "[c1]" in proc.stdout  # the article of the example, not taken for markup


def test_cli_add_writes_the_user_catalogue_and_recodes(db, tmp_path):
    user = tmp_path / "my-actors.yaml"
    proc = run("actors", "add", BRIGADE, "--sector", "SEP", "--country", "Cameroon", "--alias", "ARB",
               "--db", str(db), "--catalogue", str(user))
    assert proc.returncode == 0, proc.stderr
    assert f"added {BRIGADE} (SEP, inter 2, CMR)" in proc.stderr
    assert "re-coded 2 actor mentions in 2 reports of 2 events" in proc.stderr
    # the file overlays the packaged catalogue wherever a catalogue is loaded
    cat = load_catalogue(user_catalogue=user)
    assert cat.resolve("ARB").name == BRIGADE and cat.resolve(f"the {BRIGADE}").country == "CMR"
    recoded = _brigade_events(db)
    assert len(recoded) == 2
    for rec in recoded:
        assert rec["actor1"] == {"name": BRIGADE, "text": rec["actor1"]["text"], "country": "CMR", "sector": "SEP",
                                 "inter": 2, "cameo": "CMRSEP", "known": True}
    assert {r["actor1"]["text"] for r in recoded} == {f"The {BRIGADE}", f"the {BRIGADE}"}  # the words stay
    listed = json.loads(run("actors", "--unresolved", "--db", str(db), "--format", "json",
                            "--catalogue", str(user)).stdout)
    assert [a["name"] for a in listed] == ["Kumba Night Riders"]
    # the events table's column follows, so the filters find the new name
    events = json.loads("[" + ",".join(run("events", "--db", str(db), "--actor", "Restoration",
                                           "--format", "jsonl").stdout.split("\n")[:-1]) + "]")
    assert len(events) == 2


def test_add_keeps_reviews_and_leaves_other_actors(db, tmp_path, catalogue):
    with Store(str(db)) as store:
        (first,) = [e for e in store.query_events(country="CMR")
                    if (e.record.get("actor1") or {}).get("text") == f"The {BRIGADE}"]
        store.add_review(first.id, "fatalities", "edited", new_value=7, reviewer="ana")
    user = tmp_path / "actors.yaml"
    user.write_text(f"- {{name: {BRIGADE}, country: CMR, sector: SEP, inter: 2, aliases: [ARB]}}\n")
    recoder = Recoder(load_catalogue(user_catalogue=user), {BRIGADE})
    with Store(str(db)) as store:
        summary = store.recode_reports(recoder)
        store.run_dedup()
        event = store.get_event(first.id)
        riders = [e for e in store.query_events(country="CMR") if "Night Riders" in json.dumps(e.record)]
    assert summary.reports == 2 and recoder.actors == 2
    assert event.record["actor1"]["known"] is True and event.record["fatalities"] == 7
    assert riders[0].record["actor1"]["known"] is False  # not the actor added
    with Store(str(db)) as store:  # a second run changes nothing
        assert store.recode_reports(Recoder(load_catalogue(user_catalogue=user), {BRIGADE})).reports == 0


def test_cli_recode_after_an_edit_by_hand(db, tmp_path):
    user = tmp_path / "actors.yaml"
    user.write_text("# mine\n- {name: Kumba Night Riders, country: CMR, sector: CRM, inter: 3}\n")
    proc = run("actors", "recode", "--db", str(db), "--catalogue", str(user))
    assert proc.returncode == 0, proc.stderr
    assert "in 1 report of 1 event" in proc.stderr


def test_cli_add_refuses_a_known_name_and_a_bad_sector(db, tmp_path):
    user = tmp_path / "actors.yaml"
    proc = run("actors", "add", "Islamic State", "--sector", "INS", "--db", str(db), "--catalogue", str(user))
    assert proc.returncode == 2 and "already in the catalogue" in proc.stderr
    proc = run("actors", "add", "Some Group", "--sector", "ARMY", "--db", str(db), "--catalogue", str(user))
    assert proc.returncode == 2 and "unknown sector 'ARMY'" in proc.stderr
    assert not user.exists()


def test_a_broken_user_catalogue_names_its_line(db, tmp_path):
    user = tmp_path / "actors.yaml"
    user.write_text("- {name: Good Group, sector: REB, inter: 2}\n- {name: Bad Group, sector: ARMY}\n")
    with pytest.raises(CatalogueError, match=r"actors.yaml:2: unknown sector code 'ARMY'"):
        load_catalogue(user_catalogue=user)
    proc = run("actors", "add", "Another", "--sector", "REB", "--db", str(db), "--catalogue", str(user))
    assert proc.returncode == 2 and "actors.yaml:2" in proc.stderr and "Traceback" not in proc.stderr
    assert "Another" not in user.read_text()  # nothing written on a broken file


def test_the_user_catalogue_path(monkeypatch, tmp_path):
    from eventwire.extraction.actors.user import user_catalogue_path

    monkeypatch.delenv("EVENTWIRE_CATALOGUE", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    assert user_catalogue_path() == tmp_path / "cfg" / "eventwire" / "actors.yaml"
    monkeypatch.setenv("EVENTWIRE_CATALOGUE", str(tmp_path / "x.yaml"))
    assert user_catalogue_path() == tmp_path / "x.yaml"
    assert user_catalogue_path(tmp_path / "y.yaml") == tmp_path / "y.yaml"
