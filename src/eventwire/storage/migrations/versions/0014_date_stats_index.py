"""One date index for listings, stats and actors: ix_events_date_stats (date, id, country, the stats' columns,
actor1, actor2, assoc_actors) replaces ix_events_date (date) and ix_events_stats_date (0004: date, country, the
stats' columns, actor1, actor2), serving every query they did.

SQLite tests a WHERE term on an index's columns before it reads the row. A listing by actor
(/api/events?actor=Boko%20Haram) walked the dates through ix_events_date (the only index giving the (date, id)
order of a page) and read every row of the dates walked to test the three actor columns: at 1M events
(benchmarks/api.py) ~3,000 rows for the newest 100. With id second and every actor column in the index, the
date order comes from it and only the rows listed are read: 8.4 -> 2.2 ms in SQLite alone, ~16 -> ~9 ms CPU
a request. One index less to write; the stats read the new one as they read ix_events_stats_date.

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

STATS_COLUMNS = ["event_type", "fatalities", "merged_into", "status", "modality", "actor1", "actor2"]


def upgrade() -> None:
    op.create_index("ix_events_date_stats", "events", ["date", "id", "country", *STATS_COLUMNS, "assoc_actors"],
                    unique=False)
    op.drop_index("ix_events_stats_date", table_name="events")
    op.drop_index("ix_events_date", table_name="events")


def downgrade() -> None:
    op.create_index("ix_events_date", "events", ["date"], unique=False)
    op.create_index("ix_events_stats_date", "events", ["date", "country", *STATS_COLUMNS], unique=False)
    op.drop_index("ix_events_date_stats", table_name="events")
