"""The state a party's act bears on when the words name it only through a nationality, a destination or an aim:
"struck the Ukrainian city of Kharkiv", "sent medical teams to Myanmar", "exchanged fire with Kyrgyz troops"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventwire.extraction.events.syntax import object_of, path_up, prep_objects
from eventwire.extraction.tokens import children, entities

# the sectors of a state's own organs
STATE_SECTORS = {"GOV", "MIL", "COP", "SPY"}

if TYPE_CHECKING:
    from eventwire.extraction.events.context import DocContext
    from eventwire.extraction.events.roles import Role


def weapon_aim(tok: Token, weapon: Token, aim_preps: set, symmetric_lemmas: frozenset) -> Token | None:
    """Whom a weapon or fire is aimed at: "opened fire on worshippers", "fired rockets at the town"; with a verb of
    two sides, "with" ("exchanged fire with Kyrgyz troops"); never a time ("opened fire on Sunday")."""
    aim = [p for p in prep_objects(weapon, aim_preps) or prep_objects(tok, aim_preps)
           if p.ent_type_ not in ("DATE", "TIME")]
    if tok.lemma_.lower() in symmetric_lemmas:
        # the other side is the one fire is traded "with"; "on the border" is only where ("exchanged fire with
        # Israeli troops on the border")
        aim = prep_objects(weapon, {"with"}) or prep_objects(tok, {"with"}) or aim
    return aim[0] if aim else None


def state_given_to(tok: Token, given: Token, a1_tok: Token | None, actor1: Role | None, actor2: Role | None,
                   ctx: DocContext) -> Role | None:
    """"sent medical teams to Myanmar", "extradited a Syrian suspect to Lebanon": people or things sent, handed or
    given are the act's means; whom it bears on is the state they go to (else `actor2` stays). A state's own organ
    given is the party ("sent its ambassador to Rome" stays with the envoy's work elsewhere)."""
    if actor2 is None or actor2.actor.sector in STATE_SECTORS or tok.pos_ != "VERB" \
            or not any(p.ent_type_ in ("GPE", "LOC", "NORP") for p in prep_objects(tok, {"to"})):
        return actor2
    other = ctx.target_in_subtree(tok, actor1, a1_tok, also_skip=given)
    return other if other is not None and other.known and other.actor.country \
        and other.actor.sector in STATE_SECTORS else actor2


def foreign_nationality_hit(tok: Token, actor1: Role | None, ctx: DocContext) -> Role | None:
    """"Russian missiles struck the Ukrainian city of Kharkiv", "Chinese troops fired on Vietnamese boats", "shot
    down a Turkish drone": a place or a thing of another country's nationality hit across a border is that country's
    (its forces for arms and vessels, its people otherwise). Only across borders: a state's own town shelled says
    nothing of the side that held it."""
    # an embassy is its state's, whoever attacks it ("a car bomb exploded outside the Egyptian embassy")
    embassy = tok.lemma_.lower() in ctx.words.embassy_nouns
    own = actor1.actor.country if actor1 is not None else None
    if ctx.mention_at(tok) is not None or not (embassy or own or (actor1 is not None and actor1.actor.sector == "IGO")):
        return None  # (a side of no country: only an international force, "NATO jets bombed Serb depots")
    from eventwire.extraction.events.roles import Role  # (roles.py imports this module)

    for c in children(tok):
        if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE") and c.i < tok.i:
            kind = "government" if embassy else "forces" if ctx.nouns.noun_class(tok)[1] == "weapons" else "civilians"
            actor = ctx.catalogue.resolve(f"{c.text} {kind}")
            if actor is not None and actor.country and actor.country != own:
                return Role(actor=actor, start=c.idx, end=tok.idx + len(tok.text), generic=False, known=True)
    return None


def addressee(tok: Token, actor1: Role | None, ctx: DocContext) -> Role | None:
    """"summoned the ambassador to complain", "called the envoy in to protest": a speech act in an infinitive of
    purpose is addressed to the party the verb above it acts on."""
    if tok.pos_ != "VERB" or tok.dep_ not in ("xcomp", "advcl") or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in children(tok)):
        return None
    obj = object_of(tok.head)
    if obj is None or obj.i > tok.i:
        return None
    role = ctx.role_for(obj, tok, 2)
    if role is None or (actor1 is not None and role.actor.name == actor1.actor.name):
        return None
    return role


def country_of_phrase(tok: Token, ctx: DocContext, complements_only: bool = False) -> str | None:
    """The country a phrase names for its head: a nationality word as the head ("the French") or before it
    ("Sierra Leonean refugees", "Niger's ambassador"), or its "of" or "from" complement ("the ambassador of
    Morocco", "a delegation from Sudan"); `complements_only`: the complement alone."""
    # the modifiers of the head and of its compounds ("Baghdad University Medical School": a capital's)
    words = [] if complements_only else [tok] + [
        c for c in tok.subtree if c.i < tok.i and c.dep_ in ("amod", "compound", "poss")
        and all(x.dep_ == "compound" for x in path_up(c, tok))]
    for prep in children(tok):
        if prep.dep_ == "prep" and prep.lower_ in ctx.words.origin_prepositions:
            words += [t for p in children(prep) if p.dep_ == "pobj" for t in p.subtree]
    for c in words:
        if c.ent_type_ not in ("NORP", "GPE"):
            continue
        name = next((e.text for e in entities(ctx.doc) if e.start <= c.i < e.end), c.text)
        state = ctx.catalogue.resolve(f"{name} government") or ctx.catalogue.resolve(name) \
            or ctx.catalogue.state_of_place(name)
        if state is not None and state.country:
            return state.country
    return None


def hyphen_pair(tok: Token, ctx: DocContext) -> list[Role]:
    """"Sino-Indian border clashes", "U.S.-Chinese trade talks", "Pakistan-India talks": two countries joined by a
    hyphen on a noun of two sides are its two parties (the first acts). Only on such nouns: "Saudi-Emirati air
    strikes" are one side's."""
    fight = tok.lemma_.lower() in ctx.words.clash_words or tok.lower_ in ctx.words.clash_words
    if not fight and tok.lemma_.lower() not in ctx.words.symmetric_lemmas and tok.lower_ not in ctx.words.symmetric_lemmas:
        return []
    kind = "forces" if fight else "government"  # the armies clash, the governments talk
    doc = tok.doc
    for c in children(tok):
        if c.dep_ not in ("amod", "compound", "nmod") or c.i > tok.i:
            continue
        if "-" in c.text.strip("-"):
            words, start = c.text.rsplit("-", 1), c.idx  # "U.S.-Chinese", one token
        else:
            first = next((d for d in children(c) if d.i == c.i - 2 and doc[c.i - 1].text == "-"), None)
            words, start = ([first.text, c.text], first.idx) if first is not None else ([], c.idx)
        states = [ctx.catalogue.resolve(f"{w} {kind}") for w in words]
        if len(states) == 2 and all(s is not None and s.country for s in states) \
                and states[0].country != states[1].country:
            from eventwire.extraction.events.roles import Role  # (roles.py imports this module)

            # each party its own word, as two parties' spans never overlap
            spans = [(start, start + len(words[0])), (c.idx + len(c.text) - len(words[1]), c.idx + len(c.text))]
            return [Role(actor=s, start=a, end=b, generic=False, known=True) for s, (a, b) in zip(states, spans)]
    return []
