"""Which head nouns can fill an actor slot: the noun classes of lang/<code>/actors/noun_classes.yaml.

A common noun names a party only when its head is a noun for people or groups ("villagers", "a spokesman",
"the ministry"); weapons, objects, places, substances, abstractions, measures and events never do ("stones",
"fire", "the death toll", "a vegetable market")."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Token

from eventwire.lang import LanguageData, LanguageDataError

NOUN_CLASSES_FILE = "actors/noun_classes.yaml"
ACTOR, NOT_ACTOR = "actor", "not_actor"


@dataclass(frozen=True)
class NounClasses:
    """word -> class name for the actor and the not-actor classes; `side(tok)` says which side a head is on."""

    actor_words: dict[str, str]
    not_actor_words: dict[str, str]
    actor_suffixes: tuple[str, ...]
    ownerless: frozenset[str]
    reflexives: frozenset[str]
    person_classes: frozenset[str]
    person_pronouns: frozenset[str]
    thing_pronouns: frozenset[str]
    never_acting: frozenset[str] = frozenset()
    ownerless_titles: frozenset[str] = frozenset()
    negators: frozenset[str] = frozenset()
    nameless_states: frozenset[str] = frozenset()
    harmed_civilian_classes: frozenset[str] = frozenset()
    harmed_not_civilian: frozenset[str] = frozenset()

    def noun_class(self, tok: Token) -> tuple[str | None, str | None]:
        """(side, class) of a head noun: ("actor", "officials") for "spokesmen", ("not_actor", "weapons") for
        "knives", (None, None) when no class lists it. A two-word name ("death toll", "asylum seeker") is looked
        up before its head alone."""
        keys = []
        prev = tok.doc[tok.i - 1] if tok.i > 0 else None
        if prev is not None and prev.dep_ in ("compound", "amod") and prev.head.i == tok.i:
            keys += [f"{prev.lower_} {tok.lemma_.lower()}", f"{prev.lower_} {tok.lower_}"]
        keys += [tok.lemma_.lower(), tok.lower_]
        if tok.tag_ in ("NNS", "NNPS") or tok.pos_ == "PROPN":
            # a capitalised plural keeps its form as its lemma ("the Mountains", "Explosive Barrels")
            keys += _singulars(tok.lower_)
        for key in keys:
            if key in self.actor_words:
                return ACTOR, self.actor_words[key]
            if key in self.not_actor_words:
                return NOT_ACTOR, self.not_actor_words[key]
        return None, None

    def names_people(self, tok: Token, extra: Iterable[str] = ()) -> bool:
        """A common noun for people or groups: listed in an actor class (or in `extra`), or ending like one."""
        side, _ = self.noun_class(tok)
        if side is not None:
            return side == ACTOR
        lemma, lower = tok.lemma_.lower(), tok.lower_
        if lemma in extra or lower in extra:
            return True
        return len(lower) > 4 and lower.endswith(self.actor_suffixes)

    def civilian_when_harmed(self, tok: Token) -> bool:
        """A head for private people ("the victim", "three employees", "his girlfriend"): a civilian when a verb
        of harm hits it and no party is named for it; not "the suspect", "members", "a guard"."""
        side, cls = self.noun_class(tok)
        return tok.pos_ == "NOUN" and side == ACTOR and cls in self.harmed_civilian_classes and not (
            {tok.lemma_.lower(), tok.lower_} & self.harmed_not_civilian)

    def never_acts(self, tok: Token) -> bool:
        """A head for the harmed as such ("14 dead", "the wounded", "casualties"): a party hit, never actor1."""
        side, cls = self.noun_class(tok)
        return side == ACTOR and cls in self.never_acting

    def bare_title(self, tok: Token) -> bool:
        """A plural title with no word for whose it is ("the presidents", "leaders condemned"): nobody in
        particular. A modifier ("Afghan leaders", "rebel leaders"), a possessor ("their leaders") or an "of"
        complement ("the leaders of both parties") names whose."""
        if tok.tag_ not in ("NNS", "NNPS") or not {tok.lemma_.lower(), *_singulars(tok.lower_)} & self.ownerless_titles:
            return False
        return not any(c.dep_ in ("amod", "compound", "nmod", "poss") or (c.dep_ == "prep" and c.lower_ == "of")
                       for c in tok.children)

    def nameless_state(self, tok: Token) -> bool:
        """"the country", "the nation": a state noun with no word for which one (a modifier, a possessor, an "of"
        complement) names no party."""
        if tok.lemma_.lower() not in self.nameless_states and tok.lower_ not in self.nameless_states:
            return False
        return not any(c.dep_ in ("amod", "compound", "nmod", "poss") or (c.dep_ == "prep" and c.lower_ == "of")
                       for c in tok.children)

    def denied(self, tok: Token) -> bool:
        """A head whose determiner says there is no such party ("no group has claimed the attack")."""
        return any(c.dep_ == "det" and c.lower_ in self.negators for c in tok.children)

    def has_owner(self, tok: Token) -> bool:
        """Whether a head that is not an actor may hand its slot to its possessor ("the mayor's claims")."""
        side, cls = self.noun_class(tok)
        return side != ACTOR and cls not in self.ownerless


    def is_person(self, tok: Token) -> bool:
        """One person: a named person, or a singular noun of a person class ("the commander", not "the army")."""
        if tok.ent_type_ == "PERSON":
            return True
        side, cls = self.noun_class(tok)
        return side == ACTOR and cls in self.person_classes and tok.tag_ in ("NN", "NNP")

    def agrees(self, pronoun: Token, antecedent: Token | None) -> bool:
        """Whether a pronoun may stand for the phrase headed by `antecedent`: "he" for one person, "it" for no
        person; any other pronoun (and an antecedent without a phrase) for anyone."""
        low = pronoun.lower_
        if antecedent is None or (low not in self.person_pronouns and low not in self.thing_pronouns):
            return True
        return self.is_person(antecedent) == (low in self.person_pronouns)


def _singulars(word: str) -> list[str]:
    """The candidate singulars of a plural word form: "batteries" -> battery, "boxes" -> box, "barrels" -> barrel."""
    if len(word) < 4 or not word.endswith("s") or word.endswith("ss"):
        return []
    out = [word[:-1]]
    if word.endswith("ies"):
        out.append(word[:-3] + "y")
    elif word.endswith("es"):
        out.append(word[:-2])
    return out


def load_noun_classes(language: LanguageData) -> NounClasses:
    """The noun classes of `language`, read and checked once."""
    return language.memo("actors.noun_classes", lambda: _read(language))


def _read(language: LanguageData) -> NounClasses:
    path = language.path(NOUN_CLASSES_FILE)
    data = language.yaml(NOUN_CLASSES_FILE)
    sides: dict[str, dict[str, str]] = {ACTOR: {}, NOT_ACTOR: {}}
    seen: dict[str, str] = {}
    for side, words in sides.items():
        classes = data.get(side)
        if not isinstance(classes, dict):
            raise LanguageDataError(path, None, f"expected a mapping {side!r} of class name -> words")
        for cls, items in classes.items():
            for w in items or []:
                key = str(w).lower()
                if key in seen:
                    raise LanguageDataError(path, None, f"{key!r} is in class {cls!r} and in {seen[key]!r}")
                seen[key] = cls
                words[key] = cls
    ownerless = frozenset(data.get("ownerless") or [])
    person_classes = frozenset(data.get("person_classes") or [])
    never_acting = frozenset(data.get("never_acting") or [])
    harmed_civilian_classes = frozenset(data.get("harmed_civilian_classes") or [])
    unknown = (ownerless - set(data.get(NOT_ACTOR) or {})) | (
        (person_classes | never_acting | harmed_civilian_classes) - set(data.get(ACTOR) or {}))
    if unknown:
        raise LanguageDataError(path, None, f"unknown class(es) {', '.join(sorted(unknown))}")

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(key) or [])

    return NounClasses(actor_words=sides[ACTOR], not_actor_words=sides[NOT_ACTOR],
                       actor_suffixes=tuple(words("actor_suffixes")), ownerless=ownerless,
                       reflexives=words("reflexives"), person_classes=person_classes,
                       person_pronouns=words("person_pronouns"), thing_pronouns=words("thing_pronouns"),
                       never_acting=never_acting, ownerless_titles=words("ownerless_titles"),
                       negators=words("negators"), nameless_states=words("nameless_states"),
                       harmed_civilian_classes=harmed_civilian_classes,
                       harmed_not_civilian=words("harmed_not_civilian"))
