"""Full-text search in the evidence (SQLite): an FTS5 index of event_sources.evidence_text kept by triggers.

PostgreSQL keeps the substring search (ILIKE) and needs nothing here. NOTE for later migrations: a batch
migration that RECREATES event_sources on SQLite drops these triggers; re-create them afterwards
(tests/test_api_http.py checks that evidence stored after the migrations is found).

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

TRIGGERS = {
    "event_sources_fts_insert": """
        CREATE TRIGGER event_sources_fts_insert AFTER INSERT ON event_sources BEGIN
            INSERT INTO event_sources_fts(rowid, evidence_text) VALUES (new.id, new.evidence_text);
        END""",
    "event_sources_fts_delete": """
        CREATE TRIGGER event_sources_fts_delete AFTER DELETE ON event_sources BEGIN
            INSERT INTO event_sources_fts(event_sources_fts, rowid, evidence_text)
            VALUES ('delete', old.id, old.evidence_text);
        END""",
    "event_sources_fts_update": """
        CREATE TRIGGER event_sources_fts_update AFTER UPDATE OF evidence_text ON event_sources BEGIN
            INSERT INTO event_sources_fts(event_sources_fts, rowid, evidence_text)
            VALUES ('delete', old.id, old.evidence_text);
            INSERT INTO event_sources_fts(rowid, evidence_text) VALUES (new.id, new.evidence_text);
        END""",
}


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("CREATE VIRTUAL TABLE event_sources_fts USING fts5(evidence_text, content='event_sources', "
               "content_rowid='id', tokenize='unicode61 remove_diacritics 2')")
    for sql in TRIGGERS.values():
        op.execute(sql)
    op.execute("INSERT INTO event_sources_fts(event_sources_fts) VALUES ('rebuild')")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS event_sources_fts")
