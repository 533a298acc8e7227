"""Reading the dependency parse: a verb's subject and object, the objects of its prepositions, the words of a
noun phrase. Pure functions of the parse; the word lists they need are passed in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventwire.extraction.tokens import children

if TYPE_CHECKING:
    from eventwire.extraction.events.lexicon import EventWords

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# the dependents that belong to a noun phrase's own name: "the Islamic State group", "fighters of the FSA"
PHRASE_DEPS = {"compound", "amod", "poss", "nmod", "pobj", "appos", "det", "nummod", "flat", "case"}


# prepositions whose gerund takes the subject of the clause it hangs on ("fled after torching the post")
GERUND_ADJUNCT_PREPS = ("after", "before", "while", "by", "without", "upon", "since", "when")

# what closes a dateline before the report: "KABUL, Afghanistan - ", "LAGOS (AFP) -- ", "GAZA CITY — "
DATELINE_MARKS = ("-", "--", "\u2013", "\u2014")


def _past_dateline(subj: Token) -> Token:
    """"KABUL, Afghanistan - A suicide bomber attacked": the parse makes the dateline the subject and hangs the
    report's own subject on it; the subject is the noun after the dash."""
    lead = subj.i == subj.sent.start or subj.doc[subj.i - 1].is_space
    if not (lead and subj.text.isupper() and len(subj.text) >= 3):
        return subj
    dash = next((t for t in subj.subtree if t.text in DATELINE_MARKS), None)
    after = [t for t in subj.subtree if dash is not None and t.i > dash.i and t.dep_ == "appos"
             and t.pos_ in ("NOUN", "PROPN")]
    return after[0] if after else subj


def subject_of(tok: Token) -> tuple[Token | None, bool]:
    """(subject token, passive?) of a verb, climbing through xcomp/conj/relcl/acl when it has none itself."""
    node = tok
    # "X is believed to have planted the bomb": an active infinitive under a passive verb is X's own act
    active_infinitive = False
    gerund_agent = False
    for _ in range(6):
        subjects = [c for c in children(node) if c.dep_ in ("nsubj", "csubj", "nsubjpass", "csubjpass")]
        if subjects:
            # two subjects means a misparse ("Northeast of X, they regained"): the nearest one is right
            before = [c for c in subjects if c.i < node.i]
            c = _past_dateline(before[-1] if before else subjects[0])
            return c, c.dep_ in ("nsubjpass", "csubjpass") and not active_infinitive and not gerund_agent
        if node is tok and node.dep_ == "xcomp" and node.pos_ == "VERB":
            active_infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in children(node)) and not any(
                c.dep_ == "auxpass" for c in children(node))
        if node.pos_ == "VERB" and node.tag_ in ("VBP", "VBZ", "VBD"):
            # a headline's plural noun read as a compound of its verb ("Regime forces bomb Jobar"): the subject
            nouns = [c for c in children(node) if c.dep_ == "compound" and c.i < node.i and c.pos_ in ("NOUN", "PROPN")]
            if nouns:
                return nouns[-1], False
        # "opened fire before setting shops on fire", "were killed after attacking a post": an active gerund under a
        # preposition of time or manner is done by the subject of the clause above, whatever that clause's voice
        if node.dep_ == "pcomp" and node.tag_ == "VBG" and node.head.dep_ == "prep" and node.head.head.i != node.head.i \
                and node.head.lower_ in GERUND_ADJUNCT_PREPS and not any(c.dep_ == "auxpass" for c in children(node)):
            gerund_agent = True
            node = node.head.head
            continue
        # "X were killed and Y wounded", "forces are desperate to repel": the subject of the clause above
        if node.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acomp") and node.head.i != node.i:
            node = node.head
            continue
        if node.dep_ in ("relcl", "acl") and node.head.i != node.i:
            if node.head.ent_type_ in PLACE_LABELS:
                return None, False  # "... in Madrid, Spain, which killed 13": misattached, not Spain's act
            # a participle after its noun is passive ("weapons seized by police"), unless it takes an object
            # itself or in a verb joined to it ("doctors from two groups donated and delivered goods": a misparse)
            objects = [c for v in (node, *node.conjuncts) for c in children(v) if c.dep_ == "dobj"]
            passive = node.tag_ == "VBN" and node.dep_ == "acl" and not objects
            return node.head, passive
        break
    return None, False


def object_controller(tok: Token, words: EventWords) -> Token | None:
    """"urged Ethiopia to release", "called on Israel to withdraw", "forced the rebels to retreat": the object of
    a verb of `words.object_control_verbs` above an infinitive complement is who does the infinitive's act."""
    if tok.dep_ != "xcomp" or tok.head.i == tok.i or not any(c.dep_ == "aux" and c.lower_ == "to"
                                                             for c in children(tok)):
        return None
    head = tok.head
    if head.lemma_.lower() not in words.object_control_verbs:
        return None
    for c in children(head):
        if c.dep_ == "dobj" and c.i < tok.i:
            return c
        if c.dep_ == "prep" and c.lower_ in words.appeal_prepositions and c.i < tok.i and head.lemma_.lower() == "call":
            return next((p for p in children(c) if p.dep_ == "pobj"), None)
    return None


def object_of(tok: Token) -> Token | None:
    for c in children(tok):
        if c.dep_ == "dative" and c.pos_ in ("PROPN", "NOUN", "PRON"):
            return c  # "Finland will give Tanzania a grant": the recipient is the target
    for c in children(tok):
        if c.dep_ in ("dobj", "obj"):
            return c
    for c in children(tok):
        if c.dep_ == "prt":
            for cc in children(tok):
                if cc.dep_ == "prep" and cc.lower_ in ("of",):
                    return next((p for p in children(cc) if p.dep_ == "pobj"), None)
    for c in children(tok):
        if c.dep_ == "dative":
            return c
    return None


def shared_object(tok: Token, verbs) -> Token | None:
    """"police shot and killed the gunman", "kidnapped and beheaded a hostage": verbs joined by "and" act on the
    object of the last one; the object of a later verb of `verbs` with no subject of its own (one that has a subject
    is a clause of its own: "gunmen fired and the guards fled"), not a place ("shelled and took Foo" names ground)."""
    for c in children(tok):
        if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > tok.i and c.lemma_.lower() in verbs and not any(
                x.dep_ in ("nsubj", "nsubjpass", "expl") for x in children(c)):
            obj = object_of(c)
            if obj is not None and obj.ent_type_ not in PLACE_LABELS:
                return obj
    return None


def patient_of(tok: Token) -> Token | None:
    """What a verb acts on: its object, or its passive subject ("firearms were seized")."""
    obj = object_of(tok)
    if obj is not None:
        return obj
    return next((c for c in children(tok) if c.dep_ == "nsubjpass"), None)


def verb_lemmas(tok: Token) -> set[str]:
    """The lemma of a verb and its form without "-d"/"-ed": the tagger lemmatises "staged" as "stag"."""
    low = tok.lower_
    return {tok.lemma_.lower(), low[:-1], low[:-2]} if low.endswith("ed") else {tok.lemma_.lower()}


def prep_objects(tok: Token, preps: set[str]) -> list[Token]:
    out = []
    for c in children(tok):
        # a "to" phrase may be parsed as the dative ("sent food aid to Ethiopia")
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ in preps:
            out.extend(p for p in children(c) if p.dep_ == "pobj")
    return out


def partitive_of(tok: Token, words) -> Token | None:
    """The group a count takes its part of: "officers" in "two of the officers", "some of the protesters", "all
    seven of the crew" (None when `tok` is no count or partitive word, or has no "of" phrase)."""
    if not (tok.like_num or tok.pos_ == "NUM" or tok.lower_ in words.partitive_heads):
        return None
    of = prep_objects(tok, {"of"})
    return of[0] if of else None


def depth(tok: Token) -> int:
    d = 0
    while tok.head.i != tok.i and d < 30:
        tok = tok.head
        d += 1
    return d


def phrase_tokens(tok: Token, words: EventWords) -> list[Token]:
    """The tokens of a noun phrase that can name who it is: modifiers, appositions and "of" complements."""
    out = []
    stack = [tok]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in children(t):
            if c.dep_ in PHRASE_DEPS or (c.dep_ == "prep" and c.lower_ in words.origin_prepositions):
                stack.append(c)
            elif c.dep_ in ("acl", "amod", "relcl") and (c.lemma_.lower() in words.affiliation_verbs or any(
                    x.dep_ in ("ccomp", "xcomp") and x.lemma_.lower() in words.affiliation_verbs for x in children(c))):
                # "gunmen suspected of ties to al-Qaeda", "fighters belonging to the group", "IS-linked militants",
                # "men who said they belonged to the group"
                stack.extend(x for x in c.subtree if x.i != c.i)
    return out


def disguise_wearer(tok: Token, words: EventWords) -> Token:
    """Who wears a disguise or hides in a crowd: "gunmen disguised as soldiers stormed a hotel" (parsed "as [soldiers
    stormed]"), "bombers hidden among fleeing civilians killed six" (parsed "civilians killed"): the word the
    parse made the doer names only the guise; the doer is the noun the participle of guise describes."""
    guise = words.guise_verbs
    if tok.dep_ == "nsubj":
        # "ELN guerrillas posing as health workers shot dead two soldiers": two subjects, the first in the guise
        for other in children(tok.head):
            if other.dep_ == "nsubj" and other.i < tok.i and any(
                    c.dep_ == "acl" and c.lemma_.lower() in guise and c.i < tok.i for c in children(other)):
                return other
    node = tok
    for _ in range(4):
        parent = node.head
        if parent.i == node.i:
            break
        if parent.lemma_.lower() in guise and parent.pos_ == "VERB":
            if parent.dep_ == "acl" and parent.head.i != parent.i:
                return parent.head
            # "Hamas gunmen dressed as Israeli soldiers opened fire": the guise read as the main verb, "as" as a clause
            if any(c.dep_ == "mark" and c.lower_ == "as" for c in children(node)):
                return next((c for c in children(parent) if c.dep_ == "nsubj" and c.i < parent.i), tok)
            return tok
        node = parent
    return tok


def names_place(tok: Token, words: EventWords) -> bool:
    """A town or city named as what was hit: the token or its "of" complement is a place entity."""
    if tok.lemma_.lower() in words.settlement_nouns:
        return any(c.ent_type_ in PLACE_LABELS for c in tok.subtree)
    return False


def verb_result(t: Token, tok: Token) -> bool:
    """A lower-case adjective right after the verb, parsed as a modifier of its object: the verb's result ("shot
    dead Juan Perez"), not a word of the name."""
    return t.dep_ == "amod" and t.i == tok.head.i + 1 and tok.head.pos_ == "VERB" and t.pos_ == "ADJ" \
        and t.text.islower() and t.head.i == tok.i


AGE_UNITS = ("year", "month", "week", "day")


def is_age(tok: Token) -> bool:
    """"old" of "a 41-year-old", "a six-month-old": an age, which is no part of a name ("41-year-old Dwayne
    Harris" is Dwayne Harris)."""
    return tok.lower_ == "old" and any(c.lemma_.lower() in AGE_UNITS for c in tok.children)


def may_be_private_name(tok: Token, trigger: Token, person_harms: frozenset) -> bool:
    """A name the catalogue does not know that a verb or noun of harm to people hits ("shot", "stabbed", "died"):
    a private person's, whether the NER took it for a person or for an organisation or left it untagged (it tags
    many African and Slavic names as organisations, "Sibusiso Dlamini", and many Arabic town names as people): a
    town is shelled, raided or targeted, not stabbed. An organisation's own words ("Front", "Brigade") are read by
    the guess rules first."""
    return tok.pos_ == "PROPN" and tok.ent_type_ in ("PERSON", "ORG", "") and trigger.lemma_.lower() in person_harms


def noun_phrase_words(tok: Token) -> str:
    """The words of a role's noun phrase, without numbers, determiners and trailing clauses."""
    keep = [tok]
    for t in sorted((t for t in tok.subtree if t.i < tok.i), key=lambda t: -t.i):
        # the head's modifiers, and those of a compound before it ("Baghdad University Medical School")
        if verb_result(t, tok) or is_age(t):
            continue
        if t.dep_ in ("compound", "amod", "poss", "nmod") and (
                t.head.i == tok.i or (t.head.dep_ == "compound" and t.head in keep)):
            keep.append(t)
    words = [t.text for t in sorted(keep, key=lambda t: t.i) if t.pos_ not in ("DET", "NUM", "PUNCT")]
    return " ".join(words).strip()


def told_as_matter(tok: Token, relation_nouns: frozenset, case_verbs: frozenset) -> bool:
    """An event noun that is the matter or cause of another act, whose parties act in that act and not in the
    event: "in connection with the bombing", "in retaliation for the attack", "arrested for the killings", "opened
    an investigation into the shooting"."""
    node = tok
    for _ in range(3):
        if node.dep_ != "pobj" or node.head.head.i == node.head.i:
            return False
        holder = node.head.head
        if holder.lower_ in relation_nouns:
            return True
        if holder.pos_ in ("VERB", "AUX"):
            return holder.lemma_.lower() in case_verbs or any(
                c.dep_ == "dobj" and c.lower_ in relation_nouns for c in holder.children)
        if holder.pos_ not in ("NOUN", "PROPN"):
            return False
        node = holder  # "in connection with the attack on the base": up through the noun the event hangs on
    return False


def path_up(tok: Token, top: Token) -> list[Token]:
    """The heads between a token and an ancestor of it (the token's own head first; `top` left out)."""
    out = []
    node = tok.head
    while node.i != top.i and node.head.i != node.i:
        out.append(node)
        node = node.head
    return out


def other_act_clause(tok: Token, marks: frozenset) -> bool:
    """An adverbial clause with a subject of its own, opened by one of `marks` ("as authorities in Croatia cracked
    down", "while rebels attacked a convoy"): another act, whose parties are not those of the verb above it."""
    return tok.dep_ == "advcl" and any(c.dep_ in ("nsubj", "nsubjpass") for c in children(tok)) and any(
        c.dep_ == "mark" and c.lower_ in marks for c in children(tok))


def meeting_venue(trigger: Token, tok: Token, venue_verbs: frozenset) -> bool:
    """"met in Luxembourg", "held talks in Doha": the "in" or "at" of a meeting's verb tells where it sat, no party."""
    return tok.dep_ == "prep" and tok.lower_ in ("in", "at") and tok.head.i == trigger.i \
        and trigger.lemma_.lower() in venue_verbs
