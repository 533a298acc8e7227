"""Incremental dedup: event_sources.dedup_pending marks reports not yet clustered, so run_dedup re-clusters
only the countries that got new reports (clusters never cross countries, so the result is the same as a
full run). Existing reports start pending: the first run after the upgrade is a full one.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("event_sources", schema=None) as batch_op:
        batch_op.add_column(sa.Column("dedup_pending", sa.Boolean(), nullable=False, server_default=sa.true()))
        batch_op.create_index("ix_event_sources_dedup_pending", ["dedup_pending"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("event_sources", schema=None) as batch_op:
        batch_op.drop_index("ix_event_sources_dedup_pending")
        batch_op.drop_column("dedup_pending")
