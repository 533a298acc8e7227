"""Full-text search in the evidence on PostgreSQL: event_sources.evidence_tsv, a stored generated tsvector of the
evidence (the 'simple' configuration: lower case, no stemming, as SQLite's FTS5 index of migration 0005 does;
unlike it, accents are kept), with a GIN index. Stored, not an expression index: a listing that reads the
newest matching sources checks each row's vector without parsing its text again. The column is PostgreSQL's
only (models.py does not map it; migrations/env.py leaves it out of autogenerate). SQLite has its FTS5 index
already and needs nothing here.

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
    op.execute("ALTER TABLE event_sources ADD COLUMN evidence_tsv tsvector "
               "GENERATED ALWAYS AS (to_tsvector('simple', coalesce(evidence_text, ''))) STORED")
    op.execute("CREATE INDEX ix_event_sources_evidence_tsv ON event_sources USING gin (evidence_tsv)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_event_sources_evidence_tsv")
    op.execute("ALTER TABLE event_sources DROP COLUMN IF EXISTS evidence_tsv")
