"""The HTTP API and the web dashboard (FastAPI): `eventwire serve`, or `create_app()` under any ASGI server.

    GET    /api/events              filtered events, newest first, in cursor pages
    GET    /api/events/{id}         one event (id or uid) with every source, its evidence and its review trail
    PATCH  /api/events/{id}         review: accept, reject, or edit type, actors, place, date, fatalities
    GET    /api/articles/{id}       one stored article with its text
    GET    /api/stats               counts and fatalities per day, event type, country and actor
    GET    /api/export?format=...   ACLED CSV, PLOVER JSONL, GeoJSON or Parquet of the filtered events
    POST   /api/extract             text in, events out (nothing stored)
    POST   /api/articles            ingest one article (extract, store, dedup)
    GET    /api/meta, /api/health   what the dashboard's menus offer; liveness
    GET    /                        the dashboard (static files of eventwire/web/static)
    GET    /docs                    the OpenAPI page (served from the same static folder: works offline)

Writes need `Authorization: Bearer <token>` (`eventwire token create NAME` prints one; the store keeps its
SHA-256); the token's name is the reviewer in the audit trail. With private=True, reads need a token too.
Bad input gets a 4xx whose `detail` says what is wrong.
"""

# No `from __future__ import annotations`: FastAPI reads the route functions' annotations, some of them local.
import base64
import binascii
import datetime as dt
import json
import os
import tempfile
import threading
import time
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Path as PathParam, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field, field_validator
from starlette.background import BackgroundTask

from eventwire import __version__
from eventwire.records import ACLED_EVENT_TYPES, ACLED_SUB_TO_TYPE, MODALITIES, PLOVER_EVENTS
from eventwire.storage.store import Store, StoreError

STATIC_DIR = Path(__file__).with_name("web") / "static"
VENDOR_DIR = STATIC_DIR / "vendor"
MAX_BODY_BYTES = 2 * 1024 * 1024
MAX_ARTICLE_CHARS = 500_000
MAX_PAGE = 1000
MAX_ID = 2**31 - 1  # ids are 32-bit integers on PostgreSQL: refuse larger ones before the database does
DASHBOARD_CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                 "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")


# -- request and response bodies -----------------------------------------------------------------------------
class ExportFormat(str, Enum):
    acled_csv = "acled-csv"
    plover_jsonl = "plover-jsonl"
    geojson = "geojson"
    parquet = "parquet"


class Order(str, Enum):
    newest = "newest"
    oldest = "oldest"


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
    text: str = Field(min_length=1, max_length=MAX_ARTICLE_CHARS)
    published: dt.date | None = None
    all: bool = Field(False, description="Also planned, hypothetical and negated events.")


class LocationEdit(Body):
    name: str | None = Field(None, max_length=256)
    country: str | None = Field(None, pattern=r"^[A-Z]{3}$", description="ISO 3166 alpha-3 code.")
    admin1: str | None = Field(None, max_length=256)
    lat: float | None = Field(None, ge=-90, le=90)
    lon: float | None = Field(None, ge=-180, le=180)


class EventChanges(Body):
    """The fields a reviewer may set; those left out are unchanged."""

    event_type: str | None = Field(None, description="An ACLED event type.")
    sub_event_type: str | None = Field(None, description="An ACLED sub-event type (sets its event type too).")
    actor1: str | None = Field(None, min_length=1, max_length=256, description="Actor 1's name.")
    actor2: str | None = Field(None, max_length=256, description="Actor 2's name ('' for none).")
    location: LocationEdit | None = None
    date: dt.date | None = None
    fatalities: int | None = Field(None, ge=0, le=10_000_000)

    @field_validator("event_type")
    @classmethod
    def _known_type(cls, v: str | None) -> str | None:
        if v is not None and v not in ACLED_EVENT_TYPES:
            raise ValueError(f"event_type must be one of: {', '.join(ACLED_EVENT_TYPES)}")
        return v

    @field_validator("sub_event_type")
    @classmethod
    def _known_sub_type(cls, v: str | None) -> str | None:
        if v is not None and v not in ACLED_SUB_TO_TYPE:
            raise ValueError(f"sub_event_type must be one of: {', '.join(ACLED_SUB_TO_TYPE)}")
        return v


class ReviewIn(Body):
    decision: Decision | None = Field(None, description="accept or reject the event as a whole.")
    changes: EventChanges | None = Field(None, description="Corrected values.")
    comment: str | None = Field(None, max_length=2000)


class EventPage(BaseModel):
    events: list[dict[str, Any]]
    next_cursor: str | None = Field(None, description="Pass as `cursor` for the next page; null at the end.")
    total: int | None = Field(None, description="All matching events (when count=true).")


class IngestOut(BaseModel):
    article_id: int | None
    duplicate: bool
    event_ids: list[int]


# -- filters shared by events, stats and export ---------------------------------------------------------------
def _countries() -> dict[str, dict[str, Any]]:
    from eventwire.export import _countries as countries

    return countries()


def country_code(value: str) -> str:
    """ISO3 code, ISO2 code or English name -> ISO3; ValueError when unknown."""
    v = value.strip()
    countries = _countries()
    if v.upper() in countries:
        return v.upper()
    for iso3, c in countries.items():
        if c["name"].lower() == v.lower() or c.get("iso", "").lower() == v.lower():
            return iso3
    raise ValueError(f"unknown country {value!r}: give an ISO 3166 alpha-3 code (SYR) or a name (Syria)")


def parse_bbox(value: str) -> tuple[float, float, float, float]:
    try:
        west, south, east, north = (float(p) for p in value.split(","))
    except ValueError:
        raise ValueError("bbox must be four numbers: west,south,east,north (degrees)") from None
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise ValueError("bbox out of range: west and east in [-180, 180], -90 <= south <= north <= 90")
    return west, south, east, north


def _bad(message: str, status: int = 422) -> HTTPException:
    return HTTPException(status_code=status, detail=message)


def event_filters(
    country: Annotated[str | None, Query(max_length=64, description="ISO3 code or name (SYR, Syria).")] = None,
    admin1: Annotated[str | None, Query(max_length=256, description="First-level region, exact name (Aleppo).")] = None,
    bbox: Annotated[str | None, Query(max_length=100, description="west,south,east,north in degrees.")] = None,
    date_from: Annotated[dt.date | None, Query(description="Events on or after this date.")] = None,
    date_to: Annotated[dt.date | None, Query(description="Events on or before this date.")] = None,
    actor: Annotated[str | None, Query(max_length=256, description="Part of an actor's name (either side).")] = None,
    type: Annotated[str | None,  # noqa: A002 - the public parameter's name
                    Query(max_length=64, description="ACLED event or sub-event type, or PLOVER code.")] = None,
    sub_type: Annotated[str | None, Query(max_length=64, description="ACLED sub-event type.")] = None,
    min_fatalities: Annotated[int | None, Query(ge=0, le=10_000_000)] = None,
    modality: Annotated[str, Query(description="asserted (default), future, hypothetical, negated, or all.")
                        ] = "asserted",
    q: Annotated[str | None, Query(max_length=200, description="Words that must all appear in the evidence.")] = None,
    review: Annotated[str, Query(description="active (default), rejected, or all.")] = "active",
) -> dict[str, Any]:
    for name, value in (("country", country), ("admin1", admin1), ("bbox", bbox), ("actor", actor), ("type", type),
                        ("sub_type", sub_type), ("q", q)):
        if value and "\x00" in value:  # PostgreSQL refuses it in a query
            raise _bad(f"{name} contains a NUL character")
    if modality != "all" and modality not in MODALITIES:
        raise _bad(f"modality must be 'all' or one of: {', '.join(MODALITIES)}")
    if review not in ("active", "rejected", "all"):
        raise _bad("review must be active, rejected or all")
    if date_from and date_to and date_from > date_to:
        raise _bad("date_from is after date_to")
    try:
        iso3 = country_code(country) if country and country.strip() else None
        box = parse_bbox(bbox) if bbox else None
    except ValueError as exc:
        raise _bad(str(exc)) from None
    return dict(country=iso3, admin1=admin1 or None, bbox=box, date_from=date_from, date_to=date_to,
                actor=(actor or "").strip() or None, event_type=(type or "").strip() or None,
                sub_event_type=(sub_type or "").strip() or None, min_fatalities=min_fatalities,
                modality=None if modality == "all" else modality, text=(q or "").strip() or None,
                include_rejected=review == "all", status="rejected" if review == "rejected" else None)


Filters = Annotated[dict[str, Any], Depends(event_filters)]


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
        raise _bad("cursor is not one this server handed out (pass next_cursor unchanged)", 400) from None


def event_out(ev) -> dict[str, Any]:  # noqa: ANN001 - a store.StoredEvent
    d = ev.to_dict()
    if not ev.sources:
        d.pop("sources", None)
    return d


def review_state(reviews: list[dict[str, Any]]) -> str:
    """unreviewed, accepted, rejected or edited: the latest verdict on the whole event, else 'edited' when a
    field was changed."""
    verdicts = [r["status"] for r in reviews if r["field"] == "event"]
    if verdicts:
        return verdicts[-1]
    return "edited" if any(r["status"] == "edited" for r in reviews) else "unreviewed"


def review_steps(body: ReviewIn, record: dict[str, Any]) -> list[tuple[str, str, Any]]:
    """The (field, status, new value) reviews one PATCH body stands for, in the order they apply."""
    steps: list[tuple[str, str, Any]] = []
    ch = body.changes
    if ch is not None:
        given = ch.model_fields_set
        if "sub_event_type" in given and ch.sub_event_type:
            steps.append(("sub_event_type", "edited", ch.sub_event_type))
            etype = ACLED_SUB_TO_TYPE[ch.sub_event_type]
            if "event_type" in given and ch.event_type and ch.event_type != etype:
                raise _bad(f"sub_event_type {ch.sub_event_type!r} belongs to {etype!r}, not {ch.event_type!r}")
            if record.get("event_type") != etype:
                steps.append(("event_type", "edited", etype))
        elif "event_type" in given and ch.event_type:
            steps.append(("event_type", "edited", ch.event_type))
            if ACLED_SUB_TO_TYPE.get(record.get("sub_event_type") or "") not in (None, ch.event_type):
                steps.append(("sub_event_type", "edited", None))  # the old sub-type belongs to another type
        if "actor1" in given and (ch.actor1 or "").strip():
            steps.append(("actor1.name", "edited", ch.actor1.strip()))
        if "actor2" in given:
            name = (ch.actor2 or "").strip()
            steps.append(("actor2.name", "edited", name) if name else ("actor2", "rejected", None))
        if "location" in given and ch.location is not None:
            for key in sorted(ch.location.model_fields_set):
                steps.append((f"location.{key}", "edited", getattr(ch.location, key)))
        if "date" in given and ch.date is not None:
            steps.append(("date", "edited", ch.date.isoformat()))
        if "fatalities" in given:
            steps.append(("fatalities", "edited", ch.fatalities))
    if body.decision is not None:
        steps.append(("event", "accepted" if body.decision == Decision.accept else "rejected", None))
    if not steps:
        raise _bad("nothing to review: give a decision (accept, reject) and/or changes")
    return steps


# -- the application -----------------------------------------------------------------------------------------
class BodyLimit:
    """Refuses request bodies over `limit` bytes with 413, whether announced by Content-Length or not: the
    body is read (up to the limit) before the app sees it, so a body too large never half-reaches a route."""

    def __init__(self, app, limit: int):  # noqa: ANN001
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):  # noqa: ANN001
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            return await self.app(scope, receive, send)
        for name, value in scope.get("headers", []):
            if name == b"content-length" and value.isdigit() and int(value) > self.limit:
                return await _too_large(self.limit, send)
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client went away
                return
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > self.limit:
                return await _too_large(self.limit, send)
            if not message.get("more_body"):
                break
        body, replayed = b"".join(chunks), False

        async def replay():
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


async def _too_large(limit: int, send) -> None:  # noqa: ANN001
    body = json.dumps({"detail": f"request body over the limit of {limit} bytes"}).encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def fast_json(content: Any) -> Response:
    return Response(json.dumps(content, ensure_ascii=False, default=str, allow_nan=False),
                    media_type="application/json")


class SlowResultCache:
    """Keeps results that took long to compute (the stats of a whole large table) for `ttl` seconds, so that a
    dashboard opened by several analysts does not recompute them each time. Writes through this API clear it;
    changes made by another process show within `ttl`."""

    def __init__(self, ttl: float = 60.0, slow: float = 0.2, size: int = 64):
        self.ttl, self.slow, self.size = ttl, slow, size
        self._items: dict[Any, tuple[float, Any]] = {}
        self._lock = threading.Lock()

    def get(self, key: Any, compute):  # noqa: ANN001
        now = time.monotonic()
        with self._lock:
            hit = self._items.get(key)
            if hit and now - hit[0] < self.ttl:
                return hit[1]
        value = compute()
        done = time.monotonic()
        if done - now >= self.slow:
            with self._lock:
                if len(self._items) >= self.size:
                    self._items.pop(min(self._items, key=lambda k: self._items[k][0]))
                self._items[key] = (done, value)
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


class _Extractor:
    """One pipeline for the process, loaded on first use; spaCy is not run from two threads at once."""

    def __init__(self, model: str | None):
        self.model = model
        self._pipeline = None
        self.lock = threading.Lock()

    @property
    def pipeline(self):
        if self._pipeline is None:
            from eventwire.extraction.pipeline import Pipeline

            self._pipeline = Pipeline(model=self.model, workers=1)
        return self._pipeline


def create_app(store_url: str | None = None, private: bool = False, *, store: Store | None = None,
               max_body_bytes: int = MAX_BODY_BYTES, model: str | None = None) -> FastAPI:
    """The app over `store` (or a Store opened at `store_url`, else $EVENTWIRE_DB / ./eventwire.db)."""
    store = store or Store(store_url)
    extractor = _Extractor(model)
    stats_cache = SlowResultCache()
    app = FastAPI(
        title="eventwire", version=__version__, docs_url=None, redoc_url=None,
        description="Conflict events extracted from news articles: query, review, export. "
                    "Writes need a bearer token (`eventwire token create NAME`)."
                    + (" This server is private: reads need a token too." if private else ""))
    app.state.store, app.state.private = store, private
    bearer = HTTPBearer(auto_error=False, description="A token from `eventwire token create NAME`.")

    def who(creds: HTTPAuthorizationCredentials | None) -> str:
        name = store.check_token(creds.credentials) if creds else None
        if name is None:
            raise HTTPException(401, "a valid bearer token is needed (eventwire token create NAME)" if creds
                                else "this needs a bearer token: Authorization: Bearer <token>",
                                headers={"WWW-Authenticate": "Bearer"})
        return name

    def writer(creds: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> str:
        return who(creds)

    def reader(creds: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> str | None:
        return who(creds) if private else None

    Reader = Annotated[str | None, Depends(reader)]
    Writer = Annotated[str, Depends(writer)]
    EventId = Annotated[str, PathParam(pattern=r"^([0-9]{1,18}|ew-[0-9a-f]{16})$",
                                       description="The event's id, or its uid (ew-...).")]

    @app.exception_handler(StoreError)
    async def _store_error(request: Request, exc: StoreError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=503)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        """422 with the FastAPI details plus one readable line ('body.text: Field required')."""
        errors = exc.errors()
        lines = ["{}: {}".format(".".join(str(p) for p in e.get("loc", ())), e.get("msg", "invalid"))
                 for e in errors]
        brief = [{k: e[k] for k in ("type", "loc", "msg") if k in e} for e in errors]  # the input is not echoed
        return JSONResponse({"detail": "; ".join(lines) or "invalid request",
                             "errors": json.loads(json.dumps(brief, default=str))}, status_code=422)

    # -- events -------------------------------------------------------------------------------------------
    @app.get("/api/events", response_model=EventPage, tags=["events"])
    def list_events(filters: Filters, _: Reader,
                    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
                    cursor: Annotated[str | None, Query(max_length=200)] = None,
                    order: Order = Order.newest,
                    sources: Annotated[bool, Query(description="Include each event's sources.")] = False,
                    count: Annotated[bool, Query(description="Also count all matching events.")] = False):
        """Matching events, newest first (undated last). Follow `next_cursor` for the next page."""
        after = decode_cursor(cursor) if cursor else None
        page, nxt = store.page_events(after=after, limit=limit, newest_first=order == Order.newest,
                                      with_sources=sources, **filters)
        # serialised here: FastAPI's generic encoder would walk every record again (a third of the time)
        return fast_json({"events": [event_out(e) for e in page],
                          "next_cursor": encode_cursor(nxt) if nxt else None,
                          "total": store.count_events(**filters) if count else None})

    @app.get("/api/events/{event_id}", tags=["events"])
    def get_event(event_id: EventId, _: Reader) -> dict[str, Any]:
        """One event with every source that reported it (evidence, article), and its review trail."""
        ev = store.get_event(int(event_id) if event_id.isdigit() else event_id) if _id_ok(event_id) else None
        if ev is None:
            raise HTTPException(404, f"no event {event_id}")
        d = ev.to_dict()
        d["reviews"] = store.reviews(ev.id)
        d["review"] = review_state(d["reviews"])
        return d

    @app.patch("/api/events/{event_id}", tags=["review"])
    def review_event(event_id: EventId, body: ReviewIn, reviewer: Writer) -> dict[str, Any]:
        """Accept or reject an event, and/or correct its type, actors, place, date and fatalities. Every change
        is kept (who, when, old and new value); the event, its listings and exports show the reviewed values."""
        ev = store.get_event(int(event_id) if event_id.isdigit() else event_id) if _id_ok(event_id) else None
        if ev is None:
            raise HTTPException(404, f"no event {event_id}")
        for field, status, value in review_steps(body, ev.record):
            store.add_review(ev.id, field, status, value, reviewer=reviewer, comment=body.comment)
        stats_cache.clear()
        return get_event(str(ev.id), None)

    # -- articles ------------------------------------------------------------------------------------------
    @app.get("/api/articles/{article_id}", tags=["articles"])
    def get_article(article_id: Annotated[int, PathParam(ge=1, le=MAX_ID)], _: Reader) -> dict[str, Any]:
        """A stored article with its full text (show it as text: it is never HTML)."""
        art = store.get_article(article_id)
        if art is None:
            raise HTTPException(404, f"no article {article_id}")
        return art.to_dict()

    @app.post("/api/articles", response_model=IngestOut, status_code=201, tags=["articles"],
              responses={200: {"description": "Already stored (same URL or same text): nothing added."}})
    def ingest_article(body: ArticleIn, _: Writer,
                       dedup: Annotated[bool, Query(description="Re-cluster events after storing.")] = True):
        """Extract the article's events and store both; a known article (URL or text) adds nothing."""
        from eventwire.sources.read import text_problem
        from eventwire.records import Article

        problem = text_problem(body.text)
        if problem:
            raise _bad(problem)
        art = Article(id=body.id or "api", text=body.text, published=body.published,
                      title=body.title, url=body.url, source=body.source)
        if store.has_article(url=body.url):
            return JSONResponse({"article_id": None, "duplicate": True, "event_ids": []}, status_code=200)
        with extractor.lock:
            result = next(extractor.pipeline.pipe([art]))
        if result.error:
            raise _bad(f"the article could not be processed: {result.error}")
        added = store.add_result(result, extractor=__version__)
        if added.duplicate:
            return JSONResponse({"article_id": added.article_id, "duplicate": True, "event_ids": []},
                                status_code=200)
        if dedup:
            store.run_dedup()
        stats_cache.clear()
        ids = sorted({e.id for e in (store.get_event(i) for i in added.event_ids) if e is not None})
        return {"article_id": added.article_id, "duplicate": False, "event_ids": ids}

    @app.post("/api/extract", tags=["extract"])
    def extract(body: ExtractIn, _: Reader) -> dict[str, Any]:
        """The events of one text, as SCHEMA records. Nothing is stored."""
        from eventwire.sources.read import text_problem
        from eventwire.records import Article

        problem = text_problem(body.text)
        if problem:
            raise _bad(problem)
        with extractor.lock:
            result = next(extractor.pipeline.pipe([Article(id="0", text=body.text, published=body.published)]))
        if result.error:
            raise _bad(f"the text could not be processed: {result.error}")
        events = [e.to_dict() for e in result.events if body.all or e.modality == "asserted"]
        return {"events": events}

    # -- aggregates and exports ----------------------------------------------------------------------------
    @app.get("/api/stats", tags=["events"])
    def stats(filters: Filters, _: Reader,
              top: Annotated[int, Query(ge=1, le=200, description="How many countries and actors.")] = 20):
        """Counts and fatalities of the matching events per day, event type, country and actor."""
        return fast_json(stats_cache.get((top, tuple(sorted(filters.items()))),
                                         lambda: store.aggregate(top=top, **filters)))

    @app.get("/api/export", tags=["events"], response_class=Response,
             responses={200: {"description": "The file.", "content": {
                 "text/csv": {}, "application/x-ndjson": {}, "application/geo+json": {},
                 "application/vnd.apache.parquet": {}}}})
    def export(filters: Filters, _: Reader, format: ExportFormat,  # noqa: A002
               limit: Annotated[int | None, Query(ge=1, le=10_000_000)] = None):
        """The filtered events after dedup and reviews (reviewers' corrections, rejected events left out)."""
        from eventwire import export as export_mod

        suffix, media = {
            ExportFormat.acled_csv: (".csv", "text/csv"),
            ExportFormat.plover_jsonl: (".jsonl", "application/x-ndjson"),
            ExportFormat.geojson: (".geojson", "application/geo+json"),
            ExportFormat.parquet: (".parquet", "application/vnd.apache.parquet"),
        }[format]
        fd, path = tempfile.mkstemp(prefix="eventwire-export-", suffix=suffix)
        os.close(fd)
        try:
            export_mod.export(store.iter_events(limit=limit, **filters), format.value, path)
        except BaseException:
            os.unlink(path)
            raise
        return FileResponse(path, media_type=media, filename=f"eventwire-events{suffix}",
                            background=BackgroundTask(os.unlink, path))

    @app.get("/api/meta", tags=["meta"])
    def meta(_: Reader) -> dict[str, Any]:
        """The choices the dashboard offers: event types, sub-types, PLOVER codes, modalities, countries."""
        countries = _countries()
        return {"version": __version__, "private": private, "event_types": list(ACLED_EVENT_TYPES),
                "sub_event_types": ACLED_SUB_TO_TYPE, "plover_events": list(PLOVER_EVENTS),
                "modalities": list(MODALITIES),
                "countries": {iso3: c["name"] for iso3, c in sorted(countries.items())}}

    @app.get("/api/whoami", tags=["meta"])
    def whoami(name: Writer) -> dict[str, str]:
        """The name of the bearer token's holder (the reviewer its changes are recorded under)."""
        return {"name": name}

    @app.get("/api/health", tags=["meta"])
    def health() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    # -- the dashboard and the docs ------------------------------------------------------------------------
    @app.get("/", include_in_schema=False)
    def dashboard() -> Response:
        index = STATIC_DIR / "index.html"
        return HTMLResponse(index.read_text(encoding="utf-8"),
                            headers={"Content-Security-Policy": DASHBOARD_CSP, "X-Content-Type-Options": "nosniff",
                                     "Referrer-Policy": "no-referrer", "Cache-Control": "no-cache"})

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url=app.openapi_url, title="eventwire API",
                                   swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
                                   swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
                                   swagger_favicon_url="/static/vendor/swagger-ui/favicon-32x32.png")

    app.mount("/static", StaticFiles(directory=STATIC_DIR, check_dir=False), name="static")
    app.add_middleware(BodyLimit, limit=max_body_bytes)
    return app


def _id_ok(event_id: str) -> bool:
    return not event_id.isdigit() or int(event_id) < MAX_ID


def vendor_missing() -> list[str]:
    """The dashboard's browser libraries that are not in place (`npm ci` copies them)."""
    need = ["leaflet/leaflet.js", "markercluster/leaflet.markercluster.js", "topojson/topojson-client.min.js",
            "world-atlas/countries-50m.json", "swagger-ui/swagger-ui-bundle.js"]
    return [n for n in need if not (VENDOR_DIR / n).is_file()]
