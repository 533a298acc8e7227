"""What every route depends on: the app's context (store, extractor, cache), the bearer-token checks, errors."""

# No `from __future__ import annotations`: FastAPI reads the dependencies' annotations at run time.
import threading
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from eventwire.serve.cache import SlowResultCache
from eventwire.serve.extract_jobs import ExtractSettings, JobQueue

MAX_ID = 2**31 - 1  # ids are 32-bit integers on PostgreSQL: refuse larger ones before the database does


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
    extract_jobs: JobQueue = field(init=False)

    def __post_init__(self) -> None:
        self.extract_jobs = JobQueue(self.extract.queue)


def bad(message: str, status: int = 422) -> HTTPException:
    return HTTPException(status_code=status, detail=message)


def context(request: Request) -> ApiContext:
    return request.app.state.ctx


Ctx = Annotated[ApiContext, Depends(context)]
bearer = HTTPBearer(auto_error=False, description="A token from `eventwire token create NAME`.")
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]


def who(ctx: ApiContext, creds: HTTPAuthorizationCredentials | None) -> str:
    """The name of the token's holder; 401 without a valid token."""
    name = ctx.store.check_token(creds.credentials) if creds else None
    if name is None:
        raise HTTPException(401, "a valid bearer token is needed (eventwire token create NAME)" if creds
                            else "this needs a bearer token: Authorization: Bearer <token>",
                            headers={"WWW-Authenticate": "Bearer"})
    return name


def writer(ctx: Ctx, creds: Credentials) -> str:
    return who(ctx, creds)


def reader(ctx: Ctx, creds: Credentials) -> str | None:
    return who(ctx, creds) if ctx.private else None


def extract_caller(ctx: Ctx, creds: Credentials) -> str | None:
    """POST /api/extract: open to all unless the server is private or the operator requires a token for it."""
    return who(ctx, creds) if ctx.private or ctx.extract.requires_token else None


Reader = Annotated[str | None, Depends(reader)]
ExtractCaller = Annotated[str | None, Depends(extract_caller)]
Writer = Annotated[str, Depends(writer)]
