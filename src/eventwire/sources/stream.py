"""Inputs read in bounded pieces: no input is ever read whole into memory.

A file, stdin or a downloaded page is an `InputStream`: its start can be looked at without consuming it (to tell
JSON lines from plain text, or a feed from a page), and it is read line by line (JSON lines, CSV) or as one
document of at most `max_bytes` (a text, a page, a feed). A line or a document over the limit is skipped as a
whole and reported; reading goes on after it. `eventwire extract /dev/zero` reads max_bytes + 1 bytes, not
the device.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import BinaryIO

DEFAULT_MAX_ARTICLE_BYTES = 10 * 1024 * 1024  # an article of news text is rarely over 100 KB
SKIP_CHUNK = 1024 * 1024  # the rest of an over-long line is read and dropped this much at a time


def size_text(n: int) -> str:
    """A byte count for messages: 10 MiB, 512 KiB, 300 bytes."""
    for unit, size in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= size:
            value = n / size
            return f"{value:.0f} {unit}" if value == int(value) else f"{value:.1f} {unit}"
    return f"{n} bytes"


class InputStream:
    """A binary input read in bounded pieces, with a look at its start that does not consume it."""

    def __init__(self, raw: BinaryIO | bytes, max_bytes: int = DEFAULT_MAX_ARTICLE_BYTES):
        self._raw = io.BytesIO(raw) if isinstance(raw, bytes | bytearray) else raw
        self.max_bytes = max_bytes
        self._ahead = b""  # read from raw for a look, not yet consumed

    def head(self, n: int) -> bytes:
        """The first `n` bytes not yet consumed (fewer at the end of the input), left to be read."""
        while len(self._ahead) < n:
            chunk = self._raw.read(n - len(self._ahead))
            if not chunk:
                break
            self._ahead += chunk
        return self._ahead[:n]

    def read(self, n: int) -> bytes:
        """Up to `n` bytes."""
        taken, self._ahead = self._ahead[:n], self._ahead[n:]
        if len(taken) < n:
            taken += self._raw.read(n - len(taken)) or b""
        return taken

    def readline(self, limit: int) -> bytes:
        """One line with its b"\\n", cut after `limit` bytes when it is longer; b"" at the end of the input."""
        if self._ahead:
            end = self._ahead.find(b"\n", 0, limit)
            if end >= 0 or len(self._ahead) >= limit:
                cut = end + 1 if end >= 0 else limit
                line, self._ahead = self._ahead[:cut], self._ahead[cut:]
                return line
            line, self._ahead = self._ahead, b""
            return line + self._raw.readline(limit - len(line))
        return self._raw.readline(limit)

    def document(self) -> bytes | None:
        """The whole (rest of the) input, or None when it is longer than max_bytes (then only max_bytes + 1 bytes
        of it have been read)."""
        data = self.read(self.max_bytes + 1)
        return None if len(data) > self.max_bytes else data

    def lines(self) -> Iterator[tuple[int, bytes | None]]:
        """(line number, line) for each line, its b"\\n" included; None for a line longer than max_bytes, whose
        bytes are read and dropped a chunk at a time."""
        n = 0
        while True:
            line = self.readline(self.max_bytes + 1)
            if not line:
                return
            n += 1
            if len(line) <= self.max_bytes or (len(line) == self.max_bytes + 1 and line.endswith(b"\n")):
                yield n, line
                continue
            while not line.endswith(b"\n"):
                line = self.readline(SKIP_CHUNK)
                if not line:
                    break
            yield n, None

    @property
    def over_limit(self) -> str:
        """What is wrong with a line or document over the limit, for messages."""
        return f"longer than {size_text(self.max_bytes)} (--max-article-bytes)"
