"""Bulk writes and the stats rollups: set statements instead of the rollups' row triggers (SQLite).

On SQLite the rollups (migrations 0008, 0011 and 0012) are kept by row triggers: every inserted or re-merged events row
runs seven upserts for each of its rollup rows, which made loading ~2x slower and dominated a first dedup. A bulk write
(Store.add_events, Store.run_dedup) instead, inside its one write transaction:

  1. subtracts the rows it is about to touch from the rollups, in seven grouped statements (the migrations' own
     upserts over a set of rows instead of one trigger row);
  2. drops the rollup triggers (SQLite DDL is transactional: no other connection ever sees them gone, and a crash
     rolls the drop back with the rest);
  3. writes;
  4. adds the touched rows back in seven grouped statements, and re-creates the triggers from the very SQL they
     were stored with.

So the rollups stay exactly equal to counting the events, for every write the transaction made to the touched rows.
A write touching a large share of the table (a first dedup re-merges ~75% of the rows) skips step 1 and, in step 4,
empties the rollups and counts them afresh from all the events in one pass (`rebuild=True`), in the same transaction.
PostgreSQL needs none of this: its rollup triggers are statement triggers over transition tables (set-based
already), and disabling them would take an exclusive lock on the events table. There, a bulk write is few
statements instead: rows loaded by COPY (`copy_rows`, ids from the sequence), rows updated by one UPDATE ... FROM a
COPY-filled temporary table (`update_rows`), so that each batch runs each trigger once.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

from sqlalchemy import JSON, Table, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

TOUCHED = "ew_bulk_touched"  # a temporary table of the events ids a bulk write touches
COUNTED = "ew_bulk_counted"  # a temporary copy of the counted events rows' rollup columns (a rebuild)


# the migrations whose rollups SQLite keeps by row triggers, by the name prefix of their triggers: each one's
# `_upserts` (over a SELECT of sign and its SOURCE_COLS) is the one definition of its rollups, for triggers and bulk
ROLLUP_MIGRATIONS = {"stats_rollup_": "0008", "stats_breakdown_": "0011", "stats_coarse_": "0012"}


@cache
def _migration(number: str) -> ModuleType:
    """The migration module `number` (e.g. "0008"), loaded from its file (migrations are not a package)."""
    path = next((Path(__file__).with_name("migrations") / "versions").glob(f"{number}_*.py"))
    spec = importlib.util.spec_from_file_location(f"eventwire_migration_{number}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _apply(conn: Connection, migrations: list[ModuleType], sign: int, where: str, params: dict[str, Any],
           table: str = "events") -> None:
    """Add (sign 1) or subtract (-1) the counted events rows meeting `where` to the rollups of `migrations`.
    `table`: where to read those rows (a narrow copy of the counted rows' columns, see `_counted_copy`)."""
    for m in migrations:
        source = (f"SELECT {sign} AS sign, {', '.join(m.SOURCE_COLS)} FROM {table} "
                  f"WHERE merged_into IS NULL AND ({where})")
        for sql in m._upserts(conn.dialect.name, source):
            conn.execute(text(sql), params)


@contextmanager
def rollups_in_bulk(conn: Connection, where: str, params: dict[str, Any] | None = None,
                    rebuild: bool = False) -> Iterator[None]:
    """Within the open write transaction of `conn`: the writes of the block, to the events rows meeting the SQL
    condition `where` (on `events`, with bind `params`, true of the same rows before and after), reach the rollups
    (0008's, 0011's and 0012's) as two set statements per rollup instead of one trigger run per row. `rebuild`:
    the block may write any rows (`where` is not read); the rollups are emptied and counted afresh from all the
    events once afterwards (one pass into empty tables: cheaper than subtracting and re-adding when the block
    touches a large share of the table). SQLite only; elsewhere a no-op."""
    triggers = []
    if conn.dialect.name == "sqlite":
        named = " OR ".join(f"name LIKE '{prefix}%'" for prefix in ROLLUP_MIGRATIONS)
        triggers = conn.exec_driver_sql(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'events' AND ({named}) "
            "ORDER BY name").all()
    if not triggers:
        yield
        return
    # only the rollups whose triggers are there (a database migrated to 0008 but not yet 0011 has no breakdown)
    migrations = [_migration(number) for prefix, number in ROLLUP_MIGRATIONS.items()
                  if any(name.startswith(prefix) for name, _ in triggers)]
    params = params or {}
    if not rebuild:
        _apply(conn, migrations, -1, where, params)
    for name, _ in triggers:
        conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
    yield
    if rebuild:
        tables = [table for m in migrations for table in m.TABLES]
        for table in tables:
            conn.exec_driver_sql(f"DELETE FROM {table}")  # no triggers on them: SQLite truncates
        # the empty rollups filled without their secondary indexes, which are then built once each, sorted
        with _counted_copy(conn, migrations) as copy, indexes_dropped(conn, tables):
            _apply(conn, migrations, 1, "1 = 1", {}, table=copy)
    else:
        _apply(conn, migrations, 1, where, params)
    for _, sql in triggers:
        conn.exec_driver_sql(sql)


@contextmanager
def indexes_dropped(conn: Connection, tables: list[str]) -> Iterator[None]:
    """SQLite, in the open write transaction: the secondary indexes of `tables` dropped for the block and re-created
    after it from the very SQL they were stored with (building an index once, sorted, costs less than keeping it
    up to date row by row through a bulk write of most rows). DDL is transactional: no reader sees them gone."""
    named = ", ".join(f"'{t}'" for t in tables)
    indexes = conn.exec_driver_sql(f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                                   f"AND tbl_name IN ({named}) ORDER BY name").all()
    for name, _ in indexes:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    yield
    for _, sql in indexes:
        conn.exec_driver_sql(sql)


@contextmanager
def _counted_copy(conn: Connection, migrations: list[ModuleType]) -> Iterator[str]:
    """A temporary table of the counted events rows (merged_into IS NULL) with only the columns the rollups of
    `migrations` read: a rebuild's seven statements each scan it instead of the wide events rows (JSON records)."""
    cols = ["merged_into"] + sorted({c for m in migrations for c in m.SOURCE_COLS})
    conn.exec_driver_sql(f"DROP TABLE IF EXISTS temp.{COUNTED}")
    conn.exec_driver_sql(f"CREATE TEMP TABLE {COUNTED} AS SELECT {', '.join(cols)} FROM main.events "
                         "WHERE merged_into IS NULL")
    try:
        yield f"temp.{COUNTED}"
    finally:
        conn.exec_driver_sql(f"DROP TABLE temp.{COUNTED}")


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


def can_copy(conn: Connection) -> bool:
    """Whether the COPY paths below serve: PostgreSQL through psycopg 3 (the driver the project installs)."""
    return conn.dialect.name == "postgresql" and conn.dialect.driver == "psycopg"


def next_ids(conn: Connection, table: str, n: int) -> list[int]:
    """PostgreSQL: n new ids from the sequence of `table`.id, in increasing order (as its inserts would take them)."""
    return list(conn.execute(text(f"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) "
                                  "FROM generate_series(1, :n) ORDER BY 1"), {"n": n}).scalars())


def copy_rows(conn: Connection, table: Table, rows: list[dict[str, Any]], into: str | None = None) -> None:
    """PostgreSQL: `rows` (dicts of column values, the same keys in each) into `table` by one COPY: its statement
    triggers run once for all of them, and no SQL text is built per row. Python-side column defaults are filled
    as an INSERT would fill them; JSON is written with the dialect's serializer. `into`: a table of the same
    columns to copy into instead (no defaults filled)."""
    if not rows:
        return
    names = list(rows[0])
    defaults = {}
    for c in table.c if into is None else ():
        if c.name not in rows[0] and c.default is not None and not c.default.is_sequence:
            defaults[c.name] = c.default.arg(None) if c.default.is_callable else c.default.arg
    serialize = conn.dialect._json_serializer or json.dumps
    as_json = {c.name for c in table.c if isinstance(c.type, JSON)}
    columns = names + list(defaults)
    encode = [(name, name in as_json) for name in names]
    fill = list(defaults.values())
    statement = f"COPY {into or table.name} ({', '.join(columns)}) FROM STDIN"
    dbapi = conn.dialect.loaded_dbapi
    cursor = conn.connection.driver_connection.cursor()
    try:
        with cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row([serialize(row[n]) if js else row[n] for n, js in encode] + fill)
    except dbapi.Error as exc:  # as SQLAlchemy raises a refused INSERT: the caller's fallbacks catch it
        raise DBAPIError.instance(statement, None, exc, dbapi.Error) from exc
    finally:
        cursor.close()


def update_rows(conn: Connection, table: Table, rows: list[dict[str, Any]], match: str = "id",
                changed_only: bool = False) -> None:
    """PostgreSQL: set the columns of `rows` (dicts of column values, the same keys in each, the column `match`
    naming the row to update) in one UPDATE ... FROM a temporary table filled by COPY, rather than a statement
    per row (each of which would run the table's statement triggers) or a VALUES list compiled as SQL text.
    `changed_only`: rows that already hold the values are not written (columns with an equality: not JSON)."""
    if not rows:
        return
    cols = [k for k in rows[0] if k != match]
    tmp = f"ew_bulk_{table.name}"
    conn.exec_driver_sql(f"CREATE TEMP TABLE {tmp} ON COMMIT DROP AS SELECT {match}, {', '.join(cols)} "
                         f"FROM {table.name} WITH NO DATA")
    copy_rows(conn, table, rows, into=tmp)
    differs = (f" AND ROW({', '.join(f't.{c}' for c in cols)}) IS DISTINCT FROM ROW({', '.join(f's.{c}' for c in cols)})"
               if changed_only else "")
    conn.exec_driver_sql(f"UPDATE {table.name} AS t SET {', '.join(f'{c} = s.{c}' for c in cols)} "
                         f"FROM {tmp} AS s WHERE t.{match} = s.{match}{differs}")
    conn.exec_driver_sql(f"DROP TABLE {tmp}")


def update_rows_sqlite(conn: Connection, table: Table, rows: list[dict[str, Any]], match: str = "id",
                       compare: tuple[str, ...] | None = None) -> None:
    """SQLite (>= 3.33): set the columns of `rows` (dicts of column values, the same keys in each, the column `match`
    naming the row to update) by one UPDATE ... FROM a temporary table filled by one executemany, rather than one
    UPDATE per row: SQLAlchemy's per-row parameter work and SQLite's per-statement overhead were most of a large
    dedup's writes. Values are converted as the columns' types convert them in an UPDATE (JSON, dates).
    `compare`: a row is written only when one of these columns differs (None: always)."""
    if not rows:
        return
    names = list(rows[0])
    cols = [n for n in names if n != match]
    convert = [table.c[n].type.dialect_impl(conn.dialect).bind_processor(conn.dialect) for n in names]
    tmp = f"ew_bulk_{table.name}"
    conn.exec_driver_sql(f"DROP TABLE IF EXISTS temp.{tmp}")
    conn.exec_driver_sql(f"CREATE TEMP TABLE {tmp} AS SELECT {', '.join(names)} FROM main.{table.name} WHERE 0")
    # built column by column: a converter is looked up once per column, not once per value
    values = [[row[n] for row in rows] if f is None else [f(row[n]) for row in rows] for n, f in zip(names, convert)]
    conn.exec_driver_sql(f"INSERT INTO temp.{tmp} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                         list(zip(*values)))
    differs = f" AND ({' OR '.join(f'main.{table.name}.{c} IS NOT s.{c}' for c in compare)})" if compare else ""
    conn.exec_driver_sql(f"UPDATE main.{table.name} SET {', '.join(f'{c} = s.{c}' for c in cols)} "
                         f"FROM temp.{tmp} AS s WHERE main.{table.name}.{match} = s.{match}{differs}")
    conn.exec_driver_sql(f"DROP TABLE temp.{tmp}")
