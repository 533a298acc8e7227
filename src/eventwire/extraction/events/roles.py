"""Who did what to whom: actor1 (who acts) and actor2 (who is acted on) of a trigger, read from the dependency
parse. The actors themselves are looked up through the DocContext (catalogue mentions, pronouns, guesses)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventwire.extraction.actors.nouns import ACTOR, NOT_ACTOR
from eventwire.extraction.events.doers import (
    another_act_about,
    believed_doer,
    coordinated_group_tokens,
    custody_parties,
    gerund_doer,
    ground_holder,
    harm_doer,
    participle_agents,
    site_named_on,
    taken_from,
)
from eventwire.extraction.events.shared_heads import held_as, shared_noun_partners
from eventwire.extraction.events.state_targets import addressee, foreign_nationality_hit, hyphen_pair, state_given_to, weapon_aim
from eventwire.extraction.events.syntax import (
    PLACE_LABELS,
    names_place,
    object_controller,
    object_of,
    partitive_of,
    prep_objects,
    shared_object,
    subject_of,
    told_as_matter,
    verb_lemmas,
)
from eventwire.extraction.events.triggers import misread_headline_roles
from eventwire.extraction.events.tripped import set_off_by_the_harmed
from eventwire.extraction.tokens import children
from eventwire.records import Actor

if TYPE_CHECKING:
    from eventwire.extraction.events.context import DocContext
    from eventwire.extraction.events.lexicon import EventWords

# noun classes (noun_classes.yaml) of a trigger noun that names the harmed themselves ("took 20 hostages")
HARMED_CLASSES = ((ACTOR, "people"), (ACTOR, "victims"))
# how the state an outcome verb leaves its object in hangs on it: "left two dead" (oprd), "leaving people injured"
OUTCOME_STATE_DEPS = ("oprd", "ccomp", "xcomp", "acomp")


@dataclass
class Role:
    """An actor in a role: a catalogue mention, or a guess from the words when the catalogue does not know it."""

    actor: Actor
    start: int
    end: int
    generic: bool = False
    known: bool = True


def mention_role(m) -> Role:
    """The role of a catalogue mention, as it stands."""
    return Role(actor=m.actor, start=m.start, end=m.end, generic=m.generic, known=m.actor.known)


@dataclass
class Roles:
    actor1: Role | None = None
    actor2: Role | None = None
    assoc1: list = field(default_factory=list)
    assoc2: list = field(default_factory=list)
    victim_words: set = field(default_factory=set)
    target_word: str = ""  # the lemma of the word acted on ("captured three villages": village)
    conjoined: list = field(default_factory=list)  # "A and B <verb>": the actors joined to actor1 by "and"
    target_is_town: bool = False  # "an assault on Kunduz": a fight for a town, not an attack on civilians
    targets: list = field(default_factory=list)  # the words acted on, party or not ("stormed a hotel")


def actor_kind(role: Role | None) -> str:
    if role is None:
        return "unknown"
    a = role.actor
    if a.inter == 6 or (a.text or "").lower().rstrip("s") in ("protester", "demonstrator"):
        return "protester"
    if a.inter == 5:
        return "rioter"
    if a.sector in ("GOV", "MIL", "COP", "SPY") or a.inter == 1:
        return "state"
    if a.sector in ("CVL",) or a.inter == 7:
        return "civilian"
    if a.sector in ("REB", "INS", "UAF", "OPP") or a.inter in (2, 3, 4, 8):
        return "nonstate"
    return "unknown"


def clause_top(tok: Token) -> Token:
    """The head of the clause chain a token sits in, without crossing into a relative or reported clause: "killed
    ... when the Taliban attacked", "killed in a Taliban raid" reach the same top as "killed"."""
    node = tok
    while node.head.i != node.i and node.dep_ not in ("relcl", "ccomp", "parataxis"):
        node = node.head
    return node


def _elided_passive(tok: Token, subj: Token | None, words) -> bool:
    """"six others injured", "Six soldiers killed in an ambush": a harm verb with a counted subject, no object (its
    own or a joined verb's: "four militants shot and killed two"), no aim of armed men ("two rebels shot at soldiers")
    and no auxiliary is a passive without its "were"."""
    if subj is None or tok.lemma_.lower() not in words.harm_verbs or tok.tag_ not in ("VBN", "VBD"):
        return False
    if any(o is not None for o in (object_of(tok), shared_object(tok, words.harm_verbs))) or any(
            c.dep_ in ("aux", "auxpass") or (c.lower_ in words.aim_prepositions and subj.lower_ in words.generic_armed)
            for c in children(tok)):
        return False
    if tok.dep_ in OUTCOME_STATE_DEPS and tok.head.lemma_.lower() in words.outcome_verbs:
        return True  # "airstrikes leaving people injured": the state the attack left them in
    return counted(subj, words) or any(c.dep_ == "nummod" for c in children(subj))


def _outcome_harmed(tok: Token, words) -> Token | None:
    """The harmed an attack left behind: "shelling left two children dead", "airstrikes hit a market, leaving ten
    people dead", "raids leaving people injured" (an outcome verb with the event as its subject, or hanging on the
    event's verb, and a state of death or harm after its object)."""
    verbs = []
    as_subject = tok.dep_ in ("nsubj", "csubj")  # "shelling left ...", read as a clause or a noun
    if as_subject and tok.head.lemma_.lower() in words.outcome_verbs:
        verbs.append(tok.head)
    heads = [tok] + ([tok.head] if as_subject and tok.head.pos_ == "VERB" else [])
    verbs += [c for h in heads for c in children(h) if c.dep_ in ("advcl", "conj", "xcomp")
              and c.lemma_.lower() in words.outcome_verbs]
    def harm_state(t: Token) -> bool:
        return t.lemma_.lower() in words.harm_verbs or t.lower_ in words.death_words

    for verb in verbs:
        obj = object_of(verb)
        if obj is not None and obj.right_edge.i + 1 < len(tok.doc) and harm_state(tok.doc[obj.right_edge.i + 1]):
            return obj  # the state right after the object, wherever the parser hangs it ("leaving ten residents wounded")
        for state in children(verb):
            if state.dep_ in OUTCOME_STATE_DEPS and harm_state(state):
                harmed = obj or next((c for c in children(state) if c.dep_ in ("nsubj", "nsubjpass")), None)
                if harmed is not None:
                    return harmed
    return None


def counted(tok: Token, words) -> bool:
    """"others", "an unknown number of others": a count of people, not a party."""
    if tok.lower_ in words.not_parties:
        return True
    return tok.lower_ in words.quantity_heads and any(p.lower_ in words.not_parties for p in prep_objects(tok, {"of"}))


def agents_of(tok: Token, words: EventWords, word: str = "by") -> list[Token]:
    """The objects of a trigger's "by" (or `word`), also where the parser hangs it on the target or place named
    before it: "shot dead outside a hotel in Mogadishu by al-Shabaab gunmen", "an attack on a village by the ADF",
    "clashes in Maskanah area between the army and IS"."""
    agents = prep_objects(tok, {word})
    if agents:
        return agents
    preps = [c for c in children(tok) if c.dep_ == "prep" and c.lower_ not in words.agent_phrase_prepositions]
    for _ in range(3):
        nouns = [o for p in preps for o in children(p) if o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN")]
        found = [o for n in nouns for o in prep_objects(n, {word}) if o.ent_type_ not in ("DATE", "TIME")]
        if found:
            return found
        preps = [c for n in nouns for c in children(n) if c.dep_ == "prep"]
    return []


def _for_agent(tok: Token, ctx: DocContext) -> Token | None:
    """"three soldiers were abducted for ELN militants": "for" in the place of "by" (Spanish "por") before a group."""
    if not subject_of(tok)[1]:
        return None
    for p in prep_objects(tok, {"for"}):
        role = ctx.role_for(p, tok, 1)
        if role is not None and role.known and actor_kind(role) == "nonstate":
            return p
    return None


def _with_count(role: Role | None, tok: Token, words) -> Role | None:
    """"All six of the members killed", "two of the soldiers", "some of the protesters": the count is part of the
    words that name the harmed (the party is the one of the "of" phrase)."""
    if role is None or role.start < 0 or tok.dep_ != "pobj" or tok.head.lower_ != "of":
        return role
    count = tok.head.head
    if partitive_of(count, words) is None or count.i > tok.i:
        return role
    start = min(t.idx for t in count.subtree if t.i <= count.i)
    if role.end <= start and role.known:
        # "nine of them were killed": the party is the pronoun's antecedent, told before; the words are the part's
        return Role(actor=role.actor, start=start, end=tok.idx + len(tok), generic=role.generic, known=role.known)
    return Role(actor=role.actor, start=min(start, role.start), end=role.end, generic=role.generic, known=role.known)


def _bare_count(tok: Token) -> bool:
    """"arrested 30", "detaining a dozen": a number standing alone for the people it counts (no noun, no "of")."""
    return (tok.like_num or tok.pos_ == "NUM") and not any(
        c.dep_ in ("prep", "compound", "amod", "appos") for c in children(tok))


def _symmetric(tok: Token, fam: str, lemmas: frozenset) -> bool:
    """Two parties on an equal footing: the trigger's own lemma, or in diplomacy the act a light verb holds ("held
    talks", "reached an agreement", "conducted joint patrols")."""
    if tok.lemma_.lower() in lemmas:
        return True
    return fam in ("contact", "strategic") and tok.pos_ == "VERB" and any(
        c.dep_ in ("dobj", "attr") and c.lemma_.lower() in lemmas for c in children(tok))


def _verb_role_tokens(tok: Token, words) -> tuple[Token | None, Token | None]:
    """(actor1 token, actor2 token) of a verb trigger."""
    a1_tok = a2_tok = None
    controller = object_controller(tok, words)
    subj, passive = (controller, False) if controller is not None else subject_of(tok)
    if subj is not None and subj.tag_ in ("WP", "WDT") and subj.head.i == tok.i and tok.dep_ == "relcl":
        subj = tok.head  # "the man who stabbed two officers": who is the man
    if subj is None or (tok.dep_ in ("conj", "dep") and subj.head.i == tok.head.i):
        # "gunmen believed to be from X killed", "believed" read as the main verb (and its subject climbed to)
        subj = believed_doer(tok, words) or subj
    agents = agents_of(tok, words)
    if passive and not agents:
        # "a clinic was looted and burned by the rebels", "were shot and killed by gunmen": the "by" at the end of
        # passive verbs joined by "and" is the agent of them all (a conjunct with its own subject is another clause)
        agents = next((a for c in children(tok) if c.dep_ == "conj" and c.tag_ == "VBN" and not any(
            x.dep_ in ("nsubj", "nsubjpass") for x in children(c)) for a in [prep_objects(c, {"by"})] if a), [])
    lemma = tok.lemma_.lower()
    obj = object_of(tok)
    lost_lives = lemma == "lose" and obj is not None and obj.lemma_.lower() == "life"  # "soldiers lost their lives"
    if passive and not agents and lemma in words.stance_participles:
        passive = False  # "Vietnam is committed to reform": Vietnam's own stand
    if passive or lemma in words.patient_subject_verbs or lost_lives or _elided_passive(tok, subj, words):
        a2_tok = subj  # "a soldier was killed", "the general died": the subject is the one harmed
        a1_tok = agents[0] if agents else None
    elif agents and (tok.tag_ == "VBG" or subj is None):
        a1_tok, a2_tok = agents[0], obj  # "rocket shelling by the regime forces" (a gerund read as a verb)
    elif set_off_by_the_harmed(tok, words):
        a2_tok = subj  # "a shepherd stepped on a landmine": who set it off was hit, not who attacked
    else:
        a1_tok = subj
        a2_tok = object_of(tok)
    if a2_tok is None and a1_tok is not None and not passive:
        a2_tok = shared_object(tok, words.harm_verbs)  # "police shot and killed the gunman"
    if a2_tok is None:  # "attacked farmers harvesting olives", read as a clause: its subject is the object
        a2_tok = next((subject_of(c)[0] for c in children(tok) if c.dep_ == "ccomp" and c.tag_ == "VBG"), None)
    if a2_tok is None:
        for p in prep_objects(tok, words.other_side_prepositions):
            if p.lower_ in words.occasion_nouns:
                continue  # "met on the sidelines of the NATO summit": an occasion, not a party
            if lemma in words.meeting_verbs or p.head.lower_ in words.party_prepositions:
                a2_tok = p
                break
    if a2_tok is not None and a2_tok.pos_ == "PRON" and a2_tok.lower_ in words.targetless_objects and a2_tok.conjuncts:
        a2_tok = a2_tok.conjuncts[0]  # "killing himself and two worshippers": the bomber's dead are the others
    if lemma in words.impact_verbs and prep_objects(tok, {"into"}):
        a2_tok = prep_objects(tok, {"into"})[0]  # "a truck ploughed into the crowd", "rammed his car into a patrol"
    # "fall to the rebels": the place fell, the rebels took it
    if lemma == "fall":
        to = prep_objects(tok, words.fallen_to_prepositions)
        if to:
            a1_tok, a2_tok = to[0], None
    return a1_tok, a2_tok


def _armed_of(tok: Token, ctx: DocContext) -> list[Token]:
    """"an ambush of the TTP", "shelling of the regime forces": the armed party after "of" on a noun of attack
    is who attacked (but "the killing of three rebels" names the dead)."""
    if tok.lemma_.lower() not in ctx.words.attack_of_nouns:
        return []
    for p in prep_objects(tok, {"of"}):
        role = ctx.role_for(p, tok, 1)
        if role is not None and role.known and (actor_kind(role) == "nonstate" or role.actor.sector in ("MIL",)):
            return [p]
    return []


def _noun_role_tokens(tok: Token, ctx: DocContext, r: Roles) -> tuple[Token | None, Token | None] | None:
    """(actor1 token, actor2 token) of a noun trigger: "an attack by IS on a checkpoint", "Russian air strikes",
    "clashes between A and B". None when "between" named both parties (set on `r`)."""
    a1_tok = a2_tok = None
    between = agents_of(tok, ctx.words, "between") or [
        # "clashes accompanied by shelling between A and B": the pair named on the event that goes with this one
        b for c in children(tok) if c.dep_ == "acl" for o in prep_objects(c, {"by"}) if ctx.lex.is_event_noun(o)
        for b in prep_objects(o, {"between"})]
    pair = ctx.participants(between[0]) if between else hyphen_pair(tok, ctx)  # or "Sino-Indian clashes"
    if len(pair) >= 2:
        r.actor1, r.actor2 = pair[0], pair[1]
        ctx.last_pair = (pair[0], pair[1])
        return None
    if between:
        parts = [between[0]] + [c for c in between[0].conjuncts]
        a1_tok = parts[0]
        a2_tok = parts[1] if len(parts) > 1 else None
    else:
        moved = tok.lemma_.lower() in ctx.words.doer_of_nouns  # "their withdrawal from Chad": ground, no doer
        by = prep_objects(tok, {"by"} if moved else ctx.words.agent_prepositions) or agents_of(tok, ctx.words) or _armed_of(tok, ctx)
        a1_tok = by[0] if by else None
        if a1_tok is None:
            for c in children(tok):
                if c.dep_ in ("acl", "relcl") and c.tag_ == "VBN":
                    agents = participle_agents(c, ctx)
                    if agents:
                        a1_tok = agents[0]
                        break
        if a1_tok is None:
            for c in children(tok):
                if c.dep_ in ("poss", "compound", "amod", "nmod") and ctx.mention_at(c) is not None:
                    site = site_named_on(c, tok, ctx)
                    if site is not None:
                        a2_tok = a2_tok or site  # "the Chinese consulate attack": the site hit, not who attacked
                        continue
                    a1_tok = c
                    break
                if c.dep_ == "poss" and c.ent_type_ in PLACE_LABELS and c.pos_ == "PROPN":
                    a1_tok = c  # "Tehran's rejection of the plan": a capital's government (no violence)
                    break
        on = prep_objects(tok, ctx.words.target_or_place_prepositions)
        for p in on:
            if p.ent_type_ in ("DATE", "TIME"):
                continue  # "an attack on Sunday": when, not whom
            m = ctx.mention_at(p)
            if m is not None or p.head.lower_ in ctx.words.target_prepositions:
                if p.head.lower_ == "in" and m is None:
                    continue
                a2_tok = p
                break
        if a2_tok is None and tok.dep_ == "compound" and tok.head.lower_ in ctx.words.held_ground_nouns \
                and ground_holder(tok.head, ctx.words) is not None:
            a2_tok = tok.head  # "factions shell positions of the regime forces", the verb read as a noun
        if tok.lemma_.lower() in ctx.words.doer_of_nouns and prep_objects(tok, {"of"}) \
                and not prep_objects(tok, {"by"}):
            # "the withdrawal of Armenian troops from the area", "the deployment of Kenyan police to Haiti": who
            # moves is the "of" party (not the place it leaves), the country it goes to or leaves the other side
            a1_tok = prep_objects(tok, {"of"})[0]
            aim = [p for p in prep_objects(tok, ctx.words.movement_prepositions) if p.ent_type_ not in ("DATE", "TIME")]
            a2_tok = a2_tok or (aim[0] if aim else None)
        if a2_tok is None and tok.dep_ == "pobj" and tok.head.lower_ in ctx.words.event_phrase_preps:
            verb = tok.head.head  # "scores died in the attacks", "two were wounded in the raid": the subject was hit
            subj, passive = subject_of(verb) if verb.pos_ in ("VERB", "AUX") else (None, False)
            if verb.lemma_.lower() in ctx.words.patient_subject_verbs or (passive and verb.lemma_.lower() in ctx.words.harm_verbs):
                a2_tok = subj
        if a2_tok is None and tok.lower_ in ctx.words.victim_frame_nouns:
            # "the assassination of the prime minister", "the abduction of two engineers": the harmed
            of = [p for p in prep_objects(tok, {"of"}) if a1_tok is None or p.i != a1_tok.i]
            a2_tok = of[0] if of else None
    if tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.lower_ == "death" and tok.head.head.pos_ == "VERB":
        verb = tok.head.head  # "vigilantes beat a thief to death", "was stoned to death by a mob"
        subj, passive = subject_of(verb)
        a2_tok = a2_tok or (subj if passive else object_of(verb))
        a1_tok = a1_tok or (None if passive else subj)
    # the noun is the subject of a verb: "air strikes killed 12 civilians", "a bomb hit a bus"
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ == "VERB":
        verb = tok.head
        if a2_tok is None:
            a2_tok = object_of(verb) if tok.dep_ == "nsubj" else None
        if tok.dep_ == "nsubj" and verb.lemma_.lower() in ctx.words.impact_verbs and prep_objects(verb, {"into"}):
            a2_tok = prep_objects(verb, {"into"})[0]  # "a suicide bomber crashed (his car) into a patrol"
        if a1_tok is None:
            agents = prep_objects(verb, {"by"})
            a1_tok = agents[0] if agents else None
    # the noun is the object: "IS claimed the attack", "rebels launched an offensive", "X carried out strikes"
    # (not "declared a curfew after the riots": the riots are another event)
    # ("undertook a mediation mission", "began war games": the trigger modifies the object's head)
    # ("ten days of war games", "a round of talks": the object is a measure of the trigger)
    head = tok
    for _ in range(3):
        if head.dep_ == "compound" and head.head.i != head.i and head.head.pos_ == "NOUN":
            head = head.head
        elif head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ == "NOUN" \
                and head.head.head.dep_ in ("dobj", "attr"):
            head = head.head.head
    if a1_tok is None and head.dep_ in ("dobj", "pobj", "attr") and head.head.pos_ in ("VERB", "ADP") and not another_act_about(
            head, ctx.lex) and not told_as_matter(head, ctx.words.relation_nouns, ctx.words.case_verbs):
        verb = head.head if head.dep_ != "pobj" else head.head.head
        # "rebels launched an offensive" (yes), "the AU condemned the bombing" (no: a reaction to it)
        words = ctx.lex.words
        if verb.pos_ in ("VERB", "AUX") and verb_lemmas(verb) & (words.light_verbs | words.agent_verbs | words.completion_verbs):
            s, passive = subject_of(verb)
            if not passive:
                a1_tok = s
            elif s is not None and a2_tok is None:
                a2_tok = s
            if a2_tok is None and head.dep_ == "dobj":
                # "opened an investigation against the officials", "sent aid to Ethiopia": the aim hangs on the verb
                aimed = [p for p in prep_objects(verb, ctx.words.attack_aim_prepositions)
                         if p.ent_type_ not in ("DATE", "TIME")]
                a2_tok = aimed[0] if aimed else None
    # nationality adjectives on weapons: "Russian air strikes", "Israeli shelling"
    if a1_tok is None:
        for c in children(tok):
            if c.dep_ in ("amod", "compound") and c.ent_type_ == "NORP":
                a1_tok = c
                break
    return a1_tok, a2_tok


def roles_of(tok: Token, fam: str, ctx: DocContext) -> Roles:
    """The roles of one trigger of family `fam`."""
    r = Roles()
    lex = ctx.lex
    headline = misread_headline_roles(lex, tok)  # "Gunmen storm hotel", "storm" read as a noun
    if tok.pos_ in ("VERB", "AUX") or headline:
        a1_tok, a2_tok = headline or _verb_role_tokens(tok, lex.words)
        if fam == "movement" and a1_tok is None and a2_tok is not None and subject_of(tok) == (a2_tok, True):
            # "troops were deployed to the border", "forces were pulled out": the force moved is the side that
            # moves (its own state's act), not one acted upon
            a1_tok, a2_tok = a2_tok, None
        if a2_tok is not None and ctx.nouns.noun_class(a2_tok) == (NOT_ACTOR, "weapons"):
            # "opened fire on worshippers", "fired rockets at the town", "threw stones at police": its aim was hit
            a2_tok = weapon_aim(tok, a2_tok, lex.words.aim_prepositions, lex.words.symmetric_lemmas) or a2_tok
        a1_tok = a1_tok or gerund_doer(tok, ctx)
    else:
        found = _noun_role_tokens(tok, ctx, r)
        if found is None:
            return r
        a1_tok, a2_tok = (custody_parties(tok, lex.words) if fam == "arrest" else None) or found
        owner = next((c for c in children(tok) if c.dep_ == "poss" and c.lower_ in lex.words.own_possessives), None)
        if owner is not None and fam in ("contact", "movement", "demonstration") and (
                a1_tok is None or ctx.role_for(a1_tok, tok, 1) is None):
            # "their withdrawal (from the town)", "its demands", "his visit": who owns the act does it (but "his
            # arrest", "their killing" name the harmed, so not in violence or arrests)
            a1_tok = owner
    if tok.pos_ == "VERB" and tok.dep_ == "acl" and tok.tag_ == "VBG" and a1_tok is not None \
            and a1_tok.i == tok.head.i and ctx.nouns.noun_class(a1_tok)[0] == NOT_ACTOR:
        # "hurled grenades at a police station killing two officers": a participle hung on the place or thing
        # the verb before it acts on tells that verb's doer, not the station's
        above = a1_tok.head.head if a1_tok.dep_ == "pobj" else a1_tok.head if a1_tok.dep_ == "dobj" else None
        doer, passive = subject_of(above) if above is not None and above.pos_ == "VERB" else (None, False)
        if doer is not None and not passive:
            a1_tok = doer
    named = ctx.mention_at(tok)
    if tok.pos_ == "NOUN" and ctx.nouns.noun_class(tok) in HARMED_CLASSES:
        # "seized hundreds of hostages": the trigger names the harmed; who took them is the verb's subject
        a2_tok = a2_tok if a2_tok is not None and a2_tok.i != tok.i else held_as(tok) or a2_tok or tok
        if a1_tok is not None and a1_tok.i in {t.i for t in tok.subtree}:
            a1_tok = None
        if a1_tok is None and tok.dep_ == "dobj":
            subj, passive = subject_of(tok.head)
            a1_tok = None if passive else subj
    elif named is not None and named.start_token < tok.i == named.end_token - 1 and tok.pos_ in ("NOUN", "VERB"):
        a1_tok = tok.doc[named.start_token]  # "army shelling", "a Taliban raid": the name that holds the trigger
    if a1_tok is not None and counted(a1_tok, lex.words):
        a1_tok = None  # "six others": a count of the victims, not who acted
    if a1_tok is None and fam == "violence" and tok.pos_ == "VERB":
        a1_tok = _for_agent(tok, ctx) or harm_doer(tok, a2_tok, ctx)  # "a hostage held by X was beheaded"
    if a1_tok is not None and lex.is_event_noun(a1_tok) and a1_tok.i != tok.i \
            and ctx.nouns.noun_class(a1_tok)[0] != ACTOR:  # "protesters threw stones": people, not a protest
        inner = roles_of(a1_tok, fam, ctx) if tok.pos_ == "VERB" else Roles()
        r.actor1 = inner.actor1
        r.assoc1 = inner.assoc1
        if inner.actor2 is not None and agents_of(a1_tok, lex.words, "between"):
            r.actor2, a2_tok = inner.actor2, None  # "fighting between the army and X killed seven": the sides fought
        if tok.pos_ == "VERB":
            # "clashes in X and the regime forces shell Y": a party joined to the event noun is the verb's subject
            joined = [role for c in a1_tok.conjuncts if not lex.is_event_noun(c)
                      for role in [ctx.role_for(c, tok, side=1)] if role is not None
                      and actor_kind(role) in ("state", "nonstate")]
            if joined:
                r.actor1, r.assoc1 = joined[0], joined[1:]
        a1_tok = None
    if a1_tok is not None:
        r.actor1 = ctx.role_for(a1_tok, tok, side=1)
        for conj in a1_tok.conjuncts:
            role = ctx.role_for(conj, tok, side=1)
            if role and (r.actor1 is None or role.actor.name != r.actor1.actor.name):
                r.assoc1.append(role)
                r.conjoined.append(role)
        if fam == "contact":
            # "the foreign ministers of Greece and Turkey met", "delegates from Sudan and South Sudan resumed
            # talks": the states joined in the subject's "of" or "from" phrase are parties each
            for p in prep_objects(a1_tok, ctx.words.origin_prepositions):
                for conj in p.conjuncts:
                    role = ctx.role_for(conj, tok, side=1)
                    if role is not None and role.actor.country and all(
                            role.actor.name != x.actor.name for x in [r.actor1, *r.assoc1] if x is not None):
                        r.assoc1.append(role)
                        r.conjoined.append(role)
        for c in coordinated_group_tokens(a1_tok, ctx) if fam == "violence" else ():
            role = ctx.role_for(c, tok, side=1)
            if role is not None and role.known and actor_kind(role) in ("state", "nonstate") and all(
                    role.actor.name != x.actor.name for x in [r.actor1, *r.assoc1] if x is not None):
                r.assoc1.append(role)
        for role in shared_noun_partners(a1_tok, ctx, r.actor1.actor.country if r.actor1 else None):
            if r.actor1 is not None and all(role.actor.name != x.actor.name for x in [r.actor1, *r.assoc1]):
                r.assoc1.append(role)
                r.conjoined.append(role)
        if r.actor1 is None and r.conjoined:
            # "the rebels' front and the government agreed": the first subject named no party, the next one acts
            r.actor1 = r.conjoined.pop(0)
            r.assoc1.remove(r.actor1)
        # "fighters of the FSA, working with Turkish commanders"; "backed by Turkish jets"
        for c in list(children(a1_tok)) + list(children(tok)):
            if c.dep_ in ("acl", "advcl", "relcl") and c.lemma_.lower() in ctx.words.helping_verbs:
                for p in prep_objects(c, ctx.words.helper_prepositions) + [o for o in [object_of(c)] if o is not None]:
                    role = ctx.role_for(p, tok, side=1)
                    if role and (r.actor1 is None or role.actor.name != r.actor1.actor.name):
                        r.assoc1.append(role)
        if tok.pos_ == "VERB" and fam != "contact":
            for p in prep_objects(tok, {"alongside"}):
                role = ctx.role_for(p, tok, side=1)
                if role:
                    r.assoc1.append(role)
    if a1_tok is not None and a2_tok is None and a1_tok.lemma_.lower() in lex.words.pair_words \
            and ctx.last_pair is not None and any(c.lower_ in lex.words.pair_counts for c in children(a1_tok)):
        r.actor1, r.actor2 = ctx.last_pair
        return r
    if a2_tok is not None and fam in ("violence", "arrest", "demonstration") and partitive_of(a2_tok, lex.words):
        a2_tok = partitive_of(a2_tok, lex.words)  # "three of the wounded officers died", "some of the protesters"
    if a2_tok is not None and fam == "arrest" and _bare_count(a2_tok):
        r.actor2 = ctx.counted_people(a2_tok)  # "police arrested 30": thirty people, the ones named before if any
        a2_tok = None
    if a2_tok is not None and lex.is_event_noun(a2_tok) and ctx.mention_at(a2_tok) is None:
        # "halted the offensive" (but "detained 39 protesters" names people); "repelled a rebel attack": its doer
        doer = roles_of(a2_tok, fam, ctx).actor1 if r.actor1 and tok.lemma_.lower() in lex.words.repelling_verbs else None
        r.actor2 = doer if doer is None or doer.actor.name != r.actor1.actor.name else None  # (not "repelled by")
        a2_tok = None
    r.targets = [a2_tok] if a2_tok is not None else []
    if a2_tok is not None:
        r.victim_words = {t.lemma_.lower() for t in a2_tok.subtree} | {a2_tok.lower_}
        r.target_word = a2_tok.lemma_.lower()
        r.actor2 = _with_count(ctx.role_for(a2_tok, tok, side=2), a2_tok, lex.words)
        for conj in a2_tok.conjuncts:
            role = ctx.role_for(conj, tok, side=2)
            if role and (r.actor2 is None or role.actor.name != r.actor2.actor.name):
                r.assoc2.append(role)
        # "33 people were killed, including 5 members of the regime forces and 9 civilians", "activists were
        # arrested, including the writer X": the parties and people named among the harmed are harmed too
        if fam in ("violence", "arrest"):
            included = prep_objects(a2_tok, {"including"}) or agents_of(tok, ctx.words, "including")
            included += [c for i in included for c in i.conjuncts]
            for inc in included + [c for i in included for c in children(i) if c.dep_ == "appos"]:
                role = ctx.role_for(inc, tok, side=2)
                if role is not None and role.actor.sector is not None and all(
                        role.actor.name != x.actor.name for x in [r.actor2, *r.assoc2] if x is not None):
                    r.assoc2.append(role)
        if r.actor2 is None and fam in ("violence", "arrest"):
            r.actor2 = ctx.people_counted_before(a2_tok, tok)  # "killing at least 13", "dozens died", "killing the three"
        if r.actor2 is not None and r.actor1 is not None and r.actor2.actor.name == r.actor1.actor.name and not (
                fam == "violence" and r.actor2.generic and actor_kind(r.actor2) == "civilian"):
            # ("two men attacked a family": unnamed people on both sides stay both)
            # "recalled its ambassador from Lima": in speech and diplomacy the party's own envoy is not whom it
            # acts on when the clause names another party (with none, "the army disbanded its unit" keeps it)
            r.actor2 = ctx.target_in_subtree(tok, r.actor1, a1_tok) or r.actor2 if fam == "contact" else None
    if fam in ("contact", "movement") and a2_tok is not None and r.actor1 is not None and any(
            c.dep_ == "poss" and c.lower_ in lex.words.own_possessives for c in children(a2_tok)) \
            and a2_tok.lemma_.lower() not in lex.words.relational_nouns:  # ("met his Ugandan counterpart")
        # "withdraw its troops from Somalia", "recall their envoys from Rome": the party's own men or goods are
        # what it moves; whom it acts on is the other party the clause names
        other = ctx.target_in_subtree(tok, r.actor1, a1_tok, also_skip=a2_tok)
        if other is not None:
            r.actor2 = other
    if fam == "contact" and a2_tok is not None:
        r.actor2 = state_given_to(tok, a2_tok, a1_tok, r.actor1, r.actor2, ctx)
    if r.actor2 is None and r.conjoined and _symmetric(tok, fam, lex.words.symmetric_lemmas):
        r.actor2 = r.conjoined[0]  # "Erdogan and Putin discussed Idlib": two parties, not allies
        r.assoc1 = [a for a in r.assoc1 if a is not r.actor2]
    if r.actor2 is None and fam == "contact":
        r.actor2 = addressee(tok, r.actor1, ctx)
    if r.actor2 is None and fam != "violence":
        r.actor2 = ctx.target_in_subtree(tok, r.actor1, a1_tok)
    # (and an arrest on things bears on their state: "seized a Ghanaian trawler", "banned Russian channels")
    if r.actor2 is None and (fam in ("contact", "movement", "demonstration") or (fam == "arrest" and a2_tok is not None)):
        r.actor2 = ctx.state_named_in(tok, r.actor1, a1_tok)
    if r.actor2 is None and fam == "demonstration" and tok.pos_ == "NOUN" and tok.dep_ == "dobj":
        # "began a hunger strike to protest against the government's decision": the protest's aim is in the
        # purpose clause of the verb that holds it
        for c in children(tok.head):
            if c.dep_ in ("advcl", "xcomp") and any(x.dep_ == "aux" and x.lower_ == "to" for x in children(c)):
                r.actor2 = ctx.target_in_subtree(c, r.actor1, None)
                if r.actor2 is not None:
                    break
    if a2_tok is not None and (r.actor2 is None or not r.actor2.known) and fam == "violence":
        # (a name the catalogue does not know is the place held: "shell rebel-held Douma")
        holder = ground_holder(a2_tok, lex.words) or taken_from(tok, a2_tok, lex.words.taking_verbs)
        if holder is not None:
            r.actor2 = ctx.role_for(holder, tok, side=2) or r.actor2  # "shells target regime-controlled areas"
        r.actor2 = r.actor2 or foreign_nationality_hit(a2_tok, r.actor1, ctx)
    if a2_tok is not None and r.actor2 is None and (a2_tok.ent_type_ in PLACE_LABELS or names_place(a2_tok, lex.words) or (
            ctx.bare_places is not None and ctx.bare_places.is_place(a2_tok))):
        r.target_is_town = True
    if r.actor1 is None and r.actor2 is not None and fam == "violence" and tok.pos_ == "NOUN" \
            and tok.dep_ in ("nsubj", "ROOT") and tok.lemma_.lower() in lex.words.clash_words \
            and actor_kind(r.actor2) == "nonstate" and r.actor2.known:
        # "Clashes with IS militants left two police dead": the one side named (but in "troops retook the town
        # in clashes with the militants" the troops are the other side)
        r.actor1, r.actor2, r.assoc1, r.assoc2 = r.actor2, None, r.assoc2, []
    if r.actor2 is None and fam == "violence":
        harmed = _outcome_harmed(tok, lex.words)
        role = ctx.role_for(harmed, tok, side=2) if harmed is not None else None
        if role is not None and (r.actor1 is None or role.actor.name != r.actor1.actor.name):
            r.actor2 = role
            r.victim_words |= {t.lemma_.lower() for t in harmed.subtree}
    if r.actor1 is not None and r.actor2 is None and fam == "violence":
        enemy = ctx.dominant_enemy(r.actor1)
        if enemy is not None and enemy.actor.name not in {a.actor.name for a in r.assoc1}:
            r.actor2 = enemy
    return r
