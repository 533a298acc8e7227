"""Python's cyclic garbage collector paused around bulk work (a batch of articles, a dedup run)."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """No cyclic garbage collection in the block, then back to how it was. The extraction stages and the dedup make
    and drop hundreds of thousands of small objects, and each of the collector's passes walks every live object
    again (~10% of the stages after the parse, 15-20% of a dedup run); reference counting frees almost all of it
    meanwhile, and the few cycles (a Doc and the spans its user_data keeps) wait for the first pass after the block.
    Left off when the caller had it off; a thread's block may end another's pause early, which only costs speed."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
