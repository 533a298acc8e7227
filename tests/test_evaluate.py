"""`eventwire evaluate`: gold samples written here (ACLED-style CSV and SCHEMA JSONL) against records written
here, through the Python API (eventwire.evaluate) and the real command (a store filled through the Python API,
and --cmd with a stand-in extractor)."""

from __future__ import annotations

import json
import shlex
import sys
from pathlib import Path

import pytest

from eventfactory import make_event, make_result
from eventwire.evaluate import EvaluationSettings, Evaluator, GoldError, read_gold
from eventwire.storage.store import Store
from test_cli import run

HEADER = "article_id,event_date,event_type,sub_event_type,actor1,actor2,country,admin1,location,latitude,longitude,fatalities,notes\n"
# two articles, three events: a battle and a strike in a1, a protest in a2
ROWS = [
    "a1,9 February 2017,Battles,Armed clash,Islamic State,Military Forces of Turkey (2016-),Syria,Aleppo,Al Bab,36.370,37.515,4,clashes",
    "a1,2017-02-09,Explosions/Remote violence,Air/drone strike,Military Forces of Turkey,Islamic State,Syria,Aleppo,"
    "Al Bab,36.372,37.520,0,",
    "a2,2017-03-01,Protests,Peaceful protest,Protesters (Iraq),,Iraq,Nineveh,Mosul,36.340,43.130,0,",
]


def _gold_csv(tmp_path: Path, rows=ROWS, header=HEADER, name="gold.csv") -> Path:
    path = tmp_path / name
    path.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def _system_records() -> dict[str, list[dict]]:
    """What a perfect extractor would give for the gold above (actors spelt as the catalogue spells them)."""
    battle = make_event("a1", actor1="ISIS", actor2="Turkish army", fatalities=4, start=0)
    strike = make_event("a1", etype="Explosions/Remote violence", sub="Air/drone strike", actor1="Military Forces of Turkey",
                        actor2="Islamic State", lat=36.372, lon=37.520, start=100)
    protest = make_event("a2", etype="Protests", sub="Peaceful protest", plover="PROTEST", actor1="Protesters (Iraq)",
                         actor2=None, place="Mosul", lat=36.340, lon=43.130, country="IRQ", date="2017-03-01")
    return {"a1": [battle.to_dict(), strike.to_dict()], "a2": [protest.to_dict()]}


@pytest.fixture(scope="module")
def evaluator(catalogue):
    return Evaluator(catalogue)


def test_perfect_match_scores_one_everywhere(tmp_path, evaluator):
    report = evaluator.evaluate(read_gold(_gold_csv(tmp_path)), _system_records())
    assert (report.gold_events, report.system_events, report.matched) == (3, 3, 3)
    assert report.precision == report.recall == report.f1 == 1.0
    for name, score in report.fields.items():
        assert score.accuracy == 1.0, name
    # actor2 of the protest is empty on both sides and counts as agreeing; the year suffix and the aliases
    # ("ISIS", "Turkish army") resolve through the catalogue
    assert report.fields["actor2"].scored == 3


def test_the_same_sample_as_schema_jsonl(tmp_path, evaluator):
    system = _system_records()
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for recs in system.values() for r in recs), encoding="utf-8")
    sample = read_gold(gold)
    assert sample.format == "jsonl" and sample.articles == ["a1", "a2"]
    report = evaluator.evaluate(sample, system)
    assert report.precision == report.recall == 1.0
    assert all(s.accuracy == 1.0 for s in report.fields.values())


def test_a_missed_event_lowers_recall_only(tmp_path, evaluator):
    system = _system_records()
    system["a1"] = system["a1"][:1]  # the strike is not found
    report = evaluator.evaluate(read_gold(_gold_csv(tmp_path)), system)
    assert report.matched == 2 and report.recall == pytest.approx(2 / 3) and report.precision == 1.0
    (a1,) = [a for a in report.articles if a.article_id == "a1"]
    assert [m["event_type"] for m in a1.missed] == ["Explosions/Remote violence"]


def test_an_extra_event_lowers_precision_and_same_as_records_are_one_event(tmp_path, evaluator):
    system = _system_records()
    extra = make_event("a2", etype="Riots", sub="Violent demonstration", plover="PROTEST", place="Basra", lat=30.5,
                       lon=47.8, country="IRQ", date="2017-03-05", start=300).to_dict()
    retold = dict(system["a2"][0], event_id="ew-retold", same_as=system["a2"][0]["event_id"])
    system["a2"] += [extra, retold]
    report = evaluator.evaluate(read_gold(_gold_csv(tmp_path)), system)
    assert report.system_events == 4 and report.matched == 3
    assert report.precision == pytest.approx(3 / 4) and report.recall == 1.0
    assert report.system_skipped == {"merged with an earlier record of the same event (same_as)": 1}


def test_a_wrong_place_beyond_161_km(tmp_path, evaluator):
    system = _system_records()
    system["a2"][0]["location"].update(name="Baghdad", lat=33.315, lon=44.366)  # ~340 km from Mosul
    system["a1"][0]["location"].update(lat=36.52, lon=37.95)  # ~42 km from Al Bab: right region, wrong town
    report = evaluator.evaluate(read_gold(_gold_csv(tmp_path)), system)
    assert report.matched == 3  # still the same events: type, date and actors agree
    assert (report.fields["place_25km"].correct, report.fields["place_25km"].scored) == (1, 3)
    assert (report.fields["place_161km"].correct, report.fields["place_161km"].scored) == (2, 3)
    assert report.fields["date"].accuracy == 1.0


def test_wrong_fields_are_named_per_pair(tmp_path, evaluator):
    system = _system_records()
    system["a1"][0]["actor2"] = {"name": "Kurdistan Workers' Party", "known": True}
    system["a1"][0]["fatalities"] = None  # the gold says 4
    system["a1"][1]["date"] = "2017-02-10"
    report = evaluator.evaluate(read_gold(_gold_csv(tmp_path)), system)
    assert report.fields["actor2"].accuracy == pytest.approx(2 / 3)
    assert report.fields["fatalities"].accuracy == pytest.approx(2 / 3)
    assert report.fields["date"].accuracy == pytest.approx(2 / 3)
    (a1,) = [a for a in report.articles if a.article_id == "a1"]
    assert sorted(d["fields"] for d in a1.differences) == [["actor2", "fatalities"], ["date"]]


def test_pairing_prefers_the_same_family_and_more_agreeing_fields(evaluator):
    settings = EvaluationSettings.load()
    gold_recs = [make_event("x", etype="Protests", sub="Peaceful protest", date="2020-01-02", start=0).to_dict(),
                 make_event("x", date="2020-01-01", start=50).to_dict()]
    sys_recs = [make_event("x", etype="Explosions/Remote violence", sub="Shelling/artillery/missile attack",
                           date="2020-01-02", start=0).to_dict(),
                make_event("x", etype="Riots", sub="Violent demonstration", date="2020-01-05", start=50).to_dict()]
    from eventwire.evaluate import system_events

    gold, _ = system_events(gold_recs, settings)
    system, _ = system_events(sys_recs, settings)
    pairs = {(i, j) for i, j, _ in evaluator.pair(gold, system)}
    # the protest pairs with the riot (same family) although the shelling agrees on its date
    assert pairs == {(0, 1), (1, 0)}


def test_an_article_coded_with_no_event(tmp_path, evaluator):
    gold = _gold_csv(tmp_path, rows=[*ROWS, "a3,,,,,,,,,,,,nothing happened"])
    system = {**_system_records(), "a3": [make_event("a3", start=0).to_dict()]}
    report = evaluator.evaluate(read_gold(gold), system)
    assert report.gold_events == 3 and report.system_events == 4 and report.precision == pytest.approx(3 / 4)


@pytest.mark.parametrize(("rows", "header", "where", "words"), [
    (ROWS, HEADER.replace("article_id", "doc"), ":1:", ["missing column", "article_id", "--id-column"]),
    (ROWS, HEADER.replace("event_type,", "kind,"), ":1:", ["missing column 'event_type'"]),
    ([ROWS[0], ROWS[1].replace("Explosions/Remote violence", "Bombing")], HEADER, ":3:", ["unknown ACLED event type"]),
    ([ROWS[0], ROWS[1].replace("Air/drone strike", "Armed clash")], HEADER, ":3:", ["belongs to 'Battles'"]),
    ([ROWS[0], ROWS[2].replace("2017-03-01", "the first of March")], HEADER, ":3:", ["cannot read the date"]),
    ([ROWS[2].replace("36.340", "north")], HEADER, ":2:", ["must be numbers"]),
    ([ROWS[2].replace(",0,", ",-2,")], HEADER, ":2:", ["fatalities"]),
    ([ROWS[0], "a1,2017-02-09,Battles"], HEADER, ":3:", ["3 fields where the header has 13"]),
])
def test_malformed_csv_names_the_line(tmp_path, rows, header, where, words):
    path = _gold_csv(tmp_path, rows=rows, header=header)
    with pytest.raises(GoldError) as err:
        read_gold(path)
    assert where in str(err.value)
    for w in words:
        assert w in str(err.value)


def test_malformed_jsonl_names_the_line(tmp_path):
    good = json.dumps(_system_records()["a1"][0])
    path = tmp_path / "gold.jsonl"
    path.write_text(good + "\n" + good[:-5] + "\n", encoding="utf-8")
    with pytest.raises(GoldError, match=r"gold.jsonl:2: not JSON"):
        read_gold(path)
    path.write_text(good + "\n" + json.dumps({"event_type": "Battles"}) + "\n", encoding="utf-8")
    with pytest.raises(GoldError, match=r"gold.jsonl:2: missing 'article_id'"):
        read_gold(path)


# -- the real command --------------------------------------------------------------------------------------
@pytest.fixture
def stored(tmp_path):
    """A store holding the perfect records of a1 and a2, stored through the Python API as ingest would."""
    db = tmp_path / "ev.db"
    with Store(str(db)) as store:
        for article, recs in _system_records().items():
            from eventwire.records import Event

            store.add_result(make_result(article, [Event.from_dict(r) for r in recs]))
    return db


def test_cli_against_the_store_table_and_json(tmp_path, stored):
    gold = _gold_csv(tmp_path, rows=ROWS[:2])  # a1 only: a2 is in the store but not in the sample
    proc = run("evaluate", str(gold), "--db", str(stored), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["events"]["precision"] == out["events"]["recall"] == 1.0
    assert out["fields"]["place_161km"] == {"accuracy": 1.0, "correct": 2, "scored": 2}
    proc = run("evaluate", str(gold), "--db", str(stored))
    assert proc.returncode == 0, proc.stderr
    assert "precision" in proc.stdout and "100.0%" in proc.stdout and "place 161km" in proc.stdout


def test_cli_missed_article_in_the_store_is_reported(tmp_path, stored):
    gold = _gold_csv(tmp_path, rows=[*ROWS, ROWS[2].replace("a2", "a9")])
    proc = run("evaluate", str(gold), "--db", str(stored), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["articles_not_found"] == ["a9"]
    assert "1 gold articles not found" in proc.stderr


def test_cli_with_a_command(tmp_path):
    """--cmd: the articles go to the command's stdin; its JSON lines are the records evaluated."""
    records = tmp_path / "records.jsonl"
    system = _system_records()
    system["a1"] = system["a1"][:1]
    records.write_text("".join(json.dumps(r) + "\n" for recs in system.values() for r in recs), encoding="utf-8")
    articles = tmp_path / "articles.jsonl"
    articles.write_text("".join(json.dumps({"id": a, "text": f"Article {a}."}) + "\n" for a in ("a1", "a2")))
    script = tmp_path / "extractor.py"
    script.write_text("import sys\nn = sum(1 for _ in sys.stdin)\nassert n == 2, n\n"
                      f"sys.stdout.write(open({str(records)!r}).read())\n")
    cmd = f"{shlex.quote(sys.executable)} {shlex.quote(str(script))}"
    proc = run("evaluate", str(_gold_csv(tmp_path)), "--articles", str(articles), "--cmd", cmd, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["events"]["recall"] == pytest.approx(2 / 3, abs=1e-4) and out["events"]["precision"] == 1.0
    failing = run("evaluate", str(_gold_csv(tmp_path)), "--articles", str(articles), "--cmd", "exit 3")
    assert failing.returncode == 1 and "exited with status 3" in failing.stderr


@pytest.mark.parametrize(("rows", "header", "words"), [
    (ROWS, HEADER.replace("article_id", "doc"), ["gold.csv:1:", "missing column", "article_id"]),
    ([ROWS[0], ROWS[1].replace("Air/drone strike", "Airstrikes")], HEADER, ["gold.csv:3:", "unknown ACLED sub-event type"]),
])
def test_cli_malformed_gold_exits_2_with_the_line(tmp_path, stored, rows, header, words):
    proc = run("evaluate", str(_gold_csv(tmp_path, rows=rows, header=header)), "--db", str(stored))
    assert proc.returncode == 2
    assert proc.stderr.startswith("eventwire: error: gold file ")
    assert "Traceback" not in proc.stderr
    for w in words:
        assert w in proc.stderr
    assert proc.stdout == ""


def test_cli_no_gold_article_in_the_store_exits_1(tmp_path, stored):
    gold = _gold_csv(tmp_path, rows=[ROWS[2].replace("a2", "zz")])
    proc = run("evaluate", str(gold), "--db", str(stored))
    assert proc.returncode == 1 and "none of the 1 gold articles" in proc.stderr
