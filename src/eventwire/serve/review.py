"""Reviews of stored events: the steps one PATCH body stands for, coded as the extractor codes.

A correction must never leave a record the extractor could not have made:
  - actors go through the extraction's actor catalogue: a catalogue actor keeps its country, sector, inter and
    CAMEO codes, a generic one ("police") takes the event's country, and a name the catalogue does not know gets
    the catalogue's best guess, flagged `known: false`;
  - type codes stay one coding: a sub-type implies its event type, PLOVER category, mode and CAMEO code (those
    of lang/<code>/typing/codes.yaml, the table the typing model retypes with); a PLOVER category or CAMEO code
    given with it must agree with them, an event type must not leave the sub-type behind (422 otherwise);
  - a date after the publication of every source is refused, unless the event is marked as planned (modality
    future);
  - rejecting an event needs a comment, its reason.
The event's review state (review_state) follows the last action.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from eventwire.records import ACLED_SUB_TO_TYPE
from eventwire.serve.deps import bad
from eventwire.serve.schemas import Decision, ReviewIn
from eventwire.storage.reviews import review_state  # noqa: F401 - the routes' import

# the modality that lets an event be dated after its reports: a planned one
PLANNED = "future"


@dataclass(frozen=True)
class TypeCodes:
    """The coding table of a language's typing/codes.yaml: per ACLED sub-type, and per PLOVER category for events
    whose sub-type says nothing of it, the PLOVER category, mode and CAMEO code the extractor gives."""

    by_sub: dict[str, Any]  # sub-type -> extraction.events.typing.Coding
    by_plover: dict[str, Any]  # PLOVER category -> Coding

    @classmethod
    def read(cls, language: Any) -> TypeCodes:
        # imported here: the extraction package loads spaCy, which the API only needs once it extracts
        from eventwire.extraction.events.typing import read_codes

        by_sub, by_plover = read_codes(language)
        return cls(by_sub=by_sub, by_plover=by_plover)

    def cameo_choices(self, plover: str | None) -> list[str]:
        """The CAMEO codes that fit a PLOVER category: its own default, then those of the sub-types coded to it."""
        if plover is None:
            return []
        codes = [self.by_plover[plover].cameo] if plover in self.by_plover else []
        codes += [c.cameo for c in self.by_sub.values() if c.plover == plover]
        return list(dict.fromkeys(c for c in codes if c))

    def defaults(self, sub: str | None, plover: str | None) -> tuple[str | None, str | None]:
        """(mode, CAMEO) of an event of this sub-type and PLOVER category: the sub-type's when it is coded to that
        category, else the category's own."""
        coding = self.by_sub.get(sub or "")
        if coding is not None and coding.plover == plover and plover is not None:
            return coding.mode, coding.cameo
        own = self.by_plover.get(plover or "")
        return (own.mode, own.cameo) if own is not None else (None, None)

    def to_dict(self) -> dict[str, Any]:
        """What the dashboard needs to offer only valid combinations (GET /api/meta `coding`)."""
        return {"sub_event_types": {sub: {"event_type": ACLED_SUB_TO_TYPE[sub], "plover": c.plover, "mode": c.mode,
                                          "cameo": c.cameo} for sub, c in self.by_sub.items()},
                "cameo": {p: self.cameo_choices(p) for p in self.by_plover}}


class ReviewCoder:
    """Turns a review body into checked, fully coded review steps. The actor catalogue is loaded on first use
    (`load_catalogue`: the extractor's own, so that corrections and extraction resolve names alike)."""

    def __init__(self, codes: TypeCodes, load_catalogue: Callable[[], Any]):
        self.codes = codes
        self._load_catalogue = load_catalogue
        self._catalogue = None
        self._lock = threading.Lock()

    @property
    def catalogue(self) -> Any:
        with self._lock:
            if self._catalogue is None:
                self._catalogue = self._load_catalogue()
            return self._catalogue

    # -- actors ---------------------------------------------------------------------------------------------
    def actor(self, name: str, iso3: str | None) -> dict[str, Any]:
        """The record of the actor a reviewer names, as extraction would code it in an event in `iso3`."""
        cat = self.catalogue
        actor = cat.localize(cat.resolve(name) or cat.guess(name), iso3)
        record = actor.to_dict()
        record["text"] = None  # the reviewer's words, not the article's
        return record

    # -- type codes -----------------------------------------------------------------------------------------
    def type_steps(self, given: dict[str, Any], record: dict[str, Any]) -> list[tuple[str, str, Any]]:
        """Edits of event_type, sub_event_type, plover and cameo that keep them one coding; 422 when the given
        values contradict each other or the sub-type."""
        old_sub, old_type = record.get("sub_event_type"), record.get("event_type")
        old_plover = record.get("plover") or {}
        if isinstance(old_plover, str):
            old_plover = {"event": old_plover}
        sub, etype = given.get("sub_event_type"), given.get("event_type")
        if sub is not None:
            if etype is not None and etype != ACLED_SUB_TO_TYPE[sub]:
                raise bad(f"sub_event_type {sub!r} belongs to {ACLED_SUB_TO_TYPE[sub]!r}, not {etype!r}")
            etype = ACLED_SUB_TO_TYPE[sub]
        elif etype is not None and ACLED_SUB_TO_TYPE.get(old_sub or "") != etype:
            subs = [s for s, t in ACLED_SUB_TO_TYPE.items() if t == etype]
            raise bad(f"event_type {etype!r} needs its sub_event_type too (the event's {old_sub!r} belongs to "
                      f"another type): one of {', '.join(subs)}")
        else:
            sub, etype = old_sub, old_type
        coding = self.codes.by_sub.get(sub or "")
        implied = coding.plover if coding is not None else None  # None: the sub-type says nothing of PLOVER
        plover = given.get("plover")
        if plover is not None and implied is not None and plover != implied:
            raise bad(f"plover {plover!r} does not fit sub_event_type {sub!r}, which is coded {implied!r} "
                      "(choose another sub-type, or leave plover out)")
        if plover is None:
            plover = implied if sub != old_sub and implied is not None else old_plover.get("event")
        cameo = given.get("cameo")
        recoded = sub != old_sub or plover != old_plover.get("event")
        mode, default_cameo = self.codes.defaults(sub, plover)
        if cameo is not None:
            choices = self.codes.cameo_choices(plover)
            if cameo not in choices:
                raise bad(f"cameo {cameo!r} does not fit PLOVER category {plover!r}"
                          + (f": one of {', '.join(choices)}" if choices else " (an event without one has no CAMEO code)"))
        elif recoded and (plover != old_plover.get("event") or default_cameo is not None and implied is not None):
            cameo = default_cameo
        else:
            cameo = record.get("cameo")
        steps: list[tuple[str, str, Any]] = []
        if etype != old_type:
            steps.append(("event_type", "edited", etype))
        if sub != old_sub:
            steps.append(("sub_event_type", "edited", sub))
        if plover != old_plover.get("event") or (recoded and implied is not None and mode != old_plover.get("mode")):
            steps.append(("plover", "edited", {"event": plover, "mode": mode if plover is not None else None,
                                               "context": list(old_plover.get("context") or [])}))
        if cameo != record.get("cameo"):
            steps.append(("cameo", "edited", cameo))
        return steps

    # -- a whole body ---------------------------------------------------------------------------------------
    def steps(self, body: ReviewIn, record: dict[str, Any], published: list[dt.date]) -> list[tuple[str, str, Any]]:
        """The (field, status, new value) reviews one PATCH body stands for, in the order they apply.
        `published`: the publication dates of the event's sources."""
        steps: list[tuple[str, str, Any]] = []
        ch = body.changes
        if ch is not None:
            given = {k: getattr(ch, k) for k in ch.model_fields_set}
            steps += self.type_steps({k: given.get(k) for k in ("event_type", "sub_event_type", "plover", "cameo")},
                                     record)
            loc = ch.location.model_fields_set if ch.location is not None else set()
            iso3 = ch.location.country if "country" in loc else (record.get("location") or {}).get("country")
            for role in ("actor1", "actor2"):
                name = (given.get(role) or "").strip()
                if name:
                    steps.append((role, "edited", self.actor(name, iso3)))
                elif role == "actor2" and role in given:
                    steps.append(("actor2", "rejected", None))  # '' : the event has no second actor
            for key in sorted(loc):
                steps.append((f"location.{key}", "edited", getattr(ch.location, key)))
            if given.get("date") is not None or given.get("modality") is not None:
                _check_date(given.get("date"), given.get("modality"), record, published)
            if given.get("date") is not None:
                steps.append(("date", "edited", ch.date.isoformat()))
            if given.get("modality") is not None and ch.modality != record.get("modality"):
                steps.append(("modality", "edited", ch.modality))
            if "fatalities" in given:
                steps.append(("fatalities", "edited", ch.fatalities))
        if body.decision == Decision.reject and not (body.comment or "").strip():
            raise bad("rejecting an event needs a comment: the reason it is not a real event")
        if body.decision is not None:
            steps.append(("event", "accepted" if body.decision == Decision.accept else "rejected", None))
        if not steps and (ch is None or not ch.model_fields_set):
            raise bad("nothing to review: give a decision (accept, reject) and/or changes")
        return steps


def _check_date(date: dt.date | None, modality: str | None, record: dict[str, Any],
                published: list[dt.date]) -> None:
    """422 for an event dated after the latest publication of its sources, unless it is marked as planned."""
    if date is None:
        try:
            date = dt.date.fromisoformat(str(record.get("date"))[:10]) if record.get("date") else None
        except ValueError:
            return  # a stored date nobody can read: the review does not touch it
    modality = modality or record.get("modality") or "asserted"
    latest = max(published, default=None)
    if date is None or latest is None or date <= latest or modality == PLANNED:
        return
    raise bad(f"date {date.isoformat()} is after the publication of the event's reports ({latest.isoformat()}): "
              f"correct the date, or set modality {PLANNED!r} for an event that was planned")
