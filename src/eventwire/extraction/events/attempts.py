"""Attempts and blocked acts that happened. An attack tried and told with its outcome ("gunmen tried to kill the
governor, wounding his driver", "militants tried to storm the post but were repulsed") is an attack; a march that
police stopped ("students who tried to march were pushed back", "protesters were prevented from marching") is a
protest. A plan or a plot ("plotted to kill", "planned to attack", "foiled a plot to bomb") is not: only an attempt
carried out and told with what came of it, or people stopped in the act, are asserted. The words are data
(lang/<code>/events/modality.yaml, `asserted`)."""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.extraction.tokens import children

PAST_TAGS = ("VBD", "VBN")


def _told(verb: Token, modal_auxiliaries: frozenset) -> bool:
    """A verb in the past tense with no modal or future auxiliary: "were pushed back", not "would be arrested"."""
    return verb.tag_ in PAST_TAGS and not any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in modal_auxiliaries for c in children(verb))


def _outcome(verb: Token, cues: dict) -> bool:
    """A clause joined to the attempt that tells how it was met: "... but were repulsed", "... before police
    dispersed them". (A participle of violence, "..., wounding his driver", is an event of its own that already
    tells the attack; the attempted act beside it would report it twice.)"""
    for c in children(verb):
        if c.dep_ == "conj" and c.tag_ in PAST_TAGS and (
                any(a.dep_ == "auxpass" for a in children(c)) or any(
                    s.dep_ == "cc" and s.lower_ in cues["outcome_conjunctions"] for s in children(verb))):
            return True
        if c.dep_ == "advcl" and c.tag_ in PAST_TAGS and any(
                m.dep_ == "mark" and m.lower_ in cues["outcome_markers"] for m in children(c)):
            return True
    return False


def _in_told_episode(verb: Token, modal_auxiliaries: frozenset) -> bool:
    """The attempt is part of a clause told as done: "two soldiers were wounded when insurgents attempted to
    overrun the post", "students who tried to march were pushed back by police"."""
    if verb.dep_ in ("advcl", "conj"):
        return _told(verb.head, modal_auxiliaries)
    if verb.dep_ == "relcl" and verb.head.dep_ in ("nsubj", "nsubjpass") and verb.head.head.i != verb.head.i:
        return _told(verb.head.head, modal_auxiliaries)
    return False


def told_attempt(trigger: Token, below: Token, governor: Token, cues: dict, modal_auxiliaries: frozenset) -> bool:
    """`governor` ("tried", "attempted") governs the act `trigger` names as an attempt carried out and told with
    its outcome: the act counts as done."""
    if governor.lemma_.lower() not in cues["attempt_verbs"] or below.i != trigger.i or trigger.dep_ != "xcomp":
        return False
    if trigger.lemma_.lower() not in cues["attempted_acts"] or not _told(governor, modal_auxiliaries):
        return False
    return _outcome(governor, cues) or _in_told_episode(governor, modal_auxiliaries)


def crowd_held_back(trigger: Token, below: Token, governor: Token, cues: dict, modal_auxiliaries: frozenset) -> bool:
    """Demonstrators that police block, stop or push back were there: "police block protesters from entering the
    square", "officers stopped the marchers at the bridge" (the crowd is the object of the blocking verb, told or
    in a caption's present tense; not "prevented a planned march", an act)."""
    if governor.lemma_.lower() not in cues["blocking_verbs_of_crowds"] or below.i != trigger.i \
            or trigger.head.i != governor.i:
        return False
    if trigger.dep_ not in ("dobj", "nsubjpass") or trigger.lemma_.lower() not in cues["blocked_crowds"]:
        return False
    return governor.tag_ in (*PAST_TAGS, "VBZ", "VBP") and not any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in modal_auxiliaries for c in children(governor))


def stopped_in_the_act(trigger: Token, below: Token, governor: Token, cues: dict,
                       modal_auxiliaries: frozenset) -> bool:
    """People stopped "from" gathering were gathered: "police stopped the teachers from marching", "protesters
    were prevented from marching" (not "prevented a planned march": the march did not take place)."""
    if governor.lemma_.lower() not in cues["blocking_verbs"] or below.dep_ != "prep" or below.lower_ != "from":
        return False
    if trigger.head.i != below.i or trigger.dep_ not in ("pcomp", "pobj") or trigger.tag_ != "VBG":
        return False  # the gerund of the "from" phrase: "from marching"
    if trigger.lemma_.lower() not in cues["blocked_acts"]:
        return False
    return _told(governor, modal_auxiliaries) and any(c.dep_ in ("dobj", "nsubjpass") for c in children(governor))
