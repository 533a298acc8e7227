"""Stage 0: reading articles from files, folders, URLs and stdin. Which parser reads an input is decided here:
by its content type (URLs), its suffix (files), or a look at its first bytes; the parsers are in formats.py.
Everything yields Article or InputError in input order, never raises for bad input. Inputs are streams
(stream.py): read a line or an article at a time, each at most `max_bytes`, never whole."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from eventwire.records import Article
from eventwire.sources.credentials import without_credentials
from eventwire.sources.formats import (
    InputError,
    decode_bytes,
    is_url,
    looks_like_feed,
    looks_like_html,
    looks_like_jsonl,
    read_csv_stream,
    read_feed,
    read_html,
    read_json_document,
    read_jsonl_stream,
    read_text,
)
from eventwire.sources.stream import DEFAULT_MAX_ARTICLE_BYTES, InputStream

__all__ = ["DEFAULT_MAX_ARTICLE_BYTES", "InputError", "InputStream", "SourceUnit", "expand_targets", "is_feed",
           "is_url", "iter_articles", "read_any", "read_paths", "read_source", "read_unit"]

TEXT_SUFFIXES = {".txt", ".text"}  # not .md: a folder's README is not an article
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
CSV_SUFFIXES = {".csv"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES
FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml"}
XML_TYPES = {"application/xml", "text/xml"}
HTML_TYPES = {"text/html", "application/xhtml+xml"}
JSONL_TYPES = {"application/x-ndjson", "application/jsonl", "application/json", "application/json-seq"}


def read_source(name: str, data: bytes | InputStream, published: str | None = None,
                max_bytes: int = DEFAULT_MAX_ARTICLE_BYTES) -> Iterator[Article | InputError]:
    """Articles from one input: a .jsonl file (or JSON lines on stdin) is many, read a line at a time, a .json
    file one or a list, anything else one plain-text article; a line or document over `max_bytes` is skipped
    and reported."""
    stream = data if isinstance(data, InputStream) else InputStream(data, max_bytes)
    if name.endswith(".jsonl") or (name == "-" and _starts_like_jsonl(stream)):
        yield from read_jsonl_stream(stream, name, published)
        return
    if b"\x00" in stream.head(8192):
        yield InputError(f"{name}: looks like a binary file, not text")
        return
    data = stream.document()
    if data is None:
        yield InputError(f"{name}: {stream.over_limit}")
        return
    try:
        text = decode_bytes(data, name)
    except InputError as exc:
        yield exc
        return
    if name.endswith(".json"):
        yield from read_json_document(text, name, published)
    else:
        yield read_text(text, name, published)


_SNIFF_BYTES = 65536


def _starts_like_jsonl(stream: InputStream) -> bool:
    """Whether stdin holds JSON lines: its first line that is not blank starts with "{", and that line or another
    whole line of the look ahead is a JSON object (a broken first line does not turn a batch into one text).
    A first line longer than the look ahead that starts with "{" is taken for one (the line reader reports it
    if it is not)."""
    head = stream.head(_SNIFF_BYTES)
    lines = head.split(b"\n")
    i = next((i for i, line in enumerate(lines) if line.strip()), None)
    if i is None or not lines[i].lstrip().startswith(b"{"):
        return False
    if i == len(lines) - 1 and len(head) == _SNIFF_BYTES:  # the line goes on past the look ahead
        return True
    whole = lines[i:] if len(head) < _SNIFF_BYTES else lines[i:-1]
    return any(looks_like_jsonl(line.decode("utf-8", "replace")) for line in whole if line.lstrip().startswith(b"{"))


def read_paths(paths: Iterable[str], published: str | None,
               max_bytes: int = DEFAULT_MAX_ARTICLE_BYTES) -> Iterator[Article | InputError]:
    """Articles from files and stdin ("-", also when no path is given), in order, each input read as a stream;
    unreadable files become InputErrors in the stream. (`extract` and `geoparse` read these; `ingest` reads
    more, see iter_articles.)"""
    for p in list(paths) or ["-"]:
        if p == "-":
            yield from read_source(p, InputStream(sys.stdin.buffer, max_bytes), published=published)
            continue
        try:
            fh = open(p, "rb")  # noqa: SIM115 - closed below, after the generator has read it
        except OSError as exc:
            yield InputError(f"{p}: {exc.strerror or exc}")
            continue
        with fh:
            try:
                yield from read_source(p, InputStream(fh, max_bytes), published=published)
            except OSError as exc:  # a folder, or a read error half way
                yield InputError(f"{p}: {exc.strerror or exc}")


# -- what `eventwire ingest` reads: CSV, HTML, RSS/Atom feeds (then each entry's page), folders and URLs too ---
@dataclass
class SourceUnit:
    """One thing to read: a file, a URL or stdin, with a cheap guess of how many articles it holds."""

    name: str  # what it is called in articles, messages and logs: a URL without its credentials
    kind: str  # "file", "url" or "stdin"
    estimate: int = 1
    fetch_url: str | None = field(default=None, repr=False)  # a URL to fetch as given, credentials and all

    @classmethod
    def for_url(cls, url: str) -> SourceUnit:
        return cls(without_credentials(url), "url", 1, fetch_url=url)


def expand_targets(targets: Iterable[str]) -> Iterator[SourceUnit | InputError]:
    """Files, folders (recursively, known article types only, hidden entries skipped), URLs and '-'."""
    for t in targets:
        if t == "-":
            yield SourceUnit(t, "stdin", 1)
        elif is_url(t):
            yield SourceUnit.for_url(t)
        elif os.path.isdir(t):
            found = False
            for root, dirs, files in os.walk(t):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    if f.startswith(".") or Path(f).suffix.lower() not in KNOWN_SUFFIXES:
                        continue
                    found = True
                    p = os.path.join(root, f)
                    yield SourceUnit(p, "file", _estimate(p))
            if not found:
                yield InputError(f"{t}: no article files (.txt .jsonl .csv .html .rss .atom .xml) in this folder")
        elif os.path.exists(t):
            yield SourceUnit(t, "file", _estimate(t))
        else:
            yield InputError(f"{without_credentials(t)}: no such file, folder or URL")


def _estimate(path: str) -> int:
    """How many articles a file probably holds: its lines for JSON lines and CSV (counted a chunk at a time, and
    only in regular files: /dev/zero never ends)."""
    suffix = Path(path).suffix.lower()
    if suffix not in JSONL_SUFFIXES | CSV_SUFFIXES or not os.path.isfile(path):
        return 1
    try:
        with open(path, "rb") as fh:
            lines = sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
    except OSError:
        return 1
    return max(1, lines - (1 if suffix in CSV_SUFFIXES else 0))


def _suffix(name: str) -> str:
    return Path(urlsplit(name).path if is_url(name) else name).suffix.lower()


def is_feed(name: str, data: bytes, content_type: str | None = None) -> bool:
    """An RSS/Atom feed, by its content type (URLs), its suffix, or a look at its first bytes."""
    suffix, ctype = _suffix(name), (content_type or "").lower()
    return ctype in FEED_TYPES or suffix in {".rss", ".atom"} or \
        ((ctype in XML_TYPES or suffix == ".xml" or not suffix) and looks_like_feed(data))


def read_any(name: str, data: bytes | InputStream, published: str | None = None, fetcher=None,
             content_type: str | None = None, url: str | None = None,
             max_bytes: int = DEFAULT_MAX_ARTICLE_BYTES) -> Iterator[Article | InputError]:
    """Dispatch one input by its content type (URLs), its suffix (files), or a look at its first bytes. JSON
    lines and CSV are read a line at a time; a page, a feed or a text is one document of at most `max_bytes`."""
    stream = data if isinstance(data, InputStream) else InputStream(data, max_bytes)
    suffix = _suffix(name)
    ctype = (content_type or "").lower()
    head = stream.head(4096)
    if is_feed(name, head, content_type):
        document = stream.document()
        if document is None:
            yield InputError(f"{name}: {stream.over_limit}")
        else:
            yield from read_feed(document, name, fetcher=fetcher, published=published)
    elif ctype in HTML_TYPES or suffix in HTML_SUFFIXES or (ctype == "" and looks_like_html(head)):
        document = stream.document()
        yield InputError(f"{name}: {stream.over_limit}") if document is None else \
            read_html(document, name, url=url, published=published)
    elif suffix in CSV_SUFFIXES or ctype == "text/csv":
        yield from read_csv_stream(stream, name, published=published)
    elif (ctype in JSONL_TYPES or suffix == ".ndjson") and not name.endswith(".jsonl"):
        yield from read_jsonl_stream(stream, name, published)
    else:
        for item in read_source(name, stream, published=published):
            if isinstance(item, Article) and url and not item.url:
                item.url = url
            yield item


def read_unit(unit: SourceUnit, fetcher=None, published: str | None = None,
              max_bytes: int = DEFAULT_MAX_ARTICLE_BYTES) -> Iterator[Article | InputError]:
    """The articles of one input. Its fetches (a URL, or the entries of a feed) share one time budget:
    the fetcher's feed deadline (Fetcher.for_source)."""
    if fetcher is not None:
        fetcher = fetcher.for_source(unit.name)
    if unit.kind == "stdin":
        yield from read_source("-", InputStream(sys.stdin.buffer, max_bytes), published=published)
        return
    if unit.kind == "url":
        if fetcher is None:
            yield InputError(f"{unit.name}: URLs need a fetcher")
            return
        from eventwire.sources.fetch import FetchError

        try:
            page = fetcher.fetch(unit.fetch_url or unit.name)
        except FetchError as exc:
            yield InputError(str(exc))
            return
        yield from read_any(unit.name, InputStream(page.data, max_bytes), published=published, fetcher=fetcher,
                            content_type=page.content_type, url=page.final_url)
        return
    try:
        fh = open(unit.name, "rb")  # noqa: SIM115 - closed below, after the generator has read it
    except OSError as exc:
        yield InputError(f"{unit.name}: {exc.strerror or exc}")
        return
    with fh:
        try:
            yield from read_any(unit.name, InputStream(fh, max_bytes), published=published, fetcher=fetcher)
        except OSError as exc:  # a read error half way
            yield InputError(f"{unit.name}: {exc.strerror or exc}")


def iter_articles(targets: Iterable[str], fetcher=None, published: str | None = None,
                  max_bytes: int = DEFAULT_MAX_ARTICLE_BYTES) -> Iterator[Article | InputError]:
    """Every article from files, folders, URLs and stdin, in order; bad inputs become InputErrors."""
    for unit in expand_targets(targets):
        if isinstance(unit, InputError):
            yield unit
        else:
            yield from read_unit(unit, fetcher=fetcher, published=published, max_bytes=max_bytes)
