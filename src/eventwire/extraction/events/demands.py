"""A demand told as what another party must do: "the rebels announced that Kagame must agree to changes", "Poland
said Belarus should free the journalist". The step itself stays hypothetical (an obligation); PLOVER codes the
statement as a REQUEST (CAMEO 10) by the speaker to the party that must act."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventwire.extraction.events.candidates import EventCandidate
from eventwire.extraction.events.syntax import subject_of
from eventwire.extraction.tokens import children

if TYPE_CHECKING:
    from eventwire.extraction.events.context import DocContext
    from eventwire.extraction.events.lexicon import Lexicon


def demand_told(lex: Lexicon, cand: EventCandidate, context: DocContext) -> EventCandidate | None:
    """The asserted REQUEST behind a step another party "must" or "should" take, in what a speaker says."""
    if cand.modality != "hypothetical" or cand.actor1 is None:
        return None
    clause = _obliged_clause(cand.trigger, lex.words.obligation_auxiliaries)
    if clause is None or clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in lex.words.demand_saying_verbs:
        return None
    if any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in children(clause)):
        return None  # "should have attacked earlier": a judgement of what was not done, no demand
    saying = clause.head
    speaker, passive = subject_of(saying)
    obliged, _ = subject_of(clause)
    if speaker is None or passive or obliged is None or obliged.lower_ in lex.words.own_reported_subjects:
        return None  # "the ministry said it must act": its own resolve, no demand of another
    source = context.role_for(speaker, saying, 1)
    if source is None or source.actor.name == cand.actor1.actor.name:
        return None
    return EventCandidate(
        sentence=cand.sentence, trigger=cand.trigger, event_type=None, sub_event_type=None, plover_event="REQUEST",
        plover_mode=None, cameo="100", modality="asserted", actor1=source, actor2=cand.actor1,
        confidence=cand.confidence + 0.02, family="contact", classes=cand.classes, triggers=cand.triggers)


def _obliged_clause(trigger: Token, auxiliaries: frozenset) -> Token | None:
    """The verb of the trigger's clause when an auxiliary of obligation governs it ("must agree", "should free"),
    up from a noun trigger to its verb ("must accept a ceasefire")."""
    node = trigger
    for _ in range(4):
        if node.pos_ in ("VERB", "AUX"):
            return node if any(c.dep_ == "aux" and c.lower_ in auxiliaries for c in children(node)) else None
        if node.head.i == node.i:
            return None
        node = node.head
    return None
