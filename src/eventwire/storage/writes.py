"""Writing to the store: articles with their events (one transaction each), and event records without articles.
Every value passes storage/limits.py on its way in: nothing an article or a record says makes a write fail."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import func, insert, or_, select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from eventwire.records import ArticleResult, Event
from eventwire.sources.fingerprint import content_hash  # noqa: F401 - the store's name for it
from eventwire.storage.bulk import can_copy, copy_rows, next_ids, rollups_in_bulk
from eventwire.storage.columns import event_columns, source_columns
from eventwire.storage.limits import INT32, as_int, fit_row, storable_record, storable_row
from eventwire.storage.models import ArticleRow, EventRow, EventSourceRow, utcnow
from eventwire.storage.values import AddResult, StoredArticle, _article

BATCH = 500
LOAD_BATCH = 2000  # add_events: records per transaction (each batch rebuilds its rollup rows once, see bulk.py)
# what a record the database refuses raises (besides SQLAlchemy's errors, a driver's own conversion errors)
REFUSALS = (SQLAlchemyError, ValueError, TypeError, OverflowError)


def _short_key(prefix: str, *parts: Any) -> str:
    key = "/".join([prefix, *(str(p) for p in parts)])
    return key if len(key) <= 600 else f"{prefix}/sha1:{_sha1(key)}"


def _sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()  # any str, lone surrogates too


def _uid(source_key: str) -> str:
    return "ew-" + _sha1(source_key)[:16]


def _unique_keys(keys: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for k in keys:
        n = seen.get(k, 0)
        seen[k] = n + 1
        out.append(k if n == 0 else f"{k}#{n}")
    return out


def _article_values(result: ArticleResult, extractor: str | None) -> dict[str, Any]:
    """The articles row of `result`, every value made storable."""
    art = result.article
    return storable_row(ArticleRow.__table__, dict(
        key=str(art.id), url=art.url or None, content_hash=content_hash(art.text), title=art.title,
        source=art.source, published=art.published, text=art.text, event_count=len(result.events),
        extractor=extractor))


class Writes:
    """The Store's article and event writes (a mixin: uses the Store's sessions)."""

    def has_article(self, url: str | None = None, content_hash: str | None = None) -> bool:
        with self._read() as s:
            return self._known_article(s, url, content_hash) is not None

    @staticmethod
    def _known_article(s: Session, url: Any, content_hash: str | None) -> int | None:
        """The id of the stored article with this URL (as the store keeps it: cleaned, a long one shortened) or
        this text hash, else None."""
        table = ArticleRow.__table__
        conds = []
        stored_url = storable_row(table, {"url": url})["url"] if url else None
        if stored_url:
            conds.append(ArticleRow.url == stored_url)
        if content_hash:
            conds.append(ArticleRow.content_hash == content_hash)
        if not conds:
            return None
        return s.execute(select(ArticleRow.id).where(or_(*conds)).order_by(ArticleRow.id).limit(1)).scalar()

    def get_article(self, article_id: int) -> StoredArticle | None:
        row_id = as_int(article_id, INT32)
        if row_id is None:
            return None  # no row has an id the column cannot hold
        with self._read() as s:
            row = s.get(ArticleRow, row_id)
            return _article(row) if row else None

    def add_result(self, result: ArticleResult, extractor: str | None = None) -> AddResult:
        """Store one article with its events, all or nothing. A known article (URL or text) adds nothing.
        Only a conflict on the article's URL or text is a duplicate: any other error the database raises is
        raised (the caller reports it and goes on with its other articles)."""
        try:
            with self._write() as s:
                return self._add_article(s, result, extractor)
        except IntegrityError:
            known = self._stored_meanwhile(result)
            if known is None:
                raise
            return AddResult(article_id=known, event_ids=[], duplicate=True)

    def _add_article(self, s: Session, result: ArticleResult, extractor: str | None) -> AddResult:
        """add_result inside the caller's transaction `s` (which may write more in the same transaction)."""
        if result.error:
            raise ValueError(f"article {result.article.id} was not extracted: {result.error}")
        values = _article_values(result, extractor)
        known = self._known_article(s, values["url"], values["content_hash"])
        if known is not None:
            return AddResult(article_id=known, event_ids=[], duplicate=True)
        row = ArticleRow(**values)
        s.add(row)
        s.flush()
        keys = _unique_keys([f"{values['content_hash']}/{ev.event_id}" for ev in result.events])
        ids = self._insert_events(s, [ev.to_dict() for ev in result.events], keys, row.id)
        return AddResult(article_id=row.id, event_ids=ids)

    def _stored_meanwhile(self, result: ArticleResult) -> int | None:
        """After an IntegrityError storing `result`: the id of the same article, when another writer stored it
        between our check and our insert; None when the conflict was another one (and no duplicate)."""
        values = _article_values(result, None)
        with self._read() as s:
            return self._known_article(s, values["url"], values["content_hash"])

    def add_events(self, records: Iterable[dict[str, Any] | Event],
                   on_refused: Callable[[dict[str, Any], str], None] | None = None) -> list[int]:
        """Load event records that come without stored articles (e.g. Spark output). Idempotent: a record
        whose (article_id, event_id) is already stored is skipped. Returns the new events' ids. A record the
        database refuses all the same is skipped, the others of its batch are stored, and
        on_refused(record, message) tells of it (without it, the error is raised after the rest is stored)."""
        out: list[int] = []
        refused: list[tuple[dict[str, Any], str]] = []
        batch: list[dict[str, Any]] = []
        for r in records:
            batch.append(r.to_dict() if isinstance(r, Event) else dict(r))
            if len(batch) >= LOAD_BATCH:
                out += self._add_external(batch, refused)
                batch = []
        if batch:
            out += self._add_external(batch, refused)
        for rec, message in refused:
            if on_refused is None:
                raise ValueError(f"{len(refused)} event record(s) could not be stored; the first: {message}")
            on_refused(rec, message)
        return out

    def _add_external(self, recs: list[dict[str, Any]], refused: list[tuple[dict[str, Any], str]]) -> list[int]:
        """One batch in one transaction; when the database refuses it, each record in its own, so that one bad
        record costs only itself."""
        try:
            return self._add_external_batch(recs)
        except REFUSALS as exc:
            if len(recs) == 1:
                refused.append((recs[0], _first_line(exc)))
                return []
        out = []
        for r in recs:
            try:
                out += self._add_external_batch([r])
            except REFUSALS as exc:
                refused.append((r, _first_line(exc)))
        return out

    def _add_external_batch(self, recs: list[dict[str, Any]]) -> list[int]:
        for r in recs:
            if not r.get("event_id"):
                r["event_id"] = Event.from_dict(r).event_id
        keys = [_short_key("ext", r.get("article_id", ""), r["event_id"]) for r in recs]
        keys = [storable_row(EventSourceRow.__table__, {"source_key": k})["source_key"] for k in keys]
        with self._write() as s:
            have = set(s.execute(select(EventSourceRow.source_key)
                                 .where(EventSourceRow.source_key.in_(set(keys)))).scalars())
            fresh, fresh_keys = [], []
            for r, k in zip(recs, keys):
                if k not in have:
                    have.add(k)
                    fresh.append(r)
                    fresh_keys.append(k)
            if not fresh:
                return []
            if s.bind.dialect.name != "sqlite":  # PostgreSQL: COPY, one statement (and trigger run) per table
                return self._insert_events(s, fresh, fresh_keys, None, bulk=True)
            # SQLite: the new rows' ids given (the write lock is ours), so the batch is one executemany instead
            # of a RETURNING statement per row; their rollups are added in one pass (bulk.py)
            last = s.execute(select(func.max(EventRow.id))).scalar() or 0
            with rollups_in_bulk(s.connection(), "id > :last_id", {"last_id": last}):
                return self._insert_events(s, fresh, fresh_keys, None, first_id=last + 1)

    def _insert_events(self, s: Session, recs: list[dict[str, Any]], keys: list[str],
                       article_id: int | None, first_id: int | None = None, bulk: bool = False) -> list[int]:
        """Insert events rows and their sources; `first_id`: the ids to give them from (else the database's);
        `bulk` on PostgreSQL: by COPY."""
        if not recs:
            return []
        now = utcnow()
        ev_t, src_t = EventRow.__table__, EventSourceRow.__table__
        recs = [storable_record(r, ev_t, src_t) for r in recs]  # the records are storable from here on
        columns = [event_columns(r) for r in recs]
        rows = [{**fit_row(ev_t, dict(uid=_uid(k), source_count=1, status="active", created_at=now,
                                      updated_at=now, **c))[0], "record": r}
                for r, k, c in zip(recs, keys, columns)]
        conn = s.connection()  # Core inserts: one multi-row statement per batch, not one per row
        pg_copy = bulk and can_copy(conn)
        if pg_copy:
            ids = next_ids(conn, ev_t.name, len(rows))
            copy_rows(conn, ev_t, [{**row, "id": i} for row, i in zip(rows, ids)])
        elif first_id is None:
            ids = list(conn.execute(insert(ev_t).returning(ev_t.c.id, sort_by_parameter_order=True),
                                    rows).scalars())
        else:
            ids = list(range(first_id, first_id + len(rows)))
            conn.execute(insert(ev_t), [{**row, "id": i} for row, i in zip(rows, ids)])
        sources = [{**fit_row(src_t, dict(event_id=i, origin_event_id=i, article_id=article_id,
                                          article_key=str(r.get("article_id", "")), source_key=k,
                                          source_event_id=str(r.get("event_id", "")), **source_columns(r)))[0],
                    "record": r}
                   for i, r, k in zip(ids, recs, keys)]
        if pg_copy:
            copy_rows(conn, src_t, sources)
        else:
            conn.execute(insert(src_t), sources)
        return ids


def _first_line(exc: Exception) -> str:
    lines = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return f"{type(exc).__name__}: {lines[0] if lines else ''}"
