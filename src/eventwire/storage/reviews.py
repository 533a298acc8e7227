"""Analysts' reviews: a verdict on one field of an event (or on the whole event), applied to its record.

Reviews are kept, never folded into the sources: each time dedup re-merges an event, its reviews (and those
of every row merged into it) are applied again, in the order they were made.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select

from eventwire.storage.columns import get_path
from eventwire.storage.limits import INT32, as_int, storable_row
from eventwire.storage.models import REVIEW_STATUSES, EventRow, ReviewRow, utcnow

REVIEWABLE = {"event_type", "sub_event_type", "plover", "cameo", "actor1", "actor2", "assoc_actor1",
              "assoc_actor2", "location", "date", "date_precision", "date_text", "fatalities", "fatalities_text",
              "modality", "confidence", "evidence"}
WHOLE_EVENT = "event"
ACTOR_FIELDS = ("actor1", "actor2")
# what an actor's codes are: a new name alone (an "actor1.name" edit) leaves them describing another actor
ACTOR_CODES = ("country", "sector", "inter", "cameo")


class ReviewError(ValueError):
    """A review the store refuses (an unknown field or status, a rejection without its reason)."""


def review_state(reviews: list[dict[str, Any]]) -> str:
    """unreviewed, accepted, rejected or edited: what the last action made of the event. A verdict on the whole
    event stands until a later edit (an accepted event corrected afterwards is 'edited'); confirming one field's
    value ('accepted' on a field) changes nothing."""
    for r in reversed(reviews):
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
    event is not a real event); accepted: the value stands (a later edit may still change it)."""
    rec, status = copy.deepcopy(record), "active"
    for r in reviews:
        if r.field == WHOLE_EVENT:
            status = "rejected" if r.status == "rejected" else "active"
        elif r.status == "edited":
            _set_path(rec, r.field, copy.deepcopy(r.new_value))
        elif r.status == "rejected":
            _set_path(rec, r.field, None)
    return rec, status


class Reviews:
    """The Store's review methods (a mixin: uses the Store's sessions and its dedup refresh)."""

    def add_review(self, event_id: int, field: str, status: str, new_value: Any = None,
                   reviewer: str = "analyst", comment: str | None = None) -> int:
        """Record an analyst's verdict on one field ('event' for the whole event) and apply it at once."""
        return self.add_reviews(event_id, [(field, status, new_value)], reviewer=reviewer, comment=comment)[0]

    def add_reviews(self, event_id: int, steps: Iterable[tuple[str, str, Any]], reviewer: str = "analyst",
                    comment: str | None = None) -> list[int]:
        """Record several (field, status, new value) verdicts of one reviewer's action in one transaction: all
        or none. Rejecting the whole event needs a comment (the reason), kept in the audit trail."""
        steps = list(steps)
        for field, status, _ in steps:
            if status not in REVIEW_STATUSES:
                raise ReviewError(f"review status must be one of {', '.join(REVIEW_STATUSES)}, not {status!r}")
            _check_field(field)
            if field == WHOLE_EVENT and status == "rejected" and not (comment or "").strip():
                raise ReviewError("rejecting an event needs a comment: the reason it is not a real event")
        row_id = as_int(event_id, INT32)
        with self._write() as s:
            row = s.get(EventRow, row_id) if row_id is not None else None
            if row is None:
                raise KeyError(f"no event {event_id}")
            while row.merged_into is not None:
                row = s.get(EventRow, row.merged_into)
            added = []
            for field, status, new_value in steps:
                old = None if field == WHOLE_EVENT else get_path(row.record, field)
                if status == "accepted":
                    new_value = old
                elif status == "rejected":
                    new_value = None
                review = ReviewRow(**storable_row(ReviewRow.__table__, dict(
                    event_id=row.id, field=field, old_value=old, new_value=new_value, reviewer=reviewer,
                    status=status, comment=comment, created_at=utcnow())))
                s.add(review)
                added.append(review)
            s.flush()
            self._refresh(s, [row.id])
            return [r.id for r in added]

    def reviews(self, event_id: int) -> list[dict[str, Any]]:
        with self._read() as s:
            rows = s.execute(select(ReviewRow).where(ReviewRow.event_id == as_int(int(event_id), INT32))
                             .order_by(ReviewRow.created_at, ReviewRow.id)).scalars()
            return [{"id": r.id, "event_id": r.event_id, "field": r.field, "old_value": r.old_value,
                     "new_value": r.new_value, "reviewer": r.reviewer, "status": r.status, "comment": r.comment,
                     "created_at": r.created_at.isoformat()} for r in rows]
