"""Rollups of the events for /api/stats: counts and fatalities per period and the dimensions the dashboard filters
on, kept in step with the events table by triggers (in the writing transaction, whatever writes: new events,
dedup merges, reviews, recodes, deletes).

    stats_rollup        (grain, period, country, event_type, sub_event_type, plover_event, modality, status)
                        grain a = all time (period ''), y = year ('2024'), m = month ('2024-03'),
                        d = day ('2024-03-05'; '' for undated events, which no other grain but a counts)
    stats_actor_rollup  the same for each actor (either side) at grains a, y and m
    stats_day_totals    (day, modality, status): the timeline when no country or type is asked for

Only events not merged into another count. Absent values are '' (the key columns are NOT NULL so that
ON CONFLICT finds the row). Rows whose counts went back to 0 stay (readers skip them).
SQLite: row triggers; PostgreSQL: statement triggers with transition tables, so that a COPY or a multi-row
INSERT updates each rollup row once. NOTE for later migrations: a batch migration that RECREATES the events table
on SQLite drops these triggers; re-create them afterwards.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

DIMS = ("country", "event_type", "sub_event_type", "plover_event", "modality", "status")
SOURCE_COLS = ("date", "fatalities", "actor1", "actor2", *DIMS)
# what a change of makes a rollup change (the SQLite update trigger fires on nothing else)
WATCHED = ("merged_into", *SOURCE_COLS)
TABLES = ("stats_rollup", "stats_actor_rollup", "stats_day_totals")
OPS = ("insert", "update", "delete")


def _periods(dialect: str) -> dict[str, str]:
    """The period text of s.date at each grain."""
    if dialect == "postgresql":
        return {"y": "to_char(s.date, 'YYYY')", "m": "to_char(s.date, 'YYYY-MM')",
                "d": "to_char(s.date, 'YYYY-MM-DD')"}
    return {"y": "substr(s.date, 1, 4)", "m": "substr(s.date, 1, 7)", "d": "s.date"}  # ISO text in SQLite


def _upserts(dialect: str, source: str) -> list[str]:
    """The statements adding the signed rows of `source` (a SELECT of sign and SOURCE_COLS) to every rollup."""
    p = _periods(dialect)
    dims = ", ".join(f"coalesce(s.{d}, '')" for d in DIMS)
    sums = "sum(s.sign), sum(s.sign * coalesce(s.fatalities, 0))"
    having = "HAVING sum(s.sign) <> 0 OR sum(s.sign * coalesce(s.fatalities, 0)) <> 0"

    def add(table: str) -> str:  # no alias for the table: SQLite has none inside a trigger
        return (f"DO UPDATE SET events = {table}.events + excluded.events, "
                f"fatalities = {table}.fatalities + excluded.fatalities")
    dim_names = ", ".join(DIMS)
    return [
        f"""INSERT INTO stats_rollup (grain, period, {dim_names}, events, fatalities)
            SELECT g.grain, CASE g.grain WHEN 'a' THEN '' WHEN 'y' THEN {p['y']} WHEN 'm' THEN {p['m']}
                                         ELSE coalesce({p['d']}, '') END,
                   {dims}, {sums}
            FROM ({source}) AS s
            JOIN (SELECT 'a' AS grain UNION ALL SELECT 'y' UNION ALL SELECT 'm' UNION ALL SELECT 'd') AS g
              ON g.grain IN ('a', 'd') OR s.date IS NOT NULL
            GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 {having}
            ON CONFLICT (grain, period, {dim_names}) {add('stats_rollup')}""",
        f"""INSERT INTO stats_actor_rollup (grain, period, actor, {dim_names}, events, fatalities)
            SELECT g.grain, CASE g.grain WHEN 'a' THEN '' WHEN 'y' THEN {p['y']} ELSE {p['m']} END,
                   CASE side.n WHEN 1 THEN s.actor1 ELSE s.actor2 END, {dims}, {sums}
            FROM ({source}) AS s
            JOIN (SELECT 'a' AS grain UNION ALL SELECT 'y' UNION ALL SELECT 'm') AS g
              ON g.grain = 'a' OR s.date IS NOT NULL
            JOIN (SELECT 1 AS n UNION ALL SELECT 2) AS side
              ON CASE side.n WHEN 1 THEN s.actor1 ELSE s.actor2 END <> ''
             AND (side.n = 1 OR s.actor1 IS NULL OR s.actor2 <> s.actor1)
            GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 {having}
            ON CONFLICT (grain, period, actor, {dim_names}) {add('stats_actor_rollup')}""",
        f"""INSERT INTO stats_day_totals (day, modality, status, events, fatalities)
            SELECT coalesce({p['d']}, ''), coalesce(s.modality, ''), coalesce(s.status, ''), {sums}
            FROM ({source}) AS s
            GROUP BY 1, 2, 3 {having}
            ON CONFLICT (day, modality, status) {add('stats_day_totals')}""",
    ]


def _rows(prefix: str, sign: int, table: str | None = None) -> str:
    """A SELECT of sign and SOURCE_COLS: of the trigger's row (`new.`/`old.`) or of a table's rows."""
    if table:
        return f"SELECT {sign} AS sign, {', '.join(SOURCE_COLS)} FROM {table} WHERE merged_into IS NULL"
    cols = ", ".join(f"{prefix}.{c} AS {c}" for c in SOURCE_COLS)
    return f"SELECT {sign} AS sign, {cols} WHERE {prefix}.merged_into IS NULL"


def _sqlite_triggers() -> list[str]:
    body = {"insert": _rows("new", 1), "delete": _rows("old", -1),
            "update": f"{_rows('old', -1)} UNION ALL {_rows('new', 1)}"}
    changed = " OR ".join(f"old.{c} IS NOT new.{c}" for c in WATCHED)
    out = []
    for name in OPS:
        on = f"UPDATE OF {', '.join(WATCHED)}" if name == "update" else name.upper()
        when = f" WHEN {changed}" if name == "update" else ""
        stmts = "".join(f"{s};\n" for s in _upserts("sqlite", body[name]))
        out.append(f"CREATE TRIGGER stats_rollup_{name} AFTER {on} ON events{when} BEGIN\n{stmts}END")
    return out


def _postgresql_triggers() -> list[str]:
    body = {"insert": _rows("", 1, "new_rows"), "delete": _rows("", -1, "old_rows"),
            "update": f"{_rows('', -1, 'old_rows')} UNION ALL {_rows('', 1, 'new_rows')}"}
    tables = {"insert": "NEW TABLE AS new_rows", "delete": "OLD TABLE AS old_rows",
              "update": "OLD TABLE AS old_rows NEW TABLE AS new_rows"}
    old_cols, new_cols = (", ".join(f"{t}.{c}" for c in WATCHED) for t in ("o", "n"))
    # dedup and reviews rewrite whole rows one statement at a time: most change nothing a rollup counts
    unchanged = (f"IF NOT EXISTS (SELECT 1 FROM old_rows AS o JOIN new_rows AS n ON n.id = o.id "
                 f"WHERE ({old_cols}) IS DISTINCT FROM ({new_cols})) THEN RETURN NULL; END IF;\n")
    out = []
    for name in OPS:
        stmts = "".join(f"{s};\n" for s in _upserts("postgresql", body[name]))
        skip = unchanged if name == "update" else ""
        out.append(f"CREATE OR REPLACE FUNCTION stats_rollup_{name}() RETURNS trigger LANGUAGE plpgsql AS $$\n"
                   f"BEGIN\n{skip}{stmts}RETURN NULL;\nEND $$")
        out.append(f"CREATE TRIGGER stats_rollup_{name} AFTER {name.upper()} ON events "
                   f"REFERENCING {tables[name]} FOR EACH STATEMENT EXECUTE FUNCTION stats_rollup_{name}()")
    return out


def _dims() -> list[sa.Column]:
    return [sa.Column("country", sa.String(3), nullable=False),
            sa.Column("event_type", sa.String(64), nullable=False),
            sa.Column("sub_event_type", sa.String(64), nullable=False),
            sa.Column("plover_event", sa.String(16), nullable=False),
            sa.Column("modality", sa.String(16), nullable=False),
            sa.Column("status", sa.String(16), nullable=False)]


def _counts() -> list[sa.Column]:
    return [sa.Column("events", sa.BigInteger(), nullable=False),
            sa.Column("fatalities", sa.BigInteger(), nullable=False)]


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.create_table(
        "stats_rollup",
        sa.Column("grain", sa.String(1), nullable=False), sa.Column("period", sa.String(10), nullable=False),
        *_dims(), *_counts(),
        sa.PrimaryKeyConstraint("grain", "period", *DIMS, name=op.f("pk_stats_rollup")))
    op.create_index("ix_stats_rollup_country", "stats_rollup", ["country", "grain", "period"])
    op.create_index("ix_stats_rollup_event_type", "stats_rollup", ["event_type", "grain", "period"])
    op.create_table(
        "stats_actor_rollup",
        sa.Column("grain", sa.String(1), nullable=False), sa.Column("period", sa.String(10), nullable=False),
        sa.Column("actor", sa.String(256), nullable=False), *_dims(), *_counts(),
        sa.PrimaryKeyConstraint("grain", "period", "actor", *DIMS, name=op.f("pk_stats_actor_rollup")))
    op.create_index("ix_stats_actor_rollup_country", "stats_actor_rollup", ["country", "grain", "period"])
    op.create_table(
        "stats_day_totals",
        sa.Column("day", sa.String(10), nullable=False), sa.Column("modality", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False), *_counts(),
        sa.PrimaryKeyConstraint("day", "modality", "status", name=op.f("pk_stats_day_totals")))
    for sql in _upserts(dialect, _rows("", 1, "events")):  # the events stored before this migration
        op.execute(sql)
    for sql in _postgresql_triggers() if dialect == "postgresql" else _sqlite_triggers():
        op.execute(sql)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for name in OPS:
        if dialect == "postgresql":
            op.execute(f"DROP TRIGGER IF EXISTS stats_rollup_{name} ON events")
            op.execute(f"DROP FUNCTION IF EXISTS stats_rollup_{name}()")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS stats_rollup_{name}")
    for table in TABLES:
        op.drop_table(table)
