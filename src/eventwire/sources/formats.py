"""Parsers of one input by its format: plain text (with an optional header), JSON lines, a JSON document, CSV,
HTML pages (trafilatura) and RSS/Atom feeds (feedparser). Each yields Articles and, for bad input, InputErrors
whose message names the input and the line, row or entry: they never raise for bad input."""

from __future__ import annotations

import csv
import json
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from eventwire.records import Article, parse_published
from eventwire.sources import jsontext
from eventwire.sources.credentials import without_credentials
from eventwire.sources.stream import SKIP_CHUNK as _SKIP_CHUNK
from eventwire.sources.stream import InputStream

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)  # its parse warnings are ours to report
logging.getLogger("htmldate").setLevel(logging.CRITICAL)

CSV_TEXT_COLUMNS = ("text", "body", "content", "article", "story")
_HEADER_LINE = re.compile(r"^(title|published|date|source|url|id)\s*:\s*(.+?)\s*$", re.IGNORECASE)


class InputError(ValueError):
    """Bad input that the user must fix: the message says what is wrong."""


def is_url(target: str) -> bool:
    return target.lower().startswith(("http://", "https://"))


def decode_bytes(data: bytes, name: str) -> str:
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{name}: is not UTF-8 text") from None


def dated(items: Iterable[Article | InputError], published: str | None) -> Iterator[Article | InputError]:
    """The items, with `published` as the date of the articles that do not carry one."""
    for item in items:
        if isinstance(item, Article) and item.published is None and published:
            item.published = parse_published(published)
        yield item


# -- plain text ---------------------------------------------------------------------------------------------
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


def read_text(text: str, name: str, published: str | None = None) -> Article | InputError:
    """One plain-text article (`name` "-" is stdin)."""
    art_id = "stdin" if name == "-" else Path(name).stem
    header, body = split_header(text)
    try:
        when = parse_published(header.get("published") or published)
    except ValueError as exc:
        return InputError(f"{name}: {exc}")
    return Article(id=header.get("id") or art_id, text=body, published=when, title=header.get("title"),
                   url=header.get("url"), source=header.get("source") or (None if name == "-" else name))


# -- JSON -------------------------------------------------------------------------------------------------------
def jsonl_item(line: str, name: str, n: int) -> Article | InputError:
    """The article of line `n` of a JSON lines input, or the InputError that says why it is none."""
    try:
        return Article.from_dict(jsontext.loads(line), default_id=f"{Path(name).stem}:{n}")
    except ValueError as exc:  # broken JSON (JSONDecodeError), nested too deep (JsonTooDeep), not an article
        return InputError(f"{name} line {n}: {exc}")


def parse_jsonl(text: str, name: str) -> Iterator[Article | InputError]:
    """Articles from JSON lines; a bad line becomes an InputError in the stream, the others still come."""
    # JSON Lines are separated by "\n" only: str.splitlines() would also cut at U+0085/U+2028 inside a text
    for n, line in enumerate(text.split("\n"), 1):
        if line.strip():
            yield jsonl_item(line, name, n)


def read_jsonl_stream(stream: InputStream, name: str, published: str | None) -> Iterator[Article | InputError]:
    """JSON lines, read and decoded one line at a time: a line that is binary, not UTF-8 or longer than the
    stream's limit is reported, the others still come."""
    for n, raw in stream.lines():
        if raw is None:
            yield InputError(f"{name} line {n}: {stream.over_limit}")
            continue
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
        yield from dated([jsonl_item(line, name, n)], published)


def read_jsonl_bytes(data: bytes, name: str, published: str | None) -> Iterator[Article | InputError]:
    """JSON lines held in memory (a downloaded page), read like a stream."""
    yield from read_jsonl_stream(InputStream(data, max_bytes=max(1, len(data))), name, published)


def read_json_document(text: str, name: str, published: str | None) -> Iterator[Article | InputError]:
    """A .json file: one SCHEMA input object, or a list of them."""
    try:
        obj = jsontext.loads(text)
    except json.JSONDecodeError as exc:
        yield InputError(f"{name}: not valid JSON ({exc.msg} at line {exc.lineno})")
        return
    except jsontext.JsonTooDeep as exc:
        yield InputError(f"{name}: {exc}")
        return
    items = obj if isinstance(obj, list) else [obj]
    for n, item in enumerate(items, 1):
        try:
            art = Article.from_dict(item, default_id=Path(name).stem if len(items) == 1 else f"{Path(name).stem}:{n}")
        except ValueError as exc:
            yield InputError(f"{name} item {n}: {exc}")
            continue
        yield from dated([art], published)


def looks_like_jsonl(text: str) -> bool:
    first = next((ln for ln in text.split("\n") if ln.strip()), "")
    if not first.lstrip().startswith("{"):
        return False
    try:
        return isinstance(jsontext.loads(first), dict)
    except ValueError:
        return False


# -- CSV ----------------------------------------------------------------------------------------------------------
class _CsvLines:
    """The lines of a CSV stream as csv.reader reads them, one string a line, a row never longer than the stream's
    limit. A bad line (over the limit, or not UTF-8), or a row growing past the limit over many lines, drops
    the whole row it is in: the lines up to the row's end are read and dropped, the reader gets an empty line (or
    a quote that closes the field it is in), and `broken` says (line, why) for the row's owner to report.
    Whether a line ends inside a quoted field is told by the parity of its quote characters ("" is an escaped
    quote, an even count)."""

    def __init__(self, stream: InputStream):
        self.stream = stream
        self.line = 0  # lines read so far
        self.broken: tuple[int, str] | None = None
        self._in_quotes = False
        self._row_bytes = 0
        self._row_start = 1

    def __iter__(self) -> _CsvLines:
        return self

    def _next_raw(self) -> tuple[bytes | None, int]:
        """The next line (None when it is over the limit: its bytes are dropped) and its number of quote
        characters; StopIteration at the end of the input."""
        limit = self.stream.max_bytes
        raw = self.stream.readline(limit + 1)
        if not raw:
            raise StopIteration
        self.line += 1
        quotes = raw.count(b'"')
        if len(raw) <= limit or (len(raw) == limit + 1 and raw.endswith(b"\n")):
            return raw, quotes
        while not raw.endswith(b"\n"):
            raw = self.stream.readline(_SKIP_CHUNK)
            if not raw:
                break
            quotes += raw.count(b'"')
        return None, quotes

    def __next__(self) -> str:
        raw, quotes = self._next_raw()
        bad = self.line
        if raw is None:
            why = self.stream.over_limit
        elif self._row_bytes + len(raw) > self.stream.max_bytes:
            bad, why = self._row_start, f"a row {self.stream.over_limit}"
        else:
            try:
                text = raw.decode("utf-8-sig" if self.line == 1 else "utf-8")
            except UnicodeDecodeError:
                why = "not UTF-8 text"
            else:
                self._in_quotes ^= quotes % 2 == 1
                self._row_bytes = self._row_bytes + len(raw) if self._in_quotes else 0
                if not self._in_quotes:
                    self._row_start = self.line + 1
                return text
        if self.broken is None:
            self.broken = (bad, why)
        was_in_quotes, in_quotes = self._in_quotes, self._in_quotes ^ (quotes % 2 == 1)
        while in_quotes:  # drop the rest of the row
            try:
                _, quotes = self._next_raw()
            except StopIteration:
                break
            in_quotes ^= quotes % 2 == 1
        self._in_quotes, self._row_bytes, self._row_start = False, 0, self.line + 1
        return '"\n' if was_in_quotes else "\n"


def read_csv_stream(stream: InputStream, name: str, published: str | None = None) -> Iterator[Article | InputError]:
    """One article per row, read a row at a time; the text is in a `text` (or body/content/article/story)
    column. A bad row (a line over the limit or not UTF-8, a row over the limit, broken quoting) is reported,
    the others still come."""
    if b"\x00" in stream.head(8192):
        yield InputError(f"{name}: looks like a binary file, not text")
        return
    csv.field_size_limit(max(csv.field_size_limit(), stream.max_bytes))
    lines = _CsvLines(stream)
    reader = csv.reader(lines)
    header: list[str] | None = []
    try:
        while header == [] and lines.broken is None:
            header = next(reader, None)
    except csv.Error:
        header = None
    columns = {c.strip().lower(): i for i, c in enumerate(header or []) if c}
    text_col = next((columns[c] for c in CSV_TEXT_COLUMNS if c in columns), None)
    if text_col is None or lines.broken is not None:
        why = f" (its header row: {lines.broken[1]})" if lines.broken else ""
        yield InputError(f"{name}: a CSV of articles needs a header row with a 'text' column{why}")
        return
    get = {k: columns.get(k) for k in ("id", "title", "url", "source", "published", "date")}
    stem = Path(name).stem

    def cell(row: list[str], key: str) -> str | None:
        col = get.get(key)
        value = row[col] if col is not None and col < len(row) else None
        return value.strip() if isinstance(value, str) and value.strip() else None

    n = 1  # rows, the header first (the default ids count them)
    while True:
        start = lines.line + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            lines.broken = None
            yield InputError(f"{name} line {start}: broken CSV row: {exc}")
            continue
        if lines.broken is not None:
            (bad, why), lines.broken = lines.broken, None
            yield InputError(f"{name} line {start}: {why}" if bad == start else
                             f"{name} line {start}: the row's line {bad} is {why}")
            continue
        if not row:
            continue  # a blank line
        n += 1
        try:
            yield Article(id=cell(row, "id") or f"{stem}:{n}", text=row[text_col] if text_col < len(row) else "",
                          published=parse_published(cell(row, "published") or cell(row, "date") or published),
                          title=cell(row, "title"), url=cell(row, "url"), source=cell(row, "source") or name)
        except ValueError as exc:
            yield InputError(f"{name} row {n}: {exc}")


def read_csv(text: str, name: str, published: str | None = None) -> Iterator[Article | InputError]:
    """A CSV of articles held in memory, read like a stream."""
    data = text.encode("utf-8", "surrogatepass")
    yield from read_csv_stream(InputStream(data, max_bytes=max(1, len(data))), name, published)


# -- HTML and feeds -----------------------------------------------------------------------------------------------
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
    site = getattr(doc, "sitename", None) or (urlsplit(url).hostname if url else None)
    return Article(id=url or Path(name).stem, text=text, published=when,
                   title=getattr(doc, "title", None) or title, url=url, source=site or source or name)


def looks_like_feed(data: bytes) -> bool:
    head = data[:4096].lstrip().lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def looks_like_html(data: bytes) -> bool:
    head = data[:4096].lstrip().lower()
    return head.startswith(b"<!doctype html") or b"<html" in head


def _entry_date(entry) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        t = entry.get(key)
        if t:
            return f"{t.tm_year:04d}-{t.tm_mon:02d}-{t.tm_mday:02d}"
    return None


@dataclass
class FeedEntry:
    """One entry of an RSS/Atom feed, before its page is read."""

    number: int  # its place in the feed, from 1
    link: str | None
    title: str | None
    published: str | None  # YYYY-MM-DD
    content: str | None  # the entry's own HTML: the full text or a summary
    fetch_url: str | None = None  # the link as the feed gave it, credentials included (`link` has none)

    def label(self, name: str) -> str:
        return f"{name} entry {self.number}" + (f" ({self.link})" if self.link else "")


def parse_feed(data: bytes, name: str, published: str | None = None) -> tuple[str, list[FeedEntry]]:
    """The title and entries of an RSS/Atom feed (feedparser); InputError when it is not a readable feed."""
    import feedparser

    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        raise InputError(f"{name}: not a readable RSS/Atom feed ({feed.get('bozo_exception', 'parse error')})")
    if not feed.get("version") and not feed.get("entries"):  # well-formed, but not a feed (an error page, say)
        raise InputError(f"{name}: not a readable RSS/Atom feed (no <rss>, <feed> or <rdf:RDF> in it)")
    entries = []
    for n, entry in enumerate(feed.entries, 1):
        content = entry.get("content") or []
        given_link = entry.get("link")  # credentials in it log in to its site, and are never kept
        entries.append(FeedEntry(number=n, link=without_credentials(given_link) if given_link else given_link,
                                 title=entry.get("title"), published=_entry_date(entry) or published,
                                 content=(content[0].get("value") if content else None) or entry.get("summary"),
                                 fetch_url=given_link))
    return feed.feed.get("title") or name, entries


def read_entry(entry: FeedEntry, name: str, feed_title: str, fetcher=None) -> Article | InputError:
    """One feed entry's article: its page, fetched and read like any HTML page. Without a fetcher (or a link),
    the entry's own content stands in when the feed carries the full text."""
    label = entry.label(name)
    if entry.link and is_url(entry.link) and fetcher is not None:
        from eventwire.sources.fetch import FetchError

        try:
            page = fetcher.fetch(entry.fetch_url or entry.link)
        except FetchError as exc:
            return InputError(f"{label}: {exc}")
        return read_html(page.data, label, url=entry.link, published=entry.published, title=entry.title,
                         source=feed_title)
    if not entry.content:
        return InputError(f"{label}: the entry has neither a fetchable link nor any content")
    art = read_html(f"<html><body><article>{entry.content}</article></body></html>", label, url=entry.link,
                    published=entry.published, title=entry.title, source=feed_title)
    if isinstance(art, Article) and not entry.link:
        art.id = f"{Path(name).stem}:{entry.number}"
    return art


def read_feed(data: bytes, name: str, fetcher=None, published: str | None = None,
              ) -> Iterator[Article | InputError]:
    """An RSS/Atom feed: each entry's article (read_entry), in feed order."""
    try:
        feed_title, entries = parse_feed(data, name, published)
    except InputError as exc:
        yield exc
        return
    for entry in entries:
        yield read_entry(entry, name, feed_title, fetcher=fetcher)
