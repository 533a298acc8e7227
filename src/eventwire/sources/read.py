"""Stage 0: reading articles. Plain text, JSONL (SCHEMA input) and stdin, with the checks that turn bad
input into a clear message instead of a traceback: empty, binary, or not English."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

from eventwire.records import Article, parse_published

# English running text has a high share of function words; other languages written in Latin script have few
# of ours. Short snippets (headlines) carry too little signal to judge, so they pass.
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
MIN_WORDS_FOR_LANGUAGE_CHECK = 12
MIN_ENGLISH_STOPWORD_SHARE = 0.12


class InputError(ValueError):
    """Bad input that the user must fix: the message says what is wrong."""


def text_problem(text: str) -> str | None:
    """Why this text cannot be processed, or None when it can."""
    if not isinstance(text, str):
        return "the article text is not a string"
    if not text.strip():
        return "the article is empty"
    if "\x00" in text or sum(1 for c in text[:4000] if ord(c) < 32 and c not in "\t\n\r\f\v") > 8:
        return "the article looks like binary data, not text"
    words = _WORD.findall(text[:5000])
    if not words:
        return "the article has no words"
    if len(words) >= MIN_WORDS_FOR_LANGUAGE_CHECK:
        latin = sum(1 for w in words if w.isascii())
        if latin / len(words) < 0.5:
            return "the article is not in English (mostly non-Latin script)"
        share = sum(1 for w in words if w.lower() in STOP_WORDS) / len(words)
        if share < MIN_ENGLISH_STOPWORD_SHARE:
            return f"the article does not look like English (only {share:.0%} English function words)"
    return None


def decode_bytes(data: bytes, name: str) -> str:
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{name}: is not UTF-8 text") from None


def parse_jsonl(text: str, name: str) -> Iterator[Article | InputError]:
    """Articles from JSON lines; a bad line becomes an InputError in the stream, the others still come."""
    # JSON Lines are separated by "\n" only: str.splitlines() would also cut at U+0085/U+2028 inside a text
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            yield Article.from_dict(obj, default_id=f"{Path(name).stem}:{n}")
        except (json.JSONDecodeError, ValueError) as exc:
            yield InputError(f"{name} line {n}: {exc}")


def _read_jsonl_bytes(data: bytes, name: str, published: str | None) -> Iterator[Article | InputError]:
    """JSON lines, decoded line by line: a binary or undecodable line is reported, the others still come."""
    for n, raw in enumerate(data.splitlines(), 1):
        if not raw.strip():
            continue
        if b"\x00" in raw:
            yield InputError(f"{name} line {n}: binary data, not a JSON object")
            continue
        try:
            line = raw.decode("utf-8-sig" if n == 1 else "utf-8")
        except UnicodeDecodeError:
            yield InputError(f"{name} line {n}: not UTF-8 text")
            continue
        for item in parse_jsonl(line, name):
            if isinstance(item, InputError):
                item = InputError(str(item).replace(f"{name} line 1:", f"{name} line {n}:"))
            elif item.id.endswith(":1") and item.id == f"{Path(name).stem}:1":
                item.id = f"{Path(name).stem}:{n}"
            if isinstance(item, Article) and item.published is None and published:
                item.published = parse_published(published)
            yield item


def _read_json_document(text: str, name: str, published: str | None) -> Iterator[Article | InputError]:
    """A .json file: one SCHEMA input object, or a list of them."""
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        yield InputError(f"{name}: not valid JSON ({exc.msg} at line {exc.lineno})")
        return
    items = obj if isinstance(obj, list) else [obj]
    for n, item in enumerate(items, 1):
        try:
            art = Article.from_dict(item, default_id=Path(name).stem if len(items) == 1 else f"{Path(name).stem}:{n}")
        except ValueError as exc:
            yield InputError(f"{name} item {n}: {exc}")
            continue
        if art.published is None and published:
            art.published = parse_published(published)
        yield art


def looks_like_jsonl(text: str) -> bool:
    first = next((ln for ln in text.split("\n") if ln.strip()), "")
    if not first.lstrip().startswith("{"):
        return False
    try:
        return isinstance(json.loads(first), dict)
    except json.JSONDecodeError:
        return False


def read_source(name: str, data: bytes, published: str | None = None) -> Iterator[Article | InputError]:
    """Articles from one input: a .jsonl file (or JSON lines on stdin) is many, anything else is one."""
    if name.endswith(".jsonl") or (name == "-" and looks_like_jsonl(data[:65536].decode("utf-8", "replace"))):
        yield from _read_jsonl_bytes(data, name, published)
        return
    try:
        text = decode_bytes(data, name)
    except InputError as exc:
        yield exc
        return
    if name.endswith(".json"):
        yield from _read_json_document(text, name, published)
        return
    if name.endswith(".jsonl") or (name == "-" and looks_like_jsonl(text)):
        for item in parse_jsonl(text, name):
            if isinstance(item, Article) and item.published is None and published:
                item.published = parse_published(published)
            yield item
        return
    art_id = "stdin" if name == "-" else Path(name).stem
    header, body = split_header(text)
    try:
        when = parse_published(header.get("published") or published)
    except ValueError as exc:
        yield InputError(f"{name}: {exc}")
        return
    yield Article(id=header.get("id") or art_id, text=body, published=when, title=header.get("title"),
                  url=header.get("url"), source=header.get("source") or (None if name == "-" else name))


_HEADER_LINE = re.compile(r"^(title|published|date|source|url|id)\s*:\s*(.+?)\s*$", re.I)


def split_header(text: str) -> tuple[dict[str, str], str]:
    """A plain-text article may start with `Title:`, `Published:`, `Source:`, `URL:` lines and a blank line."""
    lines = text.split("\n")
    header: dict[str, str] = {}
    i = 0
    while i < len(lines) and (m := _HEADER_LINE.match(lines[i])):
        key = m.group(1).lower()
        header["published" if key == "date" else key] = m.group(2)
        i += 1
    if not header or i >= len(lines) or lines[i].strip():
        return {}, text
    return header, "\n".join(lines[i + 1:])


# ---------------------------------------------------------------------------------------------------------
# More readers for `eventwire ingest`: CSV, HTML (trafilatura), RSS/Atom feeds (feedparser, then each entry's
# page), folders (recursively) and URLs. Everything yields Article or InputError, never raises for bad input.
# ---------------------------------------------------------------------------------------------------------
import csv as _csv  # noqa: E402
import io as _io  # noqa: E402
import logging as _logging  # noqa: E402
import os as _os  # noqa: E402
import sys as _sys  # noqa: E402
from dataclasses import dataclass as _dataclass  # noqa: E402
from urllib.parse import urlsplit as _urlsplit  # noqa: E402

TEXT_SUFFIXES = {".txt", ".text"}  # not .md: a folder's README is not an article
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
CSV_SUFFIXES = {".csv"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES
CSV_TEXT_COLUMNS = ("text", "body", "content", "article", "story")
FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml"}
XML_TYPES = {"application/xml", "text/xml"}
HTML_TYPES = {"text/html", "application/xhtml+xml"}
JSONL_TYPES = {"application/x-ndjson", "application/jsonl", "application/json", "application/json-seq"}

_logging.getLogger("trafilatura").setLevel(_logging.CRITICAL)  # its parse warnings are ours to report
_logging.getLogger("htmldate").setLevel(_logging.CRITICAL)


def is_url(target: str) -> bool:
    return target.lower().startswith(("http://", "https://"))


@_dataclass
class SourceUnit:
    """One thing to read: a file, a URL or stdin, with a cheap guess of how many articles it holds."""

    name: str
    kind: str  # "file", "url" or "stdin"
    estimate: int = 1


def expand_targets(targets: Iterable[str]) -> Iterator[SourceUnit | InputError]:
    """Files, folders (recursively, known article types only, hidden entries skipped), URLs and '-'."""
    for t in targets:
        if t == "-":
            yield SourceUnit(t, "stdin", 1)
        elif is_url(t):
            yield SourceUnit(t, "url", 1)
        elif _os.path.isdir(t):
            found = False
            for root, dirs, files in _os.walk(t):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    if f.startswith(".") or Path(f).suffix.lower() not in KNOWN_SUFFIXES:
                        continue
                    found = True
                    p = _os.path.join(root, f)
                    yield SourceUnit(p, "file", _estimate(p))
            if not found:
                yield InputError(f"{t}: no article files (.txt .jsonl .csv .html .rss .atom .xml) in this folder")
        elif _os.path.exists(t):
            yield SourceUnit(t, "file", _estimate(t))
        else:
            yield InputError(f"{t}: no such file, folder or URL")


def _estimate(path: str) -> int:
    suffix = Path(path).suffix.lower()
    if suffix not in JSONL_SUFFIXES | CSV_SUFFIXES:
        return 1
    try:
        with open(path, "rb") as fh:
            lines = sum(1 for line in fh if line.strip())
    except OSError:
        return 1
    return max(1, lines - (1 if suffix in CSV_SUFFIXES else 0))


def read_csv(text: str, name: str, published: str | None = None) -> Iterator[Article | InputError]:
    """One article per row; the text is in a `text` (or body/content/article/story) column."""
    _csv.field_size_limit(max(_csv.field_size_limit(), 64 * 1024 * 1024))
    reader = _csv.DictReader(_io.StringIO(text))
    columns = {c.strip().lower(): c for c in reader.fieldnames or [] if c}
    text_col = next((columns[c] for c in CSV_TEXT_COLUMNS if c in columns), None)
    if text_col is None:
        yield InputError(f"{name}: a CSV of articles needs a header row with a 'text' column")
        return
    get = {k: columns.get(k) for k in ("id", "title", "url", "source", "published", "date")}
    stem = Path(name).stem
    try:
        for n, row in enumerate(reader, 2):
            def cell(key):
                col = get.get(key)
                value = row.get(col) if col else None
                return value.strip() if isinstance(value, str) and value.strip() else None
            try:
                yield Article(id=cell("id") or f"{stem}:{n}", text=row.get(text_col) or "",
                              published=parse_published(cell("published") or cell("date") or published),
                              title=cell("title"), url=cell("url"), source=cell("source") or name)
            except ValueError as exc:
                yield InputError(f"{name} row {n}: {exc}")
    except _csv.Error as exc:
        yield InputError(f"{name}: broken CSV: {exc}")


def read_html(data: bytes | str, name: str, url: str | None = None, published: str | None = None,
              title: str | None = None, source: str | None = None) -> Article | InputError:
    """The main text, title and date of an HTML page (trafilatura); boilerplate and comments are dropped.
    `published`, `title` and `source` fill in what the page itself does not say."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(data, url=url, with_metadata=True, include_comments=False,
                                          include_tables=False, favor_precision=True)
    except Exception as exc:  # noqa: BLE001 - a page trafilatura cannot parse is one bad input
        return InputError(f"{name}: cannot read the HTML page: {type(exc).__name__}: {exc}")
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        return InputError(f"{name}: no article text found in the HTML page")
    when = None
    for candidate in (getattr(doc, "date", None), published):
        try:
            when = parse_published(candidate)
        except ValueError:
            continue
        if when:
            break
    site = getattr(doc, "sitename", None) or (_urlsplit(url).hostname if url else None)
    return Article(id=url or Path(name).stem, text=text, published=when,
                   title=getattr(doc, "title", None) or title, url=url, source=site or source or name)


def looks_like_feed(data: bytes) -> bool:
    head = data[:4096].lstrip().lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def looks_like_html(data: bytes) -> bool:
    head = data[:4096].lstrip().lower()
    return head.startswith(b"<!doctype html") or b"<html" in head


def _entry_date(entry) -> str | None:  # noqa: ANN001
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        t = entry.get(key)
        if t:
            return f"{t.tm_year:04d}-{t.tm_mon:02d}-{t.tm_mday:02d}"
    return None


def read_feed(data: bytes, name: str, fetcher=None, published: str | None = None,  # noqa: ANN001
              ) -> Iterator[Article | InputError]:
    """An RSS/Atom feed: each entry's page is fetched and read like any HTML page. Without a fetcher (or
    a link), the entry's own content stands in when the feed carries the full text."""
    import feedparser

    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        yield InputError(f"{name}: not a readable RSS/Atom feed ({feed.get('bozo_exception', 'parse error')})")
        return
    feed_title = feed.feed.get("title") or name
    for n, entry in enumerate(feed.entries, 1):
        link = entry.get("link")
        when = _entry_date(entry) or published
        title = entry.get("title")
        label = f"{name} entry {n}" + (f" ({link})" if link else "")
        if link and is_url(link) and fetcher is not None:
            from eventwire.sources.fetch import FetchError

            try:
                page = fetcher.fetch(link)
            except FetchError as exc:
                yield InputError(f"{label}: {exc}")
                continue
            yield read_html(page.data, label, url=link, published=when, title=title, source=feed_title)
            continue
        content = entry.get("content") or []
        html = content[0].get("value") if content else entry.get("summary")
        if not html:
            yield InputError(f"{label}: the entry has neither a fetchable link nor any content")
            continue
        art = read_html(f"<html><body><article>{html}</article></body></html>", label, url=link,
                        published=when, title=title, source=feed_title)
        if isinstance(art, Article) and not link:
            art.id = f"{Path(name).stem}:{n}"
        yield art


def read_any(name: str, data: bytes, published: str | None = None, fetcher=None,  # noqa: ANN001
             content_type: str | None = None, url: str | None = None) -> Iterator[Article | InputError]:
    """Dispatch one input by its content type (URLs), its suffix (files), or a look at its first bytes."""
    suffix = Path(_urlsplit(name).path if is_url(name) else name).suffix.lower()
    ctype = (content_type or "").lower()
    if ctype in FEED_TYPES or suffix in {".rss", ".atom"} or \
            ((ctype in XML_TYPES or suffix == ".xml" or not suffix) and looks_like_feed(data)):
        yield from read_feed(data, name, fetcher=fetcher, published=published)
    elif ctype in HTML_TYPES or suffix in HTML_SUFFIXES or (ctype == "" and looks_like_html(data)):
        yield read_html(data, name, url=url, published=published)
    elif suffix in CSV_SUFFIXES or ctype == "text/csv":
        try:
            text = decode_bytes(data, name)
        except InputError as exc:
            yield exc
            return
        yield from read_csv(text, name, published=published)
    elif (ctype in JSONL_TYPES or suffix == ".ndjson") and not name.endswith(".jsonl"):
        yield from _jsonl_named(name, data, published)
    else:
        for item in read_source(name, data, published=published):
            if isinstance(item, Article) and url and not item.url:
                item.url = url
            yield item


def _jsonl_named(name: str, data: bytes, published: str | None) -> Iterator[Article | InputError]:
    try:
        text = decode_bytes(data, name)
    except InputError as exc:
        yield exc
        return
    for item in parse_jsonl(text, name):
        if isinstance(item, Article) and item.published is None and published:
            item.published = parse_published(published)
        yield item


def read_unit(unit: SourceUnit, fetcher=None, published: str | None = None,  # noqa: ANN001
              ) -> Iterator[Article | InputError]:
    if unit.kind == "stdin":
        yield from read_source("-", _sys.stdin.buffer.read(), published=published)
        return
    if unit.kind == "url":
        if fetcher is None:
            yield InputError(f"{unit.name}: URLs need a fetcher")
            return
        from eventwire.sources.fetch import FetchError

        try:
            page = fetcher.fetch(unit.name)
        except FetchError as exc:
            yield InputError(str(exc))
            return
        yield from read_any(unit.name, page.data, published=published, fetcher=fetcher,
                            content_type=page.content_type, url=page.final_url)
        return
    try:
        with open(unit.name, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        yield InputError(f"{unit.name}: {exc.strerror or exc}")
        return
    yield from read_any(unit.name, data, published=published, fetcher=fetcher)


def iter_articles(targets: Iterable[str], fetcher=None, published: str | None = None,  # noqa: ANN001
                  ) -> Iterator[Article | InputError]:
    """Every article from files, folders, URLs and stdin, in order; bad inputs become InputErrors."""
    for unit in expand_targets(targets):
        if isinstance(unit, InputError):
            yield unit
        else:
            yield from read_unit(unit, fetcher=fetcher, published=published)


# ---------------------------------------------------------------------------------------------------------
# Ingest: read -> skip what is stored or not English -> extract -> store (one transaction per article) ->
# dedup. Idempotent and resumable: an article is either fully stored or not at all, and a stored article
# (same URL or same text) is skipped before extraction, so a killed run simply runs again.
# ---------------------------------------------------------------------------------------------------------
@_dataclass
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


def _is_language_problem(problem: str) -> bool:
    return "english" in problem.lower()


def ingest(targets: Iterable[str], store, pipeline, fetcher=None, published: str | None = None,  # noqa: ANN001
           dedup: bool = True, on_advance=None, on_total=None, on_problem=None,  # noqa: ANN001
           ) -> IngestSummary:
    """Ingest files, folders and URLs into `store` with `pipeline`. Callbacks (all optional):
    on_total(n) the expected number of articles (grows as feeds and files are read), on_advance() after each
    article, on_problem(kind, where, message) for each skip or error ("skipped" or "error")."""
    from eventwire import __version__
    from eventwire.storage.store import content_hash

    summary = IngestSummary()
    advance = on_advance or (lambda: None)
    problem_cb = on_problem or (lambda kind, where, message: None)
    units: list[SourceUnit] = []
    for u in expand_targets(targets):
        if isinstance(u, InputError):
            summary.errors += 1
            problem_cb("error", "", str(u))
        else:
            units.append(u)
    expected = sum(u.estimate for u in units)
    if on_total:
        on_total(expected)

    def to_extract() -> Iterator[Article]:
        nonlocal expected
        for unit in units:
            seen = 0
            for item in read_unit(unit, fetcher=fetcher, published=published):
                seen += 1
                if seen > unit.estimate and on_total:
                    expected += 1
                    on_total(expected)
                if isinstance(item, InputError):
                    summary.errors += 1
                    problem_cb("error", unit.name, str(item))
                    advance()
                    continue
                problem = text_problem(item.text)
                if problem:
                    if _is_language_problem(problem):
                        summary.not_english += 1
                    else:
                        summary.unusable += 1
                    problem_cb("skipped", f"{unit.name} [{item.id}]", problem)
                    advance()
                    continue
                if store.has_article(url=item.url, content_hash=content_hash(item.text)):
                    summary.already_stored += 1
                    advance()
                    continue
                yield item
            if seen < unit.estimate and on_total:
                expected -= unit.estimate - seen
                on_total(expected)

    for res in pipeline.pipe(to_extract()):
        if res.error:
            summary.errors += 1
            problem_cb("error", res.article.source or res.article.id, res.error)
        else:
            try:
                added = store.add_result(res, extractor=__version__)
            except Exception as exc:  # noqa: BLE001 - a record the database refuses fails that article only
                summary.errors += 1
                problem_cb("error", res.article.source or res.article.id,
                           f"could not store the article: {type(exc).__name__}: {str(exc).splitlines()[0]}")
                advance()
                continue
            if added.duplicate:
                summary.already_stored += 1
            else:
                summary.articles += 1
                summary.events += len(added.event_ids)
        advance()
    if dedup:
        d = store.run_dedup()
        summary.events_after_dedup, summary.dedup_seconds = d.events, d.seconds
    return summary
