"""The Python API: `eventwire.extraction` and `eventwire.Pipeline`.

Inputs are the example articles (examples/batch.jsonl) and short sentences written here.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import eventwire
from eventwire.records import ACLED_SUB_TO_TYPE, MODALITIES, PLOVER_EVENTS, Article, ArticleResult, Event

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = [json.loads(ln) for ln in (ROOT / "examples" / "batch.jsonl").read_text(encoding="utf-8").splitlines()
            if ln.strip()]

SCHEMA_FIELDS = {"article_id", "event_id", "event_type", "sub_event_type", "plover", "cameo", "actor1", "actor2",
                 "assoc_actor1", "assoc_actor2", "location", "date", "date_precision", "date_text", "fatalities",
                 "fatalities_text", "modality", "evidence", "confidence"}

AIR_STRIKE = ("Government warplanes bombed a market in the Syrian town of Saraqib on Tuesday, killing nine "
              "civilians and wounding 20 others, a war monitor said.")
SPANISH = ("Los manifestantes marcharon por el centro de la ciudad para exigir la renuncia del gobierno, y la "
           "policia no intervino durante la protesta que duro varias horas.")


def test_extract_returns_events_whose_dict_is_schema_json():
    events = eventwire.extract(AIR_STRIKE, published="2019-03-14")
    assert events and all(isinstance(e, Event) for e in events)
    for ev in events:
        d = ev.to_dict()
        assert SCHEMA_FIELDS <= set(d), SCHEMA_FIELDS - set(d)
        assert json.loads(json.dumps(d)) == d  # plain JSON types only
        assert Event.from_dict(d).to_dict() == d  # and it reads back unchanged
        assert d["modality"] in MODALITIES and d["plover"]["event"] in PLOVER_EVENTS
        if d["sub_event_type"]:
            assert ACLED_SUB_TO_TYPE[d["sub_event_type"]] == d["event_type"]
        s, e = d["evidence"]["start"], d["evidence"]["end"]
        assert AIR_STRIKE[s:e] == d["evidence"]["text"]
        assert d["article_id"] == "0"
    strike = [e for e in events if e.sub_event_type == "Air/drone strike" and e.modality == "asserted"]
    assert strike, [(e.sub_event_type, e.modality) for e in events]
    # "on Tuesday" before a Thursday publication date; nine dead, the 20 wounded do not count
    assert strike[0].date == "2019-03-12"
    assert strike[0].fatalities == 9
    assert strike[0].location is not None and strike[0].location.country == "SYR"


def test_extract_accepts_date_objects_and_iso_datetimes():
    a = [e.to_dict() for e in eventwire.extract(AIR_STRIKE, published=dt.date(2019, 3, 14))]
    b = [e.to_dict() for e in eventwire.extract(AIR_STRIKE, published="2019-03-14T09:30:00Z")]
    assert a == b and a


def test_extract_is_deterministic():
    a = [e.to_dict() for e in eventwire.extract(AIR_STRIKE, published="2019-03-14", article_id="x")]
    b = [e.to_dict() for e in eventwire.extract(AIR_STRIKE, published="2019-03-14", article_id="x")]
    assert a == b
    assert all(d["article_id"] == "x" for d in a)


@pytest.mark.parametrize("text", ["", "   \n  ", SPANISH])
def test_extract_rejects_unusable_text_with_a_clear_error(text):
    with pytest.raises(ValueError) as err:
        eventwire.extract(text, published="2020-01-01")
    assert str(err.value).strip()


def test_extract_rejects_a_bad_published_date():
    with pytest.raises(ValueError, match="published"):
        eventwire.extract(AIR_STRIKE, published="next Tuesday")


def _dicts(results: list[ArticleResult]) -> list[tuple[str, str | None, list[dict]]]:
    return [(r.article.id, r.error, [e.to_dict() for e in r.events]) for r in results]


def test_pipeline_two_workers_give_the_same_events_in_the_same_order(pipeline):
    serial = list(pipeline.pipe(ARTICLES))
    parallel = list(eventwire.Pipeline(workers=2, batch_size=5).pipe(ARTICLES))  # several batches, both workers
    assert [r.article.id for r in serial] == [a["id"] for a in ARTICLES]
    assert _dicts(parallel) == _dicts(serial)
    assert sum(len(r.events) for r in serial) >= len(ARTICLES)


def test_pipeline_accepts_articles_dicts_and_strings(pipeline):
    art = Article(id="a1", text=AIR_STRIKE, published=dt.date(2019, 3, 14))
    results = list(pipeline.pipe([art, {"id": "d1", "text": AIR_STRIKE, "published": "2019-03-14"}, AIR_STRIKE]))
    assert [r.article.id for r in results] == ["a1", "d1", "2"]
    assert all(r.ok and r.events for r in results)
    assert [e.to_dict()["event_type"] for e in results[0].events] == \
        [e.to_dict()["event_type"] for e in results[1].events]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_bad_article_in_a_batch_does_not_stop_the_others(workers):
    good = ARTICLES[:3]
    batch = [
        good[0],
        {"id": "empty", "text": ""},
        {"id": "no-text", "title": "a headline without a body"},
        good[1],
        {"id": "spanish", "text": SPANISH},
        {"id": "binary", "text": "\x00\x01\x02\x03 PK\x03\x04 \x00\x00"},
        {"id": "bad-date", "text": AIR_STRIKE, "published": "yesterday-ish"},
        42,
        good[2],
    ]
    results = list(eventwire.Pipeline(workers=workers, batch_size=3).pipe(batch))
    assert len(results) == len(batch)
    assert all(isinstance(r, ArticleResult) for r in results)
    by_id = {r.article.id: r for r in results}
    for bad in ("empty", "no-text", "spanish", "binary", "bad-date"):
        assert by_id[bad].error, f"{bad} should carry an error"
        assert not by_id[bad].events
    assert results[7].error  # the integer
    for g in good:
        r = by_id[g["id"]]
        assert r.ok and r.events, (g["id"], r.error)


@pytest.mark.parametrize("spellings", [
    ("Daesh", "ISIS", "ISIL", "Islamic State"),
    ("al-Shabaab", "Al Shabaab", "al-Shabab"),
    ("Houthi", "Ansar Allah"),
])
def test_aliases_give_one_canonical_actor(spellings):
    names = set()
    for s in spellings:
        text = f"{s} fighters attacked an army checkpoint near the town on Monday, killing three soldiers."
        attackers = [e.actor1.name for e in eventwire.extract(text, published="2020-06-10")
                     if e.modality == "asserted" and e.actor1 is not None]
        assert attackers, f"no attacker found for {s!r}"
        names.add(attackers[0])
    assert len(names) == 1, names


def test_nationality_adjective_gives_state_forces():
    events = eventwire.extract("Nigerian troops clashed with Boko Haram fighters near Maiduguri on Friday, "
                               "killing 12 militants.", published="2021-04-12")
    clash = [e for e in events if e.event_type == "Battles" and e.modality == "asserted"]
    assert clash
    sides = [a for a in (clash[0].actor1, clash[0].actor2) if a]
    assert any(a.country == "NGA" and a.sector in ("MIL", "GOV") for a in sides), sides
    assert clash[0].date == "2021-04-09"
