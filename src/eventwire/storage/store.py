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
    store.aggregate(**filters) -> dict          counts and fatalities per day, type, country, actor
  More filters for all of these: admin1=, sub_event_type=, bbox=(west, south, east, north), text= (words in
  the evidence), status='rejected'.

API tokens (eventwire serve): store.create_token(name) -> token (only its SHA-256 is kept),
    store.check_token(token) -> name | None, store.tokens(), store.revoke_token(id)

A StoredEvent carries `record` (the SCHEMA dict after dedup and reviews), `source_count`, `sources` (article,
title, url, evidence and the record as that article reported it) and `.event` (a records.Event).
The schema is created and upgraded by Alembic migrations (eventwire/storage/migrations) whenever a Store opens.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import os
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Integer, bindparam, column, create_engine, event, func, insert, or_, select, text, update
from sqlalchemy import text as sa_text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

from eventwire import dedup
from eventwire.storage.models import (REVIEW_STATUSES, ArticleRow, EventRow, EventSourceRow, ReviewRow, TokenRow,
                              utcnow)
from eventwire.records import ArticleResult, Event
from eventwire.sources.fingerprint import content_hash

DEFAULT_URL = "sqlite:///eventwire.db"
MIGRATIONS_DIR = Path(__file__).with_name("migrations")
SQLITE_BUSY_TIMEOUT_S = 60
BATCH = 500


class StoreError(RuntimeError):
    """The database cannot be opened or used; the message says why."""


# -- small pure helpers ------------------------------------------------------------------------------------
def resolve_url(url: str | None = None) -> str:
    """None -> $EVENTWIRE_DB or sqlite:///eventwire.db; a bare file path -> a SQLite URL; postgresql:// ->
    the psycopg 3 driver (the one the project installs)."""
    url = url or os.environ.get("EVENTWIRE_DB") or DEFAULT_URL
    if "://" not in url:
        return f"sqlite:///{url}"
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def token_hash(token: str) -> str:
    """API tokens are 256 random bits, so one SHA-256 is enough (no slow hash needed against guessing)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _date(value: Any) -> dt.date | None:
    if not value:
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _plover_event(rec: dict[str, Any]) -> str | None:
    p = rec.get("plover")
    return p.get("event") if isinstance(p, dict) else p


def event_columns(rec: dict[str, Any]) -> dict[str, Any]:
    """The queryable columns of an events row, from a SCHEMA record."""
    loc = rec.get("location") or {}
    a1, a2 = rec.get("actor1") or {}, rec.get("actor2") or {}
    assoc = [a.get("name") for a in (rec.get("assoc_actor1") or []) + (rec.get("assoc_actor2") or []) if a]
    return {
        "event_type": rec.get("event_type"), "sub_event_type": rec.get("sub_event_type"),
        "plover_event": _plover_event(rec), "cameo": rec.get("cameo"),
        "actor1": a1.get("name"), "actor2": a2.get("name"),
        "assoc_actors": "; ".join(n for n in assoc if n) or None,
        "country": loc.get("country"), "admin1": loc.get("admin1"), "location": loc.get("name"),
        "lat": loc.get("lat"), "lon": loc.get("lon"), "geo_precision": loc.get("precision"),
        "date": _date(rec.get("date")), "date_precision": rec.get("date_precision"),
        "fatalities": _int(rec.get("fatalities")), "modality": rec.get("modality") or "asserted",
        "confidence": float(rec.get("confidence") or 0.0),
    }


def source_columns(rec: dict[str, Any]) -> dict[str, Any]:
    """What dedup compares, copied once onto the event_sources row."""
    c = event_columns(rec)
    ev = rec.get("evidence") or {}
    return {
        "event_type": c["event_type"], "sub_event_type": c["sub_event_type"], "plover_event": c["plover_event"],
        "modality": c["modality"], "date": c["date"], "date_precision": c["date_precision"], "lat": c["lat"],
        "lon": c["lon"], "geo_precision": c["geo_precision"], "country": c["country"], "admin1": c["admin1"],
        "actor1": c["actor1"], "actor2": c["actor2"], "evidence_text": ev.get("text"),
        "evidence_start": _int(ev.get("start")), "evidence_end": _int(ev.get("end")),
    }


def fit(table, values: dict[str, Any]) -> dict[str, Any]:
    """Clip strings to their column's length: PostgreSQL refuses an over-long value where SQLite keeps it,
    and one odd record (a 3,000-character URL used as an id) must not fail a whole batch."""
    out = dict(values)
    for key, value in values.items():
        col = table.c.get(key)
        length = getattr(getattr(col, "type", None), "length", None)
        if length and isinstance(value, str) and len(value) > length:
            out[key] = value[:length]
    return out


def _short_key(prefix: str, *parts: Any) -> str:
    key = "/".join([prefix, *(str(p) for p in parts)])
    return key if len(key) <= 600 else f"{prefix}/sha1:{hashlib.sha1(key.encode('utf-8')).hexdigest()}"


def _uid(source_key: str) -> str:
    return "ew-" + hashlib.sha1(source_key.encode("utf-8")).hexdigest()[:16]


# -- reviews ----------------------------------------------------------------------------------------------
REVIEWABLE = {"event_type", "sub_event_type", "plover", "cameo", "actor1", "actor2", "assoc_actor1",
              "assoc_actor2", "location", "date", "date_precision", "date_text", "fatalities", "fatalities_text",
              "modality", "confidence", "evidence"}
WHOLE_EVENT = "event"


def _check_field(path: str) -> list[str]:
    parts = path.split(".")
    if path != WHOLE_EVENT and parts[0] not in REVIEWABLE:
        raise ValueError(f"cannot review field {path!r}: use 'event' or one of {', '.join(sorted(REVIEWABLE))}")
    return parts


def get_path(rec: dict[str, Any], path: str) -> Any:
    cur: Any = rec
    for p in path.split("."):
        if not isinstance(cur, dict):
            return None
        cur = cur.get(p)
    return cur


def _set_path(rec: dict[str, Any], path: str, value: Any) -> None:
    parts = path.split(".")
    cur = rec
    for p in parts[:-1]:
        if not isinstance(cur.get(p), dict):
            cur[p] = {}
        cur = cur[p]
    cur[parts[-1]] = value


def apply_reviews(record: dict[str, Any], reviews: Iterable[Any]) -> tuple[dict[str, Any], str]:
    """The record with reviews applied in order, and the event's status (active, or rejected as a whole).
    edited: the field takes the new value; rejected: the field is wrong and becomes null (for 'event': the
    event is not a real event); accepted: the value stands (a later edit may still change it)."""
    rec, status = copy.deepcopy(record), "active"
    for r in reviews:
        if r.field == WHOLE_EVENT:
            status = "rejected" if r.status == "rejected" else "active"
        elif r.status == "edited":
            _set_path(rec, r.field, copy.deepcopy(r.new_value))
        elif r.status == "rejected":
            _set_path(rec, r.field, None)
    return rec, status


# -- what the store hands out -----------------------------------------------------------------------------
@dataclass
class StoredArticle:
    id: int
    key: str
    url: str | None
    title: str | None
    source: str | None
    published: dt.date | None
    text: str
    content_hash: str
    event_count: int
    ingested_at: dt.datetime

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "key": self.key, "url": self.url, "title": self.title, "source": self.source,
                "published": self.published.isoformat() if self.published else None, "text": self.text,
                "content_hash": self.content_hash, "event_count": self.event_count,
                "ingested_at": self.ingested_at.isoformat() if self.ingested_at else None}


@dataclass
class SourceRef:
    """One article's report of the event."""

    article_id: int | None
    article_key: str
    title: str | None
    url: str | None
    source: str | None
    published: dt.date | None
    evidence: dict[str, Any]
    record: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {"article_id": self.article_id, "article_key": self.article_key, "title": self.title,
                "url": self.url, "source": self.source,
                "published": self.published.isoformat() if self.published else None, "evidence": self.evidence,
                "fatalities": self.record.get("fatalities"), "event_id": self.record.get("event_id")}


@dataclass
class StoredEvent:
    id: int
    uid: str
    record: dict[str, Any]
    source_count: int
    status: str = "active"
    sources: list[SourceRef] = field(default_factory=list)
    updated_at: dt.datetime | None = None

    @property
    def event(self) -> Event:
        return Event.from_dict(self.record)

    def __getitem__(self, key: str) -> Any:
        return self.record.get(key)

    def to_dict(self) -> dict[str, Any]:
        d = dict(self.record)
        d.update(id=self.id, uid=self.uid, status=self.status, source_count=self.source_count,
                 sources=[s.to_dict() for s in self.sources])
        return d


@dataclass
class AddResult:
    article_id: int | None
    event_ids: list[int]
    duplicate: bool = False


@dataclass
class DedupSummary:
    reports: int  # event_sources rows
    events: int  # events after dedup
    changed: int  # events whose sources changed in this run
    seconds: float


# -- the store --------------------------------------------------------------------------------------------
class Store:
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

    # -- articles ------------------------------------------------------------------------------------------
    def has_article(self, url: str | None = None, content_hash: str | None = None) -> bool:
        conds = []
        if url:
            conds.append(ArticleRow.url == url)
        if content_hash:
            conds.append(ArticleRow.content_hash == content_hash)
        if not conds:
            return False
        with self._read() as s:
            return s.execute(select(ArticleRow.id).where(or_(*conds)).limit(1)).first() is not None

    def get_article(self, article_id: int) -> StoredArticle | None:
        with self._read() as s:
            row = s.get(ArticleRow, int(article_id))
            return _article(row) if row else None

    def add_result(self, result: ArticleResult, extractor: str | None = None) -> AddResult:
        """Store one article with its events, all or nothing. A known article (URL or text) adds nothing."""
        if result.error:
            raise ValueError(f"article {result.article.id} was not extracted: {result.error}")
        art = result.article
        h = content_hash(art.text)
        try:
            with self._write() as s:
                conds = [ArticleRow.content_hash == h] + ([ArticleRow.url == art.url] if art.url else [])
                known = s.execute(select(ArticleRow.id).where(or_(*conds)).limit(1)).scalar()
                if known is not None:
                    return AddResult(article_id=known, event_ids=[], duplicate=True)
                row = ArticleRow(key=str(art.id)[:512], url=(art.url or None) and art.url[:2048], content_hash=h,
                                 title=art.title, source=art.source and str(art.source)[:512],
                                 published=art.published, text=art.text,
                                 event_count=len(result.events), extractor=extractor)
                s.add(row)
                s.flush()
                keys = _unique_keys([f"{h}/{ev.event_id}" for ev in result.events])
                ids = self._insert_events(s, [ev.to_dict() for ev in result.events], keys, row.id)
                return AddResult(article_id=row.id, event_ids=ids)
        except IntegrityError:
            # another writer stored the same article between our check and our insert
            return AddResult(article_id=None, event_ids=[], duplicate=True)

    def add_events(self, records: Iterable[dict[str, Any] | Event]) -> list[int]:
        """Load event records that come without stored articles (e.g. Spark output). Idempotent: a record
        whose (article_id, event_id) is already stored is skipped. Returns the new events' ids."""
        out: list[int] = []
        batch: list[dict[str, Any]] = []
        for r in records:
            batch.append(r.to_dict() if isinstance(r, Event) else dict(r))
            if len(batch) >= BATCH:
                out += self._add_external(batch)
                batch = []
        if batch:
            out += self._add_external(batch)
        return out

    def _add_external(self, recs: list[dict[str, Any]]) -> list[int]:
        for r in recs:
            if not r.get("event_id"):
                r["event_id"] = Event.from_dict(r).event_id
        keys = [_short_key("ext", r.get("article_id", ""), r["event_id"]) for r in recs]
        with self._write() as s:
            have = set(s.execute(select(EventSourceRow.source_key)
                                 .where(EventSourceRow.source_key.in_(set(keys)))).scalars())
            fresh, fresh_keys = [], []
            for r, k in zip(recs, keys):
                if k not in have:
                    have.add(k)
                    fresh.append(r)
                    fresh_keys.append(k)
            return self._insert_events(s, fresh, fresh_keys, None) if fresh else []

    def _insert_events(self, s: Session, recs: list[dict[str, Any]], keys: list[str],
                       article_id: int | None) -> list[int]:
        if not recs:
            return []
        now = utcnow()
        ev_t, src_t = EventRow.__table__, EventSourceRow.__table__
        rows = [fit(ev_t, dict(uid=_uid(k), record=r, source_count=1, status="active", created_at=now,
                               updated_at=now, **event_columns(r))) for r, k in zip(recs, keys)]
        conn = s.connection()  # Core inserts: one multi-row statement per batch, not one per row
        ids = list(conn.execute(insert(ev_t).returning(ev_t.c.id, sort_by_parameter_order=True), rows).scalars())
        sources = [fit(src_t, dict(event_id=i, origin_event_id=i, article_id=article_id,
                                   article_key=str(r.get("article_id", "")), source_key=k,
                                   source_event_id=str(r.get("event_id", "")), record=r, **source_columns(r)))
                   for i, r, k in zip(ids, recs, keys)]
        conn.execute(insert(src_t), sources)
        return ids

    # -- reading events --------------------------------------------------------------------------------------
    def _filtered(self, stmt, *, country=None, date_from=None, date_to=None, actor=None, event_type=None,
                  min_fatalities=None, modality: str | None = "asserted", include_rejected=False,
                  include_merged=False, admin1=None, sub_event_type=None, bbox=None, text=None, status=None):
        """status: 'rejected' gives only reviewer-rejected events (include_rejected then does not matter).
        bbox: (west, south, east, north) in degrees. text: every word appears in one source's evidence."""
        if not include_merged:
            stmt = stmt.where(EventRow.merged_into.is_(None))
        if status:
            stmt = stmt.where(EventRow.status == status)
        elif not include_rejected:
            stmt = stmt.where(EventRow.status == "active")
        if admin1:
            stmt = stmt.where(EventRow.admin1 == admin1)  # the exact name, so that the index serves it
        if sub_event_type:
            stmt = stmt.where(_type_condition(sub_event_type, EventRow.sub_event_type))
        if bbox:
            west, south, east, north = (float(v) for v in bbox)
            stmt = stmt.where(EventRow.lat >= south, EventRow.lat <= north)
            # a box across the antimeridian (west > east) is two boxes
            stmt = stmt.where(EventRow.lon.between(west, east) if west <= east
                              else or_(EventRow.lon >= west, EventRow.lon <= east))
        if text and self._evidence_index() and fts_query(text):
            # SQLite: the FTS5 index of the evidence (migration 0005): words, any case, each a prefix
            hits = (sa_text("SELECT rowid FROM event_sources_fts WHERE event_sources_fts MATCH :q")
                    .bindparams(q=fts_query(text)).columns(column("rowid", Integer)))
            stmt = stmt.where(EventRow.id.in_(select(EventSourceRow.event_id).where(EventSourceRow.id.in_(hits))))
        elif text:
            stmt = stmt.where(select(EventSourceRow.id).where(
                EventSourceRow.event_id == EventRow.id,
                *[EventSourceRow.evidence_text.ilike(f"%{_escape_like(w)}%", escape="\\")
                  for w in text.split()]).exists())
        if modality:
            stmt = stmt.where(EventRow.modality == modality)
        if country:
            stmt = stmt.where(EventRow.country == country.upper())
        if date_from:
            stmt = stmt.where(EventRow.date >= _date(date_from))
        if date_to:
            stmt = stmt.where(EventRow.date <= _date(date_to))
        if actor:
            pat = f"%{_escape_like(actor)}%"
            stmt = stmt.where(or_(EventRow.actor1.ilike(pat, escape="\\"), EventRow.actor2.ilike(pat, escape="\\"),
                                  EventRow.assoc_actors.ilike(pat, escape="\\")))
        if event_type:
            stmt = stmt.where(_type_condition(event_type))
        if min_fatalities is not None:
            stmt = stmt.where(EventRow.fatalities >= int(min_fatalities))
        return stmt

    def _evidence_index(self) -> bool:
        """Whether the FTS5 index of the evidence exists (SQLite at migration 0005 or later)."""
        if not hasattr(self, "_has_fts"):
            self._has_fts = False
            if self.is_sqlite:
                with self.engine.connect() as conn:
                    self._has_fts = conn.exec_driver_sql(
                        "SELECT 1 FROM sqlite_master WHERE name = 'event_sources_fts'").first() is not None
        return self._has_fts

    def count_events(self, **filters: Any) -> int:
        with self._read() as s:
            return s.execute(self._filtered(select(func.count(EventRow.id)), **filters)).scalar_one()

    def iter_events(self, *, limit: int | None = None, offset: int = 0, with_sources: bool = True,
                    batch_size: int = 1000, **filters: Any) -> Iterator[StoredEvent]:
        """Matching events by date (undated last), then id; streamed `batch_size` at a time. After the first
        batch it pages by keyset (page_events), so exporting a million events never rescans with OFFSET.
        with_sources: True (sources with their records), "brief" (without: exports), False (none)."""
        base = self._filtered(select(EventRow), **filters).order_by(EventRow.date.is_(None), EventRow.date,
                                                                     EventRow.id)
        n = batch_size if limit is None else min(batch_size, limit)
        if n <= 0:
            return
        with self._read() as s:
            rows = list(s.execute(base.offset(offset).limit(n)).scalars())
            srcs = self._sources(s, [r.id for r in rows], brief=with_sources == "brief") if with_sources else {}
        yield from (_stored(r, srcs.get(r.id, [])) for r in rows)
        done = len(rows)
        if len(rows) < n:
            return
        cursor: tuple[str | None, int] | None = (rows[-1].date.isoformat() if rows[-1].date else None, rows[-1].id)
        while cursor is not None and (limit is None or done < limit):
            n = batch_size if limit is None else min(batch_size, limit - done)
            page, cursor = self.page_events(after=cursor, limit=n, newest_first=False, with_sources=with_sources,
                                            **filters)
            yield from page
            done += len(page)

    def query_events(self, *, limit: int | None = None, offset: int = 0, **filters: Any) -> list[StoredEvent]:
        return list(self.iter_events(limit=limit, offset=offset, **filters))

    def page_events(self, *, after: tuple[str | None, int] | None = None, limit: int = 100,
                    newest_first: bool = True, with_sources: bool = False,
                    **filters: Any) -> tuple[list[StoredEvent], tuple[str | None, int] | None]:
        """One page of matching events by date (undated last), then id, and the cursor of the next page
        (None at the end). A cursor is the (date, id) of the last event handed out: pages stay right while
        events are added, and a deep page costs what the first does (two index-ordered queries, no OFFSET)."""
        desc = newest_first
        order = (EventRow.date.desc(), EventRow.id.desc()) if desc else (EventRow.date, EventRow.id)
        after_date, after_id = (_date(after[0]), int(after[1])) if after else (None, None)
        rows: list[EventRow] = []
        with self._read() as s:
            if after is None or after_date is not None:
                q = self._filtered(select(EventRow), **filters).where(EventRow.date.is_not(None))
                if after_date is not None:
                    beyond = EventRow.date < after_date if desc else EventRow.date > after_date
                    same_day = EventRow.id < after_id if desc else EventRow.id > after_id
                    q = q.where(or_(beyond, (EventRow.date == after_date) & same_day))
                rows = list(s.execute(q.order_by(*order).limit(limit + 1)).scalars())
            if len(rows) <= limit:
                q = self._filtered(select(EventRow), **filters).where(EventRow.date.is_(None))
                if after is not None and after_date is None:
                    q = q.where(EventRow.id < after_id if desc else EventRow.id > after_id)
                q = q.order_by(EventRow.id.desc() if desc else EventRow.id).limit(limit + 1 - len(rows))
                rows += list(s.execute(q).scalars())
            more = len(rows) > limit
            rows = rows[:limit]
            srcs = self._sources(s, [r.id for r in rows], brief=with_sources == "brief") if with_sources else {}
            page = [_stored(r, srcs.get(r.id, [])) for r in rows]
        last = rows[-1] if rows else None
        cursor = (last.date.isoformat() if last.date else None, last.id) if more and last else None
        return page, cursor

    def aggregate(self, *, top: int = 20, **filters: Any) -> dict[str, Any]:
        """Counts and fatalities of the matching events per day, event type, country and actor (the `top`
        countries and actors with most events), for the dashboard's timeline and summaries. Three GROUP BYs
        (day; country x type; actor pair) over columns an index covers (models.STATS_COLUMNS), summed here."""
        n, dead = func.count(EventRow.id), func.coalesce(func.sum(EventRow.fatalities), 0)

        def grouped(s: Session, *cols):
            return s.execute(self._filtered(select(*cols, n, dead), **filters).group_by(*cols)).all()

        def add(table: dict, key: Any, events: int, fatalities: int) -> None:
            cell = table.setdefault(key, [0, 0])
            cell[0] += events
            cell[1] += int(fatalities or 0)

        types: dict[Any, list[int]] = {}
        countries: dict[Any, list[int]] = {}
        actors: dict[str, list[int]] = {}
        with self._read() as s:
            by_day = grouped(s, EventRow.date)
            # country first: SQLite then reads the covering index ix_events_stats_country, not the type index
            for country, etype, events, fatalities in grouped(s, EventRow.country, EventRow.event_type):
                add(types, etype, events, fatalities)
                add(countries, country, events, fatalities)
            for actor1, actor2, events, fatalities in grouped(s, EventRow.actor1, EventRow.actor2):
                for name in {actor1, actor2} - {None, ""}:
                    add(actors, name, events, fatalities)

        def ranked(table: dict, limit: int | None = None) -> list[tuple[Any, list[int]]]:
            rows = sorted(table.items(), key=lambda kv: (-kv[1][0], str(kv[0])))
            return rows[:limit] if limit else rows

        return {
            "events": sum(r[1] for r in by_day), "fatalities": sum(int(r[2] or 0) for r in by_day),
            "by_day": [{"date": d.isoformat(), "events": e, "fatalities": int(f or 0)}
                       for d, e, f in sorted(r for r in by_day if r[0] is not None)],
            "undated": next((r[1] for r in by_day if r[0] is None), 0),
            "by_type": [{"event_type": k, "events": v[0], "fatalities": v[1]} for k, v in ranked(types)],
            "by_country": [{"country": k, "events": v[0], "fatalities": v[1]} for k, v in ranked(countries, top)],
            "by_actor": [{"actor": k, "events": v[0], "fatalities": v[1]} for k, v in ranked(actors, top)],
        }

    # -- API tokens (only a hash is stored; the token is shown once, when created) ----------------------------
    def create_token(self, name: str) -> str:
        import secrets

        name = (name or "").strip()
        if not name or len(name) > 128:
            raise ValueError("a token needs a name of 1 to 128 characters (who uses it: the reviewer's name)")
        token = "ew_" + secrets.token_urlsafe(32)
        with self._write() as s:
            s.add(TokenRow(name=name, token_hash=token_hash(token), created_at=utcnow()))
        return token

    def check_token(self, token: str | None) -> str | None:
        """The name of a live token, else None."""
        if not token:
            return None
        with self._read() as s:
            return s.execute(select(TokenRow.name).where(TokenRow.token_hash == token_hash(token),
                                                         TokenRow.revoked_at.is_(None))).scalar()

    def tokens(self) -> list[dict[str, Any]]:
        with self._read() as s:
            return [{"id": t.id, "name": t.name, "created_at": t.created_at.isoformat(),
                     "revoked": t.revoked_at is not None}
                    for t in s.execute(select(TokenRow).order_by(TokenRow.id)).scalars()]

    def revoke_token(self, token_id: int) -> bool:
        with self._write() as s:
            row = s.get(TokenRow, int(token_id))
            if row is None or row.revoked_at is not None:
                return False
            row.revoked_at = utcnow()
            return True

    def get_event(self, event_id: int | str) -> StoredEvent | None:
        """By id or uid; an event merged into another gives the event it is part of now."""
        with self._read() as s:
            row = None
            if isinstance(event_id, int) or (isinstance(event_id, str) and event_id.isdigit()):
                row = s.get(EventRow, int(event_id))
            elif isinstance(event_id, str):
                row = s.execute(select(EventRow).where(EventRow.uid == event_id)).scalar()
            for _ in range(64):  # follow merges (never deep: targets are never merged themselves)
                if row is None or row.merged_into is None:
                    break
                row = s.get(EventRow, row.merged_into)
            if row is None:
                return None
            return _stored(row, self._sources(s, [row.id]).get(row.id, []))

    def _sources(self, s: Session, event_ids: list[int], brief: bool = False) -> dict[int, list[SourceRef]]:
        """Each event's sources. brief: without the per-article records (what exports need, at a third of
        the cost); SourceRef.record then holds only the report's event_id."""
        out: dict[int, list[SourceRef]] = defaultdict(list)
        src = EventSourceRow
        cols = [src.event_id, src.article_id, src.article_key, src.source_event_id, src.evidence_text,
                src.evidence_start, src.evidence_end, ArticleRow.title, ArticleRow.url, ArticleRow.source,
                ArticleRow.published] + ([] if brief else [src.record])
        for i in range(0, len(event_ids), BATCH):
            chunk = event_ids[i:i + BATCH]
            q = (select(*cols).join(ArticleRow, ArticleRow.id == src.article_id, isouter=True)
                 .where(src.event_id.in_(chunk)).order_by(src.id))
            for r in s.execute(q):
                out[r.event_id].append(SourceRef(
                    article_id=r.article_id, article_key=r.article_key, title=r.title, url=r.url, source=r.source,
                    published=r.published,
                    evidence={"text": r.evidence_text, "start": r.evidence_start, "end": r.evidence_end},
                    record={"event_id": r.source_event_id} if brief else r.record))
        return out

    def stats(self) -> dict[str, int]:
        with self._read() as s:
            def n(stmt):
                return s.execute(stmt).scalar_one()
            return {
                "articles": n(select(func.count(ArticleRow.id))),
                "reports": n(select(func.count(EventSourceRow.id))),
                "events": n(select(func.count(EventRow.id)).where(EventRow.merged_into.is_(None))),
                "asserted_events": n(select(func.count(EventRow.id)).where(
                    EventRow.merged_into.is_(None), EventRow.status == "active", EventRow.modality == "asserted")),
                "reviews": n(select(func.count(ReviewRow.id))),
            }

    # -- dedup ----------------------------------------------------------------------------------------------
    def run_dedup(self, full: bool = False) -> DedupSummary:
        """Cluster the reports (eventwire.dedup) and bring the events table in line: each cluster's event is
        its earliest row (stable ids), the other rows point to it with merged_into, and only clusters whose
        membership changed are re-merged. Incremental: only the countries with reports not yet clustered are
        re-clustered (clusters never cross countries, so this equals a full run); `full=True` re-clusters
        everything (after a change of the dedup rules). Holds the write lock; readers go on."""
        import time

        t0 = time.perf_counter()
        src = EventSourceRow.__table__
        with self._write() as s:
            if s.bind.dialect.name == "postgresql":  # one dedup at a time, and no report slips in unclustered
                s.execute(text("LOCK TABLE event_sources IN SHARE ROW EXCLUSIVE MODE"))
            cols = (EventSourceRow.id, EventSourceRow.origin_event_id, EventSourceRow.event_id,
                    EventSourceRow.article_id, EventSourceRow.article_key, EventSourceRow.event_type,
                    EventSourceRow.sub_event_type, EventSourceRow.plover_event, EventSourceRow.modality,
                    EventSourceRow.date, EventSourceRow.date_precision, EventSourceRow.lat, EventSourceRow.lon,
                    EventSourceRow.geo_precision, EventSourceRow.country, EventSourceRow.admin1,
                    EventSourceRow.actor1, EventSourceRow.actor2)
            query = select(*cols)
            if not full:
                countries = [c for c in s.execute(select(EventSourceRow.country).distinct()
                                                  .where(EventSourceRow.dedup_pending)).scalars() if c]
                query = query.where(EventSourceRow.country.in_(countries))
            rows = s.execute(query).all() if full or countries else []
            current: dict[int, set[int]] = defaultdict(set)  # event id -> origin ids of its sources now
            keys = []
            for r in rows:
                current[r.event_id].add(r.origin_event_id)
                article = r.article_id if r.article_id is not None else f"key:{r.article_key}"
                keys.append(dedup.make_key(
                    id=r.origin_event_id, article=article, event_type=r.event_type,
                    sub_event_type=r.sub_event_type, plover=r.plover_event, modality=r.modality, date=r.date,
                    date_precision=r.date_precision, lat=r.lat, lon=r.lon, precision=r.geo_precision,
                    country=r.country, admin1=r.admin1, actor1=r.actor1, actor2=r.actor2))
            changed = [(min(c.ids), sorted(c.ids)) for c in dedup.cluster(keys)
                       if current.get(min(c.ids)) != set(c.ids)]
            self._regroup(s, changed)
            s.connection().execute(update(src).where(src.c.dedup_pending).values(dedup_pending=False))
            n_events = s.execute(select(func.count(EventRow.id)).where(EventRow.merged_into.is_(None))).scalar_one()
        return DedupSummary(reports=len(rows), events=n_events, changed=len(changed),
                            seconds=round(time.perf_counter() - t0, 3))

    def _regroup(self, s: Session, clusters: list[tuple[int, list[int]]]) -> None:
        """Point each cluster's reports at its event (the lowest origin id), mark the other rows merged into
        it, and re-merge those events. Batched: a first dedup of a large table is one pass, not one per event."""
        if not clusters:
            return
        conn = s.connection()
        src, ev = EventSourceRow.__table__, EventRow.__table__
        move = [{"b_origin": o, "b_target": t} for t, members in clusters for o in members]
        merged = [{"b_id": o, "b_into": None if o == t else t} for t, members in clusters for o in members]
        for i in range(0, len(move), 10 * BATCH):
            conn.execute(update(src).where(src.c.origin_event_id == bindparam("b_origin"))
                         .values(event_id=bindparam("b_target")), move[i:i + 10 * BATCH])
            conn.execute(update(ev).where(ev.c.id == bindparam("b_id"))
                         .values(merged_into=bindparam("b_into")), merged[i:i + 10 * BATCH])
        self._refresh(s, [t for t, _ in clusters])

    def _refresh(self, s: Session, event_ids: list[int]) -> None:
        """Recompute events' records from their sources and the reviews of every row merged into them."""
        conn = s.connection()
        ev = EventRow.__table__
        for i in range(0, len(event_ids), BATCH):
            chunk = event_ids[i:i + BATCH]
            sources: dict[int, list] = defaultdict(list)
            for row in conn.execute(select(EventSourceRow.event_id, EventSourceRow.origin_event_id,
                                           EventSourceRow.article_id, EventSourceRow.article_key,
                                           EventSourceRow.record)
                                    .where(EventSourceRow.event_id.in_(chunk))
                                    .order_by(EventSourceRow.origin_event_id)):
                sources[row.event_id].append(row)
            origin_to_event = {r.origin_event_id: e for e, rows in sources.items() for r in rows}
            reviews: dict[int, list] = defaultdict(list)
            ids = list(origin_to_event) + chunk
            for j in range(0, len(ids), BATCH):
                for r in s.execute(select(ReviewRow).where(ReviewRow.event_id.in_(ids[j:j + BATCH]))).scalars():
                    reviews[origin_to_event.get(r.event_id, r.event_id)].append(r)
            now, params = utcnow(), []
            for event_id in chunk:
                rows = sources.get(event_id)
                if not rows:
                    continue
                merged = dedup.merge([r.record for r in rows])
                ordered = sorted(reviews.get(event_id, []), key=lambda r: (r.created_at, r.id))
                record, status = apply_reviews(merged, ordered)
                articles = {r.article_id if r.article_id is not None else f"key:{r.article_key}" for r in rows}
                params.append(fit(ev, {"b_id": event_id, "record": record, "status": status,
                                       "source_count": len(articles), "updated_at": now, **event_columns(record)}))
            if params:
                cols = [k for k in params[0] if k != "b_id"]
                conn.execute(update(ev).where(ev.c.id == bindparam("b_id"))
                             .values({c: bindparam(c) for c in cols}), params)

    # -- reviews --------------------------------------------------------------------------------------------
    def add_review(self, event_id: int, field: str, status: str, new_value: Any = None,
                   reviewer: str = "analyst", comment: str | None = None) -> int:
        """Record an analyst's verdict on one field ('event' for the whole event) and apply it at once."""
        if status not in REVIEW_STATUSES:
            raise ValueError(f"review status must be one of {', '.join(REVIEW_STATUSES)}, not {status!r}")
        _check_field(field)
        with self._write() as s:
            row = s.get(EventRow, int(event_id))
            if row is None:
                raise KeyError(f"no event {event_id}")
            while row.merged_into is not None:
                row = s.get(EventRow, row.merged_into)
            old = None if field == WHOLE_EVENT else get_path(row.record, field)
            if status == "accepted":
                new_value = old
            elif status == "rejected":
                new_value = None
            review = ReviewRow(event_id=row.id, field=field, old_value=old, new_value=new_value,
                               reviewer=reviewer, status=status, comment=comment, created_at=utcnow())
            s.add(review)
            s.flush()
            self._refresh(s, [row.id])
            return review.id

    def reviews(self, event_id: int) -> list[dict[str, Any]]:
        with self._read() as s:
            rows = s.execute(select(ReviewRow).where(ReviewRow.event_id == int(event_id))
                             .order_by(ReviewRow.created_at, ReviewRow.id)).scalars()
            return [{"id": r.id, "event_id": r.event_id, "field": r.field, "old_value": r.old_value,
                     "new_value": r.new_value, "reviewer": r.reviewer, "status": r.status, "comment": r.comment,
                     "created_at": r.created_at.isoformat()} for r in rows]


# -- row -> value objects --------------------------------------------------------------------------------
def _article(row: ArticleRow) -> StoredArticle:
    return StoredArticle(id=row.id, key=row.key, url=row.url, title=row.title, source=row.source,
                         published=row.published, text=row.text, content_hash=row.content_hash,
                         event_count=row.event_count, ingested_at=row.ingested_at)


def _stored(row: EventRow, sources: list[SourceRef]) -> StoredEvent:
    return StoredEvent(id=row.id, uid=row.uid, record=row.record, source_count=row.source_count,
                       status=row.status, sources=sources, updated_at=row.updated_at)


def _unique_keys(keys: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for k in keys:
        n = seen.get(k, 0)
        seen[k] = n + 1
        out.append(k if n == 0 else f"{k}#{n}")
    return out


def fts_query(text: str) -> str | None:
    """Words -> an FTS5 query: every word, each as a prefix ("dep" finds "depot"); None when there is no word."""
    words = re.findall(r"\w+", text)
    return " ".join(f'"{w}"*' for w in words) or None


def _type_condition(name: str, column=None):
    """An ACLED type, sub-type or PLOVER code, any case. A known name becomes an equality on its own column (which
    an index serves); anything else is compared case-insensitively with all three columns."""
    from eventwire.records import ACLED_EVENT_TYPES, ACLED_SUB_TO_TYPE, PLOVER_EVENTS

    t = name.strip().lower()
    for col, names in ((EventRow.event_type, ACLED_EVENT_TYPES), (EventRow.sub_event_type, ACLED_SUB_TO_TYPE),
                       (EventRow.plover_event, PLOVER_EVENTS)):
        if column is not None and col is not column:
            continue
        known = next((n for n in names if n.lower() == t), None)
        if known is not None:
            return col == known
    cols = [column] if column is not None else [EventRow.event_type, EventRow.sub_event_type, EventRow.plover_event]
    return or_(*(func.lower(c) == t for c in cols))


def _escape_like(text: str) -> str:
    return re.sub(r"([\\%_])", r"\\\1", text)


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
