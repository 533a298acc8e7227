"""Bare names that the small model tags as a person or an organisation, but that name a town, a village or a
district ("clashes near Kafr Foo", "militants attacked Barwala"): ground, never an actor.

A name counts as a place on evidence: a place-generic first word ("Jabal", "Kafr", "Deir"; data in
lang/en/places/bare_place_names.yaml), or a gazetteer town or admin area that stands after a preposition of place
or lies in a country the article's places are in. A name that is also a given name ("Jackson", "Douglas") or a lone English
word ("Bush", "Reading") needs the preposition as well: the gazetteer alone does not make it a place. An acronym
("APA") names an organisation.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from eventwire.extraction.places.casing import Lexicon
from eventwire.extraction.tokens import entities
from eventwire.geo.gazetteer import ADMIN1, ADMIN2, CITY, Gazetteer

DATA_FILE = "places/bare_place_names.yaml"
# entity labels a place name gets from the small model when it misreads it (GPE/LOC/FAC are read as places already)
MISREAD_LABELS = ("PERSON", "ORG", "")
PLACE_FEATURES = (CITY, ADMIN1, ADMIN2)


class BarePlaces:
    """Which bare names of one document are places. `places`: (start, end, ISO3) of the places the geoparser read
    (start -1: a country the article names otherwise, by its actors); a name's own mention is no evidence."""

    def __init__(self, gazetteer: Gazetteer | None, generic_first_words: Iterable[str],
                 place_prepositions: Iterable[str], given_names: Iterable[str],
                 places: Iterable[tuple[int, int, str]] = (), english: Lexicon | None = None,
                 dropped: dict[int, Span] | None = None):
        self.gaz = gazetteer
        self.english = english
        self.generic_first_words = frozenset(generic_first_words)
        self.place_prepositions = frozenset(place_prepositions)
        self.given_names = frozenset(given_names)
        self.places = tuple(places)
        # the names read as places so far, by their last token: the event may take one as its place
        self.dropped: dict[int, Span] = dropped if dropped is not None else {}

    def with_countries(self, countries: Iterable[str]) -> BarePlaces:
        """The same lists, for a document whose actors are in `countries` too."""
        return BarePlaces(self.gaz, self.generic_first_words, self.place_prepositions, self.given_names,
                          self.places + tuple((-1, -1, c) for c in countries), self.english, self.dropped)

    @classmethod
    def from_language(cls, language, gazetteer: Gazetteer | None, given_names: Iterable[str],
                      places: Iterable[tuple[int, int, str]] = (), english: Lexicon | None = None) -> BarePlaces:
        lists = language.word_lists(DATA_FILE, known=("generic_first_words", "place_prepositions"))
        return cls(gazetteer, lists["generic_first_words"], lists["place_prepositions"], given_names, places,
                   english)

    def countries(self, start: int, end: int) -> frozenset[str]:
        """The article's countries, but for the place read at start..end itself."""
        return frozenset(c for s, e, c in self.places if s >= end or e <= start)

    def name_of(self, tok: Token) -> Span | None:
        """The bare name `tok` heads, from the text: proper nouns and the hyphens between them only (a determiner
        or any common noun in the phrase, "the Foo Brigade", "Foo militants", makes it no bare name); None when it
        is none."""
        if tok.pos_ != "PROPN" or tok.ent_type_ not in MISREAD_LABELS or tok.dep_ == "poss":
            return None  # (an owner, "Mendoza's claims", is someone)
        ent = next((e for e in entities(tok.doc) if e.start <= tok.i < e.end), None)
        if ent is not None:
            if ent.end - 1 != tok.i:
                return None  # the token is not the name's last word: "Foo" in "Foo Bar"
            words = list(ent)
        else:
            words = sorted([c for c in tok.subtree if c.i <= tok.i and c.dep_ in ("compound", "punct")] + [tok],
                           key=lambda t: t.i)
        if any(c.dep_ in ("det", "poss", "amod", "nummod") for c in tok.children):
            return None
        if any(t.pos_ != "PROPN" and t.text != "-" for t in words) or words[0].text == "-":
            return None
        return tok.doc[words[0].i:words[-1].i + 1]

    def names_in(self, start: int, end: int) -> list[Span]:
        """The names read as places between character offsets start..end, in text order."""
        return sorted((s for s in self.dropped.values() if start <= s.start_char and s.end_char <= end),
                      key=lambda s: s.start)

    def is_place(self, tok: Token) -> bool:
        span = self.name_of(tok)
        if span is None:
            return False
        if self._is_place(tok, span):
            self.dropped[tok.i] = span
            return True
        return False

    def _is_place(self, tok: Token, span: Span) -> bool:
        name = span.text
        words = name.lower().replace("-", " ").split()
        first = words[0]
        if len(words) > 1 and first in self.generic_first_words:
            return True
        if self.gaz is None or (len(name) > 1 and name.isupper()):
            return False
        found, _, by_sound = self.gaz.match(name)
        places = [e for e in found if e.feature in PLACE_FEATURES]
        if not places:
            return False
        countries = self.countries(span.start_char, span.end_char)
        in_country = any(e.iso3 in countries for e in places)
        if tok.dep_ == "pobj" and tok.head.lower_ in self.place_prepositions:
            # a spelling matched only by its sound is a place only where the article is ("Beqin" is no Beijing)
            return in_country or not by_sound
        if len(words) == 1 and (first in self.given_names or self.english is not None and (
                self.english.is_word(first) or self.english.is_noun(first))):
            return False  # "Jackson", "Bush": a person unless the sentence puts it somewhere
        if tok.ent_type_ == "PERSON" and len(words) > 1 and first in self.given_names:
            return False  # "Paris Hilton"
        return in_country
