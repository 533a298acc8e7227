"""The watched feeds (`eventwire watch`): each one's conditional-request validators, schedule and health.

Two kinds of write, so that a process killed at any moment leaves the store consistent:
  * add_feed_article: one article, its events AND the feed's `articles_added` in one transaction;
  * finish_poll: everything else a poll learnt (validators, status, next poll, links to retry), at its end.
A poll cut short therefore leaves the previous poll's validators: the next poll reads the whole feed again,
and the articles already stored are recognised by their URL and skipped.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from eventwire.records import ArticleResult
from eventwire.storage.models import FeedRow, utcnow
from eventwire.storage.values import AddResult

POLL_STATUSES = ("ok", "not-modified", "error")


@dataclass
class FeedState:
    """A snapshot of one feed's row. Times are naive UTC, like every time in the store."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    next_poll_at: dt.datetime | None = None
    last_poll_at: dt.datetime | None = None
    last_status: str | None = None
    last_success_at: dt.datetime | None = None
    last_error_at: dt.datetime | None = None
    last_error: str | None = None
    consecutive_failures: int = 0
    polls: int = 0
    failures: int = 0
    articles_added: int = 0
    last_article_at: dt.datetime | None = None
    last_new: int = 0
    entries_seen: int = 0
    retry_links: dict[str, dict[str, Any]] = field(default_factory=dict)
    skip_links: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        for k, v in out.items():
            if isinstance(v, dt.datetime):
                out[k] = v.isoformat(timespec="seconds") + "Z"
        return out


@dataclass
class PollRecord:
    """What one poll of a feed found, written by finish_poll."""

    status: str  # ok | not-modified | error
    next_poll_at: dt.datetime
    new: int = 0  # articles this poll added
    entries: int | None = None  # entries in the feed (None: not read, e.g. 304 or an error)
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None
    retry_links: dict[str, dict[str, Any]] = field(default_factory=dict)
    skip_links: list[str] = field(default_factory=list)
    polled_at: dt.datetime = field(default_factory=utcnow)


def _state(row: FeedRow) -> FeedState:
    return FeedState(**{k: getattr(row, k) for k in FeedState.__dataclass_fields__})


class Feeds:
    """The Store's feed methods (a mixin: uses the Store's sessions and _add_article)."""

    def feed_state(self, url: str) -> FeedState | None:
        with self._read() as s:
            row = s.execute(select(FeedRow).where(FeedRow.url == url)).scalar_one_or_none()
            return _state(row) if row else None

    def feed_states(self) -> list[FeedState]:
        """Every feed ever watched, in the order they were first watched."""
        with self._read() as s:
            return [_state(r) for r in s.execute(select(FeedRow).order_by(FeedRow.id)).scalars()]

    def feed_schedule(self) -> dict[str, tuple[dt.datetime | None, int]]:
        """url -> (next poll, consecutive failures) of every feed: what the watcher's loop reads between polls."""
        with self._read() as s:
            return {r.url: (r.next_poll_at, r.consecutive_failures)
                    for r in s.execute(select(FeedRow.url, FeedRow.next_poll_at, FeedRow.consecutive_failures))}

    def ensure_feed(self, url: str) -> FeedState:
        """The feed's state, its row created (due now) if it has none."""
        found = self.feed_state(url)
        if found is not None:
            return found
        try:
            with self._write() as s:
                s.add(FeedRow(url=url, retry_links={}, skip_links=[], created_at=utcnow()))
        except IntegrityError:
            pass  # another watcher added it first
        return self.feed_state(url)

    def add_feed_article(self, feed_url: str, result: ArticleResult, extractor: str | None = None) -> AddResult:
        """add_result, and the feed's article count raised in the same transaction when the article is new."""
        try:
            with self._write() as s:
                added = self._add_article(s, result, extractor)
                if not added.duplicate:
                    s.execute(update(FeedRow).where(FeedRow.url == feed_url)
                              .values(articles_added=FeedRow.articles_added + 1, last_article_at=utcnow()))
                return added
        except IntegrityError:  # as in add_result: a duplicate only if another writer stored the same article
            known = self._stored_meanwhile(result)
            if known is None:
                raise
            return AddResult(article_id=known, event_ids=[], duplicate=True)

    def finish_poll(self, url: str, poll: PollRecord) -> None:
        """Record the end of a poll: validators (kept as they were after an error), status, health, schedule."""
        if poll.status not in POLL_STATUSES:
            raise ValueError(f"unknown poll status {poll.status!r} (one of {', '.join(POLL_STATUSES)})")
        with self._write() as s:
            row = s.execute(select(FeedRow).where(FeedRow.url == url)).scalar_one()
            row.last_poll_at, row.last_status, row.next_poll_at = poll.polled_at, poll.status, poll.next_poll_at
            row.polls += 1
            row.last_new = poll.new
            if poll.status == "error":
                row.failures += 1
                row.consecutive_failures += 1
                row.last_error_at, row.last_error = poll.polled_at, poll.error
                return
            row.consecutive_failures = 0
            row.last_success_at = poll.polled_at
            row.etag, row.last_modified = poll.etag, poll.last_modified
            row.retry_links, row.skip_links = dict(poll.retry_links), list(poll.skip_links)
            if poll.entries is not None:
                row.entries_seen = poll.entries
            if poll.error:  # a readable feed with entries that failed: worth showing, not a failed poll
                row.last_error_at, row.last_error = poll.polled_at, poll.error
