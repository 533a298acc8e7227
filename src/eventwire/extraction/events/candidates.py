"""Event candidates: the triggers of one sentence grouped into events, each built with its roles and codes;
later definite mentions ("the attack") linked to the event they name; claims of responsibility; the
announcement behind a future or refused step."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from eventwire.extraction.events.attack_frames import frame_roles
from eventwire.extraction.events.coding import code_event
from eventwire.extraction.events.harmed_counts import (
    counted_harmed,
    fight,
    harmed_told_next,
    one_sided,
    unlisted_person_of_any,
)
from eventwire.extraction.events.lexicon import EventWords, Lexicon
from eventwire.extraction.events.listed_harmed import harmed_participle, listed_harmed, survivors
from eventwire.extraction.events.roles import actor_kind, clause_top, roles_of
from eventwire.extraction.events.sentence_parties import (
    caught_between,
    opposing_victims,
    sentence_agent,
    sentence_doer,
    sentence_parties,
)
from eventwire.extraction.events.sites import settled_people, site_kind, site_target
from eventwire.extraction.events.syntax import depth, phrase_tokens, told_as_matter
from eventwire.extraction.tokens import children

if TYPE_CHECKING:
    from eventwire.extraction.events.context import DocContext

# PLOVER codes an announced intention as an event of its own: an offer or promise to cooperate is AGREE, an
# announced hostile step is THREATEN, a refusal to cooperate is REJECT (the action itself stays future/negated)
COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}
HOSTILE = {"COERCE", "SANCTION", "ASSAULT", "MOBILIZE", "REJECT"}
YIELDING = {"CONCEDE", "RETREAT"}
# speech and movement events: each class its own event ("rebels demanded X at talks": a demand and a meeting)
SPEECH_FAMILIES = {"contact", "movement"}


@dataclass
class EventCandidate:
    """An event found in one sentence, before places, dates and casualties are attached."""

    sentence: Span  # the evidence sentence
    trigger: Token  # the word that names the event ("killed", "strikes", "stormed")
    event_type: str | None
    sub_event_type: str | None
    plover_event: str
    plover_mode: str | None = None
    cameo: str | None = None
    modality: str = "asserted"
    actor1: object | None = None  # actors.ActorMention or a guessed Actor wrapped in one
    actor2: object | None = None
    assoc_actor1: list = field(default_factory=list)
    assoc_actor2: list = field(default_factory=list)
    confidence: float = 0.5
    family: str = "violence"
    classes: frozenset = frozenset()
    triggers: list = field(default_factory=list)
    antecedent: EventCandidate | None = None  # the earlier event this one refers back to ("the attack")
    # the typing model reads no event here at all ("the battle for the title"): the Pipeline drops it once the
    # casualties stage has read it ("the death toll rose to 12" still updates the main event's toll)
    vetoed: bool = False

    @property
    def start(self) -> int:
        return self.sentence.start_char

    @property
    def end(self) -> int:
        return self.sentence.end_char

    @property
    def trigger_char(self) -> int:
        return self.trigger.idx



def is_reference(c: EventCandidate, words: EventWords) -> bool:
    """"the attack", "this bombing", "its assault": a noun that points back to an event already told."""
    t = c.trigger
    if t.pos_ not in ("NOUN", "ADJ") or c.modality != "asserted":
        return False
    if any(x.pos_ == "VERB" and x.i != t.i for x in c.triggers):
        return False
    return any(ch.dep_ in ("det", "poss") and ch.lower_ in words.definite_determiners for ch in children(t))


def tells_toll_of_named_event(c: EventCandidate, words: EventWords) -> bool:
    """"The blast killed at least nine people", "Three loggers were killed in the attack": the sentence's deaths
    are those of an event it names as told before (a definite event noun as the subject of the trigger's verb, or
    as the "in"/"during" phrase of its death verb)."""
    return _named_event_noun(c, words) is not None


def _named_event_noun(c: EventCandidate, words: EventWords) -> Token | None:
    """The definite event noun of tells_toll_of_named_event: the subject of the trigger's verb or the "in"/"during"
    phrase of its death verb."""
    if c.modality != "asserted" or c.family != "violence":
        return None
    verbs = {t.i for t in c.triggers if t.pos_ == "VERB"}
    for t in c.triggers:
        if t.pos_ != "NOUN" or not any(ch.dep_ in ("det", "poss") and ch.lower_ in words.definite_determiners for ch in children(t)):
            continue
        if t.dep_ == "nsubj" and t.head.pos_ == "VERB" and t.head.i != t.i:
            return t
        if t.dep_ == "pobj" and t.head.lower_ in words.event_phrase_preps and t.head.head.i in verbs:
            return t
    return None


def names_told_event(c: EventCandidate, words: EventWords) -> bool:
    """"The shelling hit a residential area", "were killed in the gunfight", "those killed in the mall siege": a
    definite event noun that tells nothing new of its event (no place, number, author or date of its own; "the
    bus bombing" may name its kind) is the event told before, whatever the sentence adds."""
    t = _named_event_noun(c, words)
    return t is not None and not any(
        ch.dep_ in ("prep", "acl", "relcl", "nummod", "appos", "conj")
        or (ch.dep_ == "poss" and ch.lower_ not in words.definite_determiners) for ch in children(t))


def _condemned(lex: Lexicon, c: EventCandidate) -> bool:
    """The candidate is a definite event noun that a condemning word deplores: "condemns this cowardly attack",
    "the attack was denounced", "condemned Sunday's bombing", "condemnation of the killing"."""
    t = c.trigger
    if t.pos_ != "NOUN" or c.modality != "asserted" or any(x.pos_ == "VERB" and x.i != t.i for x in c.triggers):
        return False
    definite = any(ch.dep_ in ("det", "poss") and (ch.lower_ in lex.words.definite_determiners or ch.pos_ in ("PROPN", "NOUN"))
                   for ch in children(t))
    head = t.head
    if t.dep_ == "pobj" and head.lower_ == "of":
        head = head.head  # "condemnation of the attack"
    elif t.dep_ not in ("dobj", "nsubjpass"):
        return False
    return definite and head.lemma_.lower() in lex.words.condemning_verbs


def _told_nothing(t: Token) -> bool:
    """"the attack", "this cowardly attack": an event noun with nothing that tells the event (no place, victim,
    number, date or author: not "the killing of 12 villagers", "Sunday's bombing", "the car bomb attack")."""
    return not any(ch.dep_ in ("prep", "acl", "relcl", "nummod", "poss", "compound", "appos", "conj")
                   for ch in children(t))


def merge_references(cands: list[EventCandidate], lex: Lexicon) -> list[EventCandidate]:
    """A later definite mention of an event of the same family is the same event: it gives that event the
    actor it names ("al-Shabaab said it carried out the attack") and is not reported twice."""
    out: list[EventCandidate] = []
    for c in cands:
        # "the talks" names earlier talks, not an earlier threat: in the speech families each kind is its own event
        earlier = [e for e in out if e.family == c.family and e.modality == "asserted"
                   and e.sentence.start < c.sentence.start and e.antecedent is None and not e.vetoed
                   and (c.family not in SPEECH_FAMILIES or e.plover_event == c.plover_event)]
        if not earlier and c.family == "arrest" and is_reference(c, lex.words) and _told_nothing(c.trigger):
            # "the crackdown", "the arrests" after police broke up a protest: the intervention ACLED codes with it
            earlier = [e for e in out if e.family == "demonstration" and e.modality == "asserted"
                       and e.sentence.start < c.sentence.start and e.antecedent is None and not e.vetoed]
        if _condemned(lex, c) and (earlier or _told_nothing(c.trigger)):
            continue  # "the UN condemned the attack": a statement about the event told before (or elsewhere: a
            # bare "the attack" condemned tells nothing of it), no new one
        if earlier and (is_reference(c, lex.words) or names_told_event(c, lex.words)):
            # "the bombing" names the earlier event of its own kind, else the article's main (first) event
            same_kind = [e for e in earlier if e.event_type == c.event_type and e.event_type is not None]
            target = same_kind[0] if same_kind else earlier[0]
            if c.actor1 is not None and c.actor1.known and not c.actor1.generic and (
                    target.actor1 is None or target.actor1.generic or not target.actor1.known):
                target.actor1 = c.actor1
                target.confidence = min(0.99, target.confidence + 0.03)
            # kept as a record of its own (each sentence says what it says), linked to the event it names so
            # that counts and dedup take it once
            c.antecedent = target
            c.actor1 = c.actor1 or target.actor1
            c.actor2 = c.actor2 or target.actor2
            if is_reference(c, lex.words):  # a bare noun is read as the event it names; a verb keeps what it tells of it
                c.event_type, c.sub_event_type = target.event_type, target.sub_event_type
                c.plover_event, c.plover_mode, c.cameo = target.plover_event, target.plover_mode, target.cameo
            c.confidence = max(0.05, c.confidence - 0.2)
        out.append(c)
    return out


# ACLED sub-event types of ground changing hands
TERRITORY_SUB_EVENTS = {"Government regains territory", "Non-state actor overtakes territory",
                        "Non-violent transfer of territory"}


def related(a: Token, b: Token) -> bool:
    """True when one trigger sits in the other's own clause: "killed ... in air strikes" (one event), not
    "regained villages they had been pushed out of by suicide attacks" (a past event in a relative clause)."""
    for lo, hi in ((a, b), (b, a)):
        node, steps = lo, 0
        if lo.dep_ == "relcl":
            continue  # "in Serbia, where 24 were killed last March": a clause of its own
        while node.head.i != node.i and steps < 4:
            steps += 1
            node = node.head
            if node.i == hi.i:
                return True
            if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("aux", "auxpass"):
                break
    # a phrase trigger headed by its preposition ("came under fire") and the harm told of the verb it hangs on
    # ("came under fire from rebels, wounding two", "came under fire and a soldier was killed"): one event
    if any(p.dep_ == "prep" and p.head.pos_ in ("VERB", "AUX") and p.head.i in (q.head.i, q.i)
           for p, q in ((a, b), (b, a))):
        return True
    # nouns side by side under one head: "killed ... in aerial and artillery strikes and clashes"
    return a.head.i == b.head.i and a.pos_ != "VERB" and b.pos_ != "VERB"


def _placed_noun(lex: Lexicon, t: Token, classes: set) -> bool:
    """A violence noun with a place of its own, apart from the main event: "air strikes on Foo and clashes at the
    outskirts of Bar" tells two events (a headline joins them with "and"). (In a demonstration, "after police
    shootings in Foo" is its cause.)"""
    return t.pos_ in ("NOUN", "PROPN") and all(lex.family(c) == "violence" for c in classes) and any(
        ch.dep_ == "prep" and ch.lower_ in lex.words.locative_prepositions
        and any(g.dep_ == "pobj" for g in children(ch)) for ch in children(t))


def split_clusters(lex: Lexicon, trig: list) -> list[list]:
    """Triggers of one family and modality in one sentence: the main one with the triggers tied to it, then
    any other verb trigger with arguments of its own (or noun with a place of its own) as a separate event."""
    rest = list(trig)
    clusters = []
    while rest:
        main = main_trigger(lex, rest)
        cluster = [(t, c) for t, c in rest if t.i == main.i or related(t, main)]
        rest = [(t, c) for t, c in rest if (t, c) not in cluster]
        clusters.append(cluster)
        rest = [(t, c) for t, c in rest
                if (t.pos_ == "VERB" and any(ch.dep_ in ("nsubj", "nsubjpass", "dobj") for ch in children(t)))
                or (t.dep_ == "dobj" and t.head.lemma_.lower() in lex.words.light_verbs) or _placed_noun(lex, t, c)]
    return clusters


def build_candidate(sent: Span, sent_index: int, fam: str, mod: str, trig: list,
                    context: DocContext, siblings: list = ()) -> EventCandidate | None:
    """One event from the triggers of one cluster: roles from the main trigger (or the others), then codes.
    `siblings` are the sentence's other triggers of the family: in the same clause chain they may name actor1
    ("five police were killed when Taliban fighters attacked", "killed in a Boko Haram raid")."""
    lex = context.lex
    classes = set().union(*(c for _, c in trig))
    main = main_trigger(lex, trig)
    roles = roles_of(main, fam, context)
    if fam == "violence":
        frame_roles(roles, main, [t for t, _ in trig], context)
    # a role missing on the main trigger may hang on another trigger of the same event:
    # "three policemen were killed in a Taliban ambush"
    for tok, _ in trig:
        if roles.actor1 is not None and roles.actor2 is not None and not _guessed(roles.actor2):
            break
        if tok.i != main.i:
            _fill_roles(roles, roles_of(tok, fam, context), tok, lex, actor2_too=True)
    if fam == "violence":
        caught_between(roles, main, [t for t, _ in trig], context)
    if roles.actor1 is None and fam == "violence":
        top = clause_top(main).i
        in_cluster = {t.i for t, _ in trig}
        trigger_ids = {t.i for t, _ in siblings}
        for tok, _ in siblings:
            if roles.actor1 is not None:
                break
            if tok.i not in in_cluster and clause_top(tok).i == top and _violent_path(lex, tok, top, trigger_ids):
                _fill_roles(roles, roles_of(tok, fam, context), tok, lex, actor2_too=False)
    # "arrested two men in connection with the bombing", "spoke with Erdogan about the attack": the sentence's
    # parties act in the arrest or the talk, not the bombing
    matter = main.pos_ == "NOUN" and (told_as_matter(main, lex.words.relation_nouns,
                                                     lex.words.case_verbs | lex.words.topic_verbs) or (
        main.dep_ == "dobj" and main.head.lemma_.lower() in lex.words.topic_verbs))  # "discussed the attack"
    convicted = convicted_doer(main, lex.words.convicting_verbs) if main.pos_ == "NOUN" and fam == "violence" else None
    if convicted is not None:  # "a tribunal convicted Salim Ayyash of the killing": the convicted did it
        roles.actor1, matter = context.role_for(convicted, main, 1) or roles.actor1, True
    if roles.actor1 is None and fam == "violence":
        roles.actor1 = sentence_agent(sent, context, roles)
    if fam == "violence" and roles.actor1 is None and roles.actor2 is None and not matter:
        sentence_parties(sent, context, main, roles)
    elif fam == "violence" and roles.actor1 is None and not matter:
        sentence_doer(sent, context, main, roles)
    if fam == "violence" and roles.actor1 is not None and roles.actor1.start >= 0 and any(
            (r.start, r.end) == (roles.actor1.start, roles.actor1.end) for r in (roles.actor2, *roles.assoc2) if r):
        roles.actor1 = None  # "the attack left three soldiers and a civilian dead": the words of one hit never act
    if fam == "violence":
        opposing_victims(roles)
    # the harmed the words name without a party: "gunmen stormed a hotel" (the people of the site, in its words),
    # "killed a radio presenter"; not in a fight (in a clash, shelling or an air strike the other side stays to the
    # dataset's conventions)
    unnamed = fam in ("violence", "strategic") and (roles.actor2 is None or _guessed(roles.actor2)
                                                    or _named_off_site(roles, context))
    named_before = roles.actor2, roles.assoc2
    site = site_target(roles.targets, main, roles.actor1, context) if unnamed else None
    person = unlisted_person_of_any(roles.targets, [main, *(t for t, _ in trig if t.i != main.i)],
                                    context) if unnamed else None
    found = site or person
    if found is not None and actor_kind(found) == "civilian" and (code_event(
            lex, fam, classes, sent, main, roles) or {}).get("sub_event_type") in TERRITORY_SUB_EVENTS:
        # a capture of ground ("HTS regained the telecom tower"): the other side held it, not the site's civilians
        # (an army outpost overrun still names the forces that held it)
        found = None
    if found is not None:
        # "a bomb exploded at the stadium, killing four fans": the site hit, and the people its harm verb names
        harmed = person or (named_before[0] if named_before[0] is not None and not _guessed(named_before[0])
                            and named_before[0].actor.name != found.actor.name else None)
        roles.actor2, roles.assoc2 = found, [harmed] if site is not None and harmed is not None else []
    codes = code_event(lex, fam, classes, sent, main, roles)
    if found is not None and codes is not None and fight(codes.get("sub_event_type")):
        roles.actor2, roles.assoc2 = named_before
        codes = code_event(lex, fam, classes, sent, main, roles)
    if codes is None:
        return None
    if unnamed and roles.actor2 is None and one_sided(codes.get("sub_event_type")):
        # "the blast killed 14": the counted dead of a one-sided act (after coding: a count names no side)
        roles.actor2 = counted_harmed(roles.targets, context) or harmed_told_next(sent, main, context)
    listed = listed_harmed(sent, main, lex.words) if fam == "violence" else None
    if listed is not None:  # "Among the dead were two students": who the harmed were, not the act's whole toll
        roles.actor2, roles.assoc2 = context.role_for(listed, main, 2) or roles.actor2, []
    if roles.actor2 is None and fam == "violence":
        # "the families of the six soldiers killed", "Eight other children survived the attack"
        harmed = harmed_participle(sent, main, lex.words) or survivors(main, lex.words)
        roles.actor2 = context.role_for(harmed, main, 2) if harmed is not None else None
        if roles.actor1 is not None and roles.actor2 is not None \
                and (roles.actor1.start, roles.actor1.end) == (roles.actor2.start, roles.actor2.end):
            roles.actor1 = None  # "30 IS fighters killed by bombardment": the words of the ones hit never act
    if unnamed and roles.actor2 is None and codes.get("event_type") == "Violence against civilians":
        roles.actor2 = settled_people(roles.targets, context)  # "militants attacked the village of Foo"
    cand = EventCandidate(
        sentence=sent, trigger=main, event_type=codes.get("event_type"),
        sub_event_type=codes.get("sub_event_type"), plover_event=codes["plover"], plover_mode=codes.get("mode"),
        cameo=codes.get("cameo"), modality=mod, actor1=roles.actor1, actor2=roles.actor2,
        assoc_actor1=roles.assoc1, assoc_actor2=roles.assoc2, family=fam, classes=frozenset(classes),
        triggers=[t for t, _ in trig])
    cand.confidence = confidence(cand, sent_index)
    return cand


def _violent_path(lex: Lexicon, tok: Token, top: int, trigger_ids: set) -> bool:
    """The trigger reaches its clause top through violent triggers or verbs of doing only: "killed ... when X
    attacked", "injured in an X raid", "wounded when X hurled explosives" (yes); "targeted a bakery, in what the
    president called an attack" (no: a word about it)."""
    doing = lex.words.light_verbs | lex.words.agent_verbs
    node = tok
    while node.i != top and node.head.i != node.i:
        node = node.head
        # the lemma, or the form without its "-d"/"-ed" (the tagger lemmatises "staged" as "stag")
        if node.i != top and node.pos_ in ("VERB", "AUX") and node.i not in trigger_ids and not (
                {node.lemma_.lower(), node.lower_[:-1], node.lower_[:-2]} & doing):
            return False
    return True


def _named_off_site(roles, context) -> bool:
    """"torched a school in the village of Foo": the site acted on names no party, and the party found elsewhere
    in the clause (a town read as a name) is not what was hit; the site's people are."""
    site = roles.targets[0] if roles.targets else None
    if site is None or roles.actor2 is None or roles.actor2.known or site_kind(site, context.words) is None:
        return False
    own = phrase_tokens(site, context.words)  # its modifiers and "of" complements
    return not any(t.idx <= roles.actor2.start < t.idx + len(t.text) for t in own)


def _guessed(role) -> bool:
    """A role no words of the sentence name (the article's dominant armed group as the likely opponent)."""
    return role.start < 0


def _fill_roles(roles, r, tok: Token, lex: Lexicon, actor2_too: bool) -> None:
    """Fill the roles still missing from `r`, the roles of another trigger `tok` of the same event."""
    if roles.actor1 is None and r.actor1 is not None and (roles.actor2 is None or
                                                           r.actor1.actor.name != roles.actor2.actor.name):
        roles.actor1, roles.assoc1 = r.actor1, r.assoc1
    if roles.actor1 is None and r.actor2 is not None and tok.lemma_.lower() in lex.words.clash_words and (
            roles.actor2 is None or r.actor2.actor.name != roles.actor2.actor.name):
        roles.actor1 = r.actor2  # "six soldiers were killed during a clash with PKK fighters"
        return
    # a side only guessed as the article's armed group gives way to the one the words name ("a bomber blew
    # himself up, killing six soldiers")
    if actor2_too and (roles.actor2 is None or _guessed(roles.actor2)) and r.actor2 is not None \
            and not _guessed(r.actor2) and (
            roles.actor1 is None or r.actor2.actor.name != roles.actor1.actor.name):
        roles.actor2, roles.assoc2 = r.actor2, r.assoc2
        roles.victim_words |= r.victim_words
    elif actor2_too and roles.actor2 is not None and r.actor2 is not None and not _guessed(r.actor2) and all(
            r.actor2.actor.name != x.actor.name for x in (roles.actor1, roles.actor2, *roles.assoc2) if x is not None):
        # "six soldiers were killed in a Taliban raid, 12 Taliban were killed": the dead of both sides, so that
        # opposing_victims can tell who attacked when no trigger names a doer
        roles.assoc2 = [*roles.assoc2, r.actor2]
    if actor2_too:
        roles.targets = [*roles.targets, *r.targets]


def intent_cue(lex: Lexicon, tok: Token) -> bool:
    """The actor itself announces the step: "X will visit", "X has offered to hand over", "X plans to impose"."""
    intent = lex.words.intent_words
    node = tok
    for _ in range(4):
        if node.i != tok.i and any(c.dep_ == "neg" for c in children(node)):
            return False  # "will not allow the inspectors to visit": the step under a refusal is promised by no one
        # (the trigger itself is no cue: "appealed to them to agree" announces nothing of the appealer's own)
        if any(c.lower_ in intent or c.lemma_.lower() in intent for c in children(node)
               if c.dep_ in ("aux", "xcomp", "acomp") and c.i != tok.i):
            return True
        if node.lemma_.lower() in intent and node.i != tok.i:
            return True
        if _own_reported_would(node, lex):
            return True
        # ("expressed willingness to host", "promised assistance": the step named by a noun or its clause)
        if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.pos_ == "NOUN":
            node = node.head.head  # "proposed a new round of negotiations": the measure of the step is the step
            continue
        if node.dep_ not in ("xcomp", "ccomp", "conj", "acl", "dobj") or node.head.i == node.i:
            break
        node = node.head
    return False


def _own_reported_would(node: Token, lex: Lexicon) -> bool:
    """"Japan said it would send aid", "Kenya announced they would withdraw": the speaker reports its own coming
    step (a pronoun standing for it is the clause's subject), a promise as much as "will"."""
    return node.dep_ == "ccomp" and any(c.dep_ == "aux" and c.lower_ == "would" for c in children(node)) and any(
        c.dep_ == "nsubj" and c.lower_ in lex.words.own_reported_subjects for c in children(node))


def _consented_permission(lex: Lexicon, tok: Token) -> bool:
    """"Turkey agreed to let investigators inspect the wreck": a verb of allowing under a verb of consent that is
    itself told as done (not "will agree to allow")."""
    head = tok.head
    return (tok.dep_ == "xcomp" and tok.lemma_.lower() in lex.words.permission_verbs
            and head.lemma_.lower() in lex.words.consent_verbs and head.tag_ in ("VBD", "VBZ", "VBN")
            and not any(c.dep_ in ("aux", "neg") and c.lower_ not in lex.words.perfect_auxiliaries for c in children(head)))


def _offered(lex: Lexicon, tok: Token) -> bool:
    """The step is the infinitive of a verb of offering or promising: "pledged to send troops to Haiti" (forces
    offered to another party, help), not "threatened to send troops"."""
    return tok.dep_ == "xcomp" and tok.head.lemma_.lower() in lex.words.offering_verbs


def _on_condition(tok: Token, marks: frozenset) -> bool:
    """The announced step hangs on what the other side does: a condition clause ("unless ...", "if ...", by
    `marks`) on the trigger."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in children(c))
               for c in children(tok))


def _continued(lex: Lexicon, tok: Token) -> bool:
    """"We will continue to work together", "will keep supporting": more of what is done already, no new step
    announced."""
    node = tok
    for _ in range(3):
        if node.dep_ not in ("xcomp", "conj") or node.head.i == node.i:
            return False
        node = node.head
        if node.lemma_.lower() in lex.words.continuation_verbs:
            return True
    return False


def speech_act(lex: Lexicon, cand: EventCandidate) -> EventCandidate | None:
    """The asserted statement behind a future or denied PLOVER event, when the actor makes it about itself."""
    # "Mali said it would expel the troops unless ...": the condition makes the step hypothetical, the speaker's
    # announcement of it is still made
    conditional = cand.modality == "hypothetical" and _on_condition(cand.trigger, lex.words.condition_marks)
    announced = cand.modality == "future" or conditional
    if (cand.modality not in ("future", "negated") and not conditional) or cand.actor1 is None:
        return None
    if cand.event_type in ("Protests", "Riots"):
        return None
    if cand.family == "violence" and not (announced and _own_reported_would(cand.trigger, lex)):
        # an attack is announced as a threat only in the speaker's own words, "X said it would strike back"
        # (CAMEO 138); "the army will attack", "plans an offensive" stay plans
        return None
    plover = cand.plover_event
    if announced and any(c.dep_ == "neg" for c in children(cand.trigger)):
        # "X will not accept refugees", "will never negotiate": a refusal announced, not a promise ("we will not
        # relent", "will not back down" refuse to yield: resolve, no refusal of anyone's offer); a yield refused
        # with what it would give named is a refusal (CAMEO 124: "will not allow the inspectors in", "will not
        # release the prisoners")
        yielded = plover in YIELDING and any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in children(cand.trigger))
        event = "REJECT" if plover in COOPERATIVE - YIELDING or yielded else None
    elif cand.modality == "future" and plover == "CONCEDE" and _consented_permission(lex, cand.trigger):
        event = "CONCEDE"  # "agreed to let inspectors in": the consent is the permission given (CAMEO 086)
    elif announced and intent_cue(lex, cand.trigger) and not _continued(lex, cand.trigger):
        event = "AGREE" if plover in COOPERATIVE or (plover == "MOBILIZE" and _offered(lex, cand.trigger)) \
            else "THREATEN" if plover in HOSTILE else None
        if event is not None and _on_condition(cand.trigger, lex.words.ultimatum_marks):
            event = "THREATEN"  # "will withdraw its troops unless ...": a step held over the other side
    elif cand.modality == "negated" and plover in COOPERATIVE:
        event = "REJECT"
    else:
        event = None
    if event is None:
        return None
    cameo = {"AGREE": "030", "THREATEN": "130", "REJECT": "120", "CONCEDE": "086"}[event]
    return EventCandidate(
        sentence=cand.sentence, trigger=cand.trigger, event_type=None, sub_event_type=None, plover_event=event,
        plover_mode=None, cameo=cameo, modality="asserted", actor1=cand.actor1, actor2=cand.actor2,
        assoc_actor1=cand.assoc_actor1, assoc_actor2=cand.assoc_actor2, confidence=cand.confidence + 0.02,
        family="contact", classes=cand.classes, triggers=cand.triggers)


def main_trigger(lex: Lexicon, trig: list) -> Token:
    """The trigger that carries the event's arguments: a verb with a subject or object beats a noun; higher in
    the tree beats lower."""

    def score(item):
        tok, _ = item
        s = 0.0
        if tok.pos_ == "VERB":
            s += 2
            if any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "agent") for c in children(tok)):
                s += 2
            if tok.lemma_.lower() in lex.words.injury_verbs:
                s -= 2.5  # "left 3 workers injured" is the outcome of the attack, not the event's head
        elif any(c.dep_ == "prep" and c.lower_ == "by" for c in children(tok)):
            s += 3  # "an attack by the PKK"
        elif tok.dep_ == "dobj" and tok.head.lemma_.lower() in lex.words.light_verbs:
            s += 3.5  # "the Taliban launched an assault": the noun is the predicate
        s -= 0.1 * depth(tok)
        return s

    return max(trig, key=score)[0]


def confidence(c: EventCandidate, sent_index: int) -> float:
    """The extractor's own estimate that the record is right: clear triggers with named actors score high."""
    s = 0.45
    t = c.trigger
    if t.dep_ == "ROOT" or (t.head.dep_ == "ROOT" and t.dep_ in ("conj", "xcomp", "ccomp")):
        s += 0.12
    if t.pos_ == "VERB":
        s += 0.05
    if c.actor1 is not None:
        s += 0.1 if c.actor1.known and not c.actor1.generic else 0.04
    if c.actor2 is not None:
        s += 0.05
    if c.event_type is not None:
        s += 0.08
    if c.family == "violence":
        s += 0.05
    if len(c.triggers) > 1:
        s += 0.03
    s -= min(0.1, 0.02 * sent_index)
    return max(0.05, min(0.97, s))


def convicted_doer(event_noun: Token, convicting_verbs: frozenset) -> Token | None:
    """Whom a court found guilty of the event the noun names: the object of "convicted X of the bombing", "sentenced
    X for the killing", or the subject of "X was jailed for the attack"."""
    held = event_noun.head.head
    if event_noun.dep_ != "pobj":
        return None
    if held.dep_ == "appos":
        held = held.head  # "convicted Jorge Quispe, a former policeman, of the killing"
    if held.dep_ in ("dobj", "nsubjpass") and held.head.lemma_.lower() in convicting_verbs:
        return held  # the parse may hang "of the killing" on the one convicted
    if held.pos_ != "VERB" or held.lemma_.lower() not in convicting_verbs:
        return None
    return next((c for c in children(held) if c.dep_ in ("dobj", "nsubjpass")), None)
