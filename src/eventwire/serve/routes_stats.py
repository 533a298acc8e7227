"""GET /api/stats (aggregates), /api/export (files), and the meta routes: /api/meta, /api/whoami, /api/health."""

# No `from __future__ import annotations`: FastAPI reads the route functions' annotations at run time.
import os
import tempfile
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import FileResponse, Response
from starlette.background import BackgroundTask

from eventwire import __version__
from eventwire.countries import country_table
from eventwire.records import (
    ACLED_EVENT_TYPES,
    ACLED_SUB_TO_TYPE,
    MODALITIES,
    PLOVER_EVENTS,
)
from eventwire.serve.deps import AnyToken, Ctx, Reader
from eventwire.serve.filters import Filters
from eventwire.serve.routes_events import fast_json
from eventwire.serve.schemas import Bins, ExportFormat

EXPORT_FILES = {  # format -> (file suffix, media type)
    ExportFormat.acled_csv: (".csv", "text/csv"),
    ExportFormat.plover_jsonl: (".jsonl", "application/x-ndjson"),
    ExportFormat.geojson: (".geojson", "application/geo+json"),
    ExportFormat.parquet: (".parquet", "application/vnd.apache.parquet"),
}
router = APIRouter()


@router.get("/api/stats", tags=["events"])
def stats(filters: Filters, _: Reader, ctx: Ctx,
          top: Annotated[int, Query(ge=1, le=200, description="How many countries and actors.")] = 20,
          bins: Annotated[Bins, Query(description=(
              "The rows of by_day_type: day; week_in_month (weeks cut at month ends, each named by its first "
              "day: what a weekly and a monthly chart both sum exactly, a fifth of the rows); month (named by "
              "its first day; the timeline by_day in months too); auto: days for a range of up to 100 days, "
              "else months (`bins` in the answer says which)"))] = Bins.auto):
    """Counts and fatalities of the matching events per day, event type, country and actor; per bin and type
    (`by_day_type`, in the `bins` the answer names) and per dyad (`by_dyad`, the `top` actor pairs)."""
    def compute() -> dict[str, Any]:
        return ctx.store.dashboard_stats(top=top, bins=bins.value, **filters.query())

    return fast_json(ctx.stats_cache.get((top, bins, filters), compute))


@router.get("/api/export", tags=["events"], response_class=Response,
            responses={200: {"description": "The file.", "content": {
                "text/csv": {}, "application/x-ndjson": {}, "application/geo+json": {},
                "application/vnd.apache.parquet": {}}}})
def export(filters: Filters, _: Reader, ctx: Ctx, format: ExportFormat,
           limit: Annotated[int | None, Query(ge=1, le=10_000_000)] = None):
    """The filtered events after dedup and reviews (reviewers' corrections, rejected events left out)."""
    from eventwire import export as export_mod

    suffix, media = EXPORT_FILES[format]
    fd, path = tempfile.mkstemp(prefix="eventwire-export-", suffix=suffix)
    os.close(fd)
    try:
        export_mod.export(ctx.store.iter_events(limit=limit, **filters.query()), format.value, path)
    except BaseException:
        os.unlink(path)
        raise
    return FileResponse(path, media_type=media, filename=f"eventwire-events{suffix}",
                        background=BackgroundTask(os.unlink, path))


@router.get("/api/meta", tags=["meta"])
def meta(_: Reader, ctx: Ctx) -> dict[str, Any]:
    """The choices the dashboard offers: event types, sub-types, PLOVER codes, modalities, countries, and
    `coding`: each sub-type's PLOVER category, mode and CAMEO code, and the CAMEO codes of each PLOVER category
    (the only combinations a review may set), and `sources`: the article sources with most articles."""
    return {"version": __version__, "private": ctx.private, "event_types": list(ACLED_EVENT_TYPES),
            "sub_event_types": ACLED_SUB_TO_TYPE, "plover_events": list(PLOVER_EVENTS),
            "modalities": list(MODALITIES), "coding": ctx.review_coder().codes.to_dict(),
            "countries": {iso3: c["name"] for iso3, c in sorted(country_table().items())},
            "sources": ctx.store.article_sources()}


@router.get("/api/whoami", tags=["meta"])
def whoami(holder: AnyToken) -> dict[str, str]:
    """The bearer token's holder: the name its reviews are recorded under, and its role."""
    return {"name": holder.name, "role": holder.role}


@router.get("/api/health", tags=["meta"])
async def health() -> dict[str, Any]:
    """Liveness; `worker` tells the answering process apart under `eventwire serve --workers N`."""
    return {"status": "ok", "version": __version__, "worker": os.getpid()}
