"""Reviews of stored events: the steps one PATCH body stands for, and an event's review state."""

from typing import Any

from eventwire.records import ACLED_SUB_TO_TYPE
from eventwire.serve.deps import bad
from eventwire.serve.schemas import Decision, ReviewIn


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
                raise bad(f"sub_event_type {ch.sub_event_type!r} belongs to {etype!r}, not {ch.event_type!r}")
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
        raise bad("nothing to review: give a decision (accept, reject) and/or changes")
    return steps
