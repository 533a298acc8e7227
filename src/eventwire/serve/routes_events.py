"""GET /api/events (cursor pages), GET /api/events/{id} (with sources and review trail), PATCH (review)."""

# No `from __future__ import annotations`: FastAPI reads the route functions' annotations at run time.
from typing import Annotated, Any

import orjson
from fastapi import APIRouter, HTTPException, Query
from fastapi import Path as PathParam
from fastapi.responses import Response

from eventwire.serve.deps import MAX_ID, ApiContext, Ctx, Reader, Reviewer, bad
from eventwire.serve.filters import Filters, decode_cursor, encode_cursor
from eventwire.serve.review import review_state
from eventwire.serve.schemas import EventPage, Fields, Order, ReviewIn

MAX_PAGE = 1000
EventId = Annotated[str, PathParam(pattern=r"^([0-9]{1,18}|ew-[0-9a-f]{16})$",
                                   description="The event's id, or its uid (ew-...).")]
router = APIRouter()


# dates and datetimes as str() writes them (what json.dumps(default=str) gave: "2024-01-02 10:00:00"); NaN as null
_ORJSON_OPTIONS = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_NON_STR_KEYS


def dumps(content: Any) -> bytes:
    """JSON bytes (UTF-8, nothing escaped to ASCII) of an answer: orjson, ~5-10x faster than json on the large
    answers (the stats of ten years, a page of 1,000 events)."""
    return orjson.dumps(content, default=str, option=_ORJSON_OPTIONS)


def fast_json(content: Any) -> Response:
    return Response(dumps(content), media_type="application/json")


def event_out(ev) -> dict[str, Any]:
    if not ev.sources:  # StoredEvent.to_dict() without its empty sources, made in one step (1,000 a page)
        return {**ev.record, "id": ev.id, "uid": ev.uid, "status": ev.status, "source_count": ev.source_count}
    return ev.to_dict()


def _stored_event(ctx: ApiContext, event_id: str):
    ev = ctx.store.get_event(int(event_id) if event_id.isdigit() else event_id) if _id_ok(event_id) else None
    if ev is None:
        raise HTTPException(404, f"no event {event_id}")
    return ev


def _with_reviews(ctx: ApiContext, ev) -> dict[str, Any]:
    d = ev.to_dict()
    d["reviews"] = ctx.store.reviews(ev.id)
    d["review"] = review_state(d["reviews"])
    return d


def _id_ok(event_id: str) -> bool:
    return not event_id.isdigit() or int(event_id) < MAX_ID


@router.get("/api/events", response_model=EventPage, tags=["events"])
def list_events(filters: Filters, _: Reader, ctx: Ctx,
                limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
                cursor: Annotated[str | None, Query(max_length=200)] = None,
                order: Order = Order.newest,
                sources: Annotated[bool, Query(description="Include each event's sources.")] = False,
                count: Annotated[bool, Query(description="Also count all matching events.")] = False,
                fields: Annotated[Fields, Query(description=(
                    "full: each event's whole record; brief: what a table or a map of events shows (type codes, "
                    "actor names, place, date, fatalities, modality, confidence: a third of the bytes, read "
                    "without the records)"))] = Fields.full):
    """Matching events, newest first (undated last). Follow `next_cursor` for the next page."""
    after = decode_cursor(cursor) if cursor else None
    form = "brief" if fields == Fields.brief else "json" if not sources else "full"
    page, nxt = ctx.store.page_events(after=after, limit=limit, newest_first=order == Order.newest,
                                      with_sources=sources, form=form, **filters.query())
    tail = dumps({"next_cursor": encode_cursor(nxt) if nxt else None,
                  "total": ctx.store.count_events(**filters.query()) if count else None})
    # serialised here: FastAPI's generic encoder would walk every record again (a third of the time); full
    # records without sources go as the store holds their JSON text (storage.queries._spliced_json)
    events = ", ".join(page).encode() if form == "json" else dumps([event_out(e) for e in page])[1:-1]
    return Response(b'{"events": [' + events + b"], " + tail[1:], media_type="application/json")


@router.get("/api/events/{event_id}", tags=["events"], response_model=dict[str, Any])
def get_event(event_id: EventId, _: Reader, ctx: Ctx):
    """One event with every source that reported it (evidence, article), and its review trail."""
    # serialised here: FastAPI's generic encoder walks the nested record (~1 ms of the ~3 ms an event costs)
    return fast_json(_with_reviews(ctx, _stored_event(ctx, event_id)))


@router.patch("/api/events/{event_id}", tags=["review"])
def review_event(event_id: EventId, body: ReviewIn, reviewer: Reviewer, ctx: Ctx) -> dict[str, Any]:
    """Accept or reject (with a comment: the reason) an event, and/or correct its type codes, actors, place,
    date, modality and fatalities. Corrections are coded as extraction codes them (catalogue actors keep their
    codes; a sub-type sets its type, PLOVER and CAMEO codes); contradictory codes, and a date after the articles'
    publication for an event not marked 'future', get a 422. Every change is kept (who, when, old and new
    value), all of one request or none; the event, its listings and exports show the reviewed values."""
    ev = _stored_event(ctx, event_id)
    published = [s.published for s in ev.sources if s.published is not None]
    steps = ctx.review_coder().steps(body, ev.record, published)
    if steps:
        try:
            ctx.store.add_reviews(ev.id, steps, reviewer=reviewer.name, comment=body.comment)
        except ValueError as exc:  # storage.reviews.ReviewError: what the store itself refuses
            raise bad(str(exc)) from None
    ctx.stats_cache.clear()
    return _with_reviews(ctx, _stored_event(ctx, str(ev.id)))
