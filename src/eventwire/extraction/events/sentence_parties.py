"""The parties a whole sentence names, for a violent event whose own triggers name nobody or only one side:
who fought ("clashes between A and B"), who did it ("a mine planted by Boko Haram"), who was hit ("casualties in
the ranks of the regime"). The reading of a trigger's own roles is in roles.py."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from eventwire.extraction.actors.nouns import NOT_ACTOR
from eventwire.extraction.events.roles import Role, Roles, actor_kind, agents_of
from eventwire.extraction.events.syntax import subject_of
from eventwire.extraction.tokens import children

if TYPE_CHECKING:
    from eventwire.extraction.events.context import DocContext

def sentence_agent(sent: Span, ctx: DocContext, roles: Roles) -> Role | None:
    """Who did it, when the event's own triggers do not say: a by-agent elsewhere in the sentence ("a mine
    planted by Boko Haram", "an attack carried out by the group")."""
    for t in sent:
        if t.dep_ == "agent" or (t.dep_ == "prep" and t.lower_ == "by"):
            head = t.head
            if head.lemma_.lower() in ctx.lex.words.agent_verbs or ctx.lex.is_event_noun(head):
                for p in children(t):
                    if p.dep_ == "pobj":
                        role = ctx.role_for(p, head, 1)
                        if role is None:
                            continue
                        if roles.actor2 is not None and role.actor.name == roles.actor2.actor.name:
                            continue
                        if actor_kind(role) in ("state", "nonstate") or not role.known:
                            return role
    return None


def _speaks_only(tok: Token, ctx: DocContext) -> bool:
    """"police said", "according to the army": a party that tells of the event, not one in it."""
    if tok.dep_ in ("nsubj", "nsubjpass") and (tok.head.lemma_.lower() in ctx.words.speaker_verbs
                                               or tok.head.lemma_.lower() in ctx.reporting_verbs):
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according"


def _side_hit(tok: Token, ctx: DocContext) -> bool:
    """The party named as the side that lost men or was fought: "casualties in the ranks of the regime", "18
    members of the regime forces", "the killing of four fighters", "clashes against the regime forces", "killed 16
    Nusra fighters"."""
    if tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in ctx.words.harm_verbs:
        return True
    if tok.dep_ == "attr":  # "most of the dead were soldiers"
        subj = subject_of(tok.head)[0]
        if subj is not None and any(t.lower_ in ctx.words.victim_frame_nouns or t.lower_ in ctx.words.death_words
                                    for t in subj.subtree):
            return True
    node = tok
    for _ in range(3):
        if node.dep_ != "pobj":
            return False
        prep = node.head
        if prep.lower_ == "against" or (prep.lower_ in ctx.words.aimed_at_prepositions and (
                prep.head.lemma_.lower() in ctx.words.agent_verbs or ctx.lex.is_event_noun(prep.head))):
            return True  # "clashes against the regime", "bombings targeted at the military", "an attack on police"
        if prep.lower_ not in ctx.words.side_prepositions or prep.head.i == prep.i:
            return False
        node = prep.head
        if node.lower_ in ctx.words.victim_frame_nouns or node.lower_ in ctx.words.death_words \
                or node.lemma_.lower() in ctx.words.harm_verbs:  # "the killing of four fighters"
            return True
    return False


def _between(tok: Token) -> bool:
    node = tok
    for _ in range(4):
        if node.dep_ == "pobj" and node.head.lower_ == "between":
            return True
        if node.dep_ not in ("conj", "pobj", "appos") or node.head.i == node.i:
            return False
        node = node.head
    return False


# clauses of their own: a party named in one acts in another event ("a push into Al Bab after the Syrian army made
# gains", "a village where the army had fought")
OWN_CLAUSES = ("advcl", "relcl", "ccomp", "acl", "csubj", "parataxis")


def _clause_unit(tok: Token, ctx: DocContext, clauses: tuple = OWN_CLAUSES) -> Token:
    """The head of the smallest clause, or phrase of another event's time ("after the fall of ..."), a token sits in."""
    node = tok
    while node.head.i != node.i and node.dep_ not in clauses and not (
            node.dep_ == "pobj" and node.head.lower_ in ctx.words.other_event_preps):
        node = node.head
    return node


def _shares_clause(tok: Token, trigger: Token, ctx: DocContext) -> bool:
    """The token and the trigger sit in one clause: the token is in no clause of its own that the trigger is outside
    of, and neither is after a preposition of another event's time that the other is outside of ("a push after the
    Syrian army made gains", "after the fall of X, the authorities ...")."""
    # the trigger may be the complement of the party's verb ("the regime forces renew the shelling")
    unit, trigger_unit = _clause_unit(tok, ctx), _clause_unit(trigger, ctx, clauses=())
    return unit.left_edge.i <= trigger.i <= unit.right_edge.i \
        and trigger_unit.left_edge.i <= tok.i <= trigger_unit.right_edge.i


def sentence_parties(sent: Span, ctx: DocContext, trigger: Token, roles: Roles) -> None:
    """Who fought, for a violent event whose trigger and clause name nobody because the parse is broken (headlines:
    "Clashes continue between regime forces and IS", "Clashes in Quneitra and regime forces shell a village"): the
    armed parties the sentence names, "between" ones first, then in text order; the side named as losing men or
    as fought ("casualties in the ranks of the regime", "against the regime forces") is the one hit. A party that
    only tells of the event ("police said") takes no part."""
    ordered, hit = _sentence_sides(sent, ctx, trigger)
    if not hit and len(ordered) >= 2:
        roles.actor1, roles.actor2 = ordered[0], ordered[1]
        return
    roles.actor1 = ordered[0] if ordered else None
    roles.assoc1 = ordered[1:]
    roles.actor2 = hit[0] if hit else None
    roles.assoc2 = hit[1:]


def sentence_doer(sent: Span, ctx: DocContext, trigger: Token, roles: Roles) -> None:
    """Who acted, for a violent event whose parse names only the side hit ("Regime forces clashes with rebels in
    the Ghouta", "the regime forces' rocket shells kill 10 fighters"): the first armed party the sentence names in
    the trigger's clause as no side hit and no speaker."""
    ordered, _ = _sentence_sides(sent, ctx, trigger, named_on_things=False)
    hit = {r.actor.name for r in [roles.actor2, *roles.assoc2] if r is not None}
    roles.actor1 = next((r for r in ordered if r.actor.name not in hit), None)


def _sentence_sides(sent: Span, ctx: DocContext, trigger: Token,
                    named_on_things: bool = True) -> tuple[list[Role], list[Role]]:
    """(the armed parties a sentence names as acting, "between" ones first; those it names as the side hit).
    `named_on_things` False leaves out a party named only on a thing other than a weapon or an event ("a police
    station", "an army base"; not "the regime forces' rocket shells")."""
    doers: list[tuple[bool, Role]] = []
    hit: list[Role] = []
    seen: set[str] = set()
    for m in ctx.mentions_in(sent.start_char, sent.end_char):
        root = sent.doc[m.start_token:m.end_token].root
        phrase = root  # "four Boko Haram fighters": the name modifies the head that takes the role
        while phrase.dep_ in ("compound", "amod", "nmod", "poss") and phrase.head.i != phrase.i:
            phrase = phrase.head
        if root.i in ctx.place_tokens or _speaks_only(phrase, ctx) or not _shares_clause(phrase, trigger, ctx):
            continue
        on_thing = phrase.i != root.i and ctx.mention_at(phrase) is None and not ctx.lex.is_event_noun(phrase) \
            and phrase.lemma_.lower() not in ctx.words.weapon_nouns
        if not named_on_things and on_thing:
            continue
        role = ctx.role_for(root, trigger, 1)
        if role is None or actor_kind(role) not in ("state", "nonstate") or role.actor.name in seen:
            continue
        seen.add(role.actor.name)
        if on_thing and ctx.nouns.noun_class(phrase)[0] == NOT_ACTOR:
            # "a bomb exploded during an Egyptian military parade", "near an army base": the owner of a place or
            # a gathering is the side hit, not who set off the bomb
            hit.append(role)
            continue
        # a word of death as the trigger ("the dead", "casualties") names the fallen, not who killed them (but "X
        # put 12 people to death": the subject acts)
        if _side_hit(phrase, ctx) or (trigger.lower_ in ctx.words.death_words or trigger.lower_ in
                                      ctx.words.victim_frame_nouns) and not _between(phrase) and phrase.dep_ != "nsubj":
            hit.append(role)
        else:
            doers.append((not _between(phrase), role))
    return [r for _, r in sorted(doers, key=lambda x: x[0])], hit


def opposing_victims(roles: Roles) -> None:
    """"A Boko Haram militant and a soldier were killed in a shooting": the dead of an armed group and of the state
    forces with nobody named as the attacker fell fighting each other; the armed group is actor1 (who acts is
    rarely the state in such a report)."""
    if roles.actor1 is not None or roles.actor2 is None:
        return
    hit = [roles.actor2, *roles.assoc2]
    armed = next((r for r in hit if actor_kind(r) == "nonstate" and r.known), None)
    state = next((r for r in hit if actor_kind(r) == "state"), None)
    if armed is None or state is None:
        return
    roles.actor1, roles.actor2 = armed, state
    roles.assoc2 = [r for r in hit if r is not armed and r is not state]


def caught_between(roles: Roles, main: Token, triggers: list[Token], ctx: DocContext) -> None:
    """"Two civilians were killed in crossfire between the army and ADF rebels": the harmed of a fight whose two
    armed sides the words name were caught between them, and the fight's sides are its parties (conflict datasets
    code the clash and count its dead among its fatalities). Only for harmed who are no side themselves: "three
    soldiers were killed in clashes between the army and rebels" keeps the soldiers as the side hit."""
    if roles.actor2 is None or actor_kind(roles.actor2) not in ("civilian", "unknown"):
        return
    # the fight is another trigger of the event or the noun the harm happened in ("crossfire" is no trigger)
    fights = [*triggers, *(o for c in children(main) if c.dep_ == "prep" for o in children(c) if o.dep_ == "pobj")]
    for tok in fights:
        if tok.i == main.i or tok.lemma_.lower() not in ctx.words.clash_words:
            continue
        between = agents_of(tok, ctx.words, "between")
        armed = [r for r in ctx.participants(between[0]) if actor_kind(r) in ("state", "nonstate")] if between else []
        if len(armed) >= 2:
            roles.actor1, roles.actor2 = armed[0], armed[1]
            roles.assoc1, roles.assoc2 = [], []
            return
