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
_CONTINUED = ("xcomp", "conj")  # "continued to send arms", "seized the town and held it"
_TOLD = ("ccomp", "parataxis")  # "..., a spokesman said"


def report_lone_past(doc: Doc, events: list, dated_back: dict, published, reporting_verbs: frozenset) -> None:
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
    frames = [_frame(t, reporting_verbs, triggers) for ev in past for t in _triggers(dated_back[id(ev)])]
    if not all(any(_frame(t, reporting_verbs, triggers) for t in _triggers(dated_back[id(ev)])) for ev in past):
        return
    told = {tok.i for frame in frames for tok in frame}
    if any(tok.tag_ in _PRESENT_TAGS and tok.i not in told for tok in doc):
        return  # "the faction that kidnapped them in 2014 is now led by ...", "the massacre still haunts the town"
    for ev in past:
        ev.modality = "asserted"


def _triggers(cand) -> list[Token]:
    return [t for t in (cand.trigger, *getattr(cand, "triggers", ())) if t is not None]


def _frame(trigger: Token | None, reporting_verbs: frozenset, triggers: set[int]) -> list[Token]:
    """The event is what its sentence says: the words from its trigger up to the sentence's root, through verbs it
    continues ("continued to send arms", "and held it") and the reporting verb that tells it ("..., a spokesman
    said"); empty when the event is subordinate to another statement ("the group came to prominence after a wave
    of kidnappings in the 2000s", "the massacre of 1995 still haunts the town")."""
    if trigger is None:
        return []
    path = [trigger]
    tok = trigger
    while tok.dep_ != "ROOT" and tok.head.i != tok.i:
        if not (tok.dep_ in _CONTINUED or tok.head.i in triggers or (  # "rioters looted shops": one event's words
                tok.dep_ in _TOLD and tok.head.lemma_.lower() in reporting_verbs)):
            return []
        tok = tok.head
        path.append(tok)
    return path
