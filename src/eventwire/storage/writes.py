"""Writing to the store: articles with their events (one transaction each), and event records without articles."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

from sqlalchemy import insert, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from eventwire.records import ArticleResult, Event
from eventwire.sources.fingerprint import content_hash  # noqa: F401 - the store's name for it
from eventwire.storage.columns import event_columns, fit, source_columns
from eventwire.storage.models import ArticleRow, EventRow, EventSourceRow, utcnow
from eventwire.storage.values import AddResult, StoredArticle, _article

BATCH = 500


def _short_key(prefix: str, *parts: Any) -> str:
    key = "/".join([prefix, *(str(p) for p in parts)])
    return key if len(key) <= 600 else f"{prefix}/sha1:{hashlib.sha1(key.encode('utf-8')).hexdigest()}"


def _uid(source_key: str) -> str:
    return "ew-" + hashlib.sha1(source_key.encode("utf-8")).hexdigest()[:16]


def _unique_keys(keys: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for k in keys:
        n = seen.get(k, 0)
        seen[k] = n + 1
        out.append(k if n == 0 else f"{k}#{n}")
    return out


class Writes:
    """The Store's article and event writes (a mixin: uses the Store's sessions)."""

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
        try:
            with self._write() as s:
                return self._add_article(s, result, extractor)
        except IntegrityError:
            # another writer stored the same article between our check and our insert
            return AddResult(article_id=None, event_ids=[], duplicate=True)

    def _add_article(self, s: Session, result: ArticleResult, extractor: str | None) -> AddResult:
        """add_result inside the caller's transaction `s` (which may write more in the same transaction)."""
        if result.error:
            raise ValueError(f"article {result.article.id} was not extracted: {result.error}")
        art = result.article
        h = content_hash(art.text)
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
