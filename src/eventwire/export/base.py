"""What every export format shares: the event as `Item`, and the registry of writers.

A format is one module of this package that defines `write(items, fh) -> int` (how many it wrote) and
registers it: `@register("name")`, or `@register("name", binary=True)` for a binary file.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import IO, Any

from eventwire.records import Event

Writer = Callable[[Any, IO], int]
WRITERS: dict[str, Writer] = {}  # format name -> writer, filled as the format modules are imported
BINARY_FORMATS: set[str] = set()


def register(name: str, binary: bool = False) -> Callable[[Writer], Writer]:
    """Make `name` an export format written by the decorated function."""
    def add(writer: Writer) -> Writer:
        WRITERS[name] = writer
        if binary:
            BINARY_FORMATS.add(name)
        return writer
    return add


class Item:
    """What every format needs of an event: its record plus the store's id, uid, sources when known."""

    __slots__ = ("record", "id", "uid", "source_count", "sources", "updated_at")

    def __init__(self, obj: Any):
        if isinstance(obj, Event):
            obj = obj.to_dict()
        if isinstance(obj, dict):
            self.record, self.id, self.uid = obj, obj.get("id"), obj.get("uid") or obj.get("event_id")
            self.source_count = int(obj.get("source_count") or 1)
            self.sources = [s if isinstance(s, dict) else s.to_dict() for s in obj.get("sources") or []]
            self.updated_at = None
        else:  # store.StoredEvent
            self.record, self.id, self.uid = obj.record, obj.id, obj.uid
            self.source_count, self.sources = obj.source_count, [s.to_dict() for s in obj.sources]
            self.updated_at = obj.updated_at


def as_item(obj: Any) -> Item:
    return obj if isinstance(obj, Item) else Item(obj)
