"""How an event record maps onto the store's columns: ONE table of (column, path in the record).

The events and event_sources rows repeat the record fields that queries filter on and dedup reads (see
models.py); everything else lives only in the row's JSON `record`. The paths are checked against the
records.Event dataclass (tests/test_store.py), so a renamed field cannot silently empty a column.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


def _date(value: Any) -> dt.date | None:
    if not value:
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def get_path(rec: dict[str, Any], path: str) -> Any:
    """The value at a dotted path ("location.lat") of a record dict; None when a step is missing."""
    cur: Any = rec
    for p in path.split("."):
        if not isinstance(cur, dict):
            return None
        cur = cur.get(p)
    return cur


def _plover_event(rec: dict[str, Any]) -> str | None:
    p = rec.get("plover")
    return p.get("event") if isinstance(p, dict) else p  # old records carry the bare code


def _assoc_actors(rec: dict[str, Any]) -> str | None:
    assoc = [a.get("name") for a in (rec.get("assoc_actor1") or []) + (rec.get("assoc_actor2") or []) if a]
    return "; ".join(n for n in assoc if n) or None


@dataclass(frozen=True)
class Column:
    """One column: the record field it repeats (`path`), made a column value by `convert`; `whole` reads the
    whole record instead, for a value built from more than one field (it still names its main field)."""

    path: str
    convert: Callable[[Any], Any] | None = None
    whole: Callable[[dict[str, Any]], Any] | None = None
    steps: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "steps", tuple(self.path.split(".")))  # split once: read runs per row and column

    def read(self, rec: dict[str, Any]) -> Any:
        if self.whole is not None:
            return self.whole(rec)
        value: Any = rec
        for step in self.steps:  # get_path(rec, self.path)
            if not isinstance(value, dict):
                value = None
                break
            value = value.get(step)
        return value if self.convert is None else self.convert(value)


# the events columns (models.EventRow), in table order
EVENT_COLUMNS: dict[str, Column] = {
    "event_type": Column("event_type"),
    "sub_event_type": Column("sub_event_type"),
    "plover_event": Column("plover.event", whole=_plover_event),
    "cameo": Column("cameo"),
    "actor1": Column("actor1.name"),
    "actor2": Column("actor2.name"),
    "assoc_actors": Column("assoc_actor1.name", whole=_assoc_actors),  # both sides' allies, "; "-joined
    "country": Column("location.country"),
    "admin1": Column("location.admin1"),
    "location": Column("location.name"),
    "lat": Column("location.lat"),
    "lon": Column("location.lon"),
    "geo_precision": Column("location.precision"),
    "date": Column("date", _date),
    "date_precision": Column("date_precision"),
    "fatalities": Column("fatalities", _int),
    "modality": Column("modality", lambda v: v or "asserted"),
    "confidence": Column("confidence", lambda v: float(v or 0.0)),
}

# event_sources: what dedup compares (a subset of the events columns) and the evidence
DEDUP_COLUMNS = ("event_type", "sub_event_type", "plover_event", "modality", "date", "date_precision", "lat",
                 "lon", "geo_precision", "country", "admin1", "actor1", "actor2")
EVIDENCE_COLUMNS: dict[str, Column] = {
    "evidence_text": Column("evidence.text"),
    "evidence_start": Column("evidence.start", _int),
    "evidence_end": Column("evidence.end", _int),
}


def column_paths() -> dict[str, str]:
    """column -> the record path it is read from, for every column of events and event_sources."""
    return {col: c.path for col, c in {**EVENT_COLUMNS, **EVIDENCE_COLUMNS}.items()}


def event_columns(rec: dict[str, Any]) -> dict[str, Any]:
    """The queryable columns of an events row, from a SCHEMA record."""
    return {col: c.read(rec) for col, c in EVENT_COLUMNS.items()}


def source_columns(rec: dict[str, Any]) -> dict[str, Any]:
    """What dedup compares, copied once onto the event_sources row."""
    c = event_columns(rec)
    return {**{col: c[col] for col in DEDUP_COLUMNS}, **{col: c.read(rec) for col, c in EVIDENCE_COLUMNS.items()}}
