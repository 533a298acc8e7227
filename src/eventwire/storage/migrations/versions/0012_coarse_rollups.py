"""Coarse rollups for long ranges (Store.breakdown over years), kept in step with the events table by triggers as
those of 0008 and 0011 are (in the writing transaction, whatever writes):

    stats_bin_type      (bins, period, event_type, modality, status): dated events per bin and ACLED type ('' for
                        PLOVER only), bins w (weeks cut at month ends, rollups.week_in_month) and m (months), each
                        period named by its first day: ten years of a chart by type are ~3,800 or 720 rows to read,
                        not 22,000 days
    stats_dyad_total    (grain, period, status, modality, actor_a, actor_b) at grains a, y and m: the dyads of all
                        countries and types (0011's stats_dyad_rollup holds one row per pair, country and type:
                        44,000 rows to sum for ten years of 1M synthetic events, here 5,600)

Only events not merged into another count; rows whose counts went back to 0 stay (readers skip them). SQLite: row
triggers; PostgreSQL: statement triggers with transition tables. Triggers of their own (stats_coarse_*). Covering
indexes (COVERING) for the reads of actors, of one country's dyads and of the timeline of all countries.

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

SOURCE_COLS = ("date", "fatalities", "actor1", "actor2", "event_type", "modality", "status")
WATCHED = ("merged_into", *SOURCE_COLS)  # what a change of makes a rollup change
TABLES = ("stats_bin_type", "stats_dyad_total")
# indexes holding every column their readers need, so that no table row is read (SQLite fetched each of the
# 6,240 actor rows of ten years one by one: 57 ms; the 3,650 days of the timeline: 17 ms); those of one country
# lead with it (else SQLite reads the actors of all countries through the first: 83 ms for one country's year)
COVERING = (
    ("ix_stats_actor_rollup_all", "stats_actor_rollup",
     ["grain", "period", "status", "modality", "actor", "events", "fatalities"]),
    ("ix_stats_actor_rollup_country_all", "stats_actor_rollup",
     ["country", "grain", "period", "status", "modality", "actor", "events", "fatalities"]),
    ("ix_stats_dyad_rollup_country_all", "stats_dyad_rollup",
     ["country", "grain", "period", "status", "modality", "actor_a", "actor_b", "events", "fatalities"]),
    ("ix_stats_day_totals_all", "stats_day_totals", ["status", "modality", "day", "events", "fatalities"]),
)
OPS = ("insert", "update", "delete")


def _upserts(dialect: str, source: str) -> list[str]:
    """The statements adding the signed rows of `source` (a SELECT of sign and SOURCE_COLS) to both rollups."""
    pg = dialect == "postgresql"
    if pg:
        year, month = "to_char(s.date, 'YYYY')", "to_char(s.date, 'YYYY-MM')"
        week_bin = ("to_char(GREATEST(date_trunc('week', s.date), date_trunc('month', s.date)), 'YYYY-MM-DD')")
        month_bin = "to_char(s.date, 'YYYY-MM-01')"
    else:  # ISO text in SQLite; 'weekday 0': the next Sunday (or the day itself), 6 days before it the Monday
        year, month = "substr(s.date, 1, 4)", "substr(s.date, 1, 7)"
        week_bin = "max(date(s.date, 'weekday 0', '-6 days'), date(s.date, 'start of month'))"
        month_bin = "date(s.date, 'start of month')"
    least, greatest = ("LEAST", "GREATEST") if pg else ("min", "max")  # SQLite's two-argument min/max are scalar
    sums = "sum(s.sign), sum(s.sign * coalesce(s.fatalities, 0))"
    having = "HAVING sum(s.sign) <> 0 OR sum(s.sign * coalesce(s.fatalities, 0)) <> 0"

    def add(table: str) -> str:  # no alias for the table: SQLite has none inside a trigger
        return (f"DO UPDATE SET events = {table}.events + excluded.events, "
                f"fatalities = {table}.fatalities + excluded.fatalities")
    return [
        f"""INSERT INTO stats_bin_type (bins, period, event_type, modality, status, events, fatalities)
            SELECT g.bins, CASE g.bins WHEN 'w' THEN {week_bin} ELSE {month_bin} END,
                   coalesce(s.event_type, ''), coalesce(s.modality, ''), coalesce(s.status, ''), {sums}
            FROM ({source}) AS s
            JOIN (SELECT 'w' AS bins UNION ALL SELECT 'm') AS g ON s.date IS NOT NULL
            GROUP BY 1, 2, 3, 4, 5 {having}
            ON CONFLICT (bins, period, status, modality, event_type) {add('stats_bin_type')}""",
        f"""INSERT INTO stats_dyad_total (grain, period, status, modality, actor_a, actor_b, events, fatalities)
            SELECT g.grain, CASE g.grain WHEN 'a' THEN '' WHEN 'y' THEN {year} ELSE {month} END,
                   coalesce(s.status, ''), coalesce(s.modality, ''),
                   {least}(s.actor1, s.actor2), {greatest}(s.actor1, s.actor2), {sums}
            FROM ({source}) AS s
            JOIN (SELECT 'a' AS grain UNION ALL SELECT 'y' UNION ALL SELECT 'm') AS g
              ON g.grain = 'a' OR s.date IS NOT NULL
            WHERE s.actor1 <> '' AND s.actor2 <> '' AND s.actor1 <> s.actor2
            GROUP BY 1, 2, 3, 4, 5, 6 {having}
            ON CONFLICT (grain, period, status, modality, actor_a, actor_b) {add('stats_dyad_total')}""",
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
        out.append(f"CREATE TRIGGER stats_coarse_{name} AFTER {on} ON events{when} BEGIN\n{stmts}END")
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
        out.append(f"CREATE OR REPLACE FUNCTION stats_coarse_{name}() RETURNS trigger LANGUAGE plpgsql AS $$\n"
                   f"BEGIN\n{skip}{stmts}RETURN NULL;\nEND $$")
        out.append(f"CREATE TRIGGER stats_coarse_{name} AFTER {name.upper()} ON events "
                   f"REFERENCING {tables[name]} FOR EACH STATEMENT EXECUTE FUNCTION stats_coarse_{name}()")
    return out


def _counts() -> list[sa.Column]:
    return [sa.Column("events", sa.BigInteger(), nullable=False),
            sa.Column("fatalities", sa.BigInteger(), nullable=False)]


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    # the primary keys lead with what every reader asks for by equality (bins or grain, period, status, modality),
    # so that the rows come in the order of the GROUP BY; SQLite: WITHOUT ROWID, the rows are stored in the
    # primary key's order with their counts (a rowid table would read each row's counts by a second lookup)
    op.create_table(
        "stats_bin_type",
        sa.Column("bins", sa.String(1), nullable=False), sa.Column("period", sa.String(10), nullable=False),
        sa.Column("event_type", sa.String(64), nullable=False),
        sa.Column("modality", sa.String(16), nullable=False), sa.Column("status", sa.String(16), nullable=False),
        *_counts(),
        sa.PrimaryKeyConstraint("bins", "period", "status", "modality", "event_type",
                                name=op.f("pk_stats_bin_type")), sqlite_with_rowid=False)
    op.create_table(
        "stats_dyad_total",
        sa.Column("grain", sa.String(1), nullable=False), sa.Column("period", sa.String(10), nullable=False),
        sa.Column("status", sa.String(16), nullable=False), sa.Column("modality", sa.String(16), nullable=False),
        sa.Column("actor_a", sa.String(256), nullable=False), sa.Column("actor_b", sa.String(256), nullable=False),
        *_counts(),
        sa.PrimaryKeyConstraint("grain", "period", "status", "modality", "actor_a", "actor_b",
                                name=op.f("pk_stats_dyad_total")), sqlite_with_rowid=False)
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
            op.execute(f"DROP TRIGGER IF EXISTS stats_coarse_{name} ON events")
            op.execute(f"DROP FUNCTION IF EXISTS stats_coarse_{name}()")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS stats_coarse_{name}")
    for name, table, _ in COVERING:
        op.drop_index(name, table_name=table)
    for table in TABLES:
        op.drop_table(table)
