"""Stores on every backend a test can reach: SQLite always, PostgreSQL when EVENTWIRE_TEST_PG_URL names a server
(.ci/run starts one). A test parametrized with BACKENDS runs once per backend; the PostgreSQL run is marked
`postgres` and skipped without a server."""

from __future__ import annotations

import os

import pytest
from sqlalchemy import MetaData, create_engine, text

from eventwire.storage.store import Store, resolve_url

PG_URL = os.environ.get("EVENTWIRE_TEST_PG_URL")

BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgresql", id="postgresql", marks=[
        pytest.mark.postgres,
        pytest.mark.skipif(not PG_URL, reason="EVENTWIRE_TEST_PG_URL is not set (no PostgreSQL server)")]),
]


def wipe(url: str) -> None:
    """Drop every table of a PostgreSQL test database, so that the next Store migrates afresh."""
    engine = create_engine(resolve_url(url))
    tables = MetaData()
    tables.reflect(engine)
    with engine.begin() as conn:
        for table in tables.sorted_tables:
            conn.execute(text(f'DROP TABLE IF EXISTS "{table.name}" CASCADE'))
    engine.dispose()


def open_store(backend: str, folder) -> Store:
    """A fresh, empty store on `backend` ("sqlite" in `folder`, or "postgresql")."""
    if backend == "sqlite":
        return Store(f"sqlite:///{folder / 'events.db'}")
    wipe(PG_URL)
    return Store(PG_URL)


def close_store(backend: str, store: Store) -> None:
    store.close()
    if backend == "postgresql":
        wipe(PG_URL)
