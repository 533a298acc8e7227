"""The store's reads behind the dashboard's charts and added filters (Store.breakdown, article_sources, and the
plover / min_confidence / source filters), on SQLite and, when a server is given, PostgreSQL."""

from __future__ import annotations

import pytest

from eventfactory import make_event, make_result
from storebackends import BACKENDS, close_store, open_store

HOMS = dict(place="Homs", lat=34.73, lon=36.72, admin1="Homs")
RAQQA = dict(place="Raqqa", lat=35.95, lon=39.01, admin1="Ar Raqqah")


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):
    s = open_store(request.param, tmp_path)
    yield s
    close_store(request.param, s)


@pytest.fixture
def filled(store):
    specs = [  # key, event, article source
        ("clash", dict(date="2017-02-09", fatalities=3), "Wire One"),
        ("detentions", dict(date="2017-02-09", etype=None, sub=None, plover="COERCE", actor2="Civilians (Syria)",
                            text="Soldiers detained dozens of men in Homs.", **HOMS), "Wire Two"),
        ("reverse", dict(date="2017-02-10", actor1="Military Forces of Turkey", actor2="Islamic State", fatalities=2,
                         confidence=0.2, text="Turkish troops fought Islamic State near Raqqa.", **RAQQA), "Wire One"),
        ("protest", dict(date="2017-02-12", etype="Protests", sub="Peaceful protest", plover="PROTEST",
                         actor1="Protesters (Syria)", actor2=None, text="Hundreds marched in Homs.", **HOMS), "Wire One"),
        ("undated", dict(date=None, precision=None, fatalities=1, text="Gunmen attacked a village near Raqqa.",
                         **RAQQA), "Wire One"),
    ]
    ids = {}
    for key, kw, source in specs:
        ev = make_event(key, start=len(f"Article {key}. "), **kw)
        ids[key] = store.add_result(make_result(key, [ev], source=source)).event_ids[0]
    return ids


def test_breakdown_per_day_and_type_and_per_dyad(store, filled):
    body = store.breakdown(top=10)
    assert body["by_day_type"] == [
        {"date": "2017-02-09", "event_type": None, "events": 1, "fatalities": 0},
        {"date": "2017-02-09", "event_type": "Battles", "events": 1, "fatalities": 3},
        {"date": "2017-02-10", "event_type": "Battles", "events": 1, "fatalities": 2},
        {"date": "2017-02-12", "event_type": "Protests", "events": 1, "fatalities": 0},
    ]
    # Turkey v. IS and IS v. Turkey are one dyad; the protest has one side only
    assert body["by_dyad"][0] == {"actor1": "Islamic State", "actor2": "Military Forces of Turkey", "events": 3,
                                  "fatalities": 6}
    assert {(d["actor1"], d["actor2"]) for d in body["by_dyad"]} == {
        ("Islamic State", "Military Forces of Turkey"), ("Civilians (Syria)", "Islamic State")}
    assert len(store.breakdown(top=1)["by_dyad"]) == 1
    assert store.breakdown(country="IRQ") == {"by_day_type": [], "by_dyad": []}


@pytest.mark.parametrize("filters, expected", [
    ({"plover": "COERCE"}, {"detentions"}),
    ({"plover": "protest"}, {"protest"}),
    ({"min_confidence": 0.5}, {"clash", "detentions", "protest", "undated"}),
    ({"min_confidence": 0.2}, {"clash", "detentions", "reverse", "protest", "undated"}),
    ({"source": "Wire Two"}, {"detentions"}),
    ({"source": "wire two"}, set()),  # the exact name the filter offers
    ({"source": "Wire One", "plover": "ASSAULT", "min_confidence": 0.5}, {"clash", "undated"}),
])
def test_the_added_filters(store, filled, filters, expected):
    names = {v: k for k, v in filled.items()}
    assert {names[e.id] for e in store.query_events(**filters)} == expected
    assert store.count_events(**filters) == len(expected)
    assert store.aggregate(**filters)["events"] == len(expected)


def test_article_sources_most_articles_first(store, filled):
    assert store.article_sources() == ["Wire One", "Wire Two"]
    assert store.article_sources(limit=1) == ["Wire One"]


def test_days_by_type_in_weeks_cut_at_month_ends(store, filled):
    from eventwire.storage.rollups import in_bins

    # 2017-02-09 is a Thursday: its week began on Monday the 6th, inside February
    assert store.breakdown(bins="week_in_month")["by_day_type"] == [
        {"date": "2017-02-06", "event_type": None, "events": 1, "fatalities": 0},
        {"date": "2017-02-06", "event_type": "Battles", "events": 2, "fatalities": 5},
        {"date": "2017-02-06", "event_type": "Protests", "events": 1, "fatalities": 0},
    ]
    assert store.breakdown(bins="week_in_month", use_rollups=False) == store.breakdown(bins="week_in_month")
    days = [{"date": d, "event_type": t, "events": 1, "fatalities": f} for d, t, f in [
        ("2017-02-27", "Riots", 1), ("2017-02-28", "Riots", 2), ("2017-03-02", "Riots", 4),  # one week, two months
        ("2017-03-05", None, 0), ("2017-03-06", "Riots", 8)]]  # a Sunday; the next Monday
    assert in_bins(days, "week_in_month") == [
        {"date": "2017-02-27", "event_type": "Riots", "events": 2, "fatalities": 3},
        {"date": "2017-03-01", "event_type": None, "events": 1, "fatalities": 0},
        {"date": "2017-03-01", "event_type": "Riots", "events": 1, "fatalities": 4},
        {"date": "2017-03-06", "event_type": "Riots", "events": 1, "fatalities": 8},
    ]
    with pytest.raises(ValueError, match="bins"):
        store.breakdown(bins="year")
