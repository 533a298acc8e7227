"""The filters of stored events, parsed once for the command line (`events`, `export`) and the HTTP API (events,
stats, export): the same country names, date ranges and checks, the same messages for bad values."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from eventwire.countries import find_country
from eventwire.records import MODALITIES, parse_published

REVIEW_CHOICES = ("active", "rejected", "all")


class FilterError(ValueError):
    """A filter value that cannot be used: the message says which and why."""


@dataclasses.dataclass(frozen=True)
class EventFilters:
    """Which stored events to list, count or export; `query()` gives the Store's keyword arguments."""

    country: str | None = None  # ISO3
    admin1: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    actor: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    min_fatalities: int | None = None
    modality: str | None = "asserted"  # None: any
    text: str | None = None  # words of the evidence
    include_rejected: bool = False
    status: str | None = None  # "rejected": only the events reviewers rejected
    plover: str | None = None  # PLOVER category (ASSAULT, PROTEST...): also selects events with no ACLED type
    min_confidence: float | None = None  # 0..1
    source: str | None = None  # an article's source (publisher) that reported the event

    def query(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}


def parse_country(value: str) -> str:
    """ISO3 code, ISO2 code, English name or alias -> ISO3; FilterError when unknown."""
    iso3 = find_country(value)
    if iso3 is None:
        raise FilterError(f"unknown country {value!r}: give an ISO 3166 alpha-3 code (SYR) or a name (Syria)")
    return iso3


def parse_bbox(value: str) -> tuple[float, float, float, float]:
    try:
        west, south, east, north = (float(p) for p in value.split(","))
    except ValueError:
        raise FilterError("bbox must be four numbers: west,south,east,north (degrees)") from None
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise FilterError("bbox out of range: west and east in [-180, 180], -90 <= south <= north <= 90")
    return west, south, east, north


def parse_date(value: str | dt.date | None, name: str) -> dt.date | None:
    try:
        return parse_published(value)
    except ValueError:
        raise FilterError(f"{name}: {value!r} is not a date (YYYY-MM-DD)") from None


def check_date_range(date_from: dt.date | None, date_to: dt.date | None,
                     names: tuple[str, str] = ("date_from", "date_to")) -> None:
    if date_from and date_to and date_from > date_to:
        raise FilterError(f"{names[0]} is after {names[1]}")


def _words(value: str | None) -> str | None:
    return (value or "").strip() or None


def parse_event_filters(*, country: str | None = None, admin1: str | None = None, bbox: str | None = None,
                        date_from: str | dt.date | None = None, date_to: str | dt.date | None = None,
                        actor: str | None = None, event_type: str | None = None, sub_event_type: str | None = None,
                        min_fatalities: int | None = None, modality: str = "asserted", text: str | None = None,
                        review: str = "active", plover: str | None = None, min_confidence: float | None = None,
                        source: str | None = None, date_names: tuple[str, str] = ("date_from", "date_to"),
                        ) -> EventFilters:
    """EventFilters from what a user typed. modality: one of MODALITIES or "all"; review: "active" (not
    rejected by a reviewer), "rejected" or "all". FilterError names the first bad value."""
    for name, value in (("country", country), ("admin1", admin1), ("bbox", bbox), ("actor", actor),
                        ("type", event_type), ("sub_type", sub_event_type), ("q", text), ("plover", plover),
                        ("source", source)):
        if value and "\x00" in value:  # PostgreSQL refuses it in a query
            raise FilterError(f"{name} contains a NUL character")
    if modality != "all" and modality not in MODALITIES:
        raise FilterError(f"modality must be 'all' or one of: {', '.join(MODALITIES)}")
    if review not in REVIEW_CHOICES:
        raise FilterError("review must be active, rejected or all")
    if min_confidence is not None and not 0 <= min_confidence <= 1:
        raise FilterError("min_confidence must be between 0 and 1")
    start, end = parse_date(date_from, date_names[0]), parse_date(date_to, date_names[1])
    check_date_range(start, end, date_names)
    return EventFilters(
        country=parse_country(country) if country and country.strip() else None, admin1=admin1 or None,
        bbox=parse_bbox(bbox) if bbox else None, date_from=start, date_to=end, actor=_words(actor),
        event_type=_words(event_type), sub_event_type=_words(sub_event_type), min_fatalities=min_fatalities,
        modality=None if modality == "all" else modality, text=_words(text), include_rejected=review == "all",
        status="rejected" if review == "rejected" else None, plover=_words(plover), min_confidence=min_confidence,
        source=_words(source))
