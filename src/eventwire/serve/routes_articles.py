"""GET /api/articles/{id}, POST /api/articles (ingest one article), POST /api/extract (nothing stored)."""

# No `from __future__ import annotations`: FastAPI reads the route functions' annotations at run time.
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query
from fastapi import Path as PathParam
from fastapi.responses import JSONResponse

from eventwire.records import Article
from eventwire.serve.deps import MAX_ID, ApiContext, Ctx, Editor, ExtractCaller, Reader, bad
from eventwire.serve.extract_jobs import MAX_EXTRACT_CHARS
from eventwire.serve.schemas import ArticleIn, ExtractIn, IngestOut

router = APIRouter()


@router.get("/api/articles/{article_id}", tags=["articles"])
def get_article(article_id: Annotated[int, PathParam(ge=1, le=MAX_ID)], _: Reader, ctx: Ctx) -> dict[str, Any]:
    """A stored article with its full text (show it as text: it is never HTML)."""
    art = ctx.store.get_article(article_id)
    if art is None:
        raise HTTPException(404, f"no article {article_id}")
    return art.to_dict()


@router.post("/api/articles", response_model=IngestOut, status_code=201, tags=["articles"],
             responses={200: {"description": "Already stored (same URL or same text): nothing added."}})
def ingest_article(body: ArticleIn, _: Editor, ctx: Ctx,
                   dedup: Annotated[bool, Query(description="Re-cluster events after storing.")] = True):
    """Extract the article's events and store both; a known article (URL or text) adds nothing."""
    # imported on use, as the text checks load spaCy: the server starts without it
    from eventwire.ingest import Ingester

    art = Article(id=body.id or "api", text=body.text, published=body.published,
                  title=body.title, url=body.url, source=body.source)
    # known_by_text=False: a text stored before is recognised by the store, which answers with its id
    [outcome] = Ingester(ctx.store, ctx.extractor, known_by_text=False).run([("api", art)])
    if outcome.kind in ("not-english", "unusable"):
        raise bad(outcome.message)
    if outcome.exception is not None:
        raise outcome.exception  # the database's failure: the app's handlers answer it
    if outcome.kind == "error":
        raise bad(f"the article could not be processed: {outcome.message}")
    if outcome.kind == "known":
        return JSONResponse({"article_id": outcome.added.article_id if outcome.added else None, "duplicate": True,
                             "event_ids": []}, status_code=200)
    if dedup:
        ctx.store.run_dedup()
    ctx.stats_cache.clear()
    events = (ctx.store.get_event(i) for i in outcome.added.event_ids)  # the reports' events after dedup
    return {"article_id": outcome.added.article_id, "duplicate": False,
            "event_ids": sorted({e.id for e in events if e is not None})}


@router.post("/api/extract", tags=["extract"], responses={
    413: {"description": f"The text is longer than the server's limit ({MAX_EXTRACT_CHARS:,} characters unless "
                         "the operator set `--extract-max-chars`), or the body is over the server's limit."},
    429: {"description": "Too many extractions in hand (`--extract-queue`): try again after `Retry-After` "
                         "seconds."}})
async def extract(body: ExtractIn, _: ExtractCaller, ctx: Ctx) -> dict[str, Any]:
    """The events of one text, as SCHEMA records. Nothing is stored. Extraction runs on a worker thread
    behind a bounded queue: the other routes keep answering meanwhile."""
    limit = ctx.extract.max_chars
    if len(body.text) > limit:
        raise bad(f"the text has {len(body.text):,} characters, over this server's limit of {limit:,} for "
                  "/api/extract: split it", 413)
    return await ctx.extract_jobs.run(_extract_events, ctx, body)


def _extract_events(ctx: ApiContext, body: ExtractIn) -> dict[str, Any]:
    from eventwire.sources.language import text_problem

    problem = text_problem(body.text)
    if problem:
        raise bad(problem)
    [result] = ctx.extractor.pipe([Article(id="0", text=body.text, published=body.published)])
    if result.error:
        raise bad(f"the text could not be processed: {result.error}")
    return {"events": [e.to_dict() for e in result.events if body.all or e.modality == "asserted"]}
