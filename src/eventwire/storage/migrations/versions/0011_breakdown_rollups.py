"""Rollups of the dashboard's charts (Store.breakdown), kept in step with the events table by triggers as the stats
rollups of 0008 are (in the writing transaction, whatever writes: new events, dedup merges, reviews, recodes,
deletes):

    stats_day_type      (day, event_type, modality, status): dated events per day and ACLED type ('' for an
                        event with a PLOVER category only): the per-day-by-type chart when no country is asked for
                        (with a country, stats_rollup's day grain answers)
    stats_dyad_rollup   (grain, period, actor_a, actor_b, country, event_type, sub_event_type, plover_event,
                        modality, status) at grains a, y and m: events with two different actors, the pair in
                        sorted order (actor_a < actor_b), for the top dyads

Only events not merged into another count; rows whose counts went back to 0 stay (readers skip them).
SQLite: row triggers; PostgreSQL: statement triggers with transition tables (a COPY or a multi-row write updates
each rollup row once). Triggers of their own (stats_breakdown_*), beside 0008's. Two covering indexes (COVERING)
for the reads of a country's days and of all dyads.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

DIMS = ("country", "event_type", "sub_event_type", "plover_event", "modality", "status")
SOURCE_COLS = ("date", "fatalities", "actor1", "actor2", *DIMS)
WATCHED = ("merged_into", *SOURCE_COLS)  # what a change of makes a rollup change
TABLES = ("stats_day_type", "stats_dyad_rollup")
# indexes that hold every column their readers need, so that no table row is read: one country's days (the
# timeline and the days by type of a country; 0008's ix_stats_rollup_country made SQLite fetch ~20,000 rows one
# by one for a country over ten years: 160 -> 13 ms), and the dyads of all countries and types
COVERING = (
    ("ix_stats_rollup_country_days", "stats_rollup",
     ["country", "grain", "period", "event_type", "status", "modality", "events", "fatalities"]),
    ("ix_stats_dyad_rollup_all", "stats_dyad_rollup",
     ["grain", "period", "status", "modality", "actor_a", "actor_b", "events", "fatalities"]),
)
OPS = ("insert", "update", "delete")


def _upserts(dialect: str, source: str) -> list[str]:
    """The statements adding the signed rows of `source` (a SELECT of sign and SOURCE_COLS) to both rollups."""
    pg = dialect == "postgresql"
    year, month, day = (("to_char(s.date, 'YYYY')", "to_char(s.date, 'YYYY-MM')", "to_char(s.date, 'YYYY-MM-DD')")
                        if pg else ("substr(s.date, 1, 4)", "substr(s.date, 1, 7)", "s.date"))  # ISO text in SQLite
    least, greatest = ("LEAST", "GREATEST") if pg else ("min", "max")  # SQLite's two-argument min/max are scalar
    dims = ", ".join(f"coalesce(s.{d}, '')" for d in DIMS)
    sums = "sum(s.sign), sum(s.sign * coalesce(s.fatalities, 0))"
    having = "HAVING sum(s.sign) <> 0 OR sum(s.sign * coalesce(s.fatalities, 0)) <> 0"

    def add(table: str) -> str:  # no alias for the table: SQLite has none inside a trigger
        return (f"DO UPDATE SET events = {table}.events + excluded.events, "
                f"fatalities = {table}.fatalities + excluded.fatalities")
    dim_names = ", ".join(DIMS)
    return [
        f"""INSERT INTO stats_day_type (day, event_type, modality, status, events, fatalities)
            SELECT {day}, coalesce(s.event_type, ''), coalesce(s.modality, ''), coalesce(s.status, ''), {sums}
            FROM ({source}) AS s
            WHERE s.date IS NOT NULL
            GROUP BY 1, 2, 3, 4 {having}
            ON CONFLICT (day, event_type, modality, status) {add('stats_day_type')}""",
        f"""INSERT INTO stats_dyad_rollup (grain, period, actor_a, actor_b, {dim_names}, events, fatalities)
            SELECT g.grain, CASE g.grain WHEN 'a' THEN '' WHEN 'y' THEN {year} ELSE {month} END,
                   {least}(s.actor1, s.actor2), {greatest}(s.actor1, s.actor2), {dims}, {sums}
            FROM ({source}) AS s
            JOIN (SELECT 'a' AS grain UNION ALL SELECT 'y' UNION ALL SELECT 'm') AS g
              ON g.grain = 'a' OR s.date IS NOT NULL
            WHERE s.actor1 <> '' AND s.actor2 <> '' AND s.actor1 <> s.actor2
            GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 {having}
            ON CONFLICT (grain, period, actor_a, actor_b, {dim_names}) {add('stats_dyad_rollup')}""",
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
        out.append(f"CREATE TRIGGER stats_breakdown_{name} AFTER {on} ON events{when} BEGIN\n{stmts}END")
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
        out.append(f"CREATE OR REPLACE FUNCTION stats_breakdown_{name}() RETURNS trigger LANGUAGE plpgsql AS $$\n"
                   f"BEGIN\n{skip}{stmts}RETURN NULL;\nEND $$")
        out.append(f"CREATE TRIGGER stats_breakdown_{name} AFTER {name.upper()} ON events "
                   f"REFERENCING {tables[name]} FOR EACH STATEMENT EXECUTE FUNCTION stats_breakdown_{name}()")
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
        "stats_day_type",
        sa.Column("day", sa.String(10), nullable=False), sa.Column("event_type", sa.String(64), nullable=False),
        sa.Column("modality", sa.String(16), nullable=False), sa.Column("status", sa.String(16), nullable=False),
        *_counts(),
        sa.PrimaryKeyConstraint("day", "event_type", "modality", "status", name=op.f("pk_stats_day_type")))
    op.create_table(
        "stats_dyad_rollup",
        sa.Column("grain", sa.String(1), nullable=False), sa.Column("period", sa.String(10), nullable=False),
        sa.Column("actor_a", sa.String(256), nullable=False), sa.Column("actor_b", sa.String(256), nullable=False),
        *_dims(), *_counts(),
        sa.PrimaryKeyConstraint("grain", "period", "actor_a", "actor_b", *DIMS, name=op.f("pk_stats_dyad_rollup")))
    op.create_index("ix_stats_dyad_rollup_country", "stats_dyad_rollup", ["country", "grain", "period"])
    for name, table, columns in COVERING:
        op.create_index(name, table, columns)
    for sql in _upserts(dialect, _rows("", 1, "events")):  # the events stored before this migration
        op.execute(sql)
    for sql in _postgresql_triggers() if dialect == "postgresql" else _sqlite_triggers():
        op.execute(sql)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for name in OPS:
        if dialect == "postgresql":
            op.execute(f"DROP TRIGGER IF EXISTS stats_breakdown_{name} ON events")
            op.execute(f"DROP FUNCTION IF EXISTS stats_breakdown_{name}()")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS stats_breakdown_{name}")
    op.drop_index("ix_stats_rollup_country_days", table_name="stats_rollup")
    for table in TABLES:
        op.drop_table(table)
