"""The harmed of an act of violence told after it, in a sentence of their own: a listing of the dead ("Among the dead
were two students", "The victims included a judge", "Most of the dead were recruits", "Those killed included four
children", "The imam was among the dead", "One of the victims was a councillor") and the wounded who died later
("Two of the wounded later died in hospital", "A driver died of his wounds"). Such a sentence has a death word too
weak to stand alone ("dead", "died"), or none ("the victims"): after violence told earlier in the report it tells
that act's harmed, and the record names them, not the harmed of the act it refers back to."""

from __future__ import annotations

from spacy.tokens import Span, Token

from eventwire.extraction.tokens import children


def _of_object(tok: Token) -> Token | None:
    return next((o for c in children(tok) if c.dep_ == "prep" and c.lower_ == "of" for o in children(c)
                 if o.dep_ == "pobj"), None)


def _part_of(tok: Token, words) -> Token:
    """"most of the victims", "one of the dead", "two of those killed": the group the part is taken from."""
    if tok.lower_ in words.part_quantifiers or tok.like_num or tok.pos_ == "NUM":
        inner = _of_object(tok)
        if inner is not None:
            return inner
    return tok


def _reference(tok: Token, words) -> bool:
    """"the dead", "the victims", "those killed": a definite noun of the harmed, or "those" with a participle of
    harm."""
    if tok.lower_ == "those":
        return any(c.dep_ == "acl" and c.lemma_.lower() in words.harm_verbs for c in children(tok))
    if tok.lemma_.lower() not in words.harmed_reference_nouns and tok.lower_ not in words.harmed_reference_nouns:
        return False
    return any(c.dep_ in ("det", "poss") and c.lower_ in words.definite_determiners for c in children(tok))


def harmed_listing(sent: Span, words) -> tuple[Token, Token] | None:
    """(the noun that refers back to the harmed, the first of those it lists) when the sentence lists the harmed
    of an act told before: its verb is "be" or "include" (`harmed_listing_verbs`), one side "the dead", "the
    victims" or "those killed" (`harmed_reference_nouns`, also "among" them), the other who they were."""
    root = sent.root
    if root.lemma_.lower() in words.listing_speech_verbs:
        # "Rahimi said women and children were among the dead": the listing is what a speaker reported
        root = next((c for c in children(root) if c.dep_ == "ccomp"), root)
    if root.lemma_.lower() not in words.harmed_listing_verbs:
        return None
    subj = next((c for c in children(root) if c.dep_ in ("nsubj", "nsubjpass")), None)
    among = next((o for c in children(root) if c.dep_ == "prep" and c.lower_ == "among" for o in children(c)
                  if o.dep_ == "pobj"), None)
    told = next((c for c in children(root) if c.dep_ in ("attr", "dobj")), None)
    if among is not None:
        ref, told = among, subj or told  # "Among the dead were two students", "The imam was among the dead"
    else:
        ref = subj
    if ref is None or told is None:
        return None
    ref = _part_of(ref, words)
    if not _reference(ref, words) or _reference(_part_of(told, words), words):
        return None
    return ref, told


def _died_of_wounds(tok: Token, words) -> bool:
    """"died of his wounds", "died later from her injuries", "Two of the wounded later died": a death the harm of
    an act told before explains."""
    if tok.lemma_.lower() not in words.later_death_verbs:
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("of", "from") and any(
            o.lemma_.lower() in words.wound_nouns for o in children(c) if o.dep_ == "pobj") for c in children(tok)):
        return True
    subj = next((c for c in children(tok) if c.dep_ == "nsubj"), None)
    if subj is None:
        return False
    group = _part_of(subj, words)
    return group is not subj and group.lower_ in words.harmed_reference_nouns


def admits_weak(tok: Token, sent: Span, words) -> bool:
    """A weak death word that tells the harmed of an act told before: the noun or participle that refers back in a
    listing of the dead, or a later death of the wounded."""
    found = harmed_listing(sent, words)
    if found is not None and (tok.i == found[0].i or tok.head.i == found[0].i and tok.dep_ == "acl"):
        return True
    return _died_of_wounds(tok, words)


def listing_trigger(sent: Span, words) -> Token | None:
    """The noun that refers back in a listing of the harmed that has no trigger word ("The victims included a
    judge"): the sentence's event, once violence was told before."""
    found = harmed_listing(sent, words)
    return found[0] if found is not None and found[0].lower_ != "those" else None


def listed_harmed(sent: Span, trigger: Token, words) -> Token | None:
    """The first of the harmed a listing sentence names, when `trigger` is its word that refers back."""
    found = harmed_listing(sent, words)
    if found is None:
        return None
    ref, told = found
    return told if trigger.i == ref.i or trigger.head.i == ref.i and trigger.dep_ == "acl" else None


def harmed_participle(sent: Span, trigger: Token, words) -> Token | None:
    """The people a participle of harm hangs on, outside the trigger's own words: "condolences to the families of
    the six soldiers killed", "Two of the 12 initially killed were policemen", "children wounded in the blast
    were taken to hospital" (a reduced relative clause: the noun is who was harmed)."""
    for tok in sent:
        if tok.tag_ != "VBN" or tok.dep_ != "acl" or tok.lemma_.lower() not in words.harm_verbs:
            continue
        head = tok.head
        if head.i != trigger.i and head.pos_ in ("NOUN", "PROPN", "NUM"):
            return head
    return None


def survivors(trigger: Token, words) -> Token | None:
    """Who survived or escaped the event its noun names ("Eight other children survived the attack", "the governor
    escaped the blast unhurt"): the attack was aimed at them too."""
    if trigger.dep_ != "dobj" or trigger.head.lemma_.lower() not in words.survival_verbs:
        return None
    return next((c for c in children(trigger.head) if c.dep_ == "nsubj"), None)
