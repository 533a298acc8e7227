"""Events told as the circumstance of another event of the same sentence rank below it.

"Rebels demanded his removal at the fourth round of talks": the demand is what the sentence reports, the talks
are where it was made; "the president conceded to demands from the opposition": the concession is reported, the
demands are its occasion; "talks on a hostage deal": the deal is about hostages, no hostage taking is told;
"Italy suspended flights, a day after a Serbian jet shot down a helicopter": the suspension is reported, the
shooting is when (and why) it came. A trigger noun inside a prepositional phrase of another event's trigger verb
or noun ("an appeal for flood aid", "the condemnation of the bombing"), a trigger noun modifying another event's
trigger noun, or a trigger verb of a clause of time attached to another event's trigger, is that event's
circumstance: it stays a record (the talks took place), with a confidence below the event it serves, so that the
single most confident record of the sentence is the reported one.
"""

from __future__ import annotations

from spacy.tokens import Token

# how far below the governing event a circumstance ranks
CIRCUMSTANCE_GAP = 0.05


def governing_verb(tok: Token, time_marks: frozenset, kin_nouns: frozenset = frozenset()) -> Token | None:
    """The verb or the noun a noun hangs from through prepositional phrases only ("demanded ... at the round of
    talks" -> demanded, "an appeal for flood aid" -> appeal; through a kin noun the verb it acts in: "relatives of
    the hostages pleaded" -> pleaded), the verb a clause of time of a verb trigger is attached to ("suspended
    flights a day after a jet shot down a helicopter" -> suspended), or the noun a noun modifies ("hostage deal" ->
    deal); None otherwise."""
    if tok.pos_ == "VERB" and tok.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in time_marks for c in tok.children):
        return tok.head if tok.head.pos_ in ("VERB", "AUX") else None
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "compound":
        return tok.head  # "a hostage deal", "ceasefire talks": the head names the act, the modifier its matter
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ != "pobj":
        return None
    node = tok
    while node.dep_ in ("pobj", "prep") and node.head.i != node.i:
        node = node.head
    if node.i == tok.i:
        return None
    if node.pos_ == "NOUN" and node.dep_ in ("nsubj", "nsubjpass", "dobj") and node.head.pos_ == "VERB" and \
            node.lemma_.lower() in kin_nouns:
        return node.head  # "relatives of the hostages pleaded with the kidnappers": the plea is reported
    # (or the event noun it hangs from: "an appeal for flood aid", "the condemnation of the attack")
    return node if node.pos_ in ("VERB", "NOUN") else None


def _anchors(c) -> list[int]:
    """The tokens an event is told by: its triggers, and the verb whose object a trigger noun is ("announced a
    suspension", "lodged a protest")."""
    out = []
    for t in c.triggers or [c.trigger]:
        out.append(t.i)
        if t.dep_ == "dobj" and t.head.pos_ == "VERB":
            out.append(t.head.i)
    return out


def acted_on_by(tok: Token, light_verbs: frozenset) -> Token | None:
    """The verb whose matter a trigger is: a trigger noun as its object ("eased sanctions", "lifted the ban",
    "called off the strike": the measure undone is no new measure), or a participle or an infinitive on that object
    ("pardoned a writer jailed for espionage", "returned the seized ships": the jailing is the pardon's background;
    "condemned the decision to deploy troops": the condemnation is reported); None otherwise, and None for a light
    verb, whose object names the act itself ("imposed an embargo", "declared a curfew")."""
    if tok.pos_ == "VERB" and (tok.dep_ == "acl" and tok.tag_ == "VBN" or tok.dep_ == "relcl"):
        tok = tok.head  # (or a relative clause on it: "condemned the raid that killed 12 people")
    elif tok.pos_ == "VERB" and tok.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        tok = tok.head  # an infinitive on it: "criticised Japan's decision to send warships"
    elif tok.dep_ == "amod" and tok.tag_ == "VBN":
        # a participle before the noun: "returned the seized ships", "condemned the arrested journalist's trial"
        tok = tok.head.head if tok.head.dep_ == "poss" else tok.head
    elif tok.pos_ not in ("NOUN", "PROPN"):
        return None
    if tok.dep_ != "dobj" or tok.head.pos_ != "VERB" or tok.head.lemma_.lower() in light_verbs:
        return None
    return tok.head


def accompanying(tok: Token) -> bool:
    """A participle clause that goes with another verb's act ("expelled the envoy, accusing Tehran of a plot",
    "recalled its ambassador, citing the raid"): a statement made with the act, which the sentence reports."""
    return tok.pos_ == "VERB" and tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.head.pos_ == "VERB" and not any(
        c.dep_ in ("mark", "aux") for c in tok.children)


def described_agent(tok: Token) -> Token | None:
    """The noun a trigger describes as the agent of a participle on it: "people displaced by fighting", "homes
    destroyed by shelling" -> people, homes; the fighting is what the people went through, not what the sentence
    reports. None otherwise."""
    # ("fighting" is often read as a gerund: a verb as the preposition's complement)
    if (tok.dep_, tok.pos_ in ("NOUN", "PROPN")) not in (("pobj", True), ("pcomp", False)) or tok.head.lower_ != "by":
        return None
    participle = tok.head.head
    if participle.dep_ != "acl" or participle.tag_ != "VBN" or participle.head.pos_ not in ("NOUN", "PROPN"):
        return None
    return participle.head


def _governing_event(noun: Token, by_trigger: dict, steps: int = 6):
    """The nearest event told by a word above `noun` in its tree ("appealed for $50 million to help people ...")."""
    tok = noun
    for _ in range(steps):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.i in by_trigger:
            return by_trigger[tok.i]
    return None


def rank_circumstances(cands: list, time_marks: frozenset, light_verbs: frozenset = frozenset(),
                       kin_nouns: frozenset = frozenset()) -> None:
    """Lower the confidence of each asserted candidate whose trigger is a circumstance of another asserted
    candidate of a different PLOVER category in its sentence (see the module doc), what another event's own
    trigger verb acts on (`acted_on_by`), or the agent of what befell a party of another event (`described_agent`)."""
    by_trigger: dict[int, object] = {}
    own: dict[int, object] = {}
    for c in cands:
        if c.modality == "asserted":
            for i in _anchors(c):
                by_trigger.setdefault(i, c)
            for t in c.triggers or [c.trigger]:
                own.setdefault(t.i, c)
    for c in cands:
        if c.modality != "asserted":
            continue
        verb = governing_verb(c.trigger, time_marks, kin_nouns)
        main = by_trigger.get(verb.i) if verb is not None else None
        if (main is None or main is c) and verb is not None and verb.pos_ == "NOUN":
            # the noun it hangs from is what another event's verb acts on: "snubbed an offer of talks"
            above = acted_on_by(verb, light_verbs)
            main = own.get(above.i) if above is not None else None
        if main is None or main is c:
            verb = acted_on_by(c.trigger, light_verbs)
            main = own.get(verb.i) if verb is not None else None
        if (main is None or main is c) and c.family == "contact" and accompanying(c.trigger):
            main = by_trigger.get(c.trigger.head.i)  # "expelled the envoy, accusing Tehran of ...": the expulsion
        if main is None or main is c:
            described = described_agent(c.trigger)
            main = _governing_event(described, by_trigger) if described is not None else None
        if main is None or main is c or main.plover_event == c.plover_event:
            continue
        c.confidence = max(0.05, min(c.confidence, main.confidence - CIRCUMSTANCE_GAP))
