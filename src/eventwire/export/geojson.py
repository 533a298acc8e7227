"""GeoJSON: a FeatureCollection of points whose properties are the ACLED CSV row (empty cells as null)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from eventwire.export.acled_csv import acled_row
from eventwire.export.base import as_item, register


def geojson_feature(obj: Any) -> dict[str, Any]:
    item = as_item(obj)
    loc = item.record.get("location") or {}
    geometry = None
    if loc.get("lat") is not None and loc.get("lon") is not None:
        geometry = {"type": "Point", "coordinates": [float(loc["lon"]), float(loc["lat"])]}
    props = {k: (None if v == "" else v) for k, v in acled_row(item).items()}
    return {"type": "Feature", "id": item.uid or item.id, "geometry": geometry, "properties": props}


@register("geojson")
def write_geojson(items: Iterable[Any], fh: IO[str]) -> int:
    fh.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for obj in items:
        fh.write((",\n" if n else "") + json.dumps(geojson_feature(obj), ensure_ascii=False))
        n += 1
    fh.write("\n]}\n")
    return n
