"""PLOVER JSON lines: one PLOVER event record per line (event / mode / context, source and target actors)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from eventwire.export.base import as_item, register


def _plover_actor(actor: dict | None) -> dict[str, Any] | None:
    if not actor:
        return None
    return {"text": actor.get("text") or actor.get("name"), "name": actor.get("name"),
            "code": actor.get("cameo"), "country": actor.get("country"), "sector": actor.get("sector")}


def plover_record(obj: Any) -> dict[str, Any]:
    """A PLOVER event record: event / mode / context, source and target actor lists, magnitude, place."""
    item = as_item(obj)
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


@register("plover-jsonl")
def write_plover_jsonl(items: Iterable[Any], fh: IO[str]) -> int:
    n = 0
    for obj in items:
        fh.write(json.dumps(plover_record(obj), ensure_ascii=False) + "\n")
        n += 1
    return n
