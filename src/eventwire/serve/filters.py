"""The query parameters that filter events (GET /api/events, /api/stats, /api/export) and the cursor of pages.

The parsing and checks are eventwire.filters', shared with the command line; this module declares the
parameters for FastAPI (and so for the OpenAPI page) and turns a bad value into a 422 that names it."""

# No `from __future__ import annotations`: FastAPI reads the parameters' annotations at run time.
import base64
import binascii
import datetime as dt
import json
from typing import Annotated

from fastapi import Depends, Query

from eventwire.filters import EventFilters, FilterError, parse_event_filters
from eventwire.serve.deps import MAX_ID, bad


async def event_filters(  # async: parsing only, not worth a worker thread (see deps.context)
    country: Annotated[str | None, Query(max_length=64, description="ISO3 code or name (SYR, Syria).")] = None,
    admin1: Annotated[str | None, Query(max_length=256, description="First-level region, exact name (Aleppo).")] = None,
    bbox: Annotated[str | None, Query(max_length=100, description="west,south,east,north in degrees.")] = None,
    date_from: Annotated[dt.date | None, Query(description="Events on or after this date.")] = None,
    date_to: Annotated[dt.date | None, Query(description="Events on or before this date.")] = None,
    actor: Annotated[str | None, Query(max_length=256, description="Part of an actor's name (either side).")] = None,
    type: Annotated[str | None,
                    Query(max_length=64, description="ACLED event or sub-event type, or PLOVER code.")] = None,
    sub_type: Annotated[str | None, Query(max_length=64, description="ACLED sub-event type.")] = None,
    min_fatalities: Annotated[int | None, Query(ge=0, le=10_000_000)] = None,
    modality: Annotated[str, Query(description="asserted (default), future, hypothetical, negated, background, or all.")
                        ] = "asserted",
    q: Annotated[str | None, Query(max_length=200, description="Words that must all appear in the evidence.")] = None,
    review: Annotated[str, Query(description="active (default), rejected, or all.")] = "active",
    plover: Annotated[str | None, Query(max_length=64, description="PLOVER category (ASSAULT, PROTEST...).")] = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1, description="Extraction confidence, 0 to 1.")] = None,
    source: Annotated[str | None,
                      Query(max_length=512, description="An article source (publisher) that reported it.")] = None,
) -> EventFilters:
    try:
        return parse_event_filters(country=country, admin1=admin1, bbox=bbox, date_from=date_from, date_to=date_to,
                                   actor=actor, event_type=type, sub_event_type=sub_type,
                                   min_fatalities=min_fatalities, modality=modality, text=q, review=review,
                                   plover=plover, min_confidence=min_confidence, source=source)
    except FilterError as exc:
        raise bad(str(exc)) from None


Filters = Annotated[EventFilters, Depends(event_filters)]


def encode_cursor(cursor: tuple[str | None, int]) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(cursor)).encode()).decode().rstrip("=")


def decode_cursor(value: str) -> tuple[str | None, int]:
    try:
        date, ident = json.loads(base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)))
        if date is not None:
            dt.date.fromisoformat(date)
        if not isinstance(ident, int) or isinstance(ident, bool) or not 0 <= ident < MAX_ID:
            raise ValueError
        return date, ident
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        raise bad("cursor is not one this server handed out (pass next_cursor unchanged)", 400) from None
