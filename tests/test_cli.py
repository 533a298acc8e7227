"""End-to-end tests of the `eventwire` console script, run as a real subprocess on the example articles.

Each example in examples/ was written to produce particular events (see examples/README.md); the tests below
assert what a correct extractor must give for them: the right ACLED sub-event type, modality, country, date
and death toll, and nothing that the text does not assert (wounded counted as dead, a threat or a denial
coded as an event that happened).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.records import ACLED_EVENT_TYPES, ACLED_SUB_TO_TYPE, DATE_PRECISIONS, MODALITIES, PLOVER_EVENTS

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
BATCH = EXAMPLES / "batch.jsonl"
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.txt"))
RUN_TIMEOUT = 900  # seconds; the spaCy model loads once per run
pytestmark = pytest.mark.slow  # each run of the command loads the model: minutes in all

SCHEMA_FIELDS = ("article_id", "event_id", "event_type", "sub_event_type", "plover", "cameo", "actor1", "actor2",
                 "assoc_actor1", "assoc_actor2", "location", "date", "date_precision", "date_text", "fatalities",
                 "fatalities_text", "modality", "evidence", "confidence")
ACTOR_FIELDS = ("name", "text", "country", "sector", "inter")
PLACE_FIELDS = ("name", "text", "geonameid", "lat", "lon", "admin1", "country", "precision")
STATE_SECTORS = {"GOV", "MIL", "COP", "SPY"}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# Two paragraphs written for these tests, in languages other than English.
SPANISH_ARTICLE = (
    "Las fuerzas del ejercito recuperaron el control de la ciudad despues de dos dias de combates con los "
    "rebeldes, segun informaron fuentes militares. Los vecinos dijeron que muchas familias huyeron hacia las "
    "montanas cercanas y que las tiendas siguen cerradas desde el lunes por la manana.")
GERMAN_ARTICLE = (
    "Bei einem Angriff auf einen Markt im Norden des Landes sind nach Angaben der Behoerden mehrere Menschen "
    "ums Leben gekommen. Die Polizei sperrte das Gebiet ab und sucht nach den Tätern, die auf Motorrädern "
    "geflohen sein sollen.")
BINARY_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x08\x06\x00\x00\x00\xff\xfe\x00\x13\x07"


# -- running the command --------------------------------------------------------------------------------------
def eventwire_command() -> list[str]:
    """The installed console script next to this interpreter (the project's .venv), else one on PATH."""
    here = Path(sys.executable).parent / "eventwire"
    if here.exists():
        return [str(here)]
    found = shutil.which("eventwire")
    if found:
        return [found]
    return [sys.executable, "-m", "eventwire.cli"]


def run(*args: str, stdin: bytes | str | None = None) -> subprocess.CompletedProcess:
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    env = dict(os.environ, COLUMNS="240", NO_COLOR="1", PYTHONIOENCODING="utf-8")
    proc = subprocess.run([*eventwire_command(), *args], input=data, capture_output=True, timeout=RUN_TIMEOUT,
                          cwd=ROOT, env=env)
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode("utf-8", "replace"),
                                       proc.stderr.decode("utf-8", "replace"))


def json_lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def assert_clean_failure(proc: subprocess.CompletedProcess, *words: str) -> None:
    """Non-zero exit, no traceback, and a short stderr message that mentions each of `words`."""
    assert proc.returncode != 0, f"expected a failure, got exit 0; stderr: {proc.stderr!r}"
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert lines, "no message on stderr"
    assert len(lines) <= 3, f"expected a short message, got: {proc.stderr!r}"
    for w in words:
        assert w.lower() in proc.stderr.lower(), f"{w!r} not in stderr: {proc.stderr!r}"


# -- the example articles -------------------------------------------------------------------------------------
def load_batch() -> dict[str, dict]:
    return {a["id"]: a for a in (json.loads(ln) for ln in BATCH.read_text(encoding="utf-8").splitlines() if ln)}


ARTICLES = load_batch()


@pytest.fixture(scope="module")
def txt_run() -> subprocess.CompletedProcess:
    """`eventwire extract examples/*.txt --format jsonl`: one run, every example file."""
    return run("extract", *[str(p.relative_to(ROOT)) for p in EXAMPLE_FILES], "--format", "jsonl")


@pytest.fixture(scope="module")
def events_by_article(txt_run) -> dict[str, list[dict]]:
    assert txt_run.returncode == 0, txt_run.stderr
    out: dict[str, list[dict]] = {p.stem: [] for p in EXAMPLE_FILES}
    for ev in json_lines(txt_run.stdout):
        out.setdefault(ev["article_id"], []).append(ev)
    return out


def test_examples_and_batch_agree():
    """examples/batch.jsonl is what examples/make_batch.py makes from the .txt files."""
    assert len(EXAMPLE_FILES) >= 14
    assert sorted(ARTICLES) == [p.stem for p in EXAMPLE_FILES]
    for p in EXAMPLE_FILES:
        head, _, body = p.read_text(encoding="utf-8").partition("\n\n")
        art = ARTICLES[p.stem]
        assert art["text"] == body
        assert f"Published: {art['published']}" in head
        assert 120 <= len(body.split()) <= 300, p.name


def check_actor(a) -> None:
    assert isinstance(a, dict)
    for f in ACTOR_FIELDS:
        assert f in a, f"actor lacks {f}: {a}"
    assert isinstance(a["name"], str) and a["name"].strip()
    assert a["country"] is None or re.fullmatch(r"[A-Z]{3}", a["country"]), a
    assert a["inter"] is None or (isinstance(a["inter"], int) and 0 <= a["inter"] <= 8), a


def check_place(p) -> None:
    for f in PLACE_FIELDS:
        assert f in p, f"location lacks {f}: {p}"
    assert -90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180, p
    assert re.fullmatch(r"[A-Z]{3}", p["country"] or ""), p
    assert p["precision"] in (1, 2, 3), p


def check_schema(ev: dict, text: str, published: str | None) -> None:
    """Every SCHEMA field, with its type and allowed values; evidence offsets point into the article body."""
    for f in SCHEMA_FIELDS:
        assert f in ev, f"event lacks {f}: {ev}"
    assert isinstance(ev["event_id"], str) and ev["event_id"]
    assert ev["event_type"] is None or ev["event_type"] in ACLED_EVENT_TYPES, ev["event_type"]
    if ev["sub_event_type"] is not None:
        assert ACLED_SUB_TO_TYPE.get(ev["sub_event_type"]) == ev["event_type"], (ev["event_type"],
                                                                                  ev["sub_event_type"])
    assert set(ev["plover"]) >= {"event", "mode", "context"}
    assert ev["plover"]["event"] in PLOVER_EVENTS, ev["plover"]
    assert isinstance(ev["plover"]["context"], list)
    assert ev["cameo"] is None or re.fullmatch(r"\d{2,4}", ev["cameo"]), ev["cameo"]
    for key in ("actor1", "actor2"):
        if ev[key] is not None:
            check_actor(ev[key])
    for key in ("assoc_actor1", "assoc_actor2"):
        assert isinstance(ev[key], list)
        for a in ev[key]:
            check_actor(a)
    if ev["location"] is not None:
        check_place(ev["location"])
    assert ev["date"] is None or ISO_DATE.match(ev["date"]), ev["date"]
    assert ev["date_precision"] in DATE_PRECISIONS
    assert ev["fatalities"] is None or (isinstance(ev["fatalities"], int) and ev["fatalities"] >= 0)
    assert ev["modality"] in MODALITIES
    assert isinstance(ev["confidence"], (int, float)) and 0 <= ev["confidence"] <= 1
    evid = ev["evidence"]
    assert set(evid) >= {"text", "start", "end"}
    assert 0 <= evid["start"] < evid["end"] <= len(text), evid
    assert text[evid["start"]:evid["end"]] == evid["text"], evid
    if ev["modality"] == "asserted" and ev["date"] and published:
        assert ev["date"] <= published, f"asserted event dated {ev['date']} after publication {published}"


def test_extract_on_every_example_gives_schema_events(txt_run, events_by_article):
    assert "Traceback" not in txt_run.stderr
    for aid, evs in events_by_article.items():
        assert aid in ARTICLES, f"unknown article_id {aid!r}"
        assert evs, f"no events at all for {aid}"
        for ev in evs:
            check_schema(ev, ARTICLES[aid]["text"], ARTICLES[aid]["published"])
        ids = [e["event_id"] for e in evs]
        assert len(ids) == len(set(ids)), f"duplicate event_id in {aid}"


def test_batch_jsonl_gives_the_same_events_as_the_text_files(events_by_article):
    proc = run("extract", str(BATCH.relative_to(ROOT)), "--format", "jsonl")
    assert proc.returncode == 0, proc.stderr
    from_batch: dict[str, list[str]] = {}
    for ev in json_lines(proc.stdout):
        from_batch.setdefault(ev["article_id"], []).append(ev["event_id"])
    from_txt = {aid: [e["event_id"] for e in evs] for aid, evs in events_by_article.items() if evs}
    assert from_batch == from_txt


# -- per-example expectations ---------------------------------------------------------------------------------
def asserted(evs: list[dict], sub: str | None = None, etype: str | None = None, plover: str | None = None):
    return [e for e in evs if e["modality"] == "asserted"
            and (sub is None or e["sub_event_type"] == sub)
            and (etype is None or e["event_type"] == etype)
            and (plover is None or e["plover"]["event"] == plover)]


def one(evs: list[dict], what: str, aid: str, everything: list[dict]) -> list[dict]:
    summary = [(e["event_type"], e["sub_event_type"], e["plover"]["event"], e["modality"], e["date"],
                e["fatalities"]) for e in everything]
    assert evs, f"{aid}: no {what}; got {summary}"
    return evs


def country(place_or_actor) -> str | None:
    return (place_or_actor or {}).get("country")


def norm(name: str | None) -> str:
    return re.sub(r"[^a-z]", "", (name or "").lower())


def pick(evs: list[dict], cond) -> dict | None:
    """The best event for a check: the first that satisfies `cond`, else the most confident."""
    good = [e for e in evs if cond(e)]
    return good[0] if good else max(evs, key=lambda e: e["confidence"])


def expect(evs: list[dict], aid: str, **want) -> None:
    """Some asserted event among `evs` has every wanted field value (country of location/actor1, date,
    fatalities). Failing, the message lists what the candidates had."""
    def ok(e):
        for key, value in want.items():
            got = {"location_country": lambda: country(e["location"]),
                   "actor1_country": lambda: country(e["actor1"]),
                   "date": lambda: e["date"],
                   "fatalities": lambda: e["fatalities"] or 0}[key]()
            if callable(value) and not isinstance(value, type):
                if not value(got):
                    return False
            elif got != value:
                return False
        return True

    if not any(ok(e) for e in evs):
        seen = [{"location": country(e["location"]), "actor1": (e["actor1"] or {}).get("name"),
                 "actor1_country": country(e["actor1"]), "date": e["date"], "fatalities": e["fatalities"]}
                for e in evs]
        pytest.fail(f"{aid}: no event with {want}; candidates: {seen}")


def test_roadside_bomb_nigeria(events_by_article):
    aid = "01_nigeria_roadside_bomb"
    evs = events_by_article[aid]
    ieds = one(asserted(evs, sub="Remote explosive/landmine/IED"), "asserted IED event", aid, evs)
    # four killed; the seven wounded do not count
    expect(ieds, aid, location_country="NGA", date="2019-03-12", fatalities=4)


def test_air_strike_syria(events_by_article):
    aid = "02_syria_air_strike"
    evs = events_by_article[aid]
    strikes = one(asserted(evs, sub="Air/drone strike"), "asserted air strike", aid, evs)
    # "at least 11 civilians, among them three children": 11, not 14; "More than 30 ... wounded" not counted
    expect(strikes, aid, location_country="SYR", actor1_country="RUS", date="2019-05-06", fatalities=11)


def test_shelling_ukraine(events_by_article):
    aid = "03_ukraine_shelling"
    evs = events_by_article[aid]
    shelling = one(asserted(evs, sub="Shelling/artillery/missile attack"), "asserted shelling", aid, evs)
    expect(shelling, aid, location_country="UKR", actor1_country="RUS", date="2023-01-24", fatalities=3)


def test_suicide_bombing_somalia(events_by_article):
    aid = "04_somalia_suicide_bombing"
    evs = events_by_article[aid]
    bombs = one(asserted(evs, sub="Suicide bomb"), "asserted suicide bombing", aid, evs)
    expect(bombs, aid, location_country="SOM", date="2021-09-25", fatalities=18)
    best = pick(bombs, lambda e: e["fatalities"] == 18)
    assert re.search(r"shaba+b", norm((best["actor1"] or {}).get("name"))), f"actor1 should be al-Shabaab: {best['actor1']}"
    # "Dozens of people were wounded" must not become 12 dead anywhere
    assert all(e["fatalities"] != 12 for e in evs), [e["fatalities_text"] for e in evs]


def test_territory_seized_mozambique(events_by_article):
    aid = "05_mozambique_town_seized"
    evs = events_by_article[aid]
    taken = one(asserted(evs, sub="Non-state actor overtakes territory"), "asserted territory takeover", aid, evs)
    expect(taken, aid, location_country="MOZ", date="2020-08-12")
    best = pick(taken, lambda e: e["date"] == "2020-08-12")
    assert (best["actor1"] or {}).get("sector") not in STATE_SECTORS, best["actor1"]
    # the army "would retake the town": a plan, not a recapture
    assert not asserted(evs, sub="Government regains territory")
    # "has killed more than 1,500 people since 2017" is a cumulative toll, no single event's
    assert all((e["fatalities"] or 0) < 1500 for e in evs), [e["fatalities_text"] for e in evs]


def test_territory_retaken_afghanistan(events_by_article):
    aid = "06_afghanistan_city_retaken"
    evs = events_by_article[aid]
    retaken = one(asserted(evs, sub="Government regains territory"), "asserted government recapture", aid, evs)
    expect(retaken, aid, location_country="AFG", actor1_country="AFG", date="2016-10-05")
    # "Between 20 and 25 Taliban fighters were killed in the clashes" (the fight for the city, on Wednesday);
    # the eight wounded do not count
    expect(asserted(evs, etype="Battles"), aid, location_country="AFG", date="2016-10-05",
           fatalities=lambda n: 20 <= n <= 25)
    # the Taliban assault "on Monday" is a battle of its own, two days earlier
    assert any(e["date"] == "2016-10-03" for e in asserted(evs, etype="Battles")), \
        [(e["sub_event_type"], e["date"]) for e in evs]


def test_attack_on_civilians_burkina_faso(events_by_article):
    aid = "07_burkina_faso_villagers_killed"
    evs = events_by_article[aid]
    attacks = one(asserted(evs, sub="Attack"), "asserted attack on civilians", aid, evs)
    # "dozens of villagers" is 12 by ACLED's convention; the army's 15 dead assailants are another event
    expect(attacks, aid, location_country="BFA", date="2019-09-08", fatalities=12)
    best = pick(attacks, lambda e: e["fatalities"] == 12)
    assert (best["actor1"] or {}).get("sector") not in STATE_SECTORS, best["actor1"]
    # "about 30 km north of Djibo": near a town, ACLED geo precision 2
    assert best["location"] and best["location"]["precision"] == 2, best["location"]


def test_abduction_colombia(events_by_article):
    aid = "08_colombia_kidnapping"
    evs = events_by_article[aid]
    kidnaps = one(asserted(evs, sub="Abduction/forced disappearance"), "asserted abduction", aid, evs)
    expect(kidnaps, aid, location_country="COL", date="2019-02-03", fatalities=0)
    best = pick(kidnaps, lambda e: e["date"] == "2019-02-03")
    name = norm((best["actor1"] or {}).get("name"))
    assert "eln" in name or "nationalliberationarmy" in name, best["actor1"]


def test_peaceful_protest_sri_lanka(events_by_article):
    aid = "09_sri_lanka_peaceful_protest"
    evs = events_by_article[aid]
    protests = one(asserted(evs, sub="Peaceful protest"), "asserted peaceful protest", aid, evs)
    # Colombo is Sri Lanka's, not Brazil's
    expect(protests, aid, location_country="LKA", date="2022-04-09", fatalities=0)
    assert not asserted(evs, etype="Riots")


def test_riot_chile(events_by_article):
    aid = "10_chile_riot"
    evs = events_by_article[aid]
    riots = one(asserted(evs, etype="Riots"), "asserted riot", aid, evs)
    # "At least 41 people were injured": nobody died
    expect(riots, aid, location_country="CHL", date="2019-10-19", fatalities=0)
    assert all(not e["fatalities"] for e in evs), [e["fatalities_text"] for e in evs]


def test_ceasefire_agreement_ethiopia(events_by_article):
    aid = "11_ethiopia_ceasefire_agreement"
    evs = events_by_article[aid]
    deals = one([e for e in asserted(evs) if e["plover"]["event"] == "AGREE" or e["sub_event_type"] == "Agreement"],
                "asserted agreement", aid, evs)
    expect(deals, aid, date="2022-11-02")
    best = pick(deals, lambda e: e["date"] == "2022-11-02")
    sides = [a for a in (best["actor1"], best["actor2"], *best["assoc_actor1"], *best["assoc_actor2"]) if a]
    assert any(a.get("country") == "ETH" and a.get("sector") in STATE_SECTORS for a in sides), sides
    assert any("tigray" in norm(a["name"]) or "tplf" in norm(a["name"]) for a in sides), sides


def test_arrests_turkey(events_by_article):
    aid = "12_turkey_arrests"
    evs = events_by_article[aid]
    arrests = one(asserted(evs, sub="Arrests"), "asserted arrests", aid, evs)
    expect(arrests, aid, location_country="TUR", actor1_country="TUR", date="2018-06-12")
    # the nightclub shooting (39 dead) was in 2017, not on the day of the raids
    assert all(e["date"] is None or e["date"] < "2018" for e in evs if e["fatalities"] == 39), \
        [(e["date"], e["fatalities"]) for e in evs]


def test_phone_call_between_leaders(events_by_article):
    aid = "13_turkey_russia_phone_call"
    evs = events_by_article[aid]
    calls = one(asserted(evs, plover="CONSULT"), "asserted CONSULT (phone call)", aid, evs)
    best = pick(calls, lambda e: e["date"] == "2020-02-18")
    assert best["date"] == "2020-02-18", best["date"]
    assert best["event_type"] is None, "a phone call is not an ACLED event"
    assert {country(best["actor1"]), country(best["actor2"])} == {"TUR", "RUS"}, (best["actor1"], best["actor2"])
    assert not [e for e in asserted(evs) if e["event_type"] in ("Battles", "Explosions/Remote violence",
                                                                 "Violence against civilians")]


def test_threatened_offensive_is_not_a_battle(events_by_article):
    aid = "14_philippines_planned_offensive"
    evs = events_by_article[aid]
    assert not asserted(evs, etype="Battles"), "an offensive that 'will' be launched has not happened"
    assert any(e["modality"] in ("future", "hypothetical") for e in evs), \
        [(e["plover"]["event"], e["modality"]) for e in evs]


def test_denied_strike_is_not_asserted(events_by_article):
    aid = "15_myanmar_strike_denied"
    evs = events_by_article[aid]
    # the only bombing in the text is the one the military denies and the opposition alleges: neither makes it
    # an asserted strike by the military (nor by an unnamed actor, which would be the same strike)
    by_military = [e for e in asserted(evs, etype="Explosions/Remote violence")
                   if country(e["actor1"]) in ("MMR", None) or (e["actor1"] or {}).get("sector") in STATE_SECTORS]
    assert not by_military, f"the military denied the strike: {[(e['evidence']['text']) for e in by_military]}"
    assert any(e["modality"] == "negated" for e in evs), [(e["plover"]["event"], e["modality"]) for e in evs]


def test_armed_clash_yemen(events_by_article):
    aid = "16_yemen_marib_clashes"
    evs = events_by_article[aid]
    clashes = one(asserted(evs, sub="Armed clash"), "asserted armed clash", aid, evs)
    # "killed 14 fighters from both sides"; "Eight ... and six ..." are the same 14, not 28 more
    expect(clashes, aid, location_country="YEM", date="2021-02-13", fatalities=14)
    best = pick(clashes, lambda e: e["fatalities"] == 14)
    sides = [a for a in (best["actor1"], best["actor2"]) if a]
    assert any("houthi" in norm(a["name"]) or "ansarallah" in norm(a["name"]) for a in sides), sides
    assert any(a.get("country") == "YEM" and a.get("sector") in STATE_SECTORS for a in sides), sides
    assert all(e["fatalities"] != 28 for e in evs)


def test_daesh_attack_iraq(events_by_article):
    aid = "17_iraq_army_post_attack"
    evs = events_by_article[aid]
    battles = one(asserted(evs, etype="Battles"), "asserted battle", aid, evs)
    expect(battles, aid, location_country="IRQ", date="2020-05-06", fatalities=5)
    best = pick(battles, lambda e: e["fatalities"] == 5)
    assert "islamicstate" in norm((best["actor1"] or {}).get("name")), \
        f"'Daesh' is the Islamic State: {best['actor1']}"
    allies = [a["name"] for e in battles for a in (*e["assoc_actor1"], *e["assoc_actor2"])]
    assert any("popularmobili" in norm(n) or "hashd" in norm(n) for n in allies), allies


# -- output formats -------------------------------------------------------------------------------------------
AIR_STRIKE_FILE = "examples/02_syria_air_strike.txt"


def test_format_json_is_one_array():
    proc = run("extract", AIR_STRIKE_FILE, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert isinstance(data, list) and data
    art = ARTICLES["02_syria_air_strike"]
    for ev in data:
        check_schema(ev, art["text"], art["published"])
    assert any(e["sub_event_type"] == "Air/drone strike" for e in data)


def test_format_csv_has_a_header_and_rows():
    proc = run("extract", AIR_STRIKE_FILE, "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert rows, proc.stdout
    for col in ("article_id", "event_id", "date", "event_type", "sub_event_type", "actor1", "country",
                "fatalities", "modality"):
        assert col in rows[0], f"csv lacks column {col}"
    assert all(r["modality"] == "asserted" for r in rows), "csv shows asserted events unless --all"
    assert any(r["sub_event_type"] == "Air/drone strike" and r["country"] == "SYR" for r in rows), rows


def test_format_table_is_readable():
    proc = run("extract", AIR_STRIKE_FILE, "--format", "table")
    assert proc.returncode == 0, proc.stderr
    assert "Air/drone strike" in proc.stdout, proc.stdout
    assert "2019-05-06" in proc.stdout, proc.stdout
    assert "{" not in proc.stdout, "the table is not JSON"


# -- stdin ----------------------------------------------------------------------------------------------------
def test_stdin_plain_text_with_published():
    art = ARTICLES["02_syria_air_strike"]
    proc = run("extract", "-", "--format", "jsonl", "--published", art["published"], stdin=art["text"])
    assert proc.returncode == 0, proc.stderr
    evs = json_lines(proc.stdout)
    assert evs
    for ev in evs:
        check_schema(ev, art["text"], art["published"])
    assert any(e["sub_event_type"] == "Air/drone strike" and e["date"] == "2019-05-06" for e in evs), evs


def test_stdin_json_lines_keep_ids_and_order():
    ids = ["03_ukraine_shelling", "09_sri_lanka_peaceful_protest", "04_somalia_suicide_bombing"]
    stdin = "".join(json.dumps(ARTICLES[i]) + "\n" for i in ids)
    proc = run("extract", "--format", "jsonl", stdin=stdin)  # no file argument: stdin by default
    assert proc.returncode == 0, proc.stderr
    seen = []
    for ev in json_lines(proc.stdout):
        if not seen or seen[-1] != ev["article_id"]:
            seen.append(ev["article_id"])
        check_schema(ev, ARTICLES[ev["article_id"]]["text"], ARTICLES[ev["article_id"]]["published"])
    assert seen == ids


# -- bad input ------------------------------------------------------------------------------------------------
def test_batch_with_bad_lines_reports_them_and_keeps_the_others(tmp_path):
    good = ["01_nigeria_roadside_bomb", "16_yemen_marib_clashes", "12_turkey_arrests"]
    lines = [
        json.dumps(ARTICLES[good[0]]).encode(),
        b"this line is not JSON at all {",                                            # line 2
        json.dumps({"id": "empty-text", "text": "   ", "published": "2020-01-01"}).encode(),
        json.dumps(ARTICLES[good[1]]).encode(),
        json.dumps({"id": "in-spanish", "text": SPANISH_ARTICLE, "published": "2020-01-01"}).encode(),
        json.dumps({"id": "binary-text", "text": BINARY_BYTES.decode("latin-1")}).encode(),
        BINARY_BYTES.replace(b"\n", b" ").replace(b"\r", b" "),                         # line 7: raw bytes
        json.dumps(ARTICLES[good[2]]).encode(),
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    proc = run("extract", str(path), "--format", "jsonl")
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr, proc.stderr
    for marker in ("line 2", "empty-text", "in-spanish", "binary-text", "line 7"):
        assert marker in proc.stderr, f"{marker!r} not reported on stderr: {proc.stderr!r}"
    got = {e["article_id"] for e in json_lines(proc.stdout)}
    assert got == set(good), got


@pytest.mark.parametrize("name,content,words", [
    ("empty.txt", b"", ("empty",)),
    ("blank.txt", b"Title: Nothing here\nPublished: 2020-01-01\n\n   \n", ("empty",)),
    ("image.txt", BINARY_BYTES, ("binary",)),
    ("german.txt", GERMAN_ARTICLE.encode("utf-8"), ("english",)),
])
def test_single_bad_file_fails_with_one_clear_message(tmp_path, name, content, words):
    path = tmp_path / name
    path.write_bytes(content)
    proc = run("extract", str(path), "--format", "jsonl")
    assert_clean_failure(proc, *words)
    assert proc.stdout.strip() == ""


def test_bad_published_date_is_rejected():
    proc = run("extract", AIR_STRIKE_FILE, "--published", "14/03/2019x", "--format", "jsonl")
    assert_clean_failure(proc, "published")


def test_missing_file_is_reported():
    proc = run("extract", "examples/no_such_article.txt", "--format", "jsonl")
    assert_clean_failure(proc, "no_such_article.txt")
    assert proc.stdout.strip() == ""


def test_background_days_option():
    """An event dated well before publication is background; --background-days widens the window."""
    line = json.dumps({"id": "bg", "text": "Gunmen killed five villagers in the district in January 2019.",
                       "published": "2020-01-20"}) + "\n"
    default = [json.loads(x) for x in run("extract", "--format", "jsonl", "-", stdin=line).stdout.splitlines()]
    wide = [json.loads(x) for x in run("extract", "--format", "jsonl", "--background-days", "400", "-",
                                       stdin=line).stdout.splitlines()]
    assert {e["modality"] for e in default if e["event_type"]} == {"background"}
    assert {e["modality"] for e in wide if e["event_type"]} == {"asserted"}
