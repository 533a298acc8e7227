"""Bulk writes and the stats rollups: set statements instead of the rollups' row triggers (SQLite).

On SQLite the rollups (migration 0008) are kept by row triggers: every inserted or re-merged events row runs three
upserts for each of its rollup rows, which made loading ~2x slower and dominated a first dedup. A bulk write
(Store.add_events, Store.run_dedup) instead, inside its one write transaction:

  1. subtracts the rows it is about to touch from the rollups, in three grouped statements (the migration's own
     upserts over a set of rows instead of one trigger row);
  2. drops the rollup triggers (SQLite DDL is transactional: no other connection ever sees them gone, and a crash
     rolls the drop back with the rest);
  3. writes;
  4. adds the touched rows back in three grouped statements, and re-creates the triggers from the very SQL they
     were stored with.

So the rollups stay exactly equal to counting the events, for every write the transaction made to the touched rows.
PostgreSQL needs none of this: its rollup triggers are statement triggers over transition tables (set-based
already), and disabling them would take an exclusive lock on the events table.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection

TOUCHED = "ew_bulk_touched"  # a temporary table of the events ids a bulk write touches


@cache
def _rollup_migration() -> ModuleType:
    """Migration 0008, whose upserts define the rollups: one definition for triggers and bulk writes alike."""
    path = next((Path(__file__).with_name("migrations") / "versions").glob("0008_*.py"))
    spec = importlib.util.spec_from_file_location("eventwire_migration_0008", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _apply(conn: Connection, sign: int, where: str, params: dict[str, Any]) -> None:
    """Add (sign 1) or subtract (-1) the counted events rows meeting `where` to every rollup."""
    m = _rollup_migration()
    source = (f"SELECT {sign} AS sign, {', '.join(m.SOURCE_COLS)} FROM events "
              f"WHERE merged_into IS NULL AND ({where})")
    for sql in m._upserts(conn.dialect.name, source):
        conn.execute(text(sql), params)


@contextmanager
def rollups_in_bulk(conn: Connection, where: str, params: dict[str, Any] | None = None) -> Iterator[None]:
    """Within the open write transaction of `conn`: the writes of the block, to the events rows meeting the SQL
    condition `where` (on `events`, with bind `params`, true of the same rows before and after), reach the rollups
    as two set statements per rollup instead of one trigger run per row. SQLite only; elsewhere a no-op."""
    triggers = []
    if conn.dialect.name == "sqlite":
        triggers = conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'events' "
            "AND name LIKE 'stats_rollup_%' ORDER BY name").all()
    if not triggers:
        yield
        return
    params = params or {}
    _apply(conn, -1, where, params)
    for name, _ in triggers:
        conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
    yield
    _apply(conn, 1, where, params)
    for _, sql in triggers:
        conn.exec_driver_sql(sql)


@contextmanager
def touched_ids(conn: Connection, ids: Iterable[int]) -> Iterator[str]:
    """A temporary table holding `ids` for the open transaction; yields the condition on events naming them."""
    if conn.dialect.name != "sqlite":
        yield "false"  # not needed: rollups_in_bulk is a no-op there
        return
    conn.exec_driver_sql(f"CREATE TEMP TABLE IF NOT EXISTS {TOUCHED} (id INTEGER PRIMARY KEY)")
    conn.exec_driver_sql(f"DELETE FROM {TOUCHED}")
    conn.exec_driver_sql(f"INSERT OR IGNORE INTO {TOUCHED} (id) VALUES (?)", [(i,) for i in ids])
    try:
        yield f"id IN (SELECT id FROM temp.{TOUCHED})"
    finally:
        conn.exec_driver_sql(f"DELETE FROM {TOUCHED}")
