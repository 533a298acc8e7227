"""Bare names that the small model tags as a person or an organisation, but that name a town, a village or a
district ("clashes near Kafr Foo", "militants attacked Barwala"): ground, never an actor.

A name counts as a place on evidence: a place-generic first word ("Jabal", "Kafr", "Deir"; data in
lang/en/places/bare_place_names.yaml), or a gazetteer town or admin area that stands after a preposition of place
or lies in a country the article's places are in. A name that is also a given name ("Jackson", "Douglas") needs the
preposition as well: the gazetteer alone does not make it a place.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from eventwire.geo.gazetteer import ADMIN1, ADMIN2, CITY, Gazetteer

DATA_FILE = "places/bare_place_names.yaml"
# entity labels a place name gets from the small model when it misreads it (GPE/LOC/FAC are read as places already)
MISREAD_LABELS = ("PERSON", "ORG", "")
PLACE_FEATURES = (CITY, ADMIN1, ADMIN2)


class BarePlaces:
    """Which bare names of one document are places. `countries`: ISO3 codes of the places the geoparser read."""

    def __init__(self, gazetteer: Gazetteer | None, generic_first_words: Iterable[str],
                 place_prepositions: Iterable[str], given_names: Iterable[str], countries: Iterable[str] = ()):
        self.gaz = gazetteer
        self.generic_first_words = frozenset(generic_first_words)
        self.place_prepositions = frozenset(place_prepositions)
        self.given_names = frozenset(given_names)
        self.countries = frozenset(countries)

    @classmethod
    def from_language(cls, language, gazetteer: Gazetteer | None, given_names: Iterable[str],
                      countries: Iterable[str] = ()) -> BarePlaces:
        lists = language.word_lists(DATA_FILE, known=("generic_first_words", "place_prepositions"))
        return cls(gazetteer, lists["generic_first_words"], lists["place_prepositions"], given_names,
                   countries)

    def name_of(self, tok: Token) -> list[Token] | None:
        """The words of the bare name `tok` heads: proper nouns only (a determiner or any common noun in the
        phrase, "the Foo Brigade", "Foo militants", makes it no bare name); None when it is none."""
        if tok.pos_ != "PROPN" or tok.ent_type_ not in MISREAD_LABELS:
            return None
        ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
        if ent is not None:
            if ent.end - 1 != tok.i:
                return None  # the token is not the name's last word: "Foo" in "Foo Bar"
            words = list(ent)
        else:
            words = [c for c in tok.subtree if c.i <= tok.i and c.dep_ == "compound"] + [tok]
            words.sort(key=lambda t: t.i)
        if any(c.dep_ in ("det", "poss", "amod", "nummod") for c in tok.children):
            return None
        if any(t.pos_ != "PROPN" for t in words):
            return None
        return words

    def is_place(self, tok: Token) -> bool:
        words = self.name_of(tok)
        if not words:
            return False
        first = words[0].lower_
        if len(words) > 1 and (first in self.generic_first_words or first.split("-")[0] in self.generic_first_words):
            return True
        if self.gaz is None:
            return False
        name = " ".join(t.text for t in words)
        places = [e for e in self.gaz.find(name) if e.feature in PLACE_FEATURES]
        if not places:
            return False
        after_preposition = tok.dep_ == "pobj" and tok.head.lower_ in self.place_prepositions
        if after_preposition:
            return True
        if len(words) == 1 and first in self.given_names:
            return False  # "Jackson", "Douglas": a person unless the sentence puts it somewhere
        if words[0].ent_type_ == "PERSON" and len(words) > 1 and first in self.given_names:
            return False  # "Paris Hilton"
        return any(e.iso3 in self.countries for e in places)
