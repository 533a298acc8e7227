"""How an event record maps onto the store's columns: ONE table of (column, path in the record).

The events and event_sources rows repeat the record fields that queries filter on and dedup reads (see
models.py); everything else lives only in the row's JSON `record`. The paths are checked against the
records.Event dataclass (tests/test_store.py), so a renamed field cannot silently empty a column.
"""

from __future__ import annotations

import datetime as dt
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


def _value(path: str, convert: Any = None):
    def read(rec: dict[str, Any]) -> Any:
        v = get_path(rec, path)
        return convert(v) if convert else v
    read.path = path  # type: ignore[attr-defined]
    return read


# events column -> how to read it from a record (each reader's `.path` is the record field it reads)
EVENT_COLUMNS: dict[str, Any] = {
    "event_type": _value("event_type"),
    "sub_event_type": _value("sub_event_type"),
    "plover_event": _plover_event,
    "cameo": _value("cameo"),
    "actor1": _value("actor1.name"),
    "actor2": _value("actor2.name"),
    "assoc_actors": _assoc_actors,
    "country": _value("location.country"),
    "admin1": _value("location.admin1"),
    "location": _value("location.name"),
    "lat": _value("location.lat"),
    "lon": _value("location.lon"),
    "geo_precision": _value("location.precision"),
    "date": _value("date", _date),
    "date_precision": _value("date_precision"),
    "fatalities": _value("fatalities", _int),
    "modality": _value("modality", lambda v: v or "asserted"),
    "confidence": _value("confidence", lambda v: float(v or 0.0)),
}
_plover_event.path = "plover.event"  # type: ignore[attr-defined]
_assoc_actors.path = "assoc_actor1.name"  # type: ignore[attr-defined]  (and assoc_actor2.name)

# event_sources: what dedup compares (a subset of the events columns) and the evidence
DEDUP_COLUMNS = ("event_type", "sub_event_type", "plover_event", "modality", "date", "date_precision", "lat",
                 "lon", "geo_precision", "country", "admin1", "actor1", "actor2")
EVIDENCE_COLUMNS: dict[str, Any] = {
    "evidence_text": _value("evidence.text"),
    "evidence_start": _value("evidence.start", _int),
    "evidence_end": _value("evidence.end", _int),
}


def column_paths() -> dict[str, str]:
    """column -> the record path it is read from, for every column of events and event_sources."""
    return {col: read.path for col, read in {**EVENT_COLUMNS, **EVIDENCE_COLUMNS}.items()}


def event_columns(rec: dict[str, Any]) -> dict[str, Any]:
    """The queryable columns of an events row, from a SCHEMA record."""
    return {col: read(rec) for col, read in EVENT_COLUMNS.items()}


def source_columns(rec: dict[str, Any]) -> dict[str, Any]:
    """What dedup compares, copied once onto the event_sources row."""
    c = event_columns(rec)
    return {**{col: c[col] for col in DEDUP_COLUMNS}, **{col: read(rec) for col, read in EVIDENCE_COLUMNS.items()}}


def fit(table, values: dict[str, Any]) -> dict[str, Any]:
    """Clip strings to their column's length: PostgreSQL refuses an over-long value where SQLite keeps it,
    and one odd record (a 3,000-character URL used as an id) must not fail a whole batch."""
    out = dict(values)
    for key, value in values.items():
        col = table.c.get(key)
        length = getattr(getattr(col, "type", None), "length", None)
        if length and isinstance(value, str) and len(value) > length:
            out[key] = value[:length]
    return out
