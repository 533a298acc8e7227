"""Dedup's set-based writes (issue 13): a large run on SQLite writes merged_into, the sources' event ids and the
re-merged records by UPDATE ... FROM a temporary table; the store it leaves is exactly the one the per-row
statements leave (events, sources, rollups), through first runs, incremental runs, reviews and both rollup paths."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from sqlalchemy import text

from eventfactory import make_event, make_result
from eventwire.storage import dedup_run
from storebackends import BACKENDS, close_store, open_store

ROLLUPS = ("stats_rollup", "stats_actor_rollup", "stats_day_totals", "stats_day_type", "stats_dyad_rollup",
           "stats_bin_type", "stats_dyad_total")


def reports(n: int, offset: int = 0) -> list[dict]:
    """n reports of one clash each told by up to three outlets (different tolls and confidence), on a few days."""
    out = []
    for i in range(offset, offset + n):
        event = i // 3
        out.append(make_event(f"outlet{i % 3}-{event}", date=f"2017-03-{1 + event % 6:02d}",
                              actor2=(None, "Civilians (Syria)")[event % 2], country=("SYR", "IRQ")[event % 2],
                              lat=30 + event * 0.5, lon=40.0, fatalities=(i * 7) % 5 or None,
                              confidence=0.5 + (i % 4) / 10, start=5 * (i % 3),
                              text=f"Clash number {event} by outlet {i % 3}.").to_dict())
    return out


def snapshot(store) -> dict:
    """Everything dedup writes, but the write times."""
    with store.engine.connect() as conn:
        cols = [c for c in conn.execute(text("SELECT * FROM events WHERE 1 = 0")).keys()
                if c not in ("created_at", "updated_at")]
        out = {"events": [tuple(r) for r in conn.execute(text(f"SELECT {', '.join(cols)} FROM events ORDER BY id"))],
               "sources": [tuple(r) for r in conn.execute(text(
                   "SELECT id, event_id, origin_event_id, dedup_pending FROM event_sources ORDER BY id"))]}
        for table in ROLLUPS:
            out[table] = sorted(tuple(map(str, r)) for r in conn.execute(text(
                f"SELECT * FROM {table} WHERE events <> 0 OR fatalities <> 0")))
    return out


def scenario(store, rebuild_above: int) -> list[dict]:
    """A first dedup, reviews, then reports that join existing clusters and a second (incremental) dedup."""
    ids = store.add_events(reports(60))
    states = [snapshot(store)]
    assert store.run_dedup(rebuild_rollups_above=rebuild_above).changed == 20
    states.append(snapshot(store))
    store.add_review(ids[0], "fatalities", "edited", 11)
    store.add_review(ids[4], "event", "rejected", comment="not a clash")
    store.add_events(reports(9, offset=60) + [r | {"article_id": "late"} for r in reports(2)])
    store.add_result(make_result("lone", [make_event("lone", country="NGA", fatalities=3)]))
    states.append(snapshot(store))
    store.run_dedup(rebuild_rollups_above=rebuild_above)
    states.append(snapshot(store))
    store.run_dedup(full=True, rebuild_rollups_above=rebuild_above)  # nothing changes
    states.append(snapshot(store))
    return states


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("rebuild_above", [0, 10**9])
@pytest.mark.parametrize("batches", [None, (3, 2)])  # (BATCH, SET_BATCHES): refreshed rows written 2 batches of 3
def test_set_based_dedup_writes_leave_the_store_the_per_row_writes_leave(backend, rebuild_above, batches, tmp_path,
                                                                         monkeypatch):
    states = {}
    for threshold in (10**9, 0):  # per-row statements, then the set path for every run
        monkeypatch.setattr(dedup_run, "SET_UPDATES_ABOVE", threshold)
        if threshold == 0 and batches:  # 20 clusters: 7 batches, the last write holding only one
            monkeypatch.setattr(dedup_run, "BATCH", batches[0])
            monkeypatch.setattr(dedup_run, "SET_BATCHES", batches[1])
        folder = tmp_path / str(threshold)
        folder.mkdir()
        store = open_store(backend, folder)
        try:
            states[threshold] = scenario(store, rebuild_above)
        finally:
            close_store(backend, store)
    per_row, set_based = states[10**9], states[0]
    assert per_row[1]["events"] != per_row[0]["events"]  # the runs merged something
    assert [s["events"] for s in set_based] == [s["events"] for s in per_row]
    assert set_based == per_row


@pytest.mark.parametrize("backend", BACKENDS)
def test_dedup_clustering_a_few_countries_at_a_time_leaves_the_store_one_pass_leaves(backend, tmp_path, monkeypatch):
    states = {}
    for chunk in (10**9, 1):  # all the reports at once, then each country on its own
        monkeypatch.setattr(dedup_run, "CHUNK_REPORTS", chunk)
        folder = tmp_path / str(chunk)
        folder.mkdir()
        store = open_store(backend, folder)
        try:
            states[chunk] = scenario(store, 0)
        finally:
            close_store(backend, store)
    assert states[1] == states[10**9]


def test_country_chunks_keep_each_country_whole():
    rows = [SimpleNamespace(country=c, n=i) for i, c in enumerate([None, None, "", "IRQ", "IRQ", "IRQ", "NGA", "SYR"])]
    chunks = list(dedup_run._country_chunks(rows, 2))
    assert [[r.n for r in chunk] for chunk in chunks] == [[0, 1], [2, 3, 4, 5], [6, 7]]
    assert list(dedup_run._country_chunks(rows, 10**9)) == [rows]
    assert list(dedup_run._country_chunks([], 2)) == []
