"""Watching feeds and pages for months (`eventwire watch`): poll each on a schedule, ingest what is new.

A Watcher owns the schedule and polls one feed at a time:

    conditional GET (the ETag / Last-Modified of the last poll) -> 304: only the entries waiting for a retry
    -> 200 and a feed: every entry not stored yet (checked by its link before its page is fetched) -> Ingester
    -> 200 and anything else (a page): its article(s) -> Ingester
    -> the poll's record (validators, health, next poll) written once the feed is done

Each article is stored with its feed's count in one transaction, and the validators are written only after
every entry was handled, so a watcher killed at any moment loses nothing (the next poll reads the feed in
full, the validators being the old ones) and duplicates nothing (a stored article is known by its URL and
its text). An entry whose page cannot be read is retried at the next polls, even when the feed is unchanged,
then given up after a few attempts; entries left unread when the feed's time budget (--feed-deadline) runs
out wait for the next poll without counting as attempts. Credentials in a feed's URL log in to its site and
are never stored or logged: the feed is known by its URL without them. A feed that fails is polled again after an exponential backoff; every
delay is jittered (from a seeded random) so that feeds polled together drift apart.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import re
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TextIO

from eventwire.ingest import Ingester, Outcome
from eventwire.records import Article
from eventwire.sources.credentials import without_credentials
from eventwire.sources.fetch import FetchBudget, FetchError
from eventwire.sources.formats import FeedEntry, InputError, is_url, parse_feed, read_entry
from eventwire.sources.read import is_feed, read_any
from eventwire.storage.feeds import FeedState, PollRecord
from eventwire.storage.models import utcnow

DEFAULT_EVERY_S = 15 * 60
DEFAULT_JITTER = 0.1
DEFAULT_MAX_BACKOFF_S = 24 * 3600
ENTRY_ATTEMPTS = 3  # reads of an entry's page before it is given up
SKIP_MEMORY = 1000  # links with nothing to store, remembered per feed so their pages are not fetched again
LONGEST_NAP_S = 60.0  # the loop wakes at least this often, to re-read the feed list
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.IGNORECASE)
_UNIT_S = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(text: str) -> float:
    """Seconds in "90s", "15m", "1.5h", "1d" (a bare number is seconds); ValueError with a clear message."""
    m = _DURATION.match(str(text))
    if not m:
        raise ValueError(f"{text!r} is not a duration: write a number and s, m, h or d (90s, 15m, 1h)")
    return float(m.group(1)) * _UNIT_S[m.group(2).lower()]


def format_duration(seconds: float) -> str:
    for unit in ("d", "h", "m"):
        if seconds >= _UNIT_S[unit] and seconds % _UNIT_S[unit] == 0:
            return f"{int(seconds // _UNIT_S[unit])}{unit}"
    return f"{seconds:g}s"


def stamp(when: dt.datetime | None) -> str:
    """A naive UTC time as 2026-12-05T20:00:00Z."""
    return when.replace(microsecond=0).isoformat() + "Z" if when else "-"


# -- the feed list ------------------------------------------------------------------------------------------
class FeedList:
    """The feeds to watch: URLs given directly and files of URLs (one a line; blank lines and # comments
    skipped). The files are read again whenever they change, so an operator can add a feed without a restart."""

    def __init__(self, targets: Iterable[str], log: Callable[[str], None]):
        self.targets = list(targets)
        self.log = log
        self._files: dict[str, tuple[float, list[str]]] = {}  # path -> (mtime, its URLs)

    def urls(self) -> list[str]:
        out: list[str] = []
        for t in self.targets:
            for url in ([t] if is_url(t) else self._read_file(t)):
                if url not in out:
                    out.append(url)
        return out

    def _read_file(self, path: str) -> list[str]:
        try:
            mtime = os.stat(path).st_mtime
            if path in self._files and self._files[path][0] == mtime:
                return self._files[path][1]
            with open(path, encoding="utf-8-sig") as fh:
                lines = fh.read().splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            self.log(f"feeds-file={path} status=error error={quote(getattr(exc, 'strerror', None) or str(exc))}"
                     + (" (keeping the list read before)" if path in self._files else ""))
            return self._files.get(path, (0.0, []))[1]
        urls = []
        for n, line in enumerate(lines, 1):
            line = re.sub(r"(^|\s)#.*$", "", line).strip()
            if not line:
                continue
            if is_url(line) and " " not in line:
                urls.append(line)
            else:
                self.log(f"feeds-file={path} line={n} status=error error={quote('not an http(s) URL: ' + line[:200])}")
        self._files[path] = (mtime, urls)
        return urls


def quote(value: Any) -> str:
    """A log value: bare when it is one plain word, else double-quoted with JSON escapes."""
    text = str(value)
    return text if text and re.fullmatch(r"[\w.:/?&=%+,@~\-\[\]]+", text) else json.dumps(text, ensure_ascii=False)


# -- what one poll did --------------------------------------------------------------------------------------
@dataclass
class PollResult:
    url: str
    status: str  # ok | not-modified | error
    next_poll_at: dt.datetime
    new: int = 0  # articles stored
    known: int = 0  # entries stored before (by this feed or another source)
    skipped: int = 0  # nothing to store (not English, no text), read now or before
    failed: int = 0  # entries whose page or article failed this time (retried later, or given up)
    deferred: int = 0  # entries left for the next poll: the feed's time budget ran out
    seen: int | None = None  # entries in the feed (None: not read)
    took: float = 0.0
    error: str | None = None
    events: int = 0

    def log_line(self, at: dt.datetime) -> str:
        parts = [stamp(at), f"feed={quote(self.url)}", f"status={self.status}", f"new={self.new}",
                 f"known={self.known}"]
        if self.skipped:
            parts.append(f"skipped={self.skipped}")
        if self.failed:
            parts.append(f"failed={self.failed}")
        if self.deferred:
            parts.append(f"deferred={self.deferred}")
        parts += [f"seen={'-' if self.seen is None else self.seen}", f"took={self.took:.1f}s",
                  f"next={stamp(self.next_poll_at)}"]
        if self.error:
            parts.append(f"error={quote(self.error)}")
        return " ".join(parts)


@dataclass
class WatchSettings:
    every: float = DEFAULT_EVERY_S  # seconds between polls of a healthy feed
    jitter: float = DEFAULT_JITTER  # each delay is drawn from delay * [1 - jitter, 1 + jitter]
    max_backoff: float = DEFAULT_MAX_BACKOFF_S  # the longest wait after failures
    entry_attempts: int = ENTRY_ATTEMPTS
    skip_memory: int = SKIP_MEMORY


@dataclass
class _Work:
    """The entries of one poll to read, and what became of them."""

    feed_title: str
    entries: list[FeedEntry]
    retry: dict[str, dict[str, Any]]
    skip: list[str]
    result: PollResult
    errors: list[str] = field(default_factory=list)
    deferred: list[FeedEntry] = field(default_factory=list)


class Watcher:
    """Polls feeds into a store. `pipeline` is anything with Pipeline's pipe(); `fetcher` a Fetcher; `rng` the
    random source of the jitter (seed it for repeatable schedules); `now` the clock (naive UTC)."""

    def __init__(self, store, pipeline, fetcher, settings: WatchSettings | None = None, *,
                 rng: random.Random | None = None, log: Callable[[str], None] | None = None,
                 now: Callable[[], dt.datetime] = utcnow):
        self.store, self.pipeline, self.fetcher = store, pipeline, fetcher
        self.settings = settings or WatchSettings()
        self.rng = rng or random.Random()
        self.log = log or WatchLog(sys.stderr)
        self.now = now
        self._stop = threading.Event()
        self.stop_reason: str | None = None
        self._held: dict[str, dt.datetime] = {}  # feeds whose poll could not be recorded: not before this time

    # -- the schedule ---------------------------------------------------------------------------------------
    def delay_after(self, consecutive_failures: int) -> float:
        """Seconds until the next poll: `every` for a healthy feed; after n failures in a row every * 2**n,
        at most max_backoff; jittered either way."""
        s = self.settings
        base = s.every if consecutive_failures <= 0 else min(s.max_backoff, s.every * 2 ** min(consecutive_failures, 40))
        return base * self.rng.uniform(1 - s.jitter, 1 + s.jitter) if s.jitter else base

    def due(self, urls: list[str], *, once: bool = False) -> tuple[list[str], dt.datetime | None]:
        """The feeds to poll now, and when the next of the others is due. With `once` (cron), every feed is due
        but those backing off after failures."""
        now = self.now()
        schedule = self.store.feed_schedule()
        due, upcoming = [], []
        for url in urls:
            safe = without_credentials(url)
            next_at, failures = schedule.get(safe, (None, 0))
            if safe in self._held:
                next_at = max(next_at or self._held[safe], self._held[safe])
            if next_at is None or next_at <= now or (once and failures == 0 and safe not in self._held):
                due.append(url)
            else:
                upcoming.append(next_at)
        return due, min(upcoming, default=None)

    # -- the loop -------------------------------------------------------------------------------------------
    def run(self, feeds: FeedList, *, once: bool = False) -> list[PollResult]:
        """Poll the feeds that are due, again and again until stop() (a signal); with `once`, one round.
        Returns the results of the last round."""
        results: list[PollResult] = []
        while not self._stop.is_set():
            urls = feeds.urls()
            results = self.run_round(self.due(urls, once=once)[0])
            if once:
                break
            if not self._stop.is_set():
                _, next_at = self.due(urls)
                nap = LONGEST_NAP_S if next_at is None else (next_at - self.now()).total_seconds()
                self._stop.wait(min(max(nap, 0.0), LONGEST_NAP_S))
        return results

    def run_round(self, urls: list[str]) -> list[PollResult]:
        """Poll `urls` one after the other (a stop request ends the round after the current feed), then
        cluster the new events when there are some."""
        results = []
        for url in urls:
            if self._stop.is_set():
                break
            results.append(self.poll(url))
        if any(r.events for r in results):
            try:
                done = self.store.run_dedup()
                self.log(f"{stamp(self.now())} dedup reports={done.reports} events={done.events} "
                         f"took={done.seconds:.1f}s")
            except Exception as exc:  # noqa: BLE001 - the next round clusters them; the watcher goes on
                self.log(f"{stamp(self.now())} dedup status=error error={quote(_one_line(exc))}")
        return results

    def stop(self, reason: str = "stop") -> None:
        """Stop after the feed being polled (from a signal handler or another thread)."""
        if self.stop_reason is None:
            self.stop_reason = reason
        self._stop.set()

    def install_signal_handlers(self) -> None:
        """SIGTERM and SIGINT: stop after the current feed; a second one: stop at once (the store's
        transactions keep it consistent either way)."""
        def handle(signum, _frame):  # noqa: ANN001
            name = signal.Signals(signum).name
            if self._stop.is_set():
                self.log(f"{stamp(self.now())} watch status=interrupted signal={name}")
                raise KeyboardInterrupt
            self.log(f"{stamp(self.now())} watch status=stopping signal={name} (after the current feed; "
                     "again to stop at once)")
            self.stop(name)

        signal.signal(signal.SIGTERM, handle)
        signal.signal(signal.SIGINT, handle)

    # -- one poll -------------------------------------------------------------------------------------------
    def poll(self, url: str) -> PollResult:
        """Poll one feed or page, ingest what is new, record the poll. Never raises for what a feed, a page
        or the database does: the failure is logged and the feed polled again later."""
        started = time.monotonic()
        safe = without_credentials(url)
        try:
            result = self._poll(url, safe)
            self._held.pop(safe, None)
        except Exception as exc:  # noqa: BLE001 - e.g. the database went away: log, keep watching the others
            later = self.now() + dt.timedelta(seconds=self.delay_after(1))
            self._held[safe] = later
            result = PollResult(safe, "error", later, error=f"not recorded: {without_credentials(_one_line(exc))}")
        result.took = time.monotonic() - started
        self.log(result.log_line(self.now()))
        return result

    def _poll(self, url: str, safe: str) -> PollResult:
        """`url` as given (it may carry credentials), `safe` without them: the feed's name in the store."""
        state = self.store.ensure_feed(safe)
        budget = self.fetcher.for_source(safe)  # the feed and its entries' pages share --feed-deadline
        try:
            page = budget.fetch(url, etag=state.etag, last_modified=state.last_modified)
        except FetchError as exc:
            return self._record_failure(state, str(exc))
        retry, skip = dict(state.retry_links), list(state.skip_links)
        if page.not_modified:
            result = PollResult(safe, "not-modified", self.now())
            work = _Work(safe, self._retry_entries(retry, []), retry, skip, result)
        elif is_feed(safe, page.data, page.content_type):
            try:
                title, entries = parse_feed(page.data, safe)
            except InputError as exc:
                return self._record_failure(state, str(exc))
            result = PollResult(safe, "ok", self.now(), seen=len(entries))
            work = _Work(title, self._to_read(entries, retry, skip, result), retry, skip, result)
            work.entries += self._retry_entries(retry, work.entries)
        else:
            return self._poll_page(state, page, budget)
        self._ingest(safe, work, budget)
        return self._record(state, work.result, page.etag, page.last_modified, work)

    def _to_read(self, entries: list[FeedEntry], retry: dict, skip: list[str], result: PollResult) -> list[FeedEntry]:
        """The entries whose article may be new: not stored yet (by link) and not known to hold nothing."""
        nothing_there = set(skip)
        out = []
        for e in entries:
            if not e.link or e.link in retry:
                out.append(e)
            elif e.link in nothing_there:
                result.skipped += 1
            elif self.store.has_article(url=e.link):
                result.known += 1
            else:
                out.append(e)
        return out

    def _retry_entries(self, retry: dict[str, dict[str, Any]], listed: list[FeedEntry]) -> list[FeedEntry]:
        """Entries waiting for a retry that the feed no longer lists (or that were not read: a 304)."""
        links = {e.link for e in listed}
        return [FeedEntry(number=0, link=link, title=info.get("title"), published=info.get("published"), content=None)
                for link, info in retry.items() if link not in links]

    def _ingest(self, feed_url: str, work: _Work, budget: FetchBudget) -> None:
        by_key = {e.link or e.label(feed_url): e for e in work.entries}

        def items() -> Iterator[tuple[str, Article | InputError]]:
            for e in work.entries:
                if e.link and budget.spent >= budget.seconds:  # out of time: the next poll reads it
                    work.deferred.append(e)
                    continue
                yield e.link or e.label(feed_url), read_entry(e, feed_url, work.feed_title, fetcher=budget)

        add = lambda result, extractor=None: self.store.add_feed_article(feed_url, result, extractor)  # noqa: E731
        for outcome in Ingester(self.store, self.pipeline, add_result=add).run(items()):
            entry = by_key.get(outcome.article.url if outcome.article and outcome.article.url else outcome.where)
            self._count(feed_url, work, outcome, entry)
        for e in work.deferred:
            work.retry.setdefault(e.link, {"attempts": 0, "title": e.title, "published": e.published})
        work.result.deferred = len(work.deferred)

    def _count(self, feed_url: str, work: _Work, outcome: Outcome, entry: FeedEntry | None) -> None:
        r, link = work.result, entry.link if entry else None
        if outcome.kind in ("stored", "known"):
            r.new += outcome.kind == "stored"
            r.known += outcome.kind == "known"
            r.events += len(outcome.added.event_ids) if outcome.added else 0
        elif outcome.kind in ("not-english", "unusable"):
            r.skipped += 1
            if link:
                work.skip.append(link)
        else:
            r.failed += 1
            work.errors.append(outcome.message or "failed")
            if link:
                info = work.retry.setdefault(link, {"attempts": 0, "title": entry.title, "published": entry.published})
                info["attempts"] += 1
                given_up = info["attempts"] >= self.settings.entry_attempts
                self.log(f"{stamp(self.now())} feed={quote(feed_url)} entry={quote(link)} status=error "
                         f"attempt={info['attempts']}/{self.settings.entry_attempts}"
                         + (" gave-up" if given_up else "") + f" error={quote(outcome.message or 'failed')}")
                if given_up:
                    del work.retry[link]
                    work.skip.append(link)
                return
        if link:
            work.retry.pop(link, None)

    def _poll_page(self, state: FeedState, page, budget: FetchBudget) -> PollResult:  # noqa: ANN001
        """A page (not a feed): its article(s). When one cannot be read, the validators are left as they were,
        so that the next poll reads the page again instead of getting a 304."""
        result = PollResult(state.url, "ok", self.now(), seen=0)
        work = _Work(state.url, [], dict(state.retry_links), list(state.skip_links), result)
        items = ((state.url, item) for item in read_any(state.url, page.data, content_type=page.content_type,
                                                        url=page.final_url, fetcher=budget))

        def counted():
            for item in items:
                result.seen += 1
                yield item

        add = lambda res, extractor=None: self.store.add_feed_article(state.url, res, extractor)  # noqa: E731
        for outcome in Ingester(self.store, self.pipeline, add_result=add).run(counted()):
            self._count(state.url, work, outcome, None)
        keep = result.failed > 0
        return self._record(state, result, state.etag if keep else page.etag,
                            state.last_modified if keep else page.last_modified, work)

    # -- recording --------------------------------------------------------------------------------------------
    def _record(self, state: FeedState, result: PollResult, etag, last_modified, work: _Work) -> PollResult:  # noqa: ANN001
        result.next_poll_at = self.now() + dt.timedelta(seconds=self.delay_after(0))
        notes = []
        if work.errors:
            notes.append(f"{len(work.errors)} entries failed; first: {_one_line(work.errors[0])}")
        if work.deferred:
            notes.append(f"{len(work.deferred)} entries left for the next poll: the feed deadline ran out")
        result.error = "; ".join(notes) or None
        self.store.finish_poll(state.url, PollRecord(
            status=result.status, next_poll_at=result.next_poll_at, new=result.new,
            entries=result.seen, etag=etag, last_modified=last_modified, error=result.error,
            retry_links=work.retry, skip_links=work.skip[-self.settings.skip_memory:], polled_at=self.now()))
        return result

    def _record_failure(self, state: FeedState, error: str) -> PollResult:
        next_at = self.now() + dt.timedelta(seconds=self.delay_after(state.consecutive_failures + 1))
        self.store.finish_poll(state.url, PollRecord(status="error", next_poll_at=next_at, error=error,
                                                     polled_at=self.now()))
        return PollResult(state.url, "error", next_at, error=error)


class WatchLog:
    """The log: one line per event, written and flushed at once (journald, docker logs and files keep it)."""

    def __init__(self, stream: TextIO):
        self.stream = stream

    def __call__(self, line: str) -> None:
        try:
            self.stream.write(line + "\n")
            self.stream.flush()
        except (OSError, ValueError):
            pass  # a closed or broken log must not stop the watcher


def _one_line(exc: Exception | str) -> str:
    text = str(exc) if isinstance(exc, str) else f"{type(exc).__name__}: {exc}"
    return (text.strip().splitlines() or [""])[0][:500]
