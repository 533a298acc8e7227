"""Alembic environment. The Store runs migrations programmatically (passing its connection in
`config.attributes["connection"]`); `alembic -c src/eventwire/storage/alembic.ini ...` works too, for developers,
against $EVENTWIRE_DB or sqlite:///eventwire.db."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from eventwire.storage.models import Base

config = context.config
target_metadata = Base.metadata


def _include_name(name, type_, parent_names) -> bool:  # noqa: ANN001
    """Autogenerate leaves alone the SQLite FTS5 index of the evidence (migration 0005) and its shadow tables, and
    PostgreSQL's tsvector of the evidence (migration 0009)."""
    if type_ == "column" and name == "evidence_tsv":
        return False
    return not (type_ == "table" and name and name.startswith("event_sources_fts"))


def _configure(connection) -> None:  # noqa: ANN001
    context.configure(connection=connection, target_metadata=target_metadata, include_name=_include_name,
                      render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters by copying tables
                      compare_type=True)


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    from eventwire.storage.store import resolve_url

    engine = create_engine(resolve_url(config.get_main_option("sqlalchemy.url") or None))
    with engine.begin() as conn:
        _configure(conn)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("eventwire migrations run online only (against a database)")
run_migrations_online()
