"""The API's request and response bodies (pydantic): what FastAPI checks and what the OpenAPI page shows."""

# No `from __future__ import annotations`: pydantic and FastAPI read these annotations at run time.
import datetime as dt
from enum import Enum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from eventwire.records import ACLED_EVENT_TYPES, ACLED_SUB_TO_TYPE, MODALITIES, PLOVER_EVENTS
from eventwire.roles import DEFAULT_ROLE, ROLES

MAX_ARTICLE_CHARS = 500_000


class ExportFormat(str, Enum):
    acled_csv = "acled-csv"
    plover_jsonl = "plover-jsonl"
    geojson = "geojson"
    parquet = "parquet"


class Order(str, Enum):
    newest = "newest"
    oldest = "oldest"


class Fields(str, Enum):
    full = "full"
    brief = "brief"


class Bins(str, Enum):
    auto = "auto"
    day = "day"
    week_in_month = "week_in_month"
    month = "month"


class Decision(str, Enum):
    accept = "accept"
    reject = "reject"


class Body(BaseModel):
    """A request body: unknown fields are refused, and so is text that is not valid Unicode."""

    model_config = ConfigDict(extra="forbid")

    @field_validator("*")
    @classmethod
    def _valid_unicode(cls, v: Any) -> Any:
        if isinstance(v, str):
            try:
                v.encode("utf-8")
            except UnicodeEncodeError:
                raise ValueError("the text is not valid Unicode (it has an unpaired surrogate)") from None
            if "\x00" in v:  # PostgreSQL cannot store it, and no real text has one
                raise ValueError("the text contains a NUL character")
        return v


class ArticleIn(Body):
    text: str = Field(min_length=1, max_length=MAX_ARTICLE_CHARS, description="The article's text.")
    published: dt.date | None = Field(None, description="Publication date: relative dates count from it.")
    title: str | None = Field(None, max_length=2000)
    url: str | None = Field(None, max_length=2048)
    source: str | None = Field(None, max_length=512, description="The outlet, e.g. 'Reuters'.")
    id: str | None = Field(None, max_length=512, description="Your id of the article (SCHEMA article_id).")


class ExtractIn(Body):
    # the length limit is the server's (ExtractSettings.max_chars), checked by the route: over it is a 413
    text: str = Field(min_length=1, description="The text (over the server's limit: 413).")
    published: dt.date | None = None
    all: bool = Field(False, description="Also planned, hypothetical, negated and background events.")


class LocationEdit(Body):
    name: str | None = Field(None, max_length=256)
    country: str | None = Field(None, pattern=r"^[A-Z]{3}$", description="ISO 3166 alpha-3 code.")
    admin1: str | None = Field(None, max_length=256)
    lat: float | None = Field(None, ge=-90, le=90)
    lon: float | None = Field(None, ge=-180, le=180)


class EventChanges(Body):
    """The fields a reviewer may set; those left out are unchanged. Codes are kept one coding: a sub-type sets its
    event type, PLOVER category, mode and CAMEO code; values that contradict each other are refused (422)."""

    event_type: str | None = Field(None, description="An ACLED event type (give its sub-type too when the "
                                                      "event's sub-type belongs to another type).")
    sub_event_type: str | None = Field(None, description="An ACLED sub-event type (sets its event type, PLOVER "
                                                          "category and CAMEO code too).")
    plover: str | None = Field(None, description="A PLOVER category: only one the sub-type allows.")
    cameo: str | None = Field(None, pattern=r"^[0-9]{2,4}$",
                              description="A CAMEO event code that fits the PLOVER category (GET /api/meta: coding).")
    actor1: str | None = Field(None, min_length=1, max_length=256,
                               description="Actor 1's name: resolved by the actor catalogue, as in extraction.")
    actor2: str | None = Field(None, max_length=256, description="Actor 2's name ('' for none).")
    location: LocationEdit | None = None
    date: dt.date | None = Field(None, description="Not after the articles' publication, unless modality is "
                                                   "'future'.")
    modality: Literal[MODALITIES] | None = Field(None, description="asserted, future, hypothetical, negated or "
                                                                   "background.")
    fatalities: int | None = Field(None, ge=0, le=10_000_000)

    @field_validator("event_type", "sub_event_type", "plover")
    @classmethod
    def _known_code(cls, v: str | None, info) -> str | None:  # noqa: ANN001 - pydantic's ValidationInfo
        known = {"event_type": ACLED_EVENT_TYPES, "sub_event_type": tuple(ACLED_SUB_TO_TYPE),
                 "plover": PLOVER_EVENTS}[info.field_name]
        if v is not None and v not in known:
            raise ValueError(f"{info.field_name} must be one of: {', '.join(known)}")
        return v


class ReviewIn(Body):
    decision: Decision | None = Field(None, description="accept or reject the event as a whole.")
    changes: EventChanges | None = Field(None, description="Corrected values.")
    comment: str | None = Field(None, max_length=2000, description="Why: kept in the audit trail; needed to reject.")


class EventPage(BaseModel):
    events: list[dict[str, Any]]
    next_cursor: str | None = Field(None, description="Pass as `cursor` for the next page; null at the end.")
    total: int | None = Field(None, description="All matching events (when count=true).")


class IngestOut(BaseModel):
    article_id: int | None
    duplicate: bool
    event_ids: list[int]


class TokenIn(Body):
    name: str = Field(min_length=1, max_length=128, description="Who uses it: its reviews are recorded so.")
    role: Literal[ROLES] = Field(DEFAULT_ROLE, description="What it may do; each role includes those before it.")


class TokenOut(BaseModel):
    id: int
    name: str
    role: str
    token: str = Field(description="The token itself: shown this once (only its SHA-256 is stored).")


class TokenInfo(BaseModel):
    id: int
    name: str
    role: str
    created_at: str
    revoked: bool


class ErrorOut(BaseModel):
    """The body of every error answer (4xx, 5xx)."""

    detail: str = Field(description="What is wrong, in one line.")


class ValidationIssue(BaseModel):
    type: str = Field(description="pydantic's error type, e.g. missing, string_too_long.")
    loc: list[str | int] = Field(description="Where: body, query or path, then the field.")
    msg: str


class ValidationErrorOut(ErrorOut):
    """A 422: `detail` sums the problems up in one line, `errors` lists them (the input is not echoed)."""

    errors: list[ValidationIssue] = Field(default_factory=list)


class QueueState(str, Enum):
    unreviewed = "unreviewed"
    all = "all"


class QueueOrder(str, Enum):
    confidence = "confidence"
    country = "country"
    type = "type"


class BulkReviewIn(Body):
    """One verdict on every event of a filtered selection (the query parameters), as one action."""

    decision: Decision = Field(description="accept or reject every selected event.")
    comment: str | None = Field(None, max_length=2000, description="Why: kept with each review; needed to reject.")
    expected: int | None = Field(None, ge=0, description="How many events the reviewer confirmed: when the "
                                                          "selection has changed since, nothing is done (409).")


class UndoIn(Body):
    comment: str | None = Field(None, max_length=2000, description="Why (kept with the undo in the history).")
