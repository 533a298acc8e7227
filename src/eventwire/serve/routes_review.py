"""The analyst's workbench: the review queue (GET /api/review/queue), bulk review of a filtered selection (POST
/api/review/bulk), undo of the reviewer's last action (POST /api/review/undo), and the actor names the catalogue
did not know (GET /api/actors/unresolved, what `eventwire actors --unresolved` lists).

The queue and the bulk review take the event filters of /api/events, plus `source` (an outlet) and `state`
(unreviewed, the default, or all). A bulk review obeys the rules of one review (serve/review.py: a rejection
needs its reason) and is one action of one transaction; undo reverts an action exactly (storage/reviews.py)."""

# No `from __future__ import annotations`: FastAPI reads the route functions' annotations at run time.
import base64
import binascii
import json
from typing import Annotated, Any

from fastapi import APIRouter, Query

from eventwire.serve.deps import MAX_ID, Ctx, Reader, Reviewer, bad
from eventwire.serve.filters import Filters
from eventwire.serve.routes_events import event_out, fast_json
from eventwire.serve.schemas import BulkReviewIn, QueueOrder, QueueState, ReviewIn, UndoIn

MAX_QUEUE_PAGE = 200
router = APIRouter()

Source = Annotated[str | None, Query(max_length=512, description="An outlet: one of the event's articles comes "
                                                                 "from it (the article's source, any case).")]
State = Annotated[QueueState, Query(description="unreviewed (default): events no one has reviewed yet; all.")]


def encode_queue_cursor(key: list[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(key).encode()).decode().rstrip("=")


def decode_queue_cursor(value: str, order: QueueOrder) -> list[Any]:
    """The (group,) confidence, id of the last event handed out; 400 for anything else."""
    try:
        key = json.loads(base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)))
        width = 2 if order == QueueOrder.confidence else 3
        if not isinstance(key, list) or len(key) != width:
            raise ValueError
        *group, confidence, ident = key
        if any(not isinstance(g, str) or len(g) > 256 for g in group):
            raise ValueError
        if not isinstance(confidence, int | float) or isinstance(confidence, bool) or confidence != confidence:
            raise ValueError
        if not isinstance(ident, int) or isinstance(ident, bool) or not 0 <= ident < MAX_ID:
            raise ValueError
        return key
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        raise bad("cursor is not one this server handed out for this order (pass next_cursor unchanged)",
                  400) from None


@router.get("/api/review/queue", tags=["review"])
def review_queue(filters: Filters, reviewer: Reviewer, ctx: Ctx, source: Source = None,
                 state: State = QueueState.unreviewed, order: QueueOrder = QueueOrder.confidence,
                 limit: Annotated[int, Query(ge=1, le=MAX_QUEUE_PAGE)] = 50,
                 cursor: Annotated[str | None, Query(max_length=400)] = None):
    """The events to review, lowest confidence first (order=country or type: grouped by it, then by confidence),
    each with its sources and evidence; follow `next_cursor` for more. Events reviewed meanwhile simply leave
    the queue. With the reviewer's progress in this selection: `reviewed_today` (events they reviewed since
    00:00 UTC, rejected ones too), `unreviewed` (events no one has reviewed yet) and `total` (the queue's
    events: the unreviewed ones unless state=all)."""
    after = decode_queue_cursor(cursor, order) if cursor else None
    query = {**filters.query(), "source": source}
    page, nxt = ctx.store.review_queue(after=after, limit=limit, order=order.value, state=state.value, **query)
    unreviewed = ctx.store.count_queue(state="unreviewed", **query)
    return fast_json({
        "events": [event_out(e) for e in page],
        "next_cursor": encode_queue_cursor(nxt) if nxt else None,
        "total": unreviewed if state == QueueState.unreviewed else ctx.store.count_queue(state=state.value, **query),
        "unreviewed": unreviewed,
        "reviewed_today": ctx.store.reviewed_today(reviewer.name, **query),
        "reviewer": reviewer.name,
        "max_bulk": ctx.max_bulk_review,
    })


@router.post("/api/review/bulk", tags=["review"], responses={
    409: {"description": "The selection no longer has `expected` events: nothing was changed."}})
def bulk_review(filters: Filters, body: BulkReviewIn, reviewer: Reviewer, ctx: Ctx, source: Source = None,
                state: State = QueueState.unreviewed) -> dict[str, Any]:
    """Accept or reject every event of the selection (the filters of the queue) with one comment, as one action
    of one transaction: all or none, undone as a whole by POST /api/review/undo. The rules of one review hold
    (a rejection needs its comment). At most the server's limit of events (`max_bulk` of the queue, 500 by
    default): a wider selection gets a 422 that says how many it has. Give `expected`, the count the reviewer
    confirmed, to change nothing if the selection has changed since (409)."""
    # a decision alone depends on no field of the record: its steps, and their checks, are the same for each event
    steps = ctx.review_coder().steps(ReviewIn(decision=body.decision, comment=body.comment), {}, [])
    query = {**filters.query(), "source": source, "state": state.value}
    cap = ctx.max_bulk_review
    ids = ctx.store.queue_ids(limit=cap + 1, **query)
    if len(ids) > cap:
        raise bad(f"the selection has {ctx.store.count_queue(**query)} events, more than the {cap} one bulk review "
                  "may change: narrow the filters (a country, a type, a source, a period) and review it in parts")
    if not ids:
        raise bad("no event matches the selection: nothing to review")
    if body.expected is not None and body.expected != len(ids):
        raise bad(f"the selection has changed: it has {len(ids)} events now, not {body.expected}; nothing was "
                  "changed (look again, then confirm the new count)", 409)
    try:
        action_id = ctx.store.bulk_review(ids, steps, reviewer=reviewer.name, comment=body.comment)
    except KeyError as exc:  # an event merged or gone between the selection and the transaction
        raise bad(f"the selection has changed ({exc.args[0]}): nothing was changed, try again", 409) from None
    except ValueError as exc:  # storage.reviews.ReviewError
        raise bad(str(exc)) from None
    ctx.stats_cache.clear()
    return {"action_id": action_id, "decision": body.decision.value, "changed": len(ids), "event_ids": ids}


@router.post("/api/review/undo", tags=["review"], responses={
    404: {"description": "The reviewer has no review left to undo."},
    409: {"description": "Someone reviewed the action's events since: it cannot be undone exactly."}})
def undo_review(reviewer: Reviewer, ctx: Ctx, body: UndoIn | None = None) -> dict[str, Any]:
    """Undo the reviewer's last action still in force: one review (PATCH) or one bulk review. The events get
    back exactly the values and status they had before it; the history keeps the action, marked undone, and
    the undo. Call again to undo the action before. 409 when someone else has reviewed one of the events since
    (their review would be lost); 404 when nothing is left to undo."""
    from eventwire.storage.reviews import NothingToUndo, UndoConflict

    try:
        result = ctx.store.undo_last(reviewer.name, comment=body.comment if body else None)
    except NothingToUndo as exc:
        raise bad(str(exc), 404) from None
    except UndoConflict as exc:
        raise bad(str(exc), 409) from None
    ctx.stats_cache.clear()
    return result.to_dict()


@router.get("/api/actors/unresolved", tags=["actors"])
def unresolved(_: Reader, ctx: Ctx, limit: Annotated[int, Query(ge=1, le=1000)] = 30,
               include_rejected: Annotated[bool, Query(description="Also count events a reviewer rejected.")] = False
               ) -> list[dict[str, Any]]:
    """The actor names stored events carry that the actor catalogue did not know, most reported first, each with
    an example sentence and the sector, ACLED inter and country the catalogue suggests: what `eventwire actors
    --unresolved` lists (add one with `eventwire actors add NAME --sector ...`)."""
    from eventwire.actor_growth import unresolved_actors

    catalogue = ctx.review_coder().catalogue
    return ctx.stats_cache.get(("unresolved-actors", limit, include_rejected), lambda: [
        a.to_dict() for a in unresolved_actors(ctx.store.iter_reports(), catalogue, limit=limit,
                                               include_rejected=include_rejected)])

