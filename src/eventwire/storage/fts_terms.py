"""SQLite's evidence search with each word's prefix spelled out as the index's own terms.

FTS5 answers a prefix ("killing"*) by reading every document list of the terms it begins and merging them in
memory before the first row comes out: at 1M sources "killing"* costs ~9 ms even under LIMIT. The same query
with the prefix written as its terms, ("killing" OR "killings"), is read lazily from the newest row and stops
at the LIMIT (~0.5 ms; two words 12 -> 3 ms): same rows, in the same order. The terms come from an fts5vocab
table over the index (one per connection, in its temp schema), kept per word while the index's structure
record (which every write to the index changes) stays the same, so a term written since is never missed.
Listing a common word's terms costs ~60% of the merge it saves (fts5vocab counts their documents), so a word whose
terms went stale with a write is looked up again at most once every REFRESH_S; in between it stays a prefix
(what it cost before): a store written to between every two searches pays at most that.
"""

from __future__ import annotations

import re
import threading
import time
from typing import Any

# a prefix spelled out as more terms than this stays a prefix (an OR of many lazy lists costs more than the merge)
MAX_TERMS = 8
# shorter words stay prefixes: they begin many terms, and listing them costs what the merge does
MIN_WORD = 3
CACHE_WORDS = 512
REFRESH_S = 30.0
FTS_TABLE = "event_sources_fts"
VOCAB = f"temp.{FTS_TABLE}_vocab"
STRUCTURE_ROWID = 10  # FTS5's structure record in the %_data table (FTS5_STRUCTURE_ROWID)


def _upper_bound(word: str) -> str:
    """The least string above every string that begins with `word` (an ASCII word)."""
    return word[:-1] + chr(ord(word[-1]) + 1)


def expandable(word: str) -> bool:
    """Words whose folded form is known without the tokenizer: ASCII letters and digits (unicode61 lowers them
    and keeps them whole); any other word stays a prefix."""
    return len(word) >= MIN_WORD and word.isascii() and word.isalnum()


class TermCache:
    """Each word's terms in the evidence index, valid while the index's structure record is unchanged."""

    def __init__(self) -> None:
        self._terms: dict[str, tuple[bytes, tuple[str, ...] | None, float]] = {}  # word: (structure, terms, when)
        self._lock = threading.Lock()

    def match_query(self, dbapi_conn: Any, text: str) -> str | None:
        """The FTS5 MATCH query of `text` (every word, each as a prefix: storage.queries.fts_query's meaning)
        with the prefixes of MAX_TERMS terms or fewer written as their terms; None when there is no word."""
        words = re.findall(r"\w+", text)
        if not words:
            return None
        structure = None
        parts = []
        for word in words:
            terms = None
            if expandable(word):
                if structure is None:
                    structure = _structure(dbapi_conn)
                terms = self._lookup(dbapi_conn, word.lower(), structure)
            if terms:
                parts.append("(" + " OR ".join('"' + t.replace('"', '""') + '"' for t in terms) + ")")
            else:  # no term begins it (the prefix then matches nothing, at no cost), or too many: the prefix
                parts.append(f'"{word}"*')
        return " AND ".join(parts)

    def _lookup(self, dbapi_conn: Any, word: str, structure: bytes) -> tuple[str, ...] | None:
        hit = self._terms.get(word)
        now = time.monotonic()
        if hit is not None and hit[0] == structure:
            return hit[1]
        if hit is not None and now - hit[2] < REFRESH_S:
            return None  # stale, looked up a moment ago: the prefix as it is
        cur = dbapi_conn.cursor()
        try:
            cur.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {VOCAB} USING fts5vocab(main, {FTS_TABLE}, row)")
            rows = cur.execute(f"SELECT term FROM {VOCAB} WHERE term >= ? AND term < ? LIMIT ?",
                               (word, _upper_bound(word), MAX_TERMS + 1)).fetchall()
        finally:
            cur.close()
        terms = tuple(r[0] for r in rows) if len(rows) <= MAX_TERMS else None
        with self._lock:
            if len(self._terms) >= CACHE_WORDS:
                self._terms.clear()
            self._terms[word] = (structure, terms, now)
        return terms


def _structure(dbapi_conn: Any) -> bytes:
    cur = dbapi_conn.cursor()
    try:
        row = cur.execute(f"SELECT block FROM {FTS_TABLE}_data WHERE id = ?", (STRUCTURE_ROWID,)).fetchone()
    finally:
        cur.close()
    return bytes(row[0]) if row and row[0] is not None else b""
