"""Modality: did the event happen (asserted), or is it planned or intended (future), conditional, obliged,
alleged, asked about or averted (hypothetical), denied (negated), or only recalled as the reason of what is
reported or listed as another story (background)? The cue words are data (lang/<code>/events/modality.yaml);
dates that put an event well before publication make it background too (dates.DateFinder.recalled)."""

from __future__ import annotations

import re

from spacy.tokens import Token

from eventwire.extraction.events.attempts import crowd_held_back, stopped_in_the_act, told_attempt
from eventwire.extraction.events.triggers import is_perfect
from eventwire.extraction.tokens import children, span_text
from eventwire.lang import LanguageData, LanguageDataError

MODALITY_FILE = "events/modality.yaml"

# the slots of a noun: a verb found in one is a noun the tagger misread ("dismissed reports that ...")
NOUN_SLOTS = ("dobj", "pobj", "nsubj", "nsubjpass")


def read_cues(language: LanguageData) -> dict:
    """kind -> list name -> frozenset of words, from the modality file."""
    raw = language.yaml(MODALITY_FILE)
    if not isinstance(raw, dict) or not all(isinstance(t, dict) for t in raw.values()):
        raise LanguageDataError(language.path(MODALITY_FILE), None, "expected kind -> list name -> words")
    return {kind: {k: frozenset(v) for k, v in table.items()} for kind, table in raw.items()}


class ModalityClassifier:
    """The modality of the event a trigger names, from the cue words of one language."""

    def __init__(self, language: LanguageData):
        self.cues = language.memo("events.modality", lambda: read_cues(language))
        self.reporting_verbs: frozenset = self.cues["asserted"]["reporting_verbs"]
        links = "|".join(re.escape(w) for w in sorted(self.cues["background"]["link_lines"], key=len, reverse=True))
        # "==See also==" (a heading: the rest of the page lists other stories), "Read more: ..." (one line)
        self._link_heading_re = re.compile(rf"(?im)^[\s=#*]*(?:{links})[\s=#*:]*$")
        self._link_line_re = re.compile(rf"(?im)^[\s*]*(?:{links})\s*:.*$")

    def classify(self, trigger: Token) -> str:
        return classify(trigger, self.cues)

    def told_ago(self, trigger: Token | None) -> bool:
        return trigger is not None and told_ago(trigger, self.cues["background"])

    def link_spans(self, text: str) -> list[tuple[int, int]]:
        """Character spans of the text that point to other stories: after a "See also" heading, "Read more:"
        lines. Events there are background, not this article's."""
        spans = [(m.start(), m.end()) for m in self._link_line_re.finditer(text)]
        heading = self._link_heading_re.search(text)
        if heading is not None:
            spans.append((heading.start(), len(text)))
        return spans


def _aux_words(tok: Token) -> list[Token]:
    return [c for c in children(tok) if c.dep_ in ("aux", "auxpass", "neg", "advmod", "mark", "amod", "det")]


def _planned_for_a_date(noun: Token, participles: frozenset) -> bool:
    """The event noun is one planned for a day to come: "a march planned for Sunday", "the strike scheduled for
    June 1" (a participle of `noun_participles` with "for" a date; not "planned for months", how long it took)."""
    for part in children(noun):
        if part.dep_ != "acl" or part.tag_ != "VBN" or part.lemma_.lower() not in participles:
            continue
        for prep in children(part):
            if prep.dep_ == "prep" and prep.lower_ in ("for", "on") and any(
                    o.dep_ == "pobj" and o.ent_type_ == "DATE" and o.tag_ != "NNS" for o in children(prep)):
                return True
    return False


def _own_cue(tok: Token, c: dict, trigger: Token | None = None) -> str | None:
    """Cues attached directly to one token (its auxiliaries, negation, modifiers) on the way up from `trigger`."""
    if tok.pos_ == "NOUN" and _planned_for_a_date(tok, c["future"]["noun_participles"]):
        return "future"
    for ch in _aux_words(tok):
        w = ch.lower_
        lemma = ch.lemma_.lower()
        negation = ch.dep_ == "neg" or (w in c["negated"]["negations"] and ch.dep_ in ("neg", "det", "advmod"))
        if negation and ch.dep_ == "det" and tok.pos_ in ("NOUN", "PROPN") and trigger is not None and tok.i != trigger.i:
            # "no sign of fighting" denies the fighting; "no claim of responsibility for the attack" does not
            negation = tok.lemma_.lower() in c["negated"]["existence_nouns"]
        if negation and not (w == "no" and tok.pos_ in ("NOUN", "PROPN") and tok.lemma_ in c["negated"]["harm_only_subjects"]):
            return "negated"
        if ch.dep_ in ("aux", "auxpass"):
            if w in c["future"]["auxiliaries"] or lemma in c["future"]["auxiliaries"]:
                return "future"
            if w in c["hypothetical"]["auxiliaries"]:
                if w == "would" and _reported_future(tok, c["asserted"]["reporting_verbs"], c["future"]["promise_verbs"],
                                                    c["hypothetical"]["condition_marks"]):
                    return "future"  # "the army said it would launch an operation", "assured he would arrest them"
                return "hypothetical"
        if ch.dep_ == "mark" and w in c["hypothetical"]["markers"]:
            return "hypothetical"
        if ch.dep_ in ("amod", "advmod") and w in c["future"]["noun_modifiers"] and tok.pos_ == "NOUN" and not \
                _told_done(tok, trigger, c["future"]["announcing_verbs"], c["future"]["done_auxiliaries"]):
            return "future"
        if ch.dep_ == "amod" and tok.pos_ == "NOUN" and (w in c["background"]["noun_modifiers"] or (
                w in c["background"]["plural_noun_modifiers"] and tok.tag_ == "NNS")):
            return "background"  # "previous attacks on the base", "earlier agreements"
    # "going to attack": go (aux-like) + xcomp
    return None


def _told_done(noun: Token, trigger: Token | None, announcing: frozenset, done_auxiliaries: frozenset) -> bool:
    """The trigger noun (or its "of" complement) is the object or subject of a verb in the past or the perfect:
    "launched a new offensive", "held a new round of talks", "a new attack killed five", "the new offensive was
    launched": the act is reported done, and its modifier ("new") tells which one, not that it is still to come.
    Not a verb that only makes it known ("announced new measures targeting Russia")."""
    if trigger is not None and trigger.i != noun.i and not (
            trigger.dep_ == "pobj" and trigger.head.lower_ == "of" and trigger.head.head.i == noun.i):
        return False
    if noun.dep_ not in ("dobj", "nsubj", "nsubjpass") or noun.head.pos_ not in ("VERB", "AUX"):
        return False
    verb = noun.head
    if verb.lemma_.lower() in announcing:
        return False
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(
        a.dep_ in ("aux", "auxpass") and a.lower_ in done_auxiliaries for a in children(verb)))


def classify(trigger: Token, c: dict) -> str:
    """The modality of the event named by `trigger`: the cues up its tree, then whether its sentence asks."""
    found = _governed(trigger, c)
    if found == "asserted" and trigger.pos_ == "VERB" and any(
            s.dep_ == "nsubj" and s.pos_ == "NOUN" and _own_cue(s, c) == "background" for s in children(trigger)):
        return "background"  # "previous attacks killed dozens": the killing is part of the earlier event
    if found == "asserted" and _headline_infinitive(trigger, c):
        return "future"  # "Farmers to block highways from Monday", "Opposition to hold protests on Friday"
    if found == "asserted" and _act_denied(trigger, c["negated"]):
        return "negated"  # "no shots were fired during the rally"
    if found == "asserted" and _looked_back_on(trigger, c["background"]):
        return "background"
    if found == "asserted" and span_text(trigger.sent).rstrip(' "\'\u201d\u2019)').endswith(
            tuple(c["hypothetical"]["question_marks"])):
        return "hypothetical"  # "Did the army shell the village?"
    return found


def _headline_infinitive(trigger: Token, c: dict) -> bool:
    """Headline style: the clause of the trigger is a bare infinitive with people or a named body as its subject
    ("Teachers to strike from Monday", "..., says union") or hangs on such a noun that stands for the whole sentence
    ("Opposition parties to hold protests"): what is announced, still to come. Not an infinitive another verb
    governs ("told them to leave"), nor a singular noun's purpose ("motivation to protest")."""
    verb = trigger
    while verb.pos_ not in ("VERB", "AUX") and verb.dep_ != "ROOT" and verb.head.i != verb.i:
        verb = verb.head
    if not any(a.dep_ == "aux" and a.tag_ == "TO" and a.lower_ in c["future"]["headline_markers"]
               for a in children(verb)):
        return False
    if verb.dep_ in ("ROOT", "ccomp", "parataxis") and (verb.dep_ == "ROOT" or verb.head.lemma_.lower() in
                                                        c["asserted"]["reporting_verbs"]):
        return any(s.dep_ == "nsubj" and s.tag_ in _GROUP_TAGS for s in children(verb))
    # (only people or a named body: a singular common noun's infinitive tells its purpose, "counter attack to repel
    # the advance"; and a common noun compounded into the subject may be a headline's verb taken for a noun: "police
    # fire tear gas to disperse protesters")
    head = verb.head
    return verb.dep_ in ("acl", "relcl") and head.dep_ == "ROOT" and head.tag_ in _GROUP_TAGS and not any(
        t.tag_ in _FINITE_TAGS and t.lemma_.lower() not in c["asserted"]["reporting_verbs"] for t in verb.sent) \
        and sum(m.dep_ in ("compound", "nmod") and m.pos_ == "NOUN" for m in head.subtree if m.i < head.i) < 2


_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_GROUP_TAGS = frozenset({"NNS", "NNP", "NNPS"})


def _act_denied(trigger: Token, negated: dict) -> bool:
    """"No shots were fired": "no" before the subject of the act's verb (not a harm denied: "no soldiers died")."""
    return trigger.pos_ == "VERB" and trigger.lemma_.lower() not in negated["harm_verbs"] and any(
        s.dep_ in ("nsubj", "nsubjpass") and s.lemma_.lower() not in negated["harm_only_subjects"] and any(
            d.dep_ == "det" and d.lower_ == "no" for d in children(s)) for s in children(trigger))


def _court_jails(verb: Token, background: dict) -> bool:
    """"A court jailed the commander for the kidnapping": a verdict when a court jails (police may jail protesters the
    day of the protest)."""
    return verb.lemma_.lower() in background["verdict_verbs"] and any(
        s.dep_ == "nsubj" and s.lemma_.lower() in background["hearing_bodies"] for s in children(verb))


def _called_false(verb: Token, below: Token, negated: dict) -> bool:
    """"Reports of an attack were false": the event told by a report that the copula calls false."""
    return below.dep_ == "nsubj" and below.lower_ in negated["report_nouns"] and any(
        a.dep_ == "acomp" and a.lower_ in negated["falsity_adjectives"] for a in children(verb))


def _governed(trigger: Token, c: dict) -> str:
    """The modality the words governing `trigger` give it, walking up the tree to the sentence root."""
    reporting = c["asserted"]["reporting_verbs"]
    background = c["background"]
    is_noun = trigger.pos_ in ("NOUN", "PROPN")
    tok = below = trigger
    first = True
    steps = 0
    while steps < 8:
        steps += 1
        # (a conjunct with a subject or a tense of its own is not under the first verb's auxiliaries: "did not burn
        # the church, but it looted the house")
        cue = None if not first and _conjunct_of_its_own(below, tok) else _own_cue(tok, c, trigger)
        if cue:
            return cue
        if tok.dep_ in ("pcomp", "pobj") and tok.head.lower_ in c["negated"]["prepositions"]:
            return "negated"  # "entered the town without firing a shot"
        if not first and _mourning(tok, below, background["mourning_nouns"]):
            return "background"  # "a vigil for the victims of the shootings": the dead mourned, told before
        if tok.pos_ == "NOUN" and not first:
            lemma = tok.lemma_.lower()
            reason = lemma in background["reason_nouns"] and tok.dep_ == "pobj" and _reacting(tok.head.head, background)
            if is_noun and _complement(trigger, below) and (reason or lemma in background["reaction_nouns"]):
                return "background"  # "sanctions in response to its chemical attack": the reason, told before
            if is_noun and lemma in background["record_nouns"] and _complement(trigger, below) \
                    and below.lower_ in background["record_of_preps"]:
                return "background"  # "a video of the attack", "the mastermind of the bombing"
            if is_noun and lemma in c["negated"]["cancelling_nouns"] and below.dep_ == "prep" and below.lower_ == "of":
                return "negated"  # "the cancellation of the visit": it did not take place
            if lemma in c["future"]["governing_nouns"]:
                return "future"
            if tok.lower_ in c["hypothetical"]["topic_nouns"] and below.dep_ == "prep" and below.lower_ in c[
                    "hypothetical"]["topic_preps"]:
                return "hypothetical"  # "talks on a ceasefire": what is talked about, not agreed
            if lemma in c["hypothetical"]["governing_nouns"]:
                return "hypothetical"
        if tok.pos_ == "ADJ" and not first and tok.lower_ in background["verdict_adjectives"] \
                and below.lower_ in background["verdict_preps"] \
                and tok.head.lemma_.lower() in background["verdict_adjective_verbs"]:
            return "background"  # "found guilty of killing three protesters": the case tried
        if tok.pos_ == "ADJ" and not first and tok.lower_ in c["hypothetical"]["governing_adjectives"]:
            return "hypothetical"  # "capable of carrying out attacks": a capacity
        if tok.pos_ == "ADJ" and not first and tok.lower_ in c["future"]["governing_adjectives"]:
            return "future"  # "ready to attack", "remain committed to supporting"
            if lemma in c["negated"]["governing_nouns"]:
                return "negated"
        if not first and tok.pos_ == "VERB" and tok.lemma_.lower() in c["hypothetical"]["equipping_verbs"] and \
                _purpose_of(below, c["future"]["purpose_markers"]):
            return "hypothetical"  # "installed scanners to detect explosives": a capability, not a find
        # a verb joined by "and" is a sibling, not a complement: "blocked a road and burned two trucks" (but its
        # auxiliaries, read by _own_cue above, govern both)
        # (nor is a purpose clause: "farmers blocked the highway to protest low prices" protested; what the verb
        # "blocked" prevents is its object, not its purpose; what governs the act governs the purpose too)
        if not first and tok.pos_ in ("VERB", "AUX") and below.dep_ != "conj" and not _purpose_of(
                below, c["future"]["purpose_markers"]) and not _done_despite(trigger, below, tok, c):
            lemma = tok.lemma_.lower()
            if is_noun and lemma in background["reaction_verbs"] and _complement(trigger, below,
                                                                             background["reason_deed_verbs"]):
                return "background"  # "diplomats were expelled after a nerve agent attack"
            # (an inquiry is no act of the past: "convicted for impeding the investigation")
            if (lemma in background["court_verbs"] or _court_jails(tok, background)) and below.dep_ == "prep" and \
                    below.lower_ in background["court_preps"] and trigger.lemma_.lower() not in background[
                        "record_nouns"]:
                return "background"  # "convicted of killing three protesters", "jailed for the bombing"
            if lemma in background["hearing_verbs"] and below.dep_ == "ccomp" and any(
                    s.dep_ in ("nsubj", "nsubjpass") and s.lemma_.lower() in background["hearing_bodies"]
                    for s in children(tok)):
                return "background"  # "the inquest heard that the victims died within minutes of the blast"
            if lemma in background["recalling_verbs"] and below.dep_ == "dobj":
                return "background"  # "to avenge the killing of their leader"
            if is_noun and below.lower_ in background["record_preps"] and _complement(trigger, below) and any(
                    c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in background["record_nouns"] for c in children(tok)):
                return "background"  # "launched an inquiry into the killing", "an investigation was opened into"
            if lemma in c["future"]["plotting_verbs"] and below.dep_ == "xcomp":
                return "future"  # "plotted to kill the governor"
            if lemma in c["asserted"]["ordering_with_infinitive"] and below.dep_ == "xcomp":
                return "future"  # "police were told to detain anyone carrying a weapon": an order
            if is_noun and below.dep_ in ("dobj", "nsubjpass") and _cancelling(tok, c["negated"]["cancelling_verbs"]):
                return "negated"  # "cancelled a meeting with the envoy", "the summit was postponed"
            if lemma in reporting and tok.dep_ not in NOUN_SLOTS:
                # (a report read as a verb in a noun's slot is the noun: "dismissed reports that a bomb was found")
                return "asserted"  # "X said it killed": the killing is what is reported, as a fact
            if lemma in c["negated"]["governing_verbs"]:
                return "negated"
            if lemma in c["hypothetical"]["alleging_verbs"] and _is_complement_of(trigger, tok, c["hypothetical"]):
                return "hypothetical"  # "X accused the army of bombing a school": alleged, not established
            if lemma in c["hypothetical"]["governing_verbs"] and not (
                    below.dep_ == "prep" and below.lower_ in c["hypothetical"]["circumstance_preps"]) and (
                    below.dep_ not in ("nsubj", "agent")):
                # (but "blocked the road in protest": the protest is how, not what is stopped; and the one who
                # blocks or resists does it: "protesters blocked the highway", "was blocked by rioters")
                return "hypothetical"
            if lemma == "be" and _called_false(tok, below, c["negated"]):
                return "negated"  # "reports of an attack on the convoy were false"
            if lemma == "be" and below.dep_ in ("nsubj", "csubj") and _said_to_be(tok, c["hypothetical"]["governing_nouns"]):
                return "hypothetical"  # "capturing drones is one of several options", "a strike is a possibility"
            # (not a phrasal verb of another sense: "a bomb went off", "set off a car bomb", "set up an ambush")
            if lemma in c["future"]["governing_verbs"] and not any(
                    p.dep_ in ("prt", "advmod") and p.lower_ in c["future"]["other_sense_particles"] for p in children(tok)) \
                    and _is_infinitival_or_object(trigger, tok, c["future"]):
                return "future"
        head = tok.head
        if head.i == tok.i or _clause_of_its_own(tok, head, c["asserted"]):
            break
        # a relative clause has its own modality: "militia that are fighting IS" is asserted whatever governs it
        # (an infinitival one is the purpose of its noun, as real as what it names: "an operation to retake the
        # city could begin")
        if tok.dep_ in ("relcl",):
            if head.lower_ in c["negated"]["governing_pronouns"]:
                return "negated"  # "had nothing to do with the massacre"
            if head.dep_ == "pobj" and head.head.head.lemma_.lower() in background["verdict_nouns"]:
                return "background"  # "seeking the death penalty for the gunman who killed ten people"
            if head.dep_ in ("nsubjpass", "dobj") and head.head.lemma_.lower() in background["verdict_verbs"]:
                return "background"  # "the soldier who shot the student was sentenced": the case tried
            mourned = _of_chain_top(head)  # "the families of the men who died": the families' phrase
            if mourned.dep_ == "pobj" and _mourning(mourned.head.head, mourned.head, background["mourning_nouns"]):
                return "background"  # "laid flowers for those who died", "prayers are with the families of those who"
            if not _infinitival(tok, c["future"]["purpose_markers"]):
                break
        first = False
        below, tok = tok, head
    return "asserted"


def _conjunct_of_its_own(conj: Token, head: Token) -> bool:
    """A verb joined by "and"/"but" that has its own subject ("the mob did not burn the church, but it looted the
    house") or its own past tense after the bare verb of a "did"/modal ("did not burn the church and looted the
    house"): the auxiliaries of the first verb do not reach it. "may have shelled the village and killed ten" shares
    them."""
    if conj.dep_ != "conj" or conj.pos_ not in ("VERB", "AUX") or head.pos_ not in ("VERB", "AUX"):
        return False
    return any(s.dep_ in ("nsubj", "nsubjpass") for s in children(conj)) or (
        conj.tag_ == "VBD" and head.tag_ == "VB" and not any(a.dep_ == "aux" for a in children(conj)))


def _clause_of_its_own(clause: Token, head: Token, asserted: dict) -> bool:
    """`clause` tells a deed done whatever mood its head is in, so what governs the head does not reach it: a past
    clause of time or cause ("the army will retaliate after militants ambushed a convoy", "may strike back because
    troops killed its commander"), a past question's content ("could not say why the gunman opened fire", "it is
    unclear who bombed the bridge": that it happened is given), or a clause the parser hung on what follows a
    semicolon ("Gunmen attacked a bus; it is feared the toll could rise")."""
    if clause.tag_ != "VBD" and not (clause.tag_ == "VBN" and any(
            a.dep_ in ("aux", "auxpass") and a.lower_ in asserted["past_auxiliaries"] for a in children(clause))):
        return False
    if clause.dep_ == "advcl":
        return any(m.dep_ == "mark" and m.lower_ in asserted["past_clause_marks"] for m in children(clause))
    if clause.dep_ != "ccomp":
        return False
    if clause.i < head.i and any(p.lower_ in asserted["clause_breaks"] and clause.i < p.i < head.i for p in children(head)):
        return True
    opening = clause.doc[clause.left_edge.i]
    return opening.tag_ in ("WRB", "WP", "WDT") and opening.lower_ in asserted["question_words"]


def _of_chain_top(noun: Token) -> Token:
    """The noun whose "of" phrase holds `noun`, up a chain of them: "the families of the men" -> families."""
    for _ in range(3):
        if noun.dep_ != "pobj" or noun.head.lower_ != "of" or noun.head.head.pos_ not in ("NOUN", "PROPN"):
            break
        noun = noun.head.head
    return noun


def _mourning(tok: Token, below: Token, nouns: frozenset) -> bool:
    """`below` is the phrase of the dead a mourning is for: "a vigil for (the victims)", "the coffins of", "days of
    mourning for", a verb whose object is a mourning ("laid flowers for", "paid tribute to"), or a verb whose
    subject is one ("our prayers are with the families of", "our sympathies go out to")."""
    if below.dep_ not in ("prep", "dative"):
        return False
    if tok.lemma_.lower() in nouns or tok.lower_ in nouns or tok.pos_ == "NOUN" and any(
            c.dep_ in ("amod", "compound") and c.lower_ in nouns for c in children(tok)):  # "a memorial service for"
        return tok.pos_ in ("NOUN", "VERB") and (tok.pos_ == "NOUN" or tok.dep_ == "pobj")  # "of mourning for"
    return tok.pos_ == "VERB" and any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in nouns for c in children(tok)) \
        or tok.pos_ in ("VERB", "AUX") and below.dep_ == "prep" and any(
            c.dep_ == "nsubj" and c.lower_ in nouns for c in children(tok))


def _done_despite(trigger: Token, below: Token, verb: Token, c: dict) -> bool:
    """`verb` ("tried", "were prevented from") does not make the act unreal: an attempt told with its outcome,
    people stopped in the act (attempts.py). What governs `verb` still governs the act."""
    modal = c["future"]["auxiliaries"] | c["hypothetical"]["auxiliaries"]
    return told_attempt(trigger, below, verb, c["asserted"], modal) or \
        stopped_in_the_act(trigger, below, verb, c["asserted"], modal) or \
        crowd_held_back(trigger, below, verb, c["asserted"], modal)


def _looked_back_on(trigger: Token, background: dict) -> bool:
    """The event is one the story looks back on: its clause is set "in the past" ("has carried out raids in the
    past"), it is what time is counted from ("ten years after the bombing"), or what a superlative is measured
    against ("the deadliest attack since a truck bomb killed 80")."""
    if told_in_past(trigger, background):
        return True
    clause = _clause_of(trigger)
    node = trigger
    while node.dep_ in ("compound", "amod", "nmod") and node.head.i != node.i:
        node = node.head
    prep = node.head if node.dep_ == "pobj" else None
    marks = [c for c in children(clause) if c.dep_ == "mark"] if clause.dep_ == "advcl" else []
    since_units = background["elapsed_units"] | background["elapsed_since_units"]
    if any(m.lower_ in background["elapsed_prepositions"] for m in marks) and any(
            t.lemma_.lower() in since_units for t in (clause.head, *children(clause.head))):
        return True  # "Wednesday marks five years since militants stormed the hotel", "a year after ... sparked protests"
    if prep is None:  # a clause told as a point in time: "since a truck bomb killed 80 people"
        if any(m.lower_ in background["period_start_prepositions"] for m in marks) and is_perfect(clause.head):
            return True  # "300 activists have been murdered since the peace deal was signed": where a tally starts
        if any(m.lower_ in background["comparison_preposition"] for m in marks):
            return _superlative(clause.head, background["superlative_words"])
        return False
    if prep.lower_ in background["elapsed_prepositions"] and any(
            c.dep_ == "npadvmod" and c.lemma_.lower() in since_units for c in children(prep)):
        return True  # "ten years after the bombing"
    if prep.lower_ in background["period_start_prepositions"]:
        return True  # "tensions have run high since a deadly clash"
    return prep.lower_ in background["comparison_preposition"] and _superlative(prep.head, background["superlative_words"])


def _clause_of(trigger: Token) -> Token:
    clause = trigger
    for _ in range(3):
        if clause.pos_ in ("VERB", "AUX") or clause.dep_ in ("relcl", "ROOT") or clause.head.i == clause.i:
            break
        clause = clause.head
    return clause


def told_in_past(trigger: Token, background: dict) -> bool:
    """The event's clause is set in the past by time words alone, not measured from another event: "has carried out
    raids in the past" (others of the kind), "killed 30 people five years ago"."""
    clause = _clause_of(trigger)
    return clause.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "prep" and " ".join(t.lower_ for t in c.subtree) in background["past_phrases"]
        for c in children(clause)) or told_ago(trigger, background)


def told_ago(trigger: Token, background: dict) -> bool:
    """"Gunmen killed 30 people five years ago": a time of its own, far before the text's (events/foreground.py)."""
    clause = _clause_of(trigger)
    return clause.pos_ in ("VERB", "AUX") and any(c.lower_ in background["ago_words"] and any(
        u.lemma_.lower() in background["elapsed_units"] for u in children(c)) for c in children(clause))


def _superlative(head: Token, superlative_words: frozenset) -> bool:
    """The word a "since" phrase hangs from is, or is measured by, a superlative ("the deadliest", "the worst
    violence", "the first attack") or a copula whose complement is one."""
    words = [head, *children(head)]
    if head.lemma_.lower() == "be":
        words += [g for c in children(head) if c.dep_ in ("attr", "acomp") for g in children(c)]
    return any(w.tag_ in ("JJS", "RBS") or w.lower_ in superlative_words for w in words)


def _purpose_of(clause: Token, purpose_markers: frozenset) -> bool:
    """`clause` is a purpose clause of its head verb: an adverbial "to" infinitive ("blocked roads to protest")."""
    return clause.dep_ == "advcl" and clause.tag_ == "VB" and any(
        c.dep_ == "aux" and c.lower_ in purpose_markers for c in children(clause))


def _infinitival(clause: Token, purpose_markers: frozenset) -> bool:
    """`clause` is a bare "to" infinitive with no subject of its own: "(an operation) to retake the city"."""
    return clause.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ in purpose_markers for c in children(clause)) \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in children(clause))


def _cancelling(verb: Token, cancelling: frozenset) -> bool:
    """The verb calls its object off: "cancel", "postpone", or a phrasal verb of the list ("called off")."""
    lemma = verb.lemma_.lower()
    return lemma in cancelling or any(f"{lemma} {c.lower_}" in cancelling for c in children(verb) if c.dep_ == "prt")


def _said_to_be(copula: Token, nouns: frozenset) -> bool:
    """The copula's complement is one of `nouns`, or "one of" them: "is an option", "is one of several options"."""
    for attr in (t for t in children(copula) if t.dep_ in ("attr", "acomp")):
        named = [attr] + [p for prep in children(attr) if prep.dep_ == "prep" and prep.lower_ == "of"
                          for p in children(prep) if p.dep_ == "pobj" and attr.lower_ == "one"]
        if any(n.lemma_.lower() in nouns or n.lower_ in nouns for n in named):
            return True
    return False


def _reacting(head: Token, background: dict) -> bool:
    """The clause a reason phrase hangs from takes a punitive or diplomatic step: "expelled ...", "announced
    sanctions ... in response to" (an attack "in retaliation for" another attack is two events of the story)."""
    return head.lemma_.lower() in background["reaction_verbs"] or any(
        c.dep_ in ("dobj", "nsubjpass", "nsubj") and c.lemma_.lower() in background["reaction_nouns"] for c in children(head))


def _complement(trigger: Token, prep: Token, deed_verbs: frozenset = frozenset()) -> bool:
    """The trigger noun (or the noun it modifies: "nerve agent attack") is the object of the preposition right
    below the word it is checked against: "(in response) to its attack", "(expelled) after the attack"; or, with
    `deed_verbs`, the object of such a gerund there ("jailed for organising protests", "for taking part in the
    riots"; not "convicted for impeding the investigation": the investigation was no deed of the convicted)."""
    node = trigger
    while node.dep_ in ("compound", "amod", "nmod") and node.head.i != node.i:
        node = node.head
    if prep.dep_ != "prep":
        return False
    if node.head.i == prep.i:
        return True
    path = []
    while node.head.i != node.i and node.head.i != prep.i and len(path) < 4:
        node = node.head
        path.append(node)
    return node.head.i == prep.i and any(t.tag_ == "VBG" and t.dep_ == "pcomp" and t.lemma_.lower() in deed_verbs
                                         for t in path) and all(
        t.tag_ == "VBG" or t.dep_ in ("prep", "dobj", "pobj") for t in path)


def _is_complement_of(trigger: Token, governor: Token, cues: dict) -> bool:
    """The trigger sits in the "of/for" complement of an alleging verb: "accused ... of bombing" (or a verb's own
    one: "charged its neighbour with arming rebels")."""
    node = trigger
    lemma = governor.lemma_.lower()
    if lemma == "hold" and not any(c.pos_ == "ADJ" for c in children(governor)):
        return False  # "held them responsible for the attack" alleges; "held a round of talks" holds them
    while node.head.i != node.i and node.i != governor.i:
        if node.dep_ == "prep" and (node.lower_ in cues["allegation_preps"]
                                    or f"{lemma} {node.lower_}" in cues["alleging_verb_preps"]):
            return True  # "accused the military of bombing", "blamed IS for the attack"
        node = node.head
    return False


def _path_up(tok: Token, top: Token) -> list[Token]:
    """The tokens from `tok` up to (not including) its ancestor `top`."""
    path = []
    while tok.i != top.i and tok.head.i != tok.i:
        path.append(tok)
        tok = tok.head
    return path


def _reported_future(tok: Token, reporting: frozenset, promises: frozenset, conditions: frozenset) -> bool:
    """A "would" clause that is the content of a past reporting verb and has no condition attached."""
    node = tok
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ in conditions for c in children(node)):
            return False
        if node.dep_ in ("ccomp", "xcomp") and node.head.lemma_.lower() in reporting | promises:
            return not any(c.lower_ in conditions for c in node.head.subtree)
        if node.head.i == node.i:
            break
        node = node.head
    return False


def _is_infinitival_or_object(trigger: Token, governor: Token, future: dict) -> bool:
    """'plans to attack', 'prepared an offensive', 'threatened an assault': the trigger is what is intended,
    not something that already happened ('agreed ... after the attack' is not). A purpose is as real as the act
    it serves: 'tried to plant a bomb to target soldiers' is an attempt, and so is the targeting. What is aimed
    at is named by a preposition too: 'preparing for a final assault', 'threatened them with sanctions', and by
    the prepositional object of the verb wished for: 'asked both sides to agree to a ceasefire'."""
    purpose_markers, object_preps = future["purpose_markers"], future["object_preps"]
    ending_nouns, raising_verbs = future["ending_nouns"], future["raising_verbs"]
    node = trigger
    while node.head.i != node.i and node.head.i != governor.i:
        purpose = node.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ in purpose_markers for c in children(node))
        if node.dep_ in ("advcl", "prep", "pobj") and node.head.pos_ == "VERB" and not purpose and not \
                _wished_verbs_object(node, future["wished_verb_preps"]):
            return False
        node = node.head
    if node.dep_ == "advcl" and node.tag_ == "VBG" and not any(c.dep_ == "aux" for c in children(node)):
        return False  # "the bomb went off, killing 17": the participle tells what followed, not what is intended
    if node.dep_ == "nsubjpass":  # "protests are planned for Saturday", "a march has been called" (not with its
        # author: "the attack was planned by a cell in Raqqa" tells who prepared what was done)
        return f"{governor.lemma_.lower()} passive" in object_preps and not any(
            c.dep_ in ("agent", "conj") for c in children(governor))
    if node.dep_ == "prep":  # the noun aimed at and the nouns of its phrase, not a deed told in it ("calling for
        # the release of detained activists": the detention happened)
        path = _path_up(trigger, node)
        return f"{governor.lemma_.lower()} {node.lower_}" in object_preps and all(
            t.pos_ in ("NOUN", "PROPN", "ADP") and t.lemma_.lower() not in ending_nouns for t in path)
    if node.dep_ == "nsubj":  # "talks are set to resume", "the strike is expected to go on"; but the one who
        # demands or vows acts now: "protesters demanded higher wages", "a demonstration by teachers called for"
        return governor.lemma_.lower() in raising_verbs
    return node.dep_ in ("xcomp", "dobj", "ccomp", "attr", "oprd", "acomp", "pobj", "advcl")


def _wished_verbs_object(prep: Token, verb_preps: frozenset) -> bool:
    """`prep` brings the object of an infinitive or a clause that is itself what is asked, offered or threatened:
    "(asked both sides) to agree to a ceasefire", "(urged them) to return to talks"; not a circumstance of that
    verb ("to agree after the attack")."""
    verb = prep.head
    return prep.dep_ == "prep" and verb.dep_ in ("xcomp", "ccomp") and \
        f"{verb.lemma_.lower()} {prep.lower_}" in verb_preps
