"""A small time-limited cache of results that were slow to compute."""

from __future__ import annotations

import threading
import time
from typing import Any


class SlowResultCache:
    """Keeps results that took long to compute (the stats of a whole large table) for `ttl` seconds, so that a
    dashboard opened by several analysts does not recompute them each time. Writes through this API clear it;
    changes made by another process show within `ttl`."""

    def __init__(self, ttl: float = 60.0, slow: float = 0.2, size: int = 64):
        self.ttl, self.slow, self.size = ttl, slow, size
        self._items: dict[Any, tuple[float, Any]] = {}
        self._lock = threading.Lock()

    def get(self, key: Any, compute):
        now = time.monotonic()
        with self._lock:
            hit = self._items.get(key)
            if hit and now - hit[0] < self.ttl:
                return hit[1]
        value = compute()
        done = time.monotonic()
        if done - now >= self.slow:
            with self._lock:
                if len(self._items) >= self.size:
                    self._items.pop(min(self._items, key=lambda k: self._items[k][0]))
                self._items[key] = (done, value)
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
