"""Who an attack on a site hits when the words name no party: "gunmen stormed a hotel", "the explosion targeted a
bakery", "insurgents overran a checkpoint", "a bomb went off at a market". ACLED codes the people of the site as
actor2: the civilians of a place of civilian life, the state forces of a military site, the government of a seat
of civil power (unless that state's own forces are the attackers). The actor's words are the site's, so the record
still says what was hit."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventwire.extraction.events.roles import Role, actor_kind
from eventwire.extraction.events.syntax import object_of
from eventwire.extraction.tokens import children

if TYPE_CHECKING:
    from eventwire.extraction.events.context import DocContext

# the kind of site -> the catalogue's generic party for its people
SITE_PARTIES = {"civilian": "civilians", "armed": "security forces", "state": "government"}


def site_kind(tok: Token, words) -> str | None:
    """"civilian", "armed", "state" or None for the head of a phrase naming what was hit."""
    forms = {tok.lemma_.lower(), tok.lower_}
    if tok.pos_ == "PROPN" and any(t.lower_ in words.armed_site_name_words for t in [tok, *children(tok)]
                                   if t.i == tok.i or (t.dep_ == "compound" and t.i < tok.i)):
        return "armed"  # "Camp Shorabak", "Bagram Air Base"
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    if forms & words.civilian_sites:
        return "civilian"
    if any(f"{c.lower_} {form}" in words.civilian_site_phrases for c in children(tok)
           if c.dep_ in ("compound", "amod") and c.i == tok.i - 1 for form in forms):
        return "civilian"  # "a health centre"
    if forms & words.armed_sites:
        return "armed"
    if forms & words.state_sites:
        return "state"
    return None


def _site_head(tok: Token, words) -> Token:
    """"dozens of houses", "a number of shops": the site counted, not the count."""
    if tok.lower_ in words.quantity_heads or tok.like_num:
        of = [p for c in children(tok) if c.dep_ == "prep" and c.lower_ == "of" for p in children(c)
              if p.dep_ == "pobj"]
        if of:
            return of[0]
    return tok


def _site_span(tok: Token) -> tuple[int, int]:
    """The site's words: its modifiers up to the head ("a crowded market", "Camp Shorabak", "the Interior
    Ministry"), without a determiner or a count."""
    lead = [t for t in tok.subtree if t.i <= tok.i and t.pos_ not in ("DET", "NUM", "PUNCT") and not t.like_num
            and t.dep_ not in ("det", "predet", "nummod", "quantmod", "poss", "case")]
    return min([t.idx for t in lead] + [tok.idx]), tok.idx + len(tok.text)


def _no_target(obj: Token | None, words) -> bool:
    """An object that is no target: none, a reflexive, the fire or weapon used ("detonated explosives near the
    ministry"), or a bare count of the people at the site ("kills 30 at a funeral")."""
    if obj is None or obj.lower_ in words.targetless_objects or obj.lemma_.lower() in words.weapon_nouns:
        return True
    return (obj.like_num or obj.pos_ == "NUM") and not any(c.dep_ == "prep" for c in children(obj))


def spot_of(trigger: Token, words) -> Token | None:
    """The site a violent verb with no target happened at: "a bomb exploded outside a cafe", "a bomber blew himself
    up at a market", "an explosion ripped through a mosque", "set fire to a church"; or a violent noun's ("the
    bombing of a bus", "the shooting at the mosque")."""
    if trigger.pos_ == "NOUN":
        holders = [(trigger, words.site_spot_preps | {"of"})]
        verb = trigger.head
        if trigger.dep_ == "nsubj" and verb.pos_ == "VERB" and _no_target(object_of(verb), words):
            holders.append((verb, words.site_spot_preps))  # "a bomb ripped through a mosque": the verb's spot
    elif trigger.pos_ == "VERB" and _no_target(object_of(trigger), words):
        holders = [(trigger, words.site_spot_preps)]
        if trigger.dep_ == "conj" and trigger.head.pos_ == "VERB":
            # "the bomb was left at the gate of a school and exploded", "gunmen drove to a market and opened fire"
            holders.append((trigger.head, words.site_spot_preps))
    else:
        return None
    for holder, preps in holders:
        spot = _spot_below(holder, preps, words)
        if spot is not None:
            return spot
    return None


def _spot_below(holder: Token, preps, words) -> Token | None:
    for p in children(holder):
        if p.dep_ == "prep" and p.lower_ in preps:
            for o in children(p):
                if o.dep_ != "pobj":
                    continue
                # "at the entrance to the hotel", "outside the gate of a school": the site the spot belongs to
                owners = [x for c in children(o) if c.dep_ == "prep" and c.lower_ in words.spot_owner_prepositions
                          for x in children(c) if x.dep_ == "pobj"]
                for spot in (o, *owners):
                    if site_kind(spot, words) is not None or spot.lower_ in words.held_ground_nouns:
                        return spot
                if o.lemma_.lower() in words.ridden_vehicle_nouns and owners:
                    return owners[0]  # "a bomb exploded under the car of a judge": whose car it was
    return None


def site_target(targets: list[Token], trigger: Token, actor1: Role | None, ctx: DocContext) -> Role | None:
    """The party hit at the first site the words acted on name (or else at the site a violent verb happened
    at)."""
    words = ctx.words
    for t in targets:
        # "fired on a vehicle carrying election officials", "a convoy transporting pilgrims": those carried
        for c in children(t):
            obj = object_of(c) if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in words.carrying_verbs else None
            role = ctx.role_for(obj, trigger, 2) if obj is not None else None
            if role is not None:
                return role
        sheltered = _sheltered_people(t, trigger, ctx)
        if sheltered is not None:
            return sheltered
    spot = spot_of(trigger, words)
    role = ctx.role_for(spot, trigger, 2) if spot is not None else None
    if role is not None and (actor1 is None or role.actor.name != actor1.actor.name):
        return role  # "a bomb exploded outside the police station": the party whose site it is
    sites = [_site_head(t, words) for t in targets] + [spot]
    tok = next((t for t in sites if t is not None and site_kind(t, words) is not None), None)
    if tok is None:
        return None
    kind = site_kind(tok, words)
    if kind != "civilian" and (actor1 is None or actor_kind(actor1) == "state"):
        return None  # the state's own base, or nobody named who attacked it: whose it is stays unsaid
    actor = ctx.catalogue.resolve(SITE_PARTIES[kind])
    if actor is None:
        return None
    start, end = _site_span(tok)
    return Role(actor=actor, start=start, end=end, generic=True, known=True)


def settled_people(targets: list[Token], ctx: DocContext) -> Role | None:
    """Civilians, in the place's words, for an attack on civilians whose only word acted on is a place people
    live in ("militants attacked the village of Foo", "gunmen raided a village")."""
    tok = targets[0] if targets else None
    if tok is None or (tok.lemma_.lower() not in ctx.words.settled_ground and tok.lower_ not in ctx.words.settled_ground):
        return None
    actor = ctx.catalogue.resolve(SITE_PARTIES["civilian"])
    if actor is None:
        return None
    start, end = _site_span(tok)
    for named in (x for c in children(tok) if c.dep_ == "prep" and c.lower_ == "of" for x in children(c)
                  if x.dep_ == "pobj"):
        end = named.idx + len(named.text)  # "the village of Foo"
    return Role(actor=actor, start=start, end=end, generic=True, known=True)


def _sheltered_people(site: Token, trigger: Token, ctx: DocContext) -> Role | None:
    """"a camp for displaced people", "a shelter for refugees", "a school for girls": the civilians a place is
    for were hit, in the words of the place and of its people."""
    holders = [site, site.head] if site.dep_ == "dobj" else [site]  # the parser may hang "for" on the verb
    for c in (c for h in holders for c in children(h)):
        if c.dep_ != "prep" or c.lower_ != "for":
            continue
        for o in children(c):
            role = ctx.role_for(o, trigger, 2) if o.dep_ == "pobj" else None
            if role is not None and actor_kind(role) == "civilian":
                return replace(role, start=min(role.start, _site_span(site)[0]))
    return None
