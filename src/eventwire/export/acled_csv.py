"""ACLED CSV: ACLED's column names and codes, then eventwire's own columns.

`time_precision` 1 day / 2 week / 3 month or vaguer, `inter` codes 1-8, `interaction` the two codes lowest
first (10, 20, ... when there is no second actor), `iso` the numeric ISO 3166 code, `fatalities` 0 when no
figure was reported. `acled_row` is also the flat row of the GeoJSON and Parquet exports.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable
from typing import IO, Any
from urllib.parse import urlparse

from eventwire.countries import country_name, iso_numeric
from eventwire.export.base import Item, as_item, register

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
    item = as_item(obj)
    r = item.record
    loc = r.get("location") or {}
    a1, a2 = r.get("actor1") or {}, r.get("actor2") or {}
    inter1, inter2 = a1.get("inter"), a2.get("inter") if a2 else None
    etype = r.get("event_type")
    iso3 = loc.get("country") or a1.get("country")
    date = r.get("date")
    plover = r.get("plover") or {}
    stamp = item.updated_at or dt.datetime.now(dt.UTC)
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
        "timestamp": int(stamp.replace(tzinfo=stamp.tzinfo or dt.UTC).timestamp()),
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


@register("acled-csv")
def write_acled_csv(items: Iterable[Any], fh: IO[str]) -> int:
    writer = csv.DictWriter(fh, fieldnames=ACLED_COLUMNS + EVENTWIRE_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for obj in items:
        writer.writerow(acled_row(obj))
        n += 1
    return n
