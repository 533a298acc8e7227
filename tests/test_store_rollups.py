"""The stats rollups (migration 0008), the charts' rollups (0011: days by type, dyads) and the coarse ones (0012: weeks
and months by type, dyads of all countries) stay equal to counting the events, through every kind of write: new
articles, loaded records, dedup merges, reviews (type and date corrections, rejections), recoded reports and
deletes; on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from sqlalchemy import text

from eventfactory import make_event, make_result
from eventwire.storage.rollups import BINS, answerable, bin_start, split_range, timeline_in_bins, whole_bins
from storebackends import BACKENDS, close_store, open_store

COUNTRIES = [("SYR", "Aleppo", 36.2, 37.1), ("IRQ", "Nineveh", 36.3, 43.1), ("MLI", "Mopti", 14.5, -4.2)]
TYPES = [("Battles", "Armed clash", "ASSAULT"), ("Protests", "Peaceful protest", "PROTEST"),
         ("Violence against civilians", "Attack", "ASSAULT"), ("Riots", "Mob violence", "PROTEST")]
ACTORS = ["Islamic State", "Military Forces of Iraq", "JNIM", "Protesters", None]
MODALITIES = ["asserted", "asserted", "asserted", "future", "negated"]


def random_event(rng: random.Random, article: str, k: int):
    country, region, lat, lon = rng.choice(COUNTRIES)
    etype, sub, plover = rng.choice(TYPES)
    day = dt.date(2019, 11, 20) + dt.timedelta(days=rng.randrange(500))
    actor1 = rng.choice(ACTORS)
    actor2 = rng.choice([a for a in ACTORS if a != actor1] + [actor1])  # now and then one actor on both sides
    return make_event(article, etype=etype, sub=sub, plover=plover, country=country, admin1=region,
                      lat=lat + rng.randrange(3) * 0.01, lon=lon, place=f"{region} {k % 3}",
                      date=None if rng.random() < 0.08 else day.isoformat(), actor1=actor1, actor2=actor2,
                      fatalities=None if rng.random() < 0.3 else rng.randrange(40),
                      modality=rng.choice(MODALITIES), start=60 * k, text=f"Report {article} {k} of {etype}.")


def add_articles(store, rng: random.Random, prefix: str, n: int) -> list[int]:
    ids = []
    for i in range(n):
        name = f"{prefix}-{i}"
        events = [random_event(rng, name, k) for k in range(rng.randrange(1, 4))]
        if ids and rng.random() < 0.3:  # another outlet's report of an event already stored: dedup merges them
            twin = store.get_event(rng.choice(ids)).record
            events.append(make_event(name, etype=twin["event_type"], sub=twin["sub_event_type"],
                                     plover=twin["plover"]["event"], date=twin["date"],
                                     country=twin["location"]["country"], admin1=twin["location"]["admin1"],
                                     lat=twin["location"]["lat"], lon=twin["location"]["lon"],
                                     place=twin["location"]["name"], fatalities=twin["fatalities"],
                                     actor1=(twin["actor1"] or {}).get("name"),
                                     actor2=(twin["actor2"] or {}).get("name"), modality=twin["modality"],
                                     start=400, text=f"Another report {name}."))
        ids += store.add_result(make_result(name, events, url=f"https://news.example/{name}")).event_ids
    return ids


def random_filters(rng: random.Random) -> dict:
    f: dict = {}
    if rng.random() < 0.5:
        f["country"] = rng.choice([c[0] for c in COUNTRIES] + ["syr", "FRA"])
    if rng.random() < 0.6:
        start = dt.date(2019, 10, 1) + dt.timedelta(days=rng.randrange(600))
        f["date_from"] = start
        if rng.random() < 0.8:
            f["date_to"] = start + dt.timedelta(days=rng.choice([0, 5, 31, 45, 90, 200, 400]))
    elif rng.random() < 0.3:
        f["date_to"] = dt.date(2020, 6, 30)
    if rng.random() < 0.4:
        f["event_type"] = rng.choice(["Battles", "protests", "Attack", "PROTEST", "Mob violence", "unknown"])
    if rng.random() < 0.15:
        f["sub_event_type"] = rng.choice(["Armed clash", "peaceful protest"])
    if rng.random() < 0.15:
        f["plover"] = rng.choice(["ASSAULT", "protest", "COERCE"])
    if rng.random() < 0.3:
        f["modality"] = rng.choice([None, "future"])
    if rng.random() < 0.2:
        f["include_rejected"] = True
    elif rng.random() < 0.1:
        f["status"] = "rejected"
    return f


def assert_rollups_match(store, rng: random.Random, rounds: int = 40) -> None:
    checks = [{}, {"date_from": "2020-01-01", "date_to": "2020-12-31"}, {"modality": None, "include_rejected": True}]
    for filters in checks + [random_filters(rng) for _ in range(rounds)]:
        top = rng.choice([1, 3, 20])
        assert answerable(filters)
        assert store.aggregate(top=top, **filters) == store.aggregate(top=top, use_rollups=False, **filters), \
            filters
        assert store.count_events(**filters) == store.count_events(use_rollups=False, **filters), filters
        assert store.breakdown(top=top, **filters) == store.breakdown(top=top, use_rollups=False, **filters), \
            filters
        for bins in ("week_in_month", "month"):
            assert store.breakdown(top=top, bins=bins, **filters) == store.breakdown(
                top=top, use_rollups=False, bins=bins, **filters), (filters, bins)
        bins = rng.choice(["day", "week_in_month", "month", "auto"])
        stats = store.dashboard_stats(top=top, bins=bins, **filters)
        assert stats["bins"] in BINS and (bins == "auto" or stats["bins"] == bins)
        counted = store.aggregate(top=top, use_rollups=False, **filters)
        if stats["bins"] == "month":  # the timeline in months too
            counted["by_day"] = timeline_in_bins(counted["by_day"], "month")
        assert stats == {**counted, **store.breakdown(top=top, use_rollups=False, bins=stats["bins"], **filters),
                         "bins": stats["bins"]}, (filters, bins)


@pytest.mark.parametrize("backend", BACKENDS)
def test_rollups_equal_counting_the_events_through_writes_dedup_and_reviews(backend, tmp_path):
    store = open_store(backend, tmp_path)
    try:
        rng = random.Random(13)
        ids = add_articles(store, rng, "a", 30)
        store.add_events([random_event(rng, f"ext-{i}", i).to_dict() for i in range(10)])
        assert_rollups_match(store, rng)
        assert store.run_dedup().changed > 0  # reports merged
        assert_rollups_match(store, rng)
        live = [i for i in ids if store.get_event(i).id == i]
        for event_id in rng.sample(live, 8):
            store.add_review(event_id, "event_type", "edited", "Riots")
            store.add_review(event_id, "sub_event_type", "edited", "Mob violence")
        for event_id in rng.sample(live, 4):
            store.add_review(event_id, "event", "rejected", comment="not an event")
        for event_id in rng.sample(live, 4):
            store.add_review(event_id, "date", "edited", "2018-03-04")
            store.add_review(event_id, "fatalities", "edited", 100)
        store.add_review(live[0], "event", "accepted")
        assert_rollups_match(store, rng)
        add_articles(store, rng, "b", 15)  # more news, another dedup: events merge into reviewed ones
        store.run_dedup()
        assert_rollups_match(store, rng)
        store.run_dedup(full=True)
        with store.engine.begin() as conn:  # a row deleted by hand (no API deletes events) leaves the counts
            gone = conn.execute(text("SELECT max(id) FROM events WHERE merged_into IS NULL AND id NOT IN "
                                     "(SELECT event_id FROM reviews)")).scalar()
            conn.execute(text("DELETE FROM event_sources WHERE event_id = :i"), {"i": gone})
            conn.execute(text("UPDATE events SET merged_into = NULL WHERE merged_into = :i"), {"i": gone})
            conn.execute(text("DELETE FROM events WHERE id = :i"), {"i": gone})
        assert_rollups_match(store, rng)
        assert store.aggregate()["events"] == store.count_events()
        assert store.breakdown(top=200)["by_dyad"], "the data has dyads: the comparison above compared some"
    finally:
        close_store(backend, store)


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_migration_counts_the_events_stored_before_it(backend, tmp_path):
    from alembic import command

    from eventwire.storage.store import Store, alembic_config

    store = open_store(backend, tmp_path)
    try:
        rng = random.Random(5)
        # events merged by dedup, then the schema taken back to 0007 (later revisions, such as the review queue's
        # columns, are dropped with it: the Store's own dedup cannot run on that schema) and more events written
        add_articles(store, rng, "merged", 12)
        store.run_dedup()
        cfg = alembic_config()
        with store.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0007")
        old = Store(store.url, migrate=False)  # writes as a store of schema 0007 would
        assert not old._has_rollups()
        add_articles(old, rng, "old", 12)
        old.close()
        upgraded = Store(store.url)
        assert upgraded._has_rollups()
        assert_rollups_match(upgraded, rng, rounds=15)
        upgraded.close()
    finally:
        close_store(backend, store)


def test_filters_the_rollups_do_not_hold_count_the_events(tmp_path):
    from eventwire.filters import parse_event_filters

    assert answerable({"country": "SYR", "date_from": None, "modality": "asserted", "include_rejected": False})
    # what the API and the command line pass: every filter, most of them unset
    assert answerable(parse_event_filters(country="SYR", plover="ASSAULT", date_from="2020-01-01").query())
    for filters in ({"actor": "JNIM"}, {"admin1": "Mopti"}, {"text": "killed"}, {"min_fatalities": 0},
                    {"bbox": (0, 0, 1, 1)}, {"include_merged": True}, {"min_confidence": 0.5},
                    {"source": "Wire One"}):
        assert not answerable(filters)


def test_a_date_range_splits_into_days_months_and_years_that_cover_it_exactly():
    rng = random.Random(3)
    day0 = dt.date(2015, 12, 1)
    for _ in range(300):
        lo = day0 + dt.timedelta(days=rng.randrange(1200))
        hi = lo + dt.timedelta(days=rng.choice([0, 1, 20, 40, 70, 365, 400, 900]) + rng.randrange(30))
        covered = []
        for grain, first, last in split_range(lo, hi):
            day = dt.date.fromisoformat({"y": f"{first}-01-01", "m": f"{first}-01", "d": first}[grain])
            while True:
                period = {"y": f"{day:%Y}", "m": f"{day:%Y-%m}", "d": day.isoformat()}[grain]
                if period > last:
                    break
                covered.append(day)
                day += dt.timedelta(days=1)
        assert sorted(covered) == [lo + dt.timedelta(days=i) for i in range((hi - lo).days + 1)], (lo, hi)
    assert split_range(None, None) == [("a", "", "")]
    assert split_range(dt.date(2020, 1, 1), dt.date(2019, 1, 1)) == []
    assert split_range(dt.date(2020, 1, 1), dt.date(2021, 12, 31)) == [("y", "2020", "2021")]
    assert split_range(None, dt.date(2020, 1, 15))[-1] == ("y", "0001", "2019")


@pytest.mark.parametrize("bins", ["week_in_month", "month"])
def test_the_whole_bins_of_a_range_are_those_all_of_whose_days_it_holds(bins):
    rng = random.Random(3)
    for _ in range(300):
        lo = dt.date(2023, 12, 1) + dt.timedelta(days=rng.randrange(120))
        hi = lo + dt.timedelta(days=rng.choice([0, 1, 3, 6, 7, 13, 30, 31, 40, 61, 100]))
        days = [lo + dt.timedelta(days=k) for k in range((hi - lo).days + 1)]
        around = [lo - dt.timedelta(days=k) for k in range(1, 40)] + [hi + dt.timedelta(days=k) for k in range(1, 40)]
        whole_starts = {bin_start(d, bins) for d in days} - {bin_start(d, bins) for d in around}
        expected = [d for d in days if bin_start(d, bins) in whole_starts]
        got = whole_bins(lo, hi, bins)
        assert (got is None) == (not expected), (lo, hi)
        if got:
            assert (got[0], got[1]) == (expected[0], expected[-1]), (lo, hi)
    assert whole_bins(dt.date(1, 1, 1), dt.date(9999, 12, 31), bins) == (dt.date(1, 1, 1), dt.date(9999, 12, 31))
