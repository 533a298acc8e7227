"""A demand told as what another party must do: "the rebels announced that the government must release all
prisoners", "Kenya said Uganda should withdraw its troops". The step itself is not done (its candidate stays
hypothetical); the statement is the speaker's REQUEST to that party (CAMEO 10), asserted."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.extraction.events.candidates import EventCandidate
from eventwire.extraction.events.syntax import subject_of
from eventwire.extraction.tokens import children

if TYPE_CHECKING:
    from eventwire.extraction.events.context import DocContext


def obliged_step(cand: EventCandidate, context: DocContext) -> EventCandidate | None:
    """The speaker's REQUEST behind a step another party is said to owe ("X said Y must ..."), or None."""
    words = context.words
    tok = cand.trigger
    if cand.modality not in ("hypothetical", "future") or tok.pos_ not in ("VERB", "AUX"):
        return None
    if not any(c.dep_ == "aux" and c.lower_ in words.obligation_modals for c in children(tok)):
        return None
    clause = tok
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head  # "must release the prisoners and withdraw": the first step's clause
    speech = clause.head
    if clause.dep_ != "ccomp" or speech.lemma_.lower() not in words.demand_speech_verbs \
            or any(c.dep_ == "neg" for c in children(speech)):
        return None
    speaker_tok, passive = subject_of(speech)
    if speaker_tok is None or passive:
        return None
    speaker = context.role_for(speaker_tok, speech, 1)
    owed_by = cand.actor1
    if speaker is None or owed_by is None or not (speaker.known or speaker.actor.country) \
            or speaker.actor.name == owed_by.actor.name:
        return None  # a party demands of another: not "we must", not an unnamed voice
    return EventCandidate(
        sentence=cand.sentence, trigger=speech, event_type=None, sub_event_type=None, plover_event="REQUEST",
        plover_mode=None, cameo="100", modality="asserted", actor1=speaker, actor2=owed_by,
        confidence=max(cand.confidence, 0.6), family="contact", classes=cand.classes, triggers=cand.triggers)
