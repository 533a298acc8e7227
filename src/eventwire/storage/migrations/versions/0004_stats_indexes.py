"""Covering indexes for the HTTP API's aggregates (/api/stats), and indexes for type and region filters by date.

ix_events_country_date (0002) is replaced by ix_events_stats_country, which starts with the same two columns, and
ix_events_admin1 (0002) by ix_events_admin1_date.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

STATS_COLUMNS = ["event_type", "fatalities", "merged_into", "status", "modality", "actor1", "actor2"]


def upgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index("ix_events_country_date")
        batch_op.drop_index("ix_events_admin1")
        batch_op.create_index("ix_events_admin1_date", ["admin1", "date"], unique=False)
        batch_op.create_index("ix_events_type_date", ["event_type", "date"], unique=False)
        batch_op.create_index("ix_events_stats_country", ["country", "date", *STATS_COLUMNS], unique=False)
        batch_op.create_index("ix_events_stats_date", ["date", "country", *STATS_COLUMNS], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index("ix_events_stats_date")
        batch_op.drop_index("ix_events_stats_country")
        batch_op.drop_index("ix_events_type_date")
        batch_op.drop_index("ix_events_admin1_date")
        batch_op.create_index("ix_events_admin1", ["admin1"], unique=False)
        batch_op.create_index("ix_events_country_date", ["country", "date"], unique=False)
