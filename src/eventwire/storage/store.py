"""The event store: articles, events, their sources and reviews in SQLite (default) or PostgreSQL.

    from eventwire.storage.store import Store
    store = Store()                      # $EVENTWIRE_DB, else sqlite:///eventwire.db in the working directory
    store = Store("postgresql+psycopg://user:pw@host/db")   # the same code on PostgreSQL

Writing
    store.add_result(result) -> AddResult       one ArticleResult from Pipeline.pipe: the article, its events
                                                and their sources in ONE transaction (all or nothing); an
                                                article already stored (same URL or same content hash) adds
                                                nothing and comes back with duplicate=True
    store.add_events(records) -> list[int]      SCHEMA event dicts (or Events) without stored articles, e.g.
                                                the Spark job's output; re-loading the same records adds nothing
    store.run_dedup() -> DedupSummary           cluster all reported events (eventwire.dedup) into events;
                                                incremental, idempotent, and nothing is deleted
    store.add_review(event_id, field, status, new_value=None, reviewer=..., comment=None) -> int

Reading (safe from many threads while one process writes: SQLite runs in WAL mode)
    store.has_article(url=None, content_hash=None) -> bool
    store.query_events(country=, date_from=, date_to=, actor=, event_type=, min_fatalities=, modality=,
                       include_rejected=, limit=, offset=) -> list[StoredEvent]
    store.iter_events(...same filters...)       the same, streamed in batches (exports)
    store.count_events(...same filters...) -> int
    store.get_event(id or uid) -> StoredEvent | None     (an id merged into another event leads to that event)
    store.get_article(id) -> StoredArticle | None
    store.reviews(event_id) -> list[dict]
    store.stats() -> dict
    store.page_events(after=cursor, limit=, newest_first=, **filters) -> (events, next cursor)   keyset pages
                                                (with text=: among the 2,000 most recently stored matching
                                                sources, see queries.EVIDENCE_CANDIDATES)
    store.page_events(..., form="brief"|"json") a page of the events table's columns only (no record read), or
                                                of each event's JSON text spliced from the stored record
    store.aggregate(**filters) -> dict          counts and fatalities per day, type, country, actor (from the
                                                stats rollups, kept by triggers: migration 0008)
    store.breakdown(**filters) -> dict          per day and type, top dyads (the charts' rollups: migration 0011)
    store.dashboard_stats(**filters) -> dict    both of these in one (what /api/stats answers)
  More filters for all of these: admin1=, sub_event_type=, bbox=(west, south, east, north), text= (words in
  the evidence), status='rejected'.

API tokens (eventwire serve): store.create_token(name, role="reader") -> token (only its SHA-256 is kept),
    store.token_holder(token) -> TokenHolder(name, role) | None, store.check_token(token) -> name | None,
    store.tokens(), store.revoke_token(id); roles in storage/tokens.py

Watched feeds (eventwire watch, storage/feeds.py): store.ensure_feed(url), store.feed_state(url),
    store.feed_states() -> list[FeedState], store.add_feed_article(feed_url, result) (the article and the feed's
    count in one transaction), store.finish_poll(url, PollRecord)

A StoredEvent carries `record` (the SCHEMA dict after dedup and reviews), `source_count`, `sources` (article,
title, url, evidence and the record as that article reported it) and `.event` (a records.Event).
Per-article records (storage/sources.py): store.article_records(article_keys) -> {key: [record, ...]} (as
    extracted; `eventwire evaluate`), store.iter_reports() -> Report (each report with its evidence and its
    event's status), store.recode_reports(recode) -> RecodeSummary (new records from recode(record), columns
    updated, events re-merged with their reviews; run_dedup afterwards)

The schema is created and upgraded by Alembic migrations (eventwire/storage/migrations) whenever a Store opens.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

from eventwire.storage.dedup_run import DedupRuns
from eventwire.storage.feeds import Feeds, FeedState, PollRecord  # noqa: F401
from eventwire.storage.queries import Queries, fts_query  # noqa: F401
from eventwire.storage.reviews import Reviews, apply_reviews  # noqa: F401
from eventwire.storage.rollups import Rollups
from eventwire.storage.sources import RecodeSummary, Report, SourceRecords  # noqa: F401
from eventwire.storage.tokens import Tokens, token_hash  # noqa: F401
from eventwire.storage.values import AddResult, DedupSummary, SourceRef, StoredArticle, StoredEvent  # noqa: F401
from eventwire.storage.writes import Writes, content_hash  # noqa: F401

DEFAULT_URL = "sqlite:///eventwire.db"
MIGRATIONS_DIR = Path(__file__).with_name("migrations")
SQLITE_BUSY_TIMEOUT_S = 60
SQLITE_MMAP_BYTES = 2**31  # address space, not memory (SQLite caps it at its build's limit, ~2 GB by default)


class StoreError(RuntimeError):
    """The database cannot be opened or used; the message says why."""


def resolve_url(url: str | None = None) -> str:
    """None -> $EVENTWIRE_DB or sqlite:///eventwire.db; a bare file path -> a SQLite URL; postgresql:// ->
    the psycopg 3 driver (the one the project installs)."""
    url = url or os.environ.get("EVENTWIRE_DB") or DEFAULT_URL
    if "://" not in url:
        return f"sqlite:///{url}"
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


class Store(Writes, Queries, Rollups, Reviews, DedupRuns, Tokens, Feeds, SourceRecords):
    """The event store. Its methods come by job from writes, queries, reviews, dedup_run, tokens and feeds; this class
    owns the engine, the migrations and the transactions they all use."""

    def __init__(self, url: str | None = None, *, migrate: bool = True, echo: bool = False):
        self.url = resolve_url(url)
        try:
            self.engine = _make_engine(self.url, echo=echo)
            self._writer = self.engine.execution_options(sqlite_write=True)
            if migrate:
                _migrate(self.engine, self._writer)
        except StoreError:
            raise
        except ModuleNotFoundError as exc:
            raise StoreError(f"cannot open {self.safe_url}: the database driver is missing ({exc.name}); "
                             "install eventwire[postgres] for PostgreSQL") from None
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot open {self.safe_url}: {_short(exc)}") from None

    @property
    def safe_url(self) -> str:
        return make_url(self.url).render_as_string(hide_password=True)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    @contextmanager
    def _write(self) -> Iterator[Session]:
        """One write transaction (BEGIN IMMEDIATE on SQLite: writers queue instead of failing on upgrade)."""
        with Session(self._writer, expire_on_commit=False) as s, s.begin():
            yield s

    @contextmanager
    def _read(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as s, s.begin():
            yield s


def _short(exc: Exception) -> str:
    msg = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return msg[0] if msg else type(exc).__name__


# -- engine and migrations --------------------------------------------------------------------------------
def _make_engine(url: str, echo: bool = False) -> Engine:
    u = make_url(url)
    if u.get_backend_name() != "sqlite":
        return create_engine(url, echo=echo, pool_pre_ping=True)
    memory = u.database in (None, "", ":memory:")
    if not memory:
        Path(u.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, echo=echo,
                           connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S, "check_same_thread": False},
                           **({"poolclass": StaticPool} if memory else {"pool_size": 32, "max_overflow": 32}))

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # noqa: ANN001
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (see _on_begin)
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_S * 1000}")
        if not memory and cur.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            cur.execute("PRAGMA journal_mode = WAL")  # readers never wait for the writer
        cur.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL: safe against a crashed process
        cur.execute("PRAGMA foreign_keys = ON")
        if not memory:  # pages read from the OS's cache in place, not copied into each connection's own: a
            cur.execute(f"PRAGMA mmap_size = {SQLITE_MMAP_BYTES}")  # page of 1,000 events costs a third less
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # noqa: ANN001
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("sqlite_write") else "BEGIN")

    return engine


def alembic_config():
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def _migrate(engine: Engine, writer: Engine) -> None:
    """Bring the schema to the newest migration; cheap when it is already there."""
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    cfg = alembic_config()
    script = ScriptDirectory.from_config(cfg)
    head = script.get_current_head()
    try:
        with engine.connect() as conn:
            current = MigrationContext.configure(conn).get_current_revision()
    except OperationalError as exc:
        raise StoreError(f"cannot open {make_url(str(engine.url)).render_as_string(hide_password=True)}: "
                         f"{_short(exc)}") from None
    except Exception as exc:  # noqa: BLE001 - e.g. the file is not a database
        raise StoreError(f"cannot open {engine.url}: {_short(exc)}") from None
    if current == head:
        return
    if current is not None and current not in {r.revision for r in script.walk_revisions()}:
        raise StoreError(f"the database is at schema version {current}, which this eventwire does not know "
                         "(made by a newer version?)")
    with writer.begin() as conn:  # one migrator at a time: BEGIN IMMEDIATE / an advisory lock
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock(4242001)")
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
