"""What the store hands out: stored articles and events with their sources, and the results of writes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from eventwire.records import Event
from eventwire.storage.models import ArticleRow, EventRow


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


def _article(row: ArticleRow) -> StoredArticle:
    return StoredArticle(id=row.id, key=row.key, url=row.url, title=row.title, source=row.source,
                         published=row.published, text=row.text, content_hash=row.content_hash,
                         event_count=row.event_count, ingested_at=row.ingested_at)


def _stored(row: EventRow, sources: list[SourceRef]) -> StoredEvent:
    return StoredEvent(id=row.id, uid=row.uid, record=row.record, source_count=row.source_count,
                       status=row.status, sources=sources, updated_at=row.updated_at)
