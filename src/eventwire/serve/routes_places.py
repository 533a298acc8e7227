"""GET /api/places/labels: the names the dashboard's map writes at a zoom, from the project's own gazetteer.

The map's background is country borders only (no tiles: nothing is fetched from outside the server), so from
REGION_ZOOM on it names the first-level regions in view and from TOWN_ZOOM on the most populous towns in view
(GeoNames through geo.gazetteer). Below those zooms the answer is empty and the gazetteer is not even opened.
"""

# No `from __future__ import annotations`: FastAPI reads the route functions' annotations at run time.
import math
from typing import Annotated, Any

from fastapi import APIRouter, Query

from eventwire.geo.gazetteer import ADMIN1, CITY, Entry
from eventwire.serve.deps import Ctx, Reader, bad

REGION_ZOOM = 5  # Leaflet zoom levels: at 5 a region of a mid-sized country is a few hundred pixels wide
TOWN_ZOOM = 5
MAX_LIMIT = 200
router = APIRouter()


def parse_bbox(text: str) -> tuple[float, float, float, float]:
    """'west,south,east,north' in degrees -> the box with longitudes wrapped into [-180, 180] (west > east for a
    box across the antimeridian; a box 360 degrees wide or more is the whole world). 422 on anything else."""
    try:
        west, south, east, north = (float(v) for v in text.split(","))
    except ValueError:
        raise bad("bbox: four numbers are needed, west,south,east,north (degrees)") from None
    if not all(math.isfinite(v) for v in (west, south, east, north)):
        raise bad("bbox: the numbers must be finite")
    if not (-90 <= south <= north <= 90):
        raise bad("bbox: south and north must be latitudes, south <= north")
    if east < west:
        raise bad("bbox: east must not be less than west (give east past 180 for a box across the antimeridian)")
    if east - west >= 360:
        return -180.0, south, 180.0, north
    wrap = lambda lon: (lon + 180) % 360 - 180  # noqa: E731 - [-180, 180)
    w, e = wrap(west), wrap(east)
    if e == -180 and east > west:
        e = 180.0
    return w, south, e, north


def _place(entry: Entry) -> dict[str, Any]:
    return {"name": entry.name, "country": entry.iso3,
            "admin1": entry.admin1_name, "lat": round(entry.lat, 5), "lon": round(entry.lon, 5),
            "population": entry.population, "capital": entry.capital}


@router.get("/api/places/labels", tags=["places"])
def place_labels(_: Reader, ctx: Ctx,
                 bbox: Annotated[str, Query(description="The map's view: west,south,east,north in degrees.",
                                            examples=["30,30,45,40"], max_length=200)],
                 zoom: Annotated[float, Query(ge=0, le=24, description="The map's (Leaflet) zoom level.")],
                 limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="At most this many towns.")] = 40,
                 ) -> dict[str, Any]:
    """The names to write on the map over this view: from zoom 5 the first-level regions (admin-1) and the
    `limit` most populous towns in view, most populous first (GeoNames, CC BY 4.0); below it none."""
    west, south, east, north = parse_bbox(bbox)
    answer: dict[str, Any] = {"regions": [], "towns": []}
    if zoom < min(REGION_ZOOM, TOWN_ZOOM):
        return answer
    gazetteer = ctx.gazetteer()
    if zoom >= REGION_ZOOM:
        answer["regions"] = [_place(e)
                             for e in gazetteer.most_populous(ADMIN1, west, south, east, north, limit)]
    if zoom >= TOWN_ZOOM:
        answer["towns"] = [_place(e)
                           for e in gazetteer.most_populous(CITY, west, south, east, north, limit)]
    return answer
