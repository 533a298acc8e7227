"""POST /api/extract's limits and its bounded queue: extraction runs on worker threads, off the event loop.

One extraction of a long text holds a worker for seconds and spaCy is not run from two threads at once (see
deps.Extractor), so unbounded callers would wait on each other without end while the server's memory grows.
The queue takes at most `queue` requests at once (running or waiting); beyond that the caller is answered 429
at once, with a Retry-After estimated from how long recent extractions took."""

from __future__ import annotations

import asyncio
import math
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from fastapi import HTTPException

MAX_EXTRACT_CHARS = 50_000  # ~4 s of extraction; a long news article is under 30,000 characters
EXTRACT_QUEUE = 4


@dataclass(frozen=True)
class ExtractSettings:
    """What the operator sets for POST /api/extract (`eventwire serve --extract-...`)."""

    max_chars: int = MAX_EXTRACT_CHARS
    queue: int = EXTRACT_QUEUE
    requires_token: bool = False

    def __post_init__(self) -> None:
        if self.max_chars < 1 or self.queue < 1:
            raise ValueError("the extraction limits must be at least 1")

    @classmethod
    def from_env(cls, **given: Any) -> ExtractSettings:
        """The settings given, the others from $EVENTWIRE_EXTRACT_REQUIRES_TOKEN (1/true/yes), else defaults."""
        if given.get("requires_token") is None:
            flag = os.environ.get("EVENTWIRE_EXTRACT_REQUIRES_TOKEN", "").strip().lower()
            given["requires_token"] = flag in ("1", "true", "yes", "on")
        return cls(**{k: v for k, v in given.items() if v is not None})


class JobQueue:
    """At most `size` jobs in flight (running or waiting) on `workers` threads; `run` refuses the next one with
    429 instead of letting it wait. The worker threads start on first use."""

    def __init__(self, size: int, workers: int = 1):
        self.size, self.workers = size, workers
        self._in_flight = 0
        self._seconds = 2.0  # a running average of one job's duration, for Retry-After
        self._lock = threading.Lock()
        self._pool: ThreadPoolExecutor | None = None

    async def run(self, job: Callable[..., Any], *args: Any) -> Any:
        with self._lock:
            if self._in_flight >= self.size:
                wait = max(1, math.ceil(self._seconds * self._in_flight / self.workers))
                raise HTTPException(429, f"the server is busy extracting ({self._in_flight} requests in hand): "
                                         f"try again in {wait} s", headers={"Retry-After": str(wait)})
            self._in_flight += 1
            if self._pool is None:
                self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix="eventwire-extract")
            future = self._pool.submit(self._timed, job, *args)
        # the slot is freed when the job ends, not when its caller goes away: a caller that disconnects does not
        # let more jobs pile up behind one still running (a job not started yet is cancelled with its caller)
        future.add_done_callback(self._release)
        return await asyncio.wrap_future(future)

    def _release(self, _future: Any) -> None:
        with self._lock:
            self._in_flight -= 1

    def _timed(self, job: Callable[..., Any], *args: Any) -> Any:
        start = time.monotonic()
        try:
            return job(*args)
        finally:
            with self._lock:
                self._seconds = 0.8 * self._seconds + 0.2 * (time.monotonic() - start)

    def close(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
