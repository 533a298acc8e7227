"""Background is relative: an event is background when it is older than the event the article reports. A text
without a publication date (a snippet, a wire line, a coded sentence) that tells only events its time words set far
back ("in 2019", "last year", "in the 1990s", "two years ago") has no later event to set them against: the events it
tells are its report. It has one when it reports an event of its own, speaks in the present ("the massacre of 1995
still haunts the town", "the faction that kidnapped them in 2014 is now led by ...") or makes the far-back event part
of another statement ("he spent ten years in prison after being arrested at a protest in 2009"): then they stay
background. With a publication date the time words are measured against the day of the report and stay as they
are; background for other reasons ("previous attacks", "in response to the bombing", "in the past", a childhood,
a "See also" line) is left alone."""

from __future__ import annotations

from spacy.tokens import Doc, Token

_PRESENT_TAGS = ("VBZ", "VBP")


def report_lone_past(doc: Doc, events: list, dated_back: dict, published) -> None:
    """Give the events made background by time words alone (`dated_back`: event id -> candidate) back their
    asserted modality when the undated text reports nothing later."""
    if published is not None or not dated_back:
        return
    past = [ev for ev in events if id(ev) in dated_back]
    # "In 2019, teachers marched demanding higher pay": the demand is part of the 2019 march
    past_times = {(ev.evidence.start, ev.date_text) for ev in past if ev.date_text}
    if any(ev.modality == "asserted" and (ev.evidence.start, ev.date_text) not in past_times for ev in events):
        return  # an event of the text's own time: the far-back ones are what it is set against
    triggers = {t.i for ev in past for t in _triggers(dated_back[id(ev)])}
    if any(_now_told(doc, triggers)) or any(
            not _heads_sentence(dated_back[id(ev)], triggers) for ev in past):
        return
    for ev in past:
        ev.modality = "asserted"


def _triggers(cand) -> list[Token]:
    return [t for t in (cand.trigger, *getattr(cand, "triggers", ())) if t is not None]


def _now_told(doc: Doc, triggers: set[int]):
    """The present-tense verbs of the parsed text but the far-back events' own ("Protesters clash with police in
    Dhaka in 2019" is a headline's past)."""
    return (tok.tag_ in _PRESENT_TAGS and tok.i not in triggers for tok in doc)


def _heads_sentence(cand, triggers: set[int]) -> bool:
    """The event is what its sentence says: its root is a far-back event's trigger, not a verb the event is
    subordinate to ("the group came to prominence after a wave of kidnappings in the 2000s")."""
    trigger = cand.trigger
    return trigger is not None and trigger.sent.root.i in triggers
