"""The review queue's actions: the review rows of one reviewer's action (one PATCH, one bulk review) share an
`action_id`, so that the action can be undone as a whole; an undone row is kept, marked `undone_by` the undo.

Rows made before this revision were one action each as far as anyone can tell: their action_id is their id.
Indexes for the queue: events by confidence (its order), reviews by reviewer (the last action, today's reviews).

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("reviews", sa.Column("action_id", sa.Integer(), nullable=True))
    op.add_column("reviews", sa.Column("undone_by", sa.Integer(), nullable=True))
    op.execute("UPDATE reviews SET action_id = id")
    op.create_index("ix_reviews_reviewer_action_id", "reviews", ["reviewer", "action_id"])  # the last action
    op.create_index("ix_reviews_reviewer_created_at", "reviews", ["reviewer", "created_at"])  # reviewed today
    op.create_index("ix_events_confidence_id", "events", ["confidence", "id"])  # the queue's order


def downgrade() -> None:
    op.drop_index("ix_events_confidence_id", table_name="events")
    op.drop_index("ix_reviews_reviewer_created_at", table_name="reviews")
    op.drop_index("ix_reviews_reviewer_action_id", table_name="reviews")
    with op.batch_alter_table("reviews", schema=None) as batch_op:
        batch_op.drop_column("undone_by")
        batch_op.drop_column("action_id")
