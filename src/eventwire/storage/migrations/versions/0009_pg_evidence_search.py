"""Full-text search in the evidence on PostgreSQL: a GIN index of the evidence's tsvector (the 'simple'
configuration: lower case, no stemming, as SQLite's FTS5 index of migration 0005 does; unlike it, accents are
kept). Queries use the same expression (storage/queries.py EVIDENCE_TSVECTOR) so that the index serves them.
SQLite has its FTS5 index already and needs nothing here.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("CREATE INDEX ix_event_sources_evidence_tsv ON event_sources "
               "USING gin (to_tsvector('simple', coalesce(evidence_text, '')))")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_event_sources_evidence_tsv")
