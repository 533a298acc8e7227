"""The server's caches and what keeps them fresh: the store's change mark (ChangeWatch), the answers of GET
requests (ResponseCache, used by middleware.ResponseCaching) and slow results (SlowResultCache, the stats).

Every cache here is per process: `eventwire serve --workers N` runs N of each, filled separately. None of them
can serve a stale answer after the database changed, whichever process changed it: each entry is tagged with
the store's change mark when it was computed, and the mark is read again for every request.
  - SQLite: `PRAGMA data_version` on a connection kept for it, which changes whenever any other connection
    (another worker, this worker's own pool, `eventwire ingest` running beside the server) commits. Reading it
    takes microseconds and no lock.
  - PostgreSQL: pg_current_wal_lsn(), which moves with every write to the server (any database: more misses,
    never a stale answer). Where it cannot be read (a standby, a denied function), the mark changes every
    FALLBACK_TTL_S seconds: answers are then at most that old.
Writes through the API also bump the mark of the worker that made them (`bump`), so an answer never outlives a
write even where the database cannot tell (an in-memory SQLite shares one connection).
"""

from __future__ import annotations

import gzip
import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

FALLBACK_TTL_S = 5.0
GZIP_MIN_BYTES = 1024  # smaller answers are sent as they are: compressing them saves nothing worth the time
# level 1: a page of 1,000 events (0.9 MB) in 3.3 ms of CPU instead of 5.8 (level 5), 100 KB instead of 80 KB:
# an uncached answer's compression is CPU the server spends per request, a few KB more are nothing on a LAN
GZIP_LEVEL = 1


class ChangeWatch:
    """The store's change mark: a value that differs whenever the database's content may have changed."""

    def __init__(self, store: Any):  # storage.store.Store
        self._lock = threading.Lock()
        self._local = 0
        self._conn: Any = None
        self._kind = "ttl"
        try:
            dialect = store.engine.dialect.name
            if dialect == "sqlite":
                self._conn = store.engine.raw_connection()  # held for good: its data_version sees every other one
                self._read_sqlite()
                self._kind = "sqlite"
            elif dialect == "postgresql":
                self._conn = store.engine.raw_connection()
                # on the driver's connection (the pool's proxy would only take a new attribute): else the mark's
                # first read opened a transaction that stayed open for the server's life, holding back VACUUM
                self._conn.driver_connection.autocommit = True
                self._read_postgres()
                self._kind = "postgresql"
        except Exception:  # noqa: BLE001 - any database that cannot tell: answers are bounded by the TTL instead
            self._close_conn()
            self._kind = "ttl"

    @property
    def kind(self) -> str:
        """How changes are seen: 'sqlite', 'postgresql' (exactly) or 'ttl' (within FALLBACK_TTL_S)."""
        return self._kind

    def mark(self) -> tuple[int, Any]:
        with self._lock:
            if self._kind == "sqlite":
                return self._local, self._read_sqlite()
            if self._kind == "postgresql":
                try:
                    return self._local, self._read_postgres()
                except Exception:  # noqa: BLE001 - the connection broke: the TTL bound from now on
                    self._close_conn()
                    self._kind = "ttl"
            return self._local, int(time.monotonic() // FALLBACK_TTL_S)

    def bump(self) -> None:
        """This process wrote (or may have written): whatever was cached before is not served again."""
        with self._lock:
            self._local += 1

    def close(self) -> None:
        with self._lock:
            self._close_conn()
            self._kind = "ttl"

    def _read_sqlite(self) -> int:
        cur = self._conn.cursor()
        try:
            return cur.execute("PRAGMA data_version").fetchone()[0]
        finally:
            cur.close()

    def _read_postgres(self) -> str:
        cur = self._conn.cursor()
        try:
            cur.execute("SELECT pg_current_wal_lsn()::text")
            return cur.fetchone()[0]
        finally:
            cur.close()

    def _close_conn(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                conn.close()
            except Exception:  # noqa: BLE001, S110 - closing a broken connection
                pass


@dataclass
class CachedResponse:
    mark: Any
    status: int
    headers: list[tuple[bytes, bytes]]  # without content-length and content-encoding
    body: bytes
    etag: bytes
    gzipped: bytes | None = None

    @property
    def size(self) -> int:
        return len(self.body) + len(self.gzipped or b"")

    def gzip_body(self) -> bytes | None:
        """The body gzipped (once, on first request of it), or None when it is too small to be worth it."""
        if self.gzipped is None and len(self.body) >= GZIP_MIN_BYTES:
            self.gzipped = gzip.compress(self.body, compresslevel=GZIP_LEVEL, mtime=0)
        return self.gzipped


def etag_of(body: bytes) -> bytes:
    """A strong ETag from the content, so that every worker gives the same one for the same answer."""
    return b'"' + hashlib.blake2b(body, digest_size=12).hexdigest().encode() + b'"'


class ResponseCache:
    """Whole answers (status, headers, body) of GET requests by (path, query, credentials), least recently used
    first out beyond `max_bytes`. An entry counts only while the store's mark is the one it was made at."""

    def __init__(self, watch: ChangeWatch, max_bytes: int = 32 * 1024 * 1024, max_entry_bytes: int = 4 * 1024 * 1024):
        self.watch, self.max_bytes, self.max_entry_bytes = watch, max_bytes, max_entry_bytes
        self._items: OrderedDict[Any, CachedResponse] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: Any, mark: Any) -> CachedResponse | None:
        with self._lock:
            hit = self._items.get(key)
            if hit is None:
                return None
            if hit.mark != mark:
                self._drop(key)
                return None
            self._items.move_to_end(key)
            return hit

    def put(self, key: Any, entry: CachedResponse) -> None:
        if entry.size > self.max_entry_bytes or self.max_bytes <= 0:
            return
        with self._lock:
            if key in self._items:
                self._drop(key)
            self._items[key] = entry
            self._bytes += entry.size
            while self._bytes > self.max_bytes and self._items:
                self._drop(next(iter(self._items)))

    def gzipped(self, key: Any, entry: CachedResponse) -> bytes | None:
        """The entry's body gzipped, made on the first request that accepts it (and counted in the size)."""
        had = entry.gzipped is not None
        body = entry.gzip_body()
        if body is not None and not had:
            with self._lock:
                if self._items.get(key) is entry:
                    self._bytes += len(body)
        return body

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._bytes = 0

    def _drop(self, key: Any) -> None:
        self._bytes -= self._items.pop(key).size


class SlowResultCache:
    """Keeps results that took long to compute (the stats of a whole large table) for `ttl` seconds, so that a
    dashboard opened by several analysts does not recompute them each time. With `mark` (ChangeWatch.mark) a
    result is kept only while the store's change mark is the one it was computed at: a write by any process
    shows at once; without it, writes through this API clear it and other processes' show within `ttl`."""

    def __init__(self, ttl: float = 60.0, slow: float = 0.2, size: int = 64, mark: Callable[[], Any] | None = None):
        self.ttl, self.slow, self.size, self.mark = ttl, slow, size, mark
        self._items: dict[Any, tuple[float, Any, Any]] = {}
        self._lock = threading.Lock()

    def get(self, key: Any, compute):
        now = time.monotonic()
        mark = self.mark() if self.mark else None  # read before computing: a later write is never hidden
        with self._lock:
            hit = self._items.get(key)
            if hit and now - hit[0] < self.ttl and hit[2] == mark:
                return hit[1]
        value = compute()
        done = time.monotonic()
        if done - now >= self.slow:
            with self._lock:
                if len(self._items) >= self.size:
                    self._items.pop(min(self._items, key=lambda k: self._items[k][0]))
                self._items[key] = (done, value, mark)
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
