"""Who attacked whom where the trigger's own arguments do not tell it, in the frames of attack reporting:

* "a base came under attack from militants", "the town was under attack": the subject of the verb the attack
  noun hangs on by "under" is hit, the "from"/"by" party attacks; with no conflict word and no armed party in the
  sentence the frame is criticism ("the minister came under fire from lawmakers over the tax");
* "Al-Shabaab attacks AU base", "Rebels attack convoy": a headline whose verb the tagger read as a noun
  modifying the noun after it (the line has no verb): the party before the word attacks, the noun after it is hit;
* "fighters from HTS and Ahrar al-Sham attacked", "killed members of the police and the army": every armed
  party joined by "and" in the "of"/"from" phrase of the attacker or of the harmed takes part, not the first
  alone;
* "gunmen shot and killed a driver": verbs joined by "and" share the object of the verb of harm;
* "blew himself up among mourners": those among whom it happened were hit;
* "a shepherd stepped on a landmine": who set off the device was hit (tripped.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventwire.extraction.events.roles import Role, Roles, actor_kind
from eventwire.extraction.events.syntax import object_of, prep_objects, subject_of
from eventwire.extraction.events.triggers import conflict_context
from eventwire.extraction.events.tripped import set_off_by_the_harmed
from eventwire.extraction.tokens import children

if TYPE_CHECKING:
    from eventwire.extraction.events.context import DocContext
    from eventwire.extraction.events.lexicon import EventWords, Lexicon

# the sectors and ACLED inter codes of parties that bear arms (as triggers.conflict_context reads them)
ARMED_SECTORS = ("MIL", "REB", "INS", "UAF", "COP", "SPY", "SEP", "CRM")
ARMED_INTER = (1, 2, 3, 4, 8)
# the kinds of party a joined name must be to take part: an armed side attacks, any side may be hit
ATTACKER_KINDS = ("state", "nonstate")


def under_attack(tok: Token, words: EventWords) -> tuple[Token | None, Token] | None:
    """(attacker token or None, target token) of "X came under attack (from Y)"; also from the "under" of a phrase
    trigger ("came under fire", "under rocket fire": the phrase's head is the preposition)."""
    if tok.dep_ == "prep" and tok.lower_ == "under":
        tok = next((c for c in children(tok) if c.dep_ == "pobj"), tok)
    if tok.pos_ != "NOUN" or tok.dep_ != "pobj" or tok.head.lower_ != "under":
        return None
    verb = tok.head.head
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in words.under_verbs:
        return None
    subj, passive = subject_of(verb)
    if subj is None or passive:
        return None
    agents = prep_objects(tok, words.agent_prepositions) or prep_objects(verb, words.agent_prepositions)
    return (agents[0] if agents else None), subj


def under_criticism(lex: Lexicon, tok: Token, mentions_in_sent: list) -> bool:
    """"The minister came under fire from lawmakers", "the mayor came under attack over the demolitions": the
    under-frame of an attack noun in a sentence with no conflict word and no armed party is criticism, no attack."""
    found = under_attack(tok, lex.words)
    if found is None:
        return False
    noun = next((c for c in children(tok) if c.dep_ == "pobj"), tok) if tok.dep_ == "prep" else tok
    if any(c.lower_ in lex.words.under_weapon_modifiers for c in children(noun) if c.dep_ in ("compound", "amod")):
        return False  # "came under drone attack", "under air strikes": a weapon names the attack
    if not conflict_context(lex, tok.sent, mentions_in_sent, noun):
        return True
    # a party that bears no arms, and no one harmed: "came under fire from the government for its coverage of the
    # strike" (a conflict word elsewhere in the sentence names no fire)
    agent = found[0]
    if agent is None or any(t.lemma_.lower() in lex.words.death_words or t.lemma_.lower() in lex.words.harm_verbs
                            for t in tok.sent):
        return False
    if any(t.lemma_.lower() in lex.conflict_words or t.lower_ in lex.words.generic_armed
           or t.lower_ in lex.words.armed_agent_modifiers for t in agent.subtree):
        return False
    named = [m for m in mentions_in_sent if m.start_token <= agent.i < m.end_token]
    if named:
        # (a government is inter 1 with its forces, but speaks, not fires, unless its forces are named)
        return all(m.actor.sector not in ARMED_SECTORS and (m.actor.sector == "GOV" or m.actor.inter not in ARMED_INTER)
                   for m in named)
    return agent.lower_ in lex.words.actor_nouns  # "from the government", "from lawmakers"


def headline_verb_noun(tok: Token, ctx: DocContext) -> tuple[Token, Token] | None:
    """(attacker token, target token) of a verbless headline whose attack word modifies the noun after it:
    "Al-Shabaab attacks AU base" (a named party, the word in -s), "Rebels attack convoy" (a plural subject)."""
    if tok.pos_ != "NOUN" or tok.dep_ != "compound" or tok.i == 0:
        return None
    head = tok.head
    if head.i <= tok.i or head.dep_ != "ROOT" or head.pos_ not in ("NOUN", "PROPN"):
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in tok.sent):
        return None  # a line with a verb is read by its verb
    before = tok.doc[tok.i - 1]
    if before.dep_ != "compound" or before.head.i not in (tok.i, head.i):
        return None
    named = ctx.mention_at(before)
    party = named is not None and named.kind not in ("country", "capital", "person") and (tok.tag_ == "NNS" or before.tag_ == "NNS")
    if not (party or (tok.tag_ == "NN" and before.tag_ == "NNS")):
        return None
    return before, head


def _joined(head: Token | None, trigger: Token, ctx: DocContext, side: int, kinds, taken: set) -> list[Role]:
    """The parties joined by "and" in the "of"/"from" phrase of `head` that are not `taken` yet."""
    out: list[Role] = []
    if head is None:
        return out
    for p in prep_objects(head, ctx.words.origin_prepositions):
        for conj in (p, *p.conjuncts):
            role = ctx.role_for(conj, trigger, side)
            named = role is not None and ((role.known and not role.generic) or (conj.pos_ == "PROPN" and conj.ent_type_ == "ORG"))
            if not named or role.actor.name in taken or (kinds and actor_kind(role) not in kinds):
                continue
            taken.add(role.actor.name)
            out.append(role)
    return out


def _shared_object(main: Token, ctx: DocContext) -> Token | None:
    """"Gunmen shot and killed a lawyer": an active verb with a subject and no object shares the object of the verb of
    harm joined to it by "and" that has no subject of its own (not a place: "shelled and hit Foo" names ground)."""
    subj, passive = subject_of(main)
    if main.pos_ != "VERB" or object_of(main) is not None or subj is None or passive or subj.like_num:
        return None
    for c in children(main):
        if c.dep_ == "conj" and c.pos_ == "VERB" and c.lemma_.lower() in ctx.words.harm_verbs and not any(
                x.dep_ in ("nsubj", "nsubjpass") for x in children(c)):
            obj = object_of(c)
            if obj is not None and obj.ent_type_ not in ("GPE", "LOC", "FAC") and obj.i not in ctx.place_tokens:
                return obj
    return None


def _names(*roles) -> set:
    return {r.actor.name for r in roles if r is not None}


def _within(role: Role | None, tok: Token) -> bool:
    return role is not None and role.start >= tok.left_edge.idx and role.end <= tok.right_edge.idx + len(
        tok.right_edge.text)


def frame_roles(roles: Roles, main: Token, triggers: list[Token], ctx: DocContext) -> None:
    """Fill or mend the roles of a violent event (`main` and the other `triggers` of its cluster) from the frames
    of the module's docstring."""
    for tok in triggers:
        found = under_attack(tok, ctx.words)
        if found is None:
            continue
        agent, target = found
        hit = ctx.role_for(target, main, 2)
        if _within(roles.actor1, target):
            roles.actor1, roles.assoc1 = None, []  # "an army base came under attack": the base was hit
        if agent is not None:
            roles.actor1 = ctx.role_for(agent, main, 1) or roles.actor1
        if hit is not None and (roles.actor1 is None or hit.actor.name != roles.actor1.actor.name):
            roles.actor2, roles.assoc2 = hit, []
        roles.targets = [target]
        roles.victim_words |= {t.lemma_.lower() for t in target.subtree}
        break
    if roles.actor2 is None:
        for tok in triggers:
            found = headline_verb_noun(tok, ctx)
            if found is None:
                continue
            doer, target = found
            roles.actor1 = roles.actor1 or ctx.role_for(doer, main, 1)
            hit = ctx.role_for(target, main, 2)
            if hit is not None and (roles.actor1 is None or hit.actor.name != roles.actor1.actor.name):
                roles.actor2 = hit
            roles.targets = roles.targets or [target]
            break
    shared = _shared_object(main, ctx) if roles.actor2 is None and not roles.targets else None
    hit = ctx.role_for(shared, main, 2) if shared is not None else None
    if hit is not None and (hit.known or actor_kind(hit) != "nonstate"):
        # (a title no class of people sides, guessed as an armed group, is left as it was)
        roles.targets = [shared]
        roles.actor2 = hit
        roles.assoc2 += [r for c in shared.conjuncts for r in [ctx.role_for(c, main, 2)] if r is not None
                         and r.actor.name != hit.actor.name]
        roles.victim_words |= {t.lemma_.lower() for t in shared.subtree}
    verb = main.head.head if main.dep_ == "pobj" else main.head
    if main.pos_ == "NOUN" and main.dep_ in ("dobj", "pobj") and set_off_by_the_harmed(verb, ctx.words):
        # "a shepherd stepped on a landmine": who set the device off was hit, not who laid it
        subj, passive = subject_of(verb)
        hit = ctx.role_for(subj, main, 2) if subj is not None and not passive else None
        if hit is not None:
            roles.actor2, roles.assoc2, roles.targets = hit, [], [subj]
            if roles.actor1 is not None and roles.actor1.actor.name == hit.actor.name:
                roles.actor1, roles.assoc1 = None, []
    if roles.actor2 is None and main.pos_ == "VERB":
        # "blew himself up among mourners", "opened fire among the crowd": those in the midst of it were hit
        among = [r for p in prep_objects(main, {"among"}) for r in [ctx.role_for(p, main, 2)] if r is not None]
        if among:
            roles.actor2 = among[0]
    if main.pos_ == "VERB":
        subj, passive = subject_of(main)
        doer = (prep_objects(main, {"by"}) or [None])[0] if passive else subj
        if roles.actor1 is not None:
            joined = _joined(doer, main, ctx, 1, ATTACKER_KINDS, _names(roles.actor1, *roles.assoc1))
            if joined and roles.actor1.generic and _within(roles.actor1, doer):
                # "fighters from the Hasran Brigade and the Tuvel Front": the named groups, not the kind
                first = joined.pop(0)
                roles.actor1 = Role(actor=first.actor, start=min(doer.left_edge.idx, first.start), end=first.end,
                                    generic=first.generic, known=first.known)
            roles.assoc1 += joined
        hit_head = subj if passive else object_of(main)
        if roles.actor2 is not None:
            roles.assoc2 += _joined(hit_head, main, ctx, 2, (), _names(roles.actor2, *roles.assoc2, roles.actor1))
