"""What every route depends on: the app's context (store, extractor, cache), the bearer-token and role checks
(`require(role)`: see eventwire/roles.py for the roles), errors."""

# No `from __future__ import annotations`: FastAPI reads the dependencies' annotations at run time.
import threading
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from eventwire.roles import TokenHolder, check_role
from eventwire.serve.cache import SlowResultCache
from eventwire.serve.extract_jobs import ExtractSettings, JobQueue

MAX_ID = 2**31 - 1  # ids are 32-bit integers on PostgreSQL: refuse larger ones before the database does
MAX_BULK_REVIEW = 500  # events one bulk review may change: a wider selection is narrowed first, not guessed at


class Extractor:
    """One pipeline for the process (`pipeline`, or one loaded on first use); spaCy is not run from two threads
    at once."""

    def __init__(self, model: str | None, pipeline=None):  # noqa: ANN001 - anything with Pipeline's `pipe`
        self.model = model
        self._pipeline = pipeline
        self.lock = threading.Lock()

    @property
    def pipeline(self):
        if self._pipeline is None:
            from eventwire.extraction.pipeline import Pipeline

            self._pipeline = Pipeline(model=self.model, workers=1)
        return self._pipeline

    @property
    def language(self):
        """The language data of the pipeline (the default language until one is given or loaded)."""
        from eventwire.lang import DEFAULT_LANGUAGE, LanguageData

        language = getattr(self._pipeline, "language", None)
        return language if language is not None else LanguageData(DEFAULT_LANGUAGE)

    def catalogue(self):
        """The pipeline's actor catalogue (loaded without spaCy's model); a stand-in pipeline without one gets a
        catalogue of its language."""
        catalogue = getattr(self.pipeline, "catalogue", None)
        if catalogue is None:
            from eventwire.extraction.actors import load_catalogue

            catalogue = load_catalogue(self.language)
        return catalogue

    def pipe(self, articles) -> list:
        """Pipeline.pipe, under the lock and run to the end (the lock is not held while the caller stores).
        The articles are taken first: when none is left to extract, the model is not even loaded."""
        articles = list(articles)
        if not articles:
            return []
        with self.lock:
            return list(self.pipeline.pipe(articles))


@dataclass
class ApiContext:
    """The state the routes share (app.state.ctx)."""

    store: Any  # storage.store.Store
    private: bool
    extractor: Extractor
    stats_cache: SlowResultCache = field(default_factory=SlowResultCache)
    extract: ExtractSettings = field(default_factory=ExtractSettings)
    changes: Any = None  # serve.cache.ChangeWatch: the store's change mark
    extract_jobs: JobQueue = field(init=False)
    max_bulk_review: int = MAX_BULK_REVIEW
    _review_coder: Any = field(default=None, init=False, repr=False)
    _review_coder_lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)
    places: Any = None  # geo.gazetteer.Gazetteer for the map's labels; the default one is opened on first use
    _places_lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    def __post_init__(self) -> None:
        self.extract_jobs = JobQueue(self.extract.queue)

    def review_coder(self):
        """The serve.review.ReviewCoder, built on first use with the extractor's language and actor catalogue."""
        with self._review_coder_lock:
            if self._review_coder is None:
                from eventwire.serve.review import ReviewCoder, TypeCodes  # it imports this module

                self._review_coder = ReviewCoder(TypeCodes.read(self.extractor.language), self.extractor.catalogue)
            return self._review_coder


    def gazetteer(self):
        """The gazetteer the map's place labels come from (the default index, opened on first use)."""
        with self._places_lock:
            if self.places is None:
                from eventwire.geo.gazetteer import Gazetteer

                self.places = Gazetteer.open_default(show_progress=False)
            return self.places


def bad(message: str, status: int = 422) -> HTTPException:
    return HTTPException(status_code=status, detail=message)


# The dependencies every read goes through are `async def` where they do no I/O: FastAPI runs a plain `def` one
# on a worker thread, and under load each such hop (queueing for the thread pool and the GIL) costs more than
# the work itself.
async def context(request: Request) -> ApiContext:
    return request.app.state.ctx


Ctx = Annotated[ApiContext, Depends(context)]
bearer = HTTPBearer(auto_error=False, description="A token from `eventwire token create NAME --role ROLE`.")
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]


def holder(ctx: ApiContext, creds: HTTPAuthorizationCredentials | None) -> TokenHolder:
    """Who holds the bearer token (name and role); 401 without a live token."""
    found = ctx.store.token_holder(creds.credentials) if creds else None
    if found is None:
        raise HTTPException(401, "a valid bearer token is needed (eventwire token create NAME)" if creds
                            else "this needs a bearer token: Authorization: Bearer <token>",
                            headers={"WWW-Authenticate": "Bearer"})
    return found


def who(ctx: ApiContext, creds: HTTPAuthorizationCredentials | None) -> str:
    """The name of the token's holder; 401 without a valid token."""
    return holder(ctx, creds).name


def require(minimum: str):
    """The dependency of a route that needs a token of role `minimum` or above: 401 without a live token, 403
    with a token whose role is below it. It gives the route the TokenHolder."""
    check_role(minimum)

    def role_at_least(ctx: Ctx, creds: Credentials) -> TokenHolder:
        found = holder(ctx, creds)
        if not found.may(minimum):
            raise HTTPException(403, f"this needs the {minimum} role or above; {found.name!r} holds a {found.role} "
                                     f"token (an admin can make a {minimum} token: eventwire token create NAME "
                                     f"--role {minimum})")
        return found

    role_at_least.__name__ = f"require_{minimum}"
    return role_at_least


require_token = require("reader")


async def reader(ctx: Ctx, creds: Credentials) -> TokenHolder | None:
    """Reads are open, unless the server is private: then any live token may read (looked up on a worker
    thread: the event loop never waits for the database)."""
    return await run_in_threadpool(require_token, ctx, creds) if ctx.private else None


Reader = Annotated[TokenHolder | None, Depends(reader)]
AnyToken = Annotated[TokenHolder, Depends(require_token)]
Reviewer = Annotated[TokenHolder, Depends(require("reviewer"))]
Editor = Annotated[TokenHolder, Depends(require("editor"))]
Admin = Annotated[TokenHolder, Depends(require("admin"))]


def extract_caller(ctx: Ctx, creds: Credentials) -> TokenHolder | None:
    """POST /api/extract: open to all unless the server is private or the operator requires a token for it
    (then any live token, of any role, may extract)."""
    return require_token(ctx, creds) if ctx.private or ctx.extract.requires_token else None


ExtractCaller = Annotated[TokenHolder | None, Depends(extract_caller)]
