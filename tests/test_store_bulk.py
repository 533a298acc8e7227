"""Bulk writes (storage/bulk.py): loading records and dedup keep the stats rollups in set statements instead of the
rollups' row triggers (SQLite) or a statement per row (PostgreSQL), and the rollups stay equal to counting the events."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from eventfactory import make_event, make_result
from eventwire.storage import bulk, dedup_run, writes
from eventwire.storage.rollups import timeline_in_bins
from storebackends import BACKENDS, close_store, open_store

DIMS = "country, event_type, sub_event_type, plover_event, modality, status"


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):
    s = open_store(request.param, tmp_path)
    yield s
    close_store(request.param, s)


def rollup_totals(store) -> tuple[dict, dict]:
    """(all-time rollup rows, the same counted from the events) as {dims: (events, fatalities)}, zero rows left out."""
    dims = ", ".join(f"coalesce({d}, '')" for d in DIMS.split(", "))
    with store.engine.connect() as conn:
        rolled = {tuple(r[:-2]): (r[-2], r[-1]) for r in conn.execute(text(
            f"SELECT {DIMS}, events, fatalities FROM stats_rollup WHERE grain = 'a' "
            "AND (events <> 0 OR fatalities <> 0)"))}
        counted = {tuple(r[:-2]): (r[-2], r[-1]) for r in conn.execute(text(
            f"SELECT {dims}, count(*), sum(coalesce(fatalities, 0)) FROM events WHERE merged_into IS NULL "
            f"GROUP BY {dims}"))}
    return rolled, counted


def day_totals(store) -> tuple[dict, dict]:
    with store.engine.connect() as conn:
        rolled = {(r[0], r[1]): r[2] for r in conn.execute(text(
            "SELECT day, modality, events FROM stats_day_totals WHERE events <> 0"))}
        day = "to_char(date, 'YYYY-MM-DD')" if store.engine.dialect.name == "postgresql" else "date"
        counted = {(r[0], r[1]): r[2] for r in conn.execute(text(
            f"SELECT coalesce({day}, ''), coalesce(modality, ''), count(*) FROM events WHERE merged_into IS NULL "
            f"GROUP BY 1, 2"))}
    return rolled, counted


def charts_equal_counting(store) -> None:
    """0011's and 0012's rollups: breakdown and dashboard_stats as counted from the events, for all and some
    filters, per day, week_in_month and month."""
    for filters in ({}, {"country": "SYR"}, {"date_from": "2017-02-01", "date_to": "2017-02-28"},
                    {"date_from": "2017-02-02", "date_to": "2017-02-03"}, {"modality": None}):
        for bins in ("day", "week_in_month", "month"):
            counted = store.breakdown(top=1000, use_rollups=False, bins=bins, **filters)
            assert store.breakdown(top=1000, bins=bins, **filters) == counted, (filters, bins)
            totals = store.aggregate(top=1000, use_rollups=False, **filters)
            if bins == "month":
                totals["by_day"] = timeline_in_bins(totals["by_day"], bins)
            assert store.dashboard_stats(top=1000, bins=bins, **filters) == {**totals, **counted, "bins": bins}, \
                (filters, bins)
    counted = store.breakdown(top=1000, use_rollups=False, modality=None)  # any modality: event 0 is "future"
    assert len(counted["by_dyad"]) == 2 and counted["by_day_type"], "the comparisons above compared some rows"


ACTOR2 = ("Military Forces of Turkey", "Civilians (Syria)", None)  # two dyads and one-sided events


def records(n: int) -> list[dict]:
    """n reports: pairs of outlets reporting the same clash (dedup merges each pair), on a few days and places."""
    out = []
    for i in range(n):
        event = i // 2
        out.append(make_event(f"outlet{i % 2}-{event}", date=f"2017-02-{1 + event % 5:02d}", actor2=ACTOR2[event % 4 % 3],
                              country=("SYR", "IRQ", "MLI")[event % 3], lat=30 + event * 0.5, lon=40.0,
                              fatalities=event % 4 or None, modality=("asserted", "future")[event % 7 == 0],
                              start=10 * (event % 3), text=f"Clash number {event} near the town.").to_dict())
    return out


def test_a_bulk_load_and_dedup_keep_the_rollups_equal_to_counting(store, monkeypatch):
    monkeypatch.setattr(writes, "LOAD_BATCH", 7)  # several batches, each its own bulk transaction
    ids = store.add_events(records(40))
    assert len(ids) == 40 and ids == sorted(ids)  # ids in input order: the earliest report is a cluster's event
    rolled, counted = rollup_totals(store)
    assert rolled == counted and sum(e for e, _ in counted.values()) == 40
    assert day_totals(store)[0] == day_totals(store)[1]
    charts_equal_counting(store)

    summary = store.run_dedup()
    assert summary.changed == 20 and summary.events == 20  # every pair merged
    rolled, counted = rollup_totals(store)
    assert rolled == counted and sum(e for e, _ in counted.values()) == 20
    assert day_totals(store)[0] == day_totals(store)[1]
    charts_equal_counting(store)
    merged = store.get_event(ids[0])
    assert merged.source_count == 2

    # writes after the bulk ones still reach the rollups (the triggers are back on SQLite)
    store.add_result(make_result("late", [make_event("late", country="NGA", fatalities=5)]))
    rolled, counted = rollup_totals(store)
    assert rolled == counted and counted[("NGA", "Battles", "Armed clash", "ASSAULT", "asserted", "active")] == (1, 5)
    charts_equal_counting(store)


# 0008's, 0011's and 0012's
ROLLUP_TRIGGERS = "(name LIKE 'stats_rollup_%' OR name LIKE 'stats_breakdown_%' OR name LIKE 'stats_coarse_%')"


def _triggers(store) -> list[tuple[str, str]]:
    with store.engine.connect() as conn:
        return conn.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                                 f"AND {ROLLUP_TRIGGERS} ORDER BY name")).all()


def test_sqlite_gets_its_rollup_triggers_back_exactly_after_bulk_writes(tmp_path):
    store = open_store("sqlite", tmp_path)
    before = _triggers(store)
    assert [name for name, _ in before] == [f"stats_{kind}_{op}" for kind in ("breakdown", "coarse", "rollup")
                                            for op in ("delete", "insert", "update")]
    store.add_events(records(10))
    store.run_dedup()
    assert _triggers(store) == before
    store.close()


def test_a_failed_bulk_write_rolls_back_with_its_trigger_drop(tmp_path):
    store = open_store("sqlite", tmp_path)
    store.add_events(records(6))
    triggers, totals, charts = _triggers(store), rollup_totals(store)[0], store.breakdown(top=1000)
    with pytest.raises(RuntimeError, match="crash"), store._write() as s:
        conn = s.connection()
        with bulk.rollups_in_bulk(conn, "id > 0"):
            conn.execute(text("UPDATE events SET fatalities = 99"))
            assert _count_triggers(conn) == 0  # dropped within the transaction ...
            raise RuntimeError("crash")
    assert _triggers(store) == triggers  # ... and back with everything else
    assert rollup_totals(store)[0] == totals == rollup_totals(store)[1]
    assert store.breakdown(top=1000) == charts == store.breakdown(top=1000, use_rollups=False)
    store.close()


def _count_triggers(conn) -> int:
    return conn.execute(text(f"SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND {ROLLUP_TRIGGERS}")).scalar()


def test_rows_touched_in_bulk_count_once_before_and_once_after(tmp_path):
    """rollups_in_bulk subtracts the touched rows as they were and adds them as they are: an update that moves an
    event to another country and another that merges one away give the counts a trigger per row would."""
    store = open_store("sqlite", tmp_path)
    ids = store.add_events(records(6))
    with store._write() as s:
        conn = s.connection()
        with bulk.rollups_in_bulk(conn, "id IN (:a, :b)", {"a": ids[0], "b": ids[1]}):
            conn.execute(text("UPDATE events SET country = 'NER' WHERE id = :a"), {"a": ids[0]})
            conn.execute(text("UPDATE events SET merged_into = :a WHERE id = :b"), {"a": ids[0], "b": ids[1]})
    rolled, counted = rollup_totals(store)
    assert rolled == counted and [n for k, (n, _) in counted.items() if k[0] == "NER"] == [1]
    charts_equal_counting(store)
    store.close()


def test_a_large_dedup_rebuilds_the_rollups_once_and_gets_its_triggers_back(tmp_path, monkeypatch):
    """Above the threshold (lowered here) run_dedup counts the rollups afresh from the events after its writes
    instead of subtracting and re-adding the touched rows; the result is the same, and the triggers are back."""
    store = open_store("sqlite", tmp_path)
    before = _triggers(store)
    ids = store.add_events(records(40))
    store.add_result(make_result("lone", [make_event("lone", country="NGA", fatalities=3)]))  # in no cluster
    rebuilds = []
    real = dedup_run.rollups_in_bulk

    def spy(conn, where, params=None, rebuild=False):
        rebuilds.append(rebuild)
        return real(conn, where, params, rebuild=rebuild)
    monkeypatch.setattr(dedup_run, "rollups_in_bulk", spy)
    summary = store.run_dedup(rebuild_rollups_above=0)
    assert rebuilds == [True] and summary.changed == 20 and summary.events == 21
    assert _triggers(store) == before
    rolled, counted = rollup_totals(store)
    assert rolled == counted and sum(e for e, _ in counted.values()) == 21
    assert day_totals(store)[0] == day_totals(store)[1]
    charts_equal_counting(store)
    assert store.get_event(ids[0]).source_count == 2

    # later writes reach the rollups through the triggers again
    store.add_result(make_result("late", [make_event("late", country="NGA", fatalities=5)]))
    rolled, counted = rollup_totals(store)
    assert rolled == counted and counted[("NGA", "Battles", "Armed clash", "ASSAULT", "asserted", "active")] == (2, 8)
    charts_equal_counting(store)
    store.close()


def test_a_small_dedup_keeps_the_touched_rows_path(tmp_path, monkeypatch):
    store = open_store("sqlite", tmp_path)
    store.add_events(records(40))
    rebuilds = []
    real = dedup_run.rollups_in_bulk
    monkeypatch.setattr(dedup_run, "rollups_in_bulk",
                        lambda conn, where, params=None, rebuild=False: rebuilds.append(rebuild) or real(conn, where))
    store.run_dedup()  # 40 rows touched: far below the default threshold
    assert rebuilds == [False]
    rolled, counted = rollup_totals(store)
    assert rolled == counted
    store.close()


def test_a_crash_in_a_large_dedup_rolls_back_the_rebuild(tmp_path, monkeypatch):
    store = open_store("sqlite", tmp_path)
    store.add_events(records(40))
    triggers, totals, charts = _triggers(store), rollup_totals(store)[0], store.breakdown(top=1000)

    def crash(self, s, event_ids, *args):
        raise RuntimeError("crash")
    monkeypatch.setattr(dedup_run.DedupRuns, "_refresh", crash)  # after the merges were written
    with pytest.raises(RuntimeError, match="crash"):
        store.run_dedup(rebuild_rollups_above=0)
    assert _triggers(store) == triggers
    assert rollup_totals(store)[0] == totals == rollup_totals(store)[1]
    assert store.breakdown(top=1000) == charts == store.breakdown(top=1000, use_rollups=False)
    monkeypatch.undo()
    assert store.run_dedup(rebuild_rollups_above=0).changed == 20  # nothing of the failed run stayed
    rolled, counted = rollup_totals(store)
    assert rolled == counted and sum(e for e, _ in counted.values()) == 20
    store.close()


def _schema(store) -> list[tuple]:
    """Every index and trigger (name, table, SQL), and the temporary tables left behind (none)."""
    with store.engine.connect() as conn:
        kept = [tuple(r) for r in conn.execute(text(
            "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name"))]
        temp = [tuple(r) for r in conn.execute(text("SELECT name FROM sqlite_temp_master"))]
    return kept + temp


def test_a_rebuilding_dedup_builds_the_dropped_indexes_again(tmp_path):
    """A large dedup (issue 13) writes the events and fills the empty rollups with their secondary indexes dropped:
    afterwards every index is there again with the SQL it had, queries use them, and nothing temporary is left."""
    store = open_store("sqlite", tmp_path)
    before = _schema(store)
    assert any(name == "ix_events_date_stats" for _, name, *_ in before)
    store.add_events(records(40))
    assert store.run_dedup(rebuild_rollups_above=0).changed == 20
    assert _schema(store) == before
    with store.engine.connect() as conn:
        plan = " ".join(str(r[-1]) for r in conn.execute(text(
            "EXPLAIN QUERY PLAN SELECT id FROM events WHERE merged_into = 1")))
    assert "ix_events_merged_into" in plan
    rolled, counted = rollup_totals(store)
    assert rolled == counted and sum(e for e, _ in counted.values()) == 20
    charts_equal_counting(store)
    store.close()


def test_a_crash_with_the_indexes_dropped_rolls_back_the_drop(tmp_path):
    store = open_store("sqlite", tmp_path)
    store.add_events(records(6))
    before = _schema(store)
    with pytest.raises(RuntimeError, match="crash"), store._write() as s:
        conn = s.connection()
        with bulk.indexes_dropped(conn, ["events", "stats_rollup"]):
            conn.execute(text("UPDATE events SET merged_into = NULL"))
            assert conn.execute(text("SELECT count(*) FROM sqlite_master WHERE name = 'ix_events_merged_into'")
                                ).scalar() == 0  # dropped within the transaction ...
            raise RuntimeError("crash")
    assert _schema(store) == before  # ... and back with everything else
    store.close()
