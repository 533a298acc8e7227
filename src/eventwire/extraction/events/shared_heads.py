"""Parties joined by "and" before the one head noun they share: "French and Egyptian warships", "the Indian and
Pakistani foreign ministers", "U.S. and Russian negotiators"; and the people a verb holds as the noun that names the harmed ("took 21 people
hostage"). A helper of roles.py."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventwire.extraction.tokens import children, entities

if TYPE_CHECKING:
    from eventwire.extraction.events.context import DocContext
    from eventwire.extraction.events.roles import Role

NATIONALITY_LABELS = ("NORP", "GPE")


def shared_noun_partners(head: Token, ctx: DocContext, own_country: str | None = None) -> list[Role]:
    """The parties joined before `head` (the head's own mention is the one role_for finds): catalogue mentions of
    states, and nationalities the catalogue knows no mention by, each its state (its forces when the head names
    them: "Indian and Chinese troops"), but not the nationality `own_country` the head already stands for."""
    from eventwire.extraction.events.roles import Role  # (roles.py imports this module)

    doc = head.doc
    out = []
    for m in ctx.mentions_in(head.left_edge.idx, head.idx):
        if m.end_token < len(doc) and doc[m.end_token].lower_ in ("and", "or", ",") and m.end_token < head.i \
                and m.kind == "state" and not m.generic:
            out.append(Role(actor=m.actor, start=m.start, end=m.end, generic=False, known=m.actor.known))
    firsts = [c for c in children(head) if c.dep_ in ("amod", "compound", "nmod") and c.i < head.i
              and c.ent_type_ in NATIONALITY_LABELS and any(x.dep_ == "conj" for x in children(c))]
    for tok in [t for c in firsts for t in (c, *c.conjuncts)]:
        if tok.i in ctx.by_token or tok.i > head.i:
            continue  # a mention: found above, or it is the head's own
        ent = next((e for e in entities(doc) if e.start <= tok.i < e.end), None)
        name = ent.text if ent is not None else tok.text
        actor = ctx.catalogue.resolve(f"{name} {head.text}") or ctx.catalogue.resolve(f"{name} government") \
            or ctx.catalogue.state_of_place(name)
        if actor is None or not actor.country or actor.country == own_country \
                or any(actor.country == r.actor.country for r in out):
            continue
        start = ent.start_char if ent is not None else tok.idx
        out.append(Role(actor=actor, start=start, end=tok.idx + len(tok.text), generic=False, known=True))
    return out


def held_as(harmed_noun: Token) -> Token | None:
    """"took 21 people hostage", "held the crew captive": the verb's other object is who was taken, the noun of
    the harmed only says as what (the parse hangs it as a second object or as a predicate)."""
    if harmed_noun.dep_ not in ("dobj", "oprd", "xcomp", "ccomp") or harmed_noun.head.pos_ != "VERB":
        return None
    if harmed_noun.tag_ == "NN":  # "took 30 villagers hostage" read as one noun phrase: the word before
        before = next((c for c in children(harmed_noun) if c.dep_ == "compound" and c.i == harmed_noun.i - 1
                       and c.pos_ in ("NOUN", "PROPN")), None)
        if before is not None:
            return before
    return next((c for c in children(harmed_noun.head) if c.dep_ == "dobj" and c.i < harmed_noun.i), None)
