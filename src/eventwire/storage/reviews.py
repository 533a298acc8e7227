"""Analysts' reviews: a verdict on one field of an event (or on the whole event), applied to its record.

Reviews are kept, never folded into the sources: each time dedup re-merges an event, its reviews (and those
of every row merged into it) are applied again, in the order they were made.

The rows of one reviewer's action (a PATCH, a bulk review) share an action id. Undoing an action marks its rows
`undone_by` the undo (which leaves one 'undone' row per event in the history) and re-merges the events without
them: the events are exactly what they were before the action. The review queue lists the events no one has
reviewed yet (no live verdict on the event, no edit), lowest confidence first.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_, select, tuple_

from eventwire.storage.columns import get_path
from eventwire.storage.limits import INT32, as_int, clean_text, storable_row
from eventwire.storage.models import REVIEW_STATUSES, ArticleRow, EventRow, EventSourceRow, ReviewRow, utcnow
from eventwire.storage.values import StoredEvent, _stored

REVIEWABLE = {"event_type", "sub_event_type", "plover", "cameo", "actor1", "actor2", "assoc_actor1",
              "assoc_actor2", "location", "date", "date_precision", "date_text", "fatalities", "fatalities_text",
              "modality", "confidence", "evidence"}
WHOLE_EVENT = "event"
ACTOR_FIELDS = ("actor1", "actor2")
# what an actor's codes are: a new name alone (an "actor1.name" edit) leaves them describing another actor
ACTOR_CODES = ("country", "sector", "inter", "cameo")
UNDONE = "undone"  # the status of an undo's own row (one per event it restored)
QUEUE_STATES = ("unreviewed", "all")
QUEUE_ORDERS = ("confidence", "country", "type")  # lowest confidence first; within each country or type


class NothingToUndo(LookupError):
    """The reviewer has no action left to undo."""


class UndoConflict(ValueError):
    """The action cannot be undone exactly: another action has reviewed its events since."""


@dataclass(frozen=True)
class UndoResult:
    undone: int  # the action id that was undone
    action_id: int  # the undo's own action id
    event_ids: list[int]  # the events restored
    reviews: int  # the review rows undone

    def to_dict(self) -> dict[str, Any]:
        return {"undone": self.undone, "action_id": self.action_id, "event_ids": self.event_ids,
                "reviews": self.reviews}


def counts(review: Any) -> bool:
    """Whether a review row (or its dict) is in force: neither undone nor an undo's own row."""
    get = review.get if isinstance(review, dict) else lambda k: getattr(review, k, None)
    return get("undone_by") is None and get("status") != UNDONE


class ReviewError(ValueError):
    """A review the store refuses (an unknown field or status, a rejection without its reason)."""


def review_state(reviews: list[dict[str, Any]]) -> str:
    """unreviewed, accepted, rejected or edited: what the last action made of the event. A verdict on the whole
    event stands until a later edit (an accepted event corrected afterwards is 'edited'); confirming one field's
    value ('accepted' on a field) changes nothing."""
    for r in reversed(reviews):
        if not counts(r):
            continue
        if r["field"] == WHOLE_EVENT:
            return r["status"]
        if r["status"] in ("edited", "rejected"):
            return "edited"
    return "unreviewed"


def _check_field(path: str) -> list[str]:
    parts = path.split(".")
    if path != WHOLE_EVENT and parts[0] not in REVIEWABLE:
        raise ReviewError(f"cannot review field {path!r}: use 'event' or one of {', '.join(sorted(REVIEWABLE))}")
    return parts


def _set_path(rec: dict[str, Any], path: str, value: Any) -> None:
    parts = path.split(".")
    cur = rec
    for p in parts[:-1]:
        if not isinstance(cur.get(p), dict):
            cur[p] = {}
        cur = cur[p]
    cur[parts[-1]] = value
    if len(parts) == 2 and parts[0] in ACTOR_FIELDS and parts[1] == "name":
        # a renamed actor keeps no codes of the old one: unknown is better than wrong (the API replaces the
        # whole actor with its resolved record instead)
        cur.update({code: None for code in ACTOR_CODES}, known=False)


def apply_reviews(record: dict[str, Any], reviews: Iterable[Any]) -> tuple[dict[str, Any], str]:
    """The record with reviews applied in order, and the event's status (active, or rejected as a whole).
    edited: the field takes the new value; rejected: the field is wrong and becomes null (for 'event': the
    event is not a real event); accepted: the value stands (a later edit may still change it). Undone reviews, and
    the undos' own rows, change nothing."""
    rec, status = copy.deepcopy(record), "active"
    for r in reviews:
        if not counts(r):
            continue
        if r.field == WHOLE_EVENT:
            status = "rejected" if r.status == "rejected" else "active"
        elif r.status == "edited":
            _set_path(rec, r.field, copy.deepcopy(r.new_value))
        elif r.status == "rejected":
            _set_path(rec, r.field, None)
    return rec, status


def _live():
    """The review rows in force (not undone, not an undo)."""
    return ReviewRow.undone_by.is_(None) & (ReviewRow.status != UNDONE)


def _reviewed(*conditions):
    """A review row meeting `conditions` exists for the (correlated) event: made on any row merged into it, its own
    included (every events row is the origin of one of its reports, so the reports' origins are all its rows)."""
    return (select(ReviewRow.id).join(EventSourceRow, EventSourceRow.origin_event_id == ReviewRow.event_id)
            .where(EventSourceRow.event_id == EventRow.id, _live(), *conditions).correlate(EventRow).exists())


def _reviewed_ids(*conditions):
    """The events (their current rows) with a review in force that meets `conditions`: read from the reviews."""
    return (select(EventSourceRow.event_id).join(ReviewRow, ReviewRow.event_id == EventSourceRow.origin_event_id)
            .where(_live(), *conditions))


def _unreviewed():
    """No verdict on the event and no edit in force: review_state() would say 'unreviewed'."""
    return ~_reviewed(or_(ReviewRow.field == WHOLE_EVENT, ReviewRow.status.in_(("edited", "rejected"))))


def _from_source(source: str):
    """One of the event's reports comes from this outlet (the article's `source`, any case)."""
    return (select(EventSourceRow.id).join(ArticleRow, ArticleRow.id == EventSourceRow.article_id)
            .where(EventSourceRow.event_id == EventRow.id, func.lower(ArticleRow.source) == source.lower())
            .exists())


def _queue_keys(order: str) -> list[Any]:
    if order not in QUEUE_ORDERS:
        raise ValueError(f"order must be one of {', '.join(QUEUE_ORDERS)}")
    group = {"country": [func.coalesce(EventRow.country, "")],
             "type": [func.coalesce(EventRow.event_type, "")]}.get(order, [])
    return [*group, EventRow.confidence, EventRow.id]


def _start_of_today() -> dt.datetime:
    return utcnow().replace(hour=0, minute=0, second=0, microsecond=0)


class Reviews:
    """The Store's review methods (a mixin: uses the Store's sessions, its filters and its dedup refresh)."""

    def add_review(self, event_id: int, field: str, status: str, new_value: Any = None,
                   reviewer: str = "analyst", comment: str | None = None) -> int:
        """Record an analyst's verdict on one field ('event' for the whole event) and apply it at once."""
        return self.add_reviews(event_id, [(field, status, new_value)], reviewer=reviewer, comment=comment)[0]

    def add_reviews(self, event_id: int, steps: Iterable[tuple[str, str, Any]], reviewer: str = "analyst",
                    comment: str | None = None) -> list[int]:
        """Record several (field, status, new value) verdicts of one reviewer's action in one transaction: all
        or none. Rejecting the whole event needs a comment (the reason), kept in the audit trail."""
        steps = _checked(steps, comment)
        with self._write() as s:
            row = _top_row(s, event_id)
            added = _record_steps(s, row, steps, reviewer, comment, action_id=None)
            self._refresh(s, [row.id])
            return [r.id for r in added]

    def bulk_review(self, event_ids: Iterable[int], steps: Iterable[tuple[str, str, Any]], reviewer: str,
                    comment: str | None = None) -> int:
        """The same verdicts on many events as ONE action of one transaction (an unknown id: none is changed);
        its id comes back (what undo reverts as a whole)."""
        steps = _checked(steps, comment)
        with self._write() as s:
            rows = {}
            for event_id in event_ids:
                row = _top_row(s, event_id)
                rows.setdefault(row.id, row)
            if not rows:
                raise ReviewError("no event to review")
            action_id = None
            for row in rows.values():
                added = _record_steps(s, row, steps, reviewer, comment, action_id=action_id)
                action_id = added[0].action_id
            self._refresh(s, list(rows))
            return action_id

    def undo_last(self, reviewer: str, comment: str | None = None) -> UndoResult:
        """Undo `reviewer`'s last action still in force (one PATCH or one bulk review): its rows are kept, marked
        undone, each event gets an 'undone' row, and the events are re-merged without the action, so they are
        exactly what they were before it. Undo again to go one more action back. UndoConflict when someone else
        has reviewed one of the events since (undo theirs first); NothingToUndo when nothing is left."""
        with self._write() as s:
            action = s.execute(select(func.max(ReviewRow.action_id))
                               .where(ReviewRow.reviewer == reviewer, _live())).scalar()
            if action is None:
                raise NothingToUndo(f"nothing to undo: {reviewer} has no review in force")
            rows = list(s.execute(select(ReviewRow).where(ReviewRow.action_id == action).with_for_update())
                        .scalars())
            if any(r.undone_by is not None for r in rows):  # a concurrent undo got there first
                raise UndoConflict("this action was undone meanwhile: reload and try again")
            tops = {_top_row(s, r.event_id).id for r in rows}
            members = set(tops) | set(s.execute(select(EventSourceRow.origin_event_id)
                                                .where(EventSourceRow.event_id.in_(tops))).scalars())
            later = s.execute(select(ReviewRow).where(ReviewRow.event_id.in_(members), _live(),
                                                      ReviewRow.id > max(r.id for r in rows))
                              .order_by(ReviewRow.id).limit(1)).scalar()
            if later is not None:
                raise UndoConflict(f"event {_top_row(s, later.event_id).id} was reviewed by {later.reviewer} after "
                                   "this action: it cannot be restored exactly (undo the later review first)")
            undo_rows = []
            for event_id in sorted(tops):
                undo = ReviewRow(event_id=event_id, field=WHOLE_EVENT, status=UNDONE, old_value=None,
                                 new_value={"undoes": action}, reviewer=reviewer, comment=comment,
                                 created_at=utcnow())
                s.add(undo)
                s.flush()
                undo.action_id = undo_rows[0].action_id if undo_rows else undo.id
                undo_rows.append(undo)
            for r in rows:
                r.undone_by = undo_rows[0].action_id
            s.flush()
            self._refresh(s, sorted(tops))
            return UndoResult(undone=action, action_id=undo_rows[0].action_id, event_ids=sorted(tops),
                              reviews=len(rows))

    def reviews(self, event_id: int) -> list[dict[str, Any]]:
        with self._read() as s:
            rows = s.execute(select(ReviewRow).where(ReviewRow.event_id == as_int(int(event_id), INT32))
                             .order_by(ReviewRow.created_at, ReviewRow.id)).scalars()
            return [{"id": r.id, "event_id": r.event_id, "field": r.field, "old_value": r.old_value,
                     "new_value": r.new_value, "reviewer": r.reviewer, "status": r.status, "comment": r.comment,
                     "created_at": r.created_at.isoformat(), "action_id": r.action_id, "undone_by": r.undone_by}
                    for r in rows]

    # -- the review queue -----------------------------------------------------------------------------------
    def _queue(self, stmt, *, source: str | None = None, state: str = "unreviewed", **filters: Any):
        if state not in QUEUE_STATES:
            raise ValueError(f"state must be one of {', '.join(QUEUE_STATES)}")
        stmt = self._filtered(stmt, **filters)
        if state == "unreviewed":
            stmt = stmt.where(_unreviewed())
        source = clean_text(source).strip() if source else None
        return stmt.where(_from_source(source)) if source else stmt

    def review_queue(self, *, after: list[Any] | None = None, limit: int = 50, order: str = "confidence",
                     with_sources: bool = True, **filters: Any) -> tuple[list[StoredEvent], list[Any] | None]:
        """One page of the review queue: the matching events (by default those no one has reviewed yet; the
        event filters, plus source= an outlet and state='all' for reviewed ones too), lowest confidence first
        (order 'country' or 'type': grouped by it first), and the keyset cursor of the next page (None at the
        end). Events reviewed meanwhile leave the queue without shifting the pages."""
        keys = _queue_keys(order)
        stmt = self._queue(select(EventRow), **filters)
        if after is not None:
            stmt = stmt.where(tuple_(*keys) > tuple_(*after))
        with self._read() as s:
            rows = list(s.execute(stmt.order_by(*keys).limit(limit + 1)).scalars())
            more, rows = len(rows) > limit, rows[:limit]
            srcs = self._sources(s, [r.id for r in rows]) if with_sources else {}
            page = [_stored(r, srcs.get(r.id, [])) for r in rows]
        if not more or not rows:
            return page, None
        last = rows[-1]
        group = {"country": [last.country or ""], "type": [last.event_type or ""]}.get(order, [])
        return page, [*group, last.confidence, last.id]

    def queue_ids(self, *, limit: int, order: str = "confidence", **filters: Any) -> list[int]:
        """The ids of the first `limit` events of the queue (a bulk review's selection)."""
        with self._read() as s:
            stmt = self._queue(select(EventRow.id), **filters).order_by(*_queue_keys(order)).limit(limit)
            return list(s.execute(stmt).scalars())

    def count_queue(self, *, state: str = "unreviewed", **filters: Any) -> int:
        """How many events the queue holds. Counted as the matching events less the reviewed ones among them, both
        from indexes: reviews are few next to events, and a NOT EXISTS per event would read every row."""
        with self._read() as s:
            everything = s.execute(self._queue(select(func.count(EventRow.id)), state="all", **filters)).scalar_one()
            if state != "unreviewed":
                return everything
            reviewed = self._queue(select(func.count(EventRow.id)), state="all", **filters).where(
                EventRow.id.in_(_reviewed_ids(or_(ReviewRow.field == WHOLE_EVENT,
                                                  ReviewRow.status.in_(("edited", "rejected"))))))
            return everything - s.execute(reviewed).scalar_one()

    def reviewed_today(self, reviewer: str, *, since: dt.datetime | None = None, source: str | None = None,
                       **filters: Any) -> int:
        """How many matching events (rejected ones too) `reviewer` has reviewed since `since` (default: today's
        start, UTC) with a review still in force."""
        mine = _reviewed_ids(ReviewRow.reviewer == reviewer, ReviewRow.created_at >= (since or _start_of_today()))
        filters.update(include_rejected=True, status=None)
        with self._read() as s:
            stmt = self._queue(select(func.count(EventRow.id)), source=source, state="all", **filters)
            return s.execute(stmt.where(EventRow.id.in_(mine))).scalar_one()


def _checked(steps: Iterable[tuple[str, str, Any]], comment: str | None) -> list[tuple[str, str, Any]]:
    steps = list(steps)
    for field, status, _ in steps:
        if status not in REVIEW_STATUSES:
            raise ReviewError(f"review status must be one of {', '.join(REVIEW_STATUSES)}, not {status!r}")
        _check_field(field)
        if field == WHOLE_EVENT and status == "rejected" and not (comment or "").strip():
            raise ReviewError("rejecting an event needs a comment: the reason it is not a real event")
    return steps


def _top_row(s: Any, event_id: int) -> EventRow:
    """The events row an id stands for now (a row merged into another leads to that one); KeyError if none."""
    row_id = as_int(event_id, INT32)
    row = s.get(EventRow, row_id) if row_id is not None else None
    if row is None:
        raise KeyError(f"no event {event_id}")
    while row.merged_into is not None:
        row = s.get(EventRow, row.merged_into)
    return row


def _record_steps(s: Any, row: EventRow, steps: list[tuple[str, str, Any]], reviewer: str, comment: str | None,
                  action_id: int | None) -> list[ReviewRow]:
    """Add the review rows of `steps` on `row` to action `action_id` (None: a new action, whose id is its first
    row's)."""
    added = []
    for field, status, new_value in steps:
        old = None if field == WHOLE_EVENT else get_path(row.record, field)
        if status == "accepted":
            new_value = old
        elif status == "rejected":
            new_value = None
        review = ReviewRow(**storable_row(ReviewRow.__table__, dict(
            event_id=row.id, field=field, old_value=old, new_value=new_value, reviewer=reviewer,
            status=status, comment=comment, created_at=utcnow(), action_id=action_id)))
        s.add(review)
        if action_id is None:
            s.flush()
            action_id = review.action_id = review.id
        added.append(review)
    s.flush()
    return added
