"""Stage 0: reading articles. Plain text, JSONL (SCHEMA input) and stdin, with the checks that turn bad
input into a clear message instead of a traceback: empty, binary, or not English."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
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
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            yield Article.from_dict(obj, default_id=f"{Path(name).stem}:{n}")
        except (json.JSONDecodeError, ValueError) as exc:
            yield InputError(f"{name} line {n}: {exc}")


def looks_like_jsonl(text: str) -> bool:
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    if not first.lstrip().startswith("{"):
        return False
    try:
        return isinstance(json.loads(first), dict)
    except json.JSONDecodeError:
        return False


def read_source(name: str, data: bytes, published: str | None = None) -> Iterator[Article | InputError]:
    """Articles from one input: a .jsonl file (or JSON lines on stdin) is many, anything else is one."""
    try:
        text = decode_bytes(data, name)
    except InputError as exc:
        yield exc
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
