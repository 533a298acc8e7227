"""Ingest: sources -> extraction -> storage, the one place where articles go through the Pipeline into the Store.

`eventwire ingest` (files, folders, URLs) and `POST /api/articles` (one article) are thin wrappers around it:

    read (sources.read) -> skip what cannot be processed or is stored already -> extract (Pipeline.pipe)
    -> store (one transaction per article) -> dedup

Idempotent and resumable: an article is either fully stored or not at all, and a stored article (same URL or
same text) is skipped before extraction, so a killed run simply runs again.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from eventwire import __version__
from eventwire.records import Article, ArticleResult
from eventwire.sources.credentials import without_credentials
from eventwire.sources.fingerprint import content_hash
from eventwire.sources.language import default_check, is_language_problem
from eventwire.sources.read import DEFAULT_MAX_ARTICLE_BYTES, InputError, SourceUnit, expand_targets, read_unit

# What became of one input (Outcome.kind) and the problem it is reported as (None: not a problem).
PROBLEM_OF_KIND = {"stored": None, "known": None, "not-english": "skipped", "unusable": "skipped", "error": "error"}


@dataclass
class Outcome:
    """What became of one article, or of one input that could not be read."""

    kind: str  # "stored", "known" (stored before), "not-english", "unusable" (empty, binary, no words), "error"
    where: str  # the input or article, for messages and the error log
    message: str | None = None
    article: Article | None = None
    added: Any = None  # the store's AddResult when the store was reached
    exception: Exception | None = None  # why storing failed (the store refused the article)

    @property
    def problem(self) -> str | None:
        """"skipped" or "error" (how the error log files it), None for a stored or known article."""
        return PROBLEM_OF_KIND[self.kind]


@dataclass
class IngestSummary:
    articles: int = 0  # newly stored
    events: int = 0  # event reports stored with them
    already_stored: int = 0
    not_english: int = 0
    unusable: int = 0  # empty, binary, no words
    errors: int = 0  # unreadable input, fetch or extraction failure
    events_after_dedup: int | None = None
    dedup_seconds: float | None = None

    @property
    def skipped(self) -> int:
        return self.already_stored + self.not_english + self.unusable

    def count(self, outcome: Outcome) -> None:
        if outcome.kind == "stored":
            self.articles += 1
            self.events += len(outcome.added.event_ids)
        elif outcome.kind == "known":
            self.already_stored += 1
        elif outcome.kind == "not-english":
            self.not_english += 1
        elif outcome.kind == "unusable":
            self.unusable += 1
        else:
            self.errors += 1


class Ingester:
    """Runs articles through `pipeline` (anything with Pipeline's `pipe`) into `store`.

    known_by_text: an article whose text is stored already (under another URL or none) is skipped before
    extraction; without it only its URL is checked first, and the store recognises the text when adding it,
    which tells the stored article's id (the HTTP API answers with it).
    add_result: what stores one result (default store.add_result); `eventwire watch` stores the article and
    its feed's count together."""

    def __init__(self, store, pipeline, *, known_by_text: bool = True,
                 add_result: Callable[..., Any] | None = None):
        self.store, self.pipeline, self.known_by_text = store, pipeline, known_by_text
        self.add_result = add_result
        # the pipeline's own check (its language); a stand-in pipeline without one gets the default language's
        self.language_check = getattr(pipeline, "language_check", None) or default_check()

    # Outcomes decided before extraction wait for the extraction results around them, to keep input order.
    # Beyond this many waiting, each further one sends the pipeline an empty placeholder article (refused at
    # once, never parsed), whose result comes back in its place: a long run of stored or refused articles
    # (ingesting a file again) is reported as it goes instead of piling up in memory.
    BACKLOG = 64

    def run(self, items: Iterable[tuple[str, Article | InputError]]) -> Iterator[Outcome]:
        """One Outcome per (where, article or error) item, in input order."""
        pending: deque[Outcome | None] = deque()  # in input order: a decided outcome, or None for an article sent
        waiting = 0  # decided outcomes in `pending`
        placeholders: deque[bool] = deque()  # per input sent to the pipeline, in order: is it a placeholder?

        def to_extract() -> Iterator[Article]:
            nonlocal waiting
            for where, item in items:
                outcome = self._screen(where, item)
                pending.append(outcome)
                if outcome is None:
                    placeholders.append(False)
                    yield item
                else:
                    waiting += 1
                    if waiting > self.BACKLOG:
                        placeholders.append(True)
                        yield Article(id="", text="")

        def decided() -> Iterator[Outcome]:
            nonlocal waiting
            while pending and pending[0] is not None:
                waiting -= 1
                yield pending.popleft()

        for result in self.pipeline.pipe(to_extract()):
            yield from decided()
            if not placeholders.popleft():
                pending.popleft()
                yield self._store(result)
        yield from decided()

    def _screen(self, where: str, item: Article | InputError) -> Outcome | None:
        """The outcome of an item that is not to be extracted, None for one that is."""
        if isinstance(item, InputError):
            return Outcome("error", where, without_credentials(str(item)))
        _drop_credentials(item)
        problem = self.language_check.problem(item.text)
        if problem:
            kind = "not-english" if is_language_problem(problem) else "unusable"
            return Outcome(kind, f"{where} [{item.id}]", problem, item)
        text_key = content_hash(item.text) if self.known_by_text else None
        if self.store.has_article(url=item.url, content_hash=text_key):
            return Outcome("known", where, None, item)
        return None

    def _store(self, result: ArticleResult) -> Outcome:
        where = result.article.source or result.article.id
        if result.error:
            return Outcome("error", where, result.error, result.article)
        try:
            added = (self.add_result or self.store.add_result)(result, extractor=__version__)
        except Exception as exc:  # noqa: BLE001 - a record the database refuses fails that article only
            first_line = (str(exc).splitlines() or [""])[0]
            return Outcome("error", where, f"could not store the article: {type(exc).__name__}: {first_line}",
                           result.article, exception=exc)
        return Outcome("known" if added.duplicate else "stored", where, None, result.article, added)


def _drop_credentials(article: Article) -> None:
    """A user name and password in the article's URL (or in an id or source that is a URL) are never stored,
    nor copied into its events' records: the URL is kept without them."""
    article.id = without_credentials(article.id)
    if article.url:
        article.url = without_credentials(article.url)
    if article.source:
        article.source = without_credentials(article.source)


def ingest(targets: Iterable[str], store, pipeline, fetcher=None, published: str | None = None,
           dedup: bool = True, on_advance: Callable[[], None] | None = None,
           on_total: Callable[[int], None] | None = None,
           on_problem: Callable[[str, str, str], None] | None = None,
           max_article_bytes: int = DEFAULT_MAX_ARTICLE_BYTES) -> IngestSummary:
    """Ingest files, folders and URLs into `store` with `pipeline`, each input read as a stream (a line or a
    document over `max_article_bytes` is skipped and reported as an error). Callbacks (all optional):
    on_total(n) the expected number of articles (grows as feeds and files are read), on_advance() after each
    article, on_problem(kind, where, message) for each skip or error ("skipped" or "error")."""
    summary = IngestSummary()

    def report(outcome: Outcome) -> None:
        summary.count(outcome)
        if outcome.problem and on_problem:
            on_problem(outcome.problem, outcome.where, outcome.message)

    units: list[SourceUnit] = []
    for unit in expand_targets(targets):
        if isinstance(unit, InputError):
            report(Outcome("error", "", str(unit)))
        else:
            units.append(unit)
    expected = sum(u.estimate for u in units)
    if on_total:
        on_total(expected)

    def items() -> Iterator[tuple[str, Article | InputError]]:
        nonlocal expected  # the estimates are corrected as each input turns out to hold more or fewer articles
        for unit in units:
            seen = 0
            for item in read_unit(unit, fetcher=fetcher, published=published, max_bytes=max_article_bytes):
                seen += 1
                if seen > unit.estimate and on_total:
                    expected += 1
                    on_total(expected)
                yield unit.name, item
            if seen < unit.estimate and on_total:
                expected -= unit.estimate - seen
                on_total(expected)

    for outcome in Ingester(store, pipeline).run(items()):
        report(outcome)
        if on_advance:
            on_advance()
    if dedup:
        d = store.run_dedup()
        summary.events_after_dedup, summary.dedup_seconds = d.events, d.seconds
    return summary


class ErrorLog:
    """An on_problem callback: each skip or error as a JSON line in `path` (created only when there is one),
    and the first `keep` error messages for the summary on screen."""

    def __init__(self, path: str, keep: int = 5):
        self.path, self.keep = path, keep
        self.first_errors: list[str] = []
        self._fh = None

    @property
    def written(self) -> bool:
        return self._fh is not None

    def __call__(self, kind: str, where: str, message: str) -> None:
        where, message = without_credentials(where), message and without_credentials(message)
        if kind == "error" and len(self.first_errors) < self.keep:
            self.first_errors.append(message)
        if self._fh is None:
            self._fh = open(self.path, "a", encoding="utf-8")  # noqa: SIM115 - closed in close()
        self._fh.write(json.dumps({"time": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                                   "kind": kind, "input": where, "message": message}, ensure_ascii=False) + "\n")
        self._fh.flush()

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
