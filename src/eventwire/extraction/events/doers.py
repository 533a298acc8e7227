"""Who did it, where the parse hides the doer: the user of a weapon, a site named on an attack noun (hit, not
acting), a gerund read as a verb, groups joined in a subject, "gunmen believed to be from X", an organisation's name
whose head is also a ground word; and who holds the ground attacked. Helpers of roles.py and context.py, which read
the actors themselves."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventwire.extraction.actors.nouns import ACTOR, NOT_ACTOR
from eventwire.extraction.events.syntax import PLACE_LABELS, object_of, prep_objects, subject_of
from eventwire.extraction.tokens import children

if TYPE_CHECKING:
    from eventwire.extraction.events.context import DocContext
    from eventwire.extraction.events.lexicon import EventWords

# the dependencies of a noun used as a gerund ("Turkish shelling kills two")
NOMINAL_DEPS = ("nsubj", "nsubjpass", "dobj", "pobj")
# how the parser may join the deed to a verb of belief read as the main verb ("gunmen believed to be X killed")
BELIEVED_DEED_DEPS = ("ccomp", "conj", "dep")
# the most tokens a group's name takes between "believed to be" and its participle of affiliation
NAME_BEFORE_AFFILIATION = 5


def weapon_users(tok: Token, ctx: DocContext) -> list[Token]:
    """Who a weapon's participle names as firing or dropping it: "a mortar shell fired by the rebels", "a bomb
    dropped from an IS drone" (also when the parser hung the participle on the main verb: "killed by a bomb
    dropped from a drone")."""
    # ("a shell fired from IS lines landed": the parser may tag the participle as a past tense)
    users = [p for c in children(tok) if c.dep_ in ("acl", "relcl") and (c.tag_ == "VBN" or (
             c.tag_ == "VBD" and c.dep_ == "acl"))
             for p in (participle_agents(c, ctx) if c.lemma_.lower() in ctx.words.belief_verbs
                       else prep_objects(c, ctx.words.agent_prepositions))]
    after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if after is not None and after.tag_ in ("VBN", "VBD") and after.dep_ in ("advcl", "conj") and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in children(after)):
        users += prep_objects(after, ctx.words.agent_prepositions)
    return [u for u in users if u.ent_type_ not in PLACE_LABELS and u.i not in ctx.place_tokens]


def participle_agents(participle: Token, ctx: DocContext) -> list[Token]:
    """"a shell fired by the rebels", "a shell fired from Houthi positions": a named party's ground or weapon, not a
    town ("rockets fired from Gaza" name no one); "a shell believed to come from rebel positions", "a rocket thought
    to have been fired by Hamas": the source the belief's complement names."""
    if participle.lemma_.lower() in ctx.words.belief_verbs:
        return [a for x in children(participle) if x.dep_ == "xcomp" for a in participle_agents(x, ctx)]
    return prep_objects(participle, {"by"}) or [
        p for p in prep_objects(participle, {"from"}) if p.ent_type_ not in PLACE_LABELS
        and p.i not in ctx.place_tokens and any(t.i in ctx.by_token for t in p.subtree)]


def captor_of(tok: Token, harmed: Token | None, ctx: DocContext) -> Token | None:
    """Who held the harmed of a verb with no doer before the harm: "a hostage held by Abu Sayyaf was beheaded",
    "engineers kept captive by the ELN were shot dead" (a participle of holding on the harmed, with its "by"),
    "died in Boko Haram captivity", "executed after months in captivity by the Islamic State" (a noun of captivity
    in the verb's phrase, with the group before it or after "by"/"of")."""
    words = ctx.words
    if harmed is not None:
        for c in children(harmed):
            if c.dep_ in ("acl", "relcl") and c.tag_ == "VBN" and c.lemma_.lower() in words.captor_participles:
                by = prep_objects(c, {"by"})
                if by:
                    return by[0]
    for t in tok.subtree:
        if t.lemma_.lower() not in words.captivity_nouns or (harmed is not None and t.i in
                                                              {x.i for x in harmed.subtree}):
            continue
        held_by = [c for c in children(t) if c.dep_ in ("compound", "poss", "nmod", "amod") and c.i < t.i
                   and (c.i in ctx.by_token or c.pos_ == "PROPN")] + prep_objects(t, {"by", "of"})
        if t.dep_ == "pobj" and t.head.head.tag_ == "VBG":
            held_by += prep_objects(t.head.head, {"by"})  # "after being in captivity by X" ("by" on "being")
        if held_by:
            return held_by[0]
    return None


def cause_weapon_user(tok: Token, ctx: DocContext) -> Token | None:
    """Who fired the weapon of a clause of cause on a verb whose subject was harmed: "three children died when a
    shell, believed to have come from Islamic State lines, landed on their home", "a woman was killed as a rocket
    fired from Houthi positions hit her house" (the first weapon after "when"/"as"/"after" in the verb's phrase,
    however the parser hung the clause, and the party its participle, or a belief about it, names)."""
    below = {t.i for t in tok.subtree}
    marker = next((t for t in tok.subtree if t.i > tok.i and t.lower_ in ctx.words.cause_markers
                   and t.dep_ in ("mark", "advmod", "prep")), None)
    if marker is None:
        return None
    for t in tok.doc[marker.i + 1:tok.sent.end]:
        if t.i not in below or t.dep_ == "compound" or ctx.nouns.noun_class(t) != (NOT_ACTOR, "weapons"):
            continue
        users = weapon_users(t, ctx) or [a for b in tok.doc[t.i + 1:tok.sent.end]
                                         if b.lemma_.lower() in ctx.words.belief_verbs and getattr(subject_of(b)[0], "i", None) == t.i
                                         for a in participle_agents(b, ctx)]
        return users[0] if users else None
    return None


def defended_against(tok: Token, ctx: DocContext) -> Token | None:
    """Whom the harmed were defending against, in the verb's phrase: "two guards died defending a school from Boko
    Haram fighters", "a policeman was killed trying to stop Taliban attackers from entering the compound" (the
    "from" of a verb of defence, on it or on its object; the object of a verb of stopping), when it names people."""
    words = ctx.words
    for v in tok.subtree:
        if v.i == tok.i or v.pos_ != "VERB":
            continue
        lemma, obj = v.lemma_.lower(), object_of(v)
        if lemma in words.defending_verbs:
            found = prep_objects(v, {"from"}) or (prep_objects(obj, {"from"}) if obj is not None else [])
        elif lemma in words.stopping_verbs:
            found = [obj] if obj is not None else []
        else:
            continue
        found = [f for f in found if f.i in ctx.by_token or ctx.nouns.noun_class(f)[0] == ACTOR]
        if found:
            return found[0]
    return None


def harm_doer(tok: Token, harmed: Token | None, ctx: DocContext) -> Token | None:
    """Who did the harm a verb tells with no doer of its own and its harmed as subject ("was beheaded", "died"): the
    captors of the harmed, the user of the weapon of a clause of cause, or whom the harmed defended against."""
    subj, passive = subject_of(tok)
    if subj is None or not (passive or tok.lemma_.lower() in ctx.words.patient_subject_verbs):
        return None
    # the weapon's user, not the weapon: a weapon word may name an attack of its own ("a rocket", "a shell")
    return captor_of(tok, harmed, ctx) or cause_weapon_user(tok, ctx) or defended_against(tok, ctx)


def group_name(tok: Token) -> bool:
    """A capitalised head with a capitalised name of its own before it, as the tagger reads an organisation's name:
    "the Koros Liberation Front" (but "the front", "the Daraa front")."""
    return tok.pos_ == "PROPN" and tok.ent_type_ == "ORG" and not tok.text.islower() and any(
        c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ == "ORG" for c in children(tok))


def site_named_on(mod: Token, trigger: Token, ctx: DocContext) -> Token | None:
    """The site a party's name on an attack noun names ("the Chinese consulate attack", "the US embassy bombing"):
    what was hit, not who attacked. None when the name is no site's."""
    m = ctx.mention_at(mod)
    site = trigger.doc[m.end_token - 1] if m is not None else mod
    if site.dep_ == "compound" and site.head.i == trigger.i and ctx.nouns.noun_class(site) == (NOT_ACTOR, "places"):
        return site
    return None


def gerund_doer(tok: Token, ctx: DocContext) -> Token | None:
    """A gerund used as a noun ("Turkish shelling kills two", "after Taliban shelling of the town"): its nationality
    or named party is who acted, as for a noun trigger."""
    if tok.tag_ != "VBG" or tok.dep_ not in NOMINAL_DEPS:
        return None
    return next((c for c in children(tok) if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < tok.i
                 and (c.ent_type_ == "NORP" or ctx.mention_at(c) is not None)
                 and site_named_on(c, tok, ctx) is None), None)


def coordinated_group_tokens(a1_tok: Token, ctx: DocContext) -> list[Token]:
    """The other armed groups of a subject that joins two: "fighters from al-Shabaab and Hizbul Islam", "members of
    the ELN and the EPL" (the groups after "of"/"from" joined by "and"), and the first half of a subject the parser
    split in two ("Fighters from al-Shabaab and Hizbul Islam attacked", read with two subjects). Only groups named
    ("cells of ISIS and regional parties", "forces and gunmen loyal to them" add none)."""
    words = ctx.words
    men = a1_tok.lower_ in words.member_words | words.generic_armed \
        or ctx.nouns.noun_class(a1_tok) in ((ACTOR, "fighters"), (ACTOR, "forces"))
    found = [c for p in prep_objects(a1_tok, words.origin_prepositions) for c in p.conjuncts] if men else []
    verb = a1_tok.head
    if a1_tok.dep_ == "nsubj" and verb.pos_ in ("VERB", "AUX"):
        # the "and" that joined the two halves stands just before the second one, which the parser kept
        found += [c for c in children(verb) if c.dep_ == "nsubj" and c.i < a1_tok.i
                  and any(x.dep_ == "cc" and x.i == a1_tok.left_edge.i - 1 for x in children(c))]
    return [c for c in found if any(t.i in ctx.by_token and not ctx.by_token[t.i].generic
                                    and ctx.by_token[t.i].kind != "generic" for t in c.subtree)]


def believed_doer(tok: Token, words) -> Token | None:
    """"Gunmen believed to be from al-Shabaab killed three", parsed with "believed" as the main verb and "killed" as
    its complement: who they are believed to be (the "from" or "be" complement, or the group of a participle of
    affiliation: "believed to be IS-affiliated", "thought to be affiliated with the Taliban"; not "a woman believed
    to be pregnant was killed")."""
    belief = tok.head
    # the parser may also join the deed to the belief as a conjunct or loose dependent ("believed to be ISIL
    # affiliated shot and killed two", "shot" read as a noun)
    if tok.dep_ not in BELIEVED_DEED_DEPS or belief.lemma_.lower() not in words.belief_verbs or belief.i > tok.i \
            or any(c.dep_ == "auxpass" for c in children(tok)):
        return None
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.i < belief.i for c in children(belief)):
        return None
    named_before = _name_then_affiliation(belief, words)
    if named_before is not None:
        return named_before
    if tok.dep_ != "ccomp":
        return None
    for be in children(belief):
        if be.dep_ == "xcomp" and be.lemma_.lower() != "be":
            named_to = _affiliated_name(be, words)  # "thought to be affiliated with the Taliban" (a passive xcomp)
            if named_to is not None:
                return named_to
        if be.dep_ == "xcomp" and be.lemma_.lower() == "be":
            named = [c for c in children(be) if c.dep_ == "attr"] + prep_objects(be, words.belonging_prepositions)
            named += [_affiliated_name(c, words) for c in children(be) if c.dep_ == "acomp"]
            named = [c for c in named if c is not None]
            if named:
                return named[0]
    return None


def _name_then_affiliation(belief: Token, words) -> Token | None:
    """"believed to be ISIL affiliated", "thought to be Taliban linked": a name, then a participle of affiliation,
    read by word order after "to be" (the parser hangs the unhyphenated pair anywhere: a noun's modifier, a clause)."""
    doc = belief.doc
    if belief.i + 3 >= len(doc) or doc[belief.i + 1].lower_ != "to" or doc[belief.i + 2].lemma_.lower() != "be":
        return None
    name = None
    for t in doc[belief.i + 3:belief.i + 3 + NAME_BEFORE_AFFILIATION]:
        if t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "NORP"):
            name = t
        elif t.text != "-":
            affiliated = t.lemma_.lower() in words.affiliation_verbs and t.tag_ in ("VBN", "JJ")
            return name if affiliated else None
    return None


def _affiliated_name(adj: Token, words) -> Token | None:
    """The group of "IS-affiliated", "affiliated with IS", "linked to al-Qaeda" (a participle of affiliation)."""
    if adj.lemma_.lower() not in words.affiliation_verbs:
        return None
    named = [c for c in children(adj) if c.dep_ in ("npadvmod", "compound", "nmod") and c.i < adj.i
             and c.pos_ in ("PROPN", "NOUN")] + prep_objects(adj, words.link_prepositions)
    return named[0] if named else None


def ground_holder(place: Token, words: EventWords) -> Token | None:
    """Who holds the ground attacked: "regime-controlled areas", "a town held by the rebels", "areas under the
    control of the factions"."""
    for c in children(place):
        if c.dep_ in ("amod", "acl") and c.lemma_.lower() in words.holding_participles and c.tag_ == "VBN":
            agents = prep_objects(c, {"by"})
            if agents:
                return agents[0]
            return next((x for x in children(c) if x.dep_ in ("npadvmod", "compound", "nmod") and x.i < c.i), None)
    for control in prep_objects(place, {"under"}):
        if control.lemma_.lower() == "control":
            of = prep_objects(control, {"of"})
            return of[0] if of else next((x for x in children(control) if x.dep_ == "poss"), None)
    # "positions of the regime forces", "checkpoints of the SDF", "the rebels' positions": the party that holds them
    if place.lower_ in words.held_ground_nouns:
        of = prep_objects(place, {"of"})
        return of[0] if of else next((x for x in children(place) if x.dep_ == "poss" and x.pos_ != "PRON"), None)
    return None


def taken_from(verb: Token, ground: Token, taking_verbs: frozenset) -> Token | None:
    """Whom ground was taken from: "seized the town from the army", "took control of Kunduz from Afghan forces" (the
    "from" on the verb, or on the ground when the parser hung it there)."""
    if verb.lemma_.lower() not in taking_verbs:
        return None
    return next((p for p in prep_objects(verb, {"from"}) or prep_objects(ground, {"from"})
                 if p.ent_type_ not in ("DATE", "TIME")), None)


def custody_parties(tok: Token, words: EventWords) -> tuple[Token | None, Token | None] | None:
    """(who holds, who is held) of an arrest noun after a preposition of custody on a verb: "agents took the
    teenager into custody", "police put two men under arrest" (the verb's subject and object); "two men were taken
    into custody by police" (its "by" agent and passive subject). None for any other noun."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in words.custody_prepositions or tok.head.head.pos_ != "VERB":
        return None
    verb = tok.head.head
    subj, passive = subject_of(verb)
    if passive:
        return (prep_objects(verb, {"by"}) or [None])[0], subj
    return subj, object_of(verb)


def another_act_about(head: Token, lex) -> bool:
    """An event noun after a preposition of the verb that holds it, in another act than the subject's own: after
    one of another event's time ("declared a curfew after the riots"), or a meeting or a rally aimed at by an attack
    ("militants opened fire on a peace meeting": the attackers are no party to the meeting)."""
    if head.dep_ != "pobj":
        return False
    prep = head.head
    if prep.lower_ in lex.words.other_event_preps:
        return True
    verb = prep.head
    return not lex.is_violent(head) and prep.lower_ in lex.words.aim_prepositions and verb.pos_ == "VERB" and (
        lex.is_violent(verb) or any(c.dep_ == "dobj" and lex.is_violent(c) for c in children(verb)))
