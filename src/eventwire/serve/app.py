"""The HTTP API and the web dashboard (FastAPI): `eventwire serve`, or `create_app()` under any ASGI server.

    GET    /api/events              filtered events, newest first, in cursor pages
    GET    /api/events/{id}         one event (id or uid) with every source, its evidence and its review trail
    PATCH  /api/events/{id}         review: accept, reject, or edit type, actors, place, date, fatalities
    GET    /api/articles/{id}       one stored article with its text
    GET    /api/stats               counts and fatalities per day, event type, country and actor
    GET    /api/export?format=...   ACLED CSV, PLOVER JSONL, GeoJSON or Parquet of the filtered events
    POST   /api/extract             text in, events out (nothing stored)
    POST   /api/articles            ingest one article (extract, store, dedup)
    GET    /api/review/queue        the events no one has reviewed yet, lowest confidence first, and progress
    POST   /api/review/bulk         accept or reject every event of a filtered selection (one action)
    POST   /api/review/undo         undo the reviewer's last action (one review or one bulk review)
    GET    /api/actors/unresolved   actor names the catalogue did not know (`eventwire actors --unresolved`)
    GET    /api/meta, /api/health   what the dashboard's menus offer; liveness
    GET    /api/places/labels       region and town names for the map's view (from the gazetteer)
    GET    /api/whoami              the token's holder and role
    GET, POST /api/tokens, DELETE /api/tokens/{id}   list, create, revoke tokens (admin)
    GET    /                        the dashboard (static files of eventwire/serve/web/static)
    GET    /docs                    the OpenAPI page (Swagger UI from the same static folder: works offline)

Writes need `Authorization: Bearer <token>` (`eventwire token create NAME --role ROLE` prints one; the store
keeps its SHA-256) of a role high enough (deps.require): reviewer to review, editor to ingest, admin for
tokens; the token's name is the reviewer in the audit trail. With private=True, reads need a token too (any
role). 401: no live token; 403: a token whose role is too low.
Bad input gets a 4xx whose `detail` (a string) says what is wrong; openapi.py documents every route's errors.
Every response carries the browser's security headers (middleware.SecurityHeaders). /api/extract runs on
worker threads behind a bounded queue, with a length limit (extract_jobs.py); the operator may require a token.

The routes are in routes_*.py, the request bodies in schemas.py, the event filters in filters.py; this module
wires them into an app.
"""

# No `from __future__ import annotations`: FastAPI reads the handlers' annotations.
import base64
import contextlib
import gc
import hashlib
import json
import os
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from eventwire import __version__
from eventwire.serve import openapi, routes_articles, routes_events, routes_places, routes_review, routes_stats, routes_tokens
from eventwire.serve.cache import ChangeWatch, ResponseCache, SlowResultCache
from eventwire.serve.deps import ApiContext, Extractor
from eventwire.serve.extract_jobs import ExtractSettings
from eventwire.serve.filters import decode_cursor, encode_cursor
from eventwire.serve.middleware import BodyLimit, ResponseCaching, SecurityHeaders, security_headers
from eventwire.storage.store import Store, StoreError

__all__ = ["ExtractSettings", "ServeConfig", "SlowResultCache", "app_from_env", "create_app", "decode_cursor",
           "encode_cursor", "vendor_missing"]

STATIC_DIR = Path(__file__).with_name("web") / "static"
VENDOR_DIR = STATIC_DIR / "vendor"
MAX_BODY_BYTES = 2 * 1024 * 1024
DASHBOARD_CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                 "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
API_CSP = "default-src 'none'; base-uri 'none'; frame-ancestors 'none'"  # JSON and files: nothing to run
RESPONSE_CACHE_MB = 32
CONFIG_ENV = "EVENTWIRE_SERVE_CONFIG"
CACHED_PATHS = ("/api/events", "/api/stats", "/api/meta")
CACHED_PREFIXES = ("/api/events/", "/api/articles/")


def cacheable(path: str) -> bool:
    """The GET routes whose answers depend on nothing but the request and the database (not /api/export: files;
    not /api/health, /api/whoami, /api/tokens: cheap, or about the caller)."""
    return path in CACHED_PATHS or path.startswith(CACHED_PREFIXES)


@dataclass(frozen=True)
class ServeConfig:
    """What `eventwire serve` hands each worker process (as JSON in $EVENTWIRE_SERVE_CONFIG: uvicorn starts
    workers from an import string, so nothing but the environment reaches them)."""

    db: str | None = None
    private: bool = False
    model: str | None = None
    extract: ExtractSettings = field(default_factory=ExtractSettings)
    cache_mb: float = RESPONSE_CACHE_MB

    def to_env(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_env(cls, environ=None) -> "ServeConfig":  # noqa: ANN001 - a mapping, os.environ by default
        raw = (os.environ if environ is None else environ).get(CONFIG_ENV)
        if not raw:
            return cls(extract=ExtractSettings.from_env())
        given = json.loads(raw)
        return cls(**{**given, "extract": ExtractSettings(**given.get("extract", {}))})


def app_from_env() -> FastAPI:
    """The app factory of `eventwire serve --workers N` (`uvicorn --factory eventwire.serve.app:app_from_env`):
    each worker process builds its own app, store connections and caches from $EVENTWIRE_SERVE_CONFIG."""
    config = ServeConfig.from_env()
    return create_app(config.db, private=config.private, model=config.model, extract=config.extract,
                      cache_mb=config.cache_mb)


def create_app(store_url: str | None = None, private: bool = False, *, store: Store | None = None,
               max_body_bytes: int = MAX_BODY_BYTES, model: str | None = None,
               extract: ExtractSettings | None = None, pipeline=None,  # noqa: ANN001
               cache_mb: float = RESPONSE_CACHE_MB, gazetteer=None) -> FastAPI:  # noqa: ANN001
    """The app over `store` (or a Store opened at `store_url`, else $EVENTWIRE_DB / ./eventwire.db).
    extract: /api/extract's limits (default: ExtractSettings.from_env()); pipeline: anything with Pipeline's
    `pipe` to extract with (default: a Pipeline of `model`, loaded on first use); cache_mb: the memory for
    answers kept (serve.cache.ResponseCache; 0: none kept, ETags and gzip still given); gazetteer: the
    geo.gazetteer.Gazetteer the map's place labels come from (default: the default index, on first use)."""
    store = store or Store(store_url)
    extract = extract or ExtractSettings.from_env()
    changes = ChangeWatch(store)
    app = FastAPI(
        title="eventwire", version=__version__, docs_url=None, redoc_url=None, lifespan=_lifespan,
        description="Conflict events extracted from news articles: query, review, export. "
                    "Writes need a bearer token of a role high enough: reviewer to review, editor to "
                    "ingest, admin for tokens (`eventwire token create NAME --role ROLE`)."
                    + (" This server is private: reads need a token too." if private else ""))
    app.state.store, app.state.private = store, private
    app.state.ctx = ApiContext(store=store, private=private, extractor=Extractor(model, pipeline), extract=extract,
                               stats_cache=SlowResultCache(mark=changes.mark), changes=changes,
                               places=gazetteer)
    app.state.responses = ResponseCache(changes, max_bytes=int(cache_mb * 1024 * 1024))
    openapi.install(app, extract.max_chars)

    @app.exception_handler(StoreError)
    async def _store_error(request: Request, exc: StoreError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=503)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        """A bug, not bad input: the caller still gets JSON with a string detail (the traceback goes to the
        server's log, never to the caller)."""
        # this answer is sent from outside the middleware: it gets the security headers here
        return JSONResponse({"detail": f"internal error ({type(exc).__name__}): the request was not completed"},
                            status_code=500, headers=dict(security_headers(API_CSP)))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        """422 with the FastAPI details plus one readable line ('body.text: Field required')."""
        errors = exc.errors()
        lines = ["{}: {}".format(".".join(str(p) for p in e.get("loc", ())), e.get("msg", "invalid"))
                 for e in errors]
        brief = [{k: e[k] for k in ("type", "loc", "msg") if k in e} for e in errors]  # the input is not echoed
        return JSONResponse({"detail": "; ".join(lines) or "invalid request",
                             "errors": json.loads(json.dumps(brief, default=str))}, status_code=422)

    for routes in (routes_events, routes_articles, routes_review, routes_stats, routes_tokens, routes_places):
        app.include_router(routes.router)

    # -- the dashboard and the docs ------------------------------------------------------------------------
    @app.get("/", include_in_schema=False)
    def dashboard() -> Response:
        index = STATIC_DIR / "index.html"
        return HTMLResponse(index.read_text(encoding="utf-8"), headers={"Cache-Control": "no-cache"})

    docs_page = get_swagger_ui_html(openapi_url=app.openapi_url, title="eventwire API",
                                    swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
                                    swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
                                    swagger_favicon_url="/static/vendor/swagger-ui/favicon-32x32.png",
                                    swagger_ui_parameters={"validatorUrl": None}).body
    docs_csp = _docs_csp(docs_page.decode("utf-8"))

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(docs_page)

    def csp_for(path: str) -> str:
        if path == "/docs":
            return docs_csp
        return DASHBOARD_CSP if path == "/" or path.startswith("/static/") else API_CSP

    app.mount("/static", StaticFiles(directory=STATIC_DIR, check_dir=False), name="static")
    app.add_middleware(BodyLimit, limit=max_body_bytes)
    app.add_middleware(ResponseCaching, cache=app.state.responses, cacheable=cacheable,
                       cache_control="private, no-cache" if private else "no-cache")
    app.add_middleware(SecurityHeaders, csp_for=csp_for)  # added last, so outermost: the 413s get them too
    return app


@contextlib.asynccontextmanager
async def _lifespan(app: FastAPI):
    # what start-up made (modules, the app, the store's engine) lives as long as the server: kept out of the
    # garbage collector's full passes, which walked it all every few large answers (/api/stats at 1M events: a
    # 150-260 ms stall every fifth request)
    gc.collect()
    gc.freeze()
    yield
    gc.unfreeze()  # what the app held may be garbage now (an app started and ended in one process, as tests do)
    app.state.ctx.extract_jobs.close()  # the extraction threads end with the server
    app.state.ctx.changes.close()


def _docs_csp(page: str) -> str:
    """The dashboard's policy, plus Swagger UI's one inline script allowed by its hash (no 'unsafe-inline')."""
    hashes = " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()}'"
                      for script in re.findall(r"<script>(.*?)</script>", page, flags=re.DOTALL))
    return DASHBOARD_CSP.replace("script-src 'self'", f"script-src 'self' {hashes}")


def vendor_missing() -> list[str]:
    """The dashboard's browser libraries that are not in place (`npm ci` copies them)."""
    need = ["leaflet/leaflet.js", "markercluster/leaflet.markercluster.js", "topojson/topojson-client.min.js",
            "world-atlas/countries-50m.json", "world-atlas/country-labels.json", "swagger-ui/swagger-ui-bundle.js"]
    return [n for n in need if not (VENDOR_DIR / n).is_file()]
