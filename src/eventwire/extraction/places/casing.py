"""Text without normal capitals (an all-lower-case archive, an all-caps wire or OCR feed): how a document is
cased, and the English lexicon that tells a common word ("rand", "forest", "march") from a place name there.

In normally cased text a capital is the best evidence that a word names something; without it, the gazetteer
would read every word that some village abroad shares ("nice", "bath", "split") as a place, and that village's
country would then colour the whole article. So recognition in such a text asks for more: see
`Recogniser._accept_uncased`.
"""

from __future__ import annotations

import re

from eventwire.geo.gazetteer import ADMIN1, ADMIN2, CITY, CONTINENT, COUNTRY, REGION
from eventwire.geo.names import normalize

from .mention import doc_text
from .resolve import prior

NORMAL, LOWER, UPPER = "normal", "lower", "upper"
WORD = re.compile(r"[^\W\d_]{2,}")
MIN_WORDS = 4  # fewer words say nothing about the casing: a headline fragment keeps the normal rules
LOWER_SHARE = 0.02  # at most this share of the words open with a capital: lower-case text
UPPER_SHARE = 0.8  # at least this share of the words is all capitals: all-caps text
CASING_KEY = "eventwire.casing"
# the parts of speech of the model's English lexicon (the lemmatizer's WordNet index) ...
CONTENT_POS = ("noun", "verb", "adj", "adv")
# ... and those a place name never has: a word listed under one of them is an ordinary word
NON_NAME_POS = ("verb", "adj", "adv")


def text_casing(text: str) -> str:
    """NORMAL, LOWER (next to no word opens with a capital) or UPPER (next to every word is in capitals)."""
    words = WORD.findall(text)
    if len(words) < MIN_WORDS:
        return NORMAL
    capitalised = sum(1 for w in words if w[0].isupper())
    if capitalised <= LOWER_SHARE * len(words) and not sentences_open_capitalised(text):
        return LOWER
    if sum(1 for w in words if w.isupper()) >= UPPER_SHARE * len(words):
        return UPPER
    return NORMAL


SENTENCE_OPENING = re.compile(r"(?:^|[.!?]\s+)[^A-Za-z]*?([A-Za-z])")


def sentences_open_capitalised(text: str) -> bool:
    """Every sentence opens with a capital: normal prose that happens to name nothing ("A bomb exploded in the
    southern port city"), not an archive set in lower case (which lowers the openings too)."""
    openings = [m.group(1) for m in SENTENCE_OPENING.finditer(text)]
    return bool(openings) and all(c.isupper() for c in openings)


def doc_casing(doc) -> str:
    """The Doc's casing, measured once per document."""
    casing = doc.user_data.get(CASING_KEY)
    if casing is None:
        casing = doc.user_data[CASING_KEY] = text_casing(doc_text(doc))
    return casing


class Lexicon:
    """Which lower-case words are ordinary English words, from the spaCy model's own lemmatizer tables (its
    WordNet lemma index) plus the analyst's list (lang/en/places/common_words.txt: currencies, disease
    names ...). Nouns are kept apart: WordNet lists famous places among its nouns ("paris", "aleppo")."""

    def __init__(self, nouns: frozenset[str], others: frozenset[str], extra: frozenset[str]):
        self.nouns = nouns
        self.others = others  # verbs, adjectives, adverbs: never a place name alone
        self.extra = extra

    @classmethod
    def from_nlp(cls, nlp, extra: frozenset[str]) -> Lexicon:
        tables: dict[str, frozenset[str]] = {}
        if nlp is not None and "lemmatizer" in nlp.pipe_names:
            lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
            if lookups is not None and lookups.has_table("lemma_index"):
                index = lookups.get_table("lemma_index")
                for pos in CONTENT_POS:
                    tables[pos] = frozenset(index.get(pos, ()))
        others = frozenset().union(*(tables.get(pos, frozenset()) for pos in NON_NAME_POS))
        return cls(tables.get("noun", frozenset()), others, extra)

    def is_word(self, word: str, lemma: str | None = None) -> bool:
        """A verb, adjective or adverb of English, or a word of the analyst's list: never a place alone."""
        return any(w in self.others or w in self.extra for w in (word, lemma) if w)

    def is_noun(self, word: str, lemma: str | None = None) -> bool:
        """A noun of English (or a place famous enough for WordNet)."""
        return any(w in self.nouns for w in (word, lemma) if w)



class UncasedGate:
    """Whether a gazetteer match in a text without normal capitals is a place. Without the capital, the name
    must earn its place: a country, a first-level region or a capital; a town with a cue ("in X", "X province",
    "the village of X", "X, <its country>"); or a town big enough that its name is seldom anything else. An
    ordinary English word ("rand", "march") is read as a place only with a cue of its unit ("X province");
    a short word (<= 4 letters) or a noun of English needs a cue or a famous place."""

    def __init__(self, words, lexicon: Lexicon):
        self.words = words
        self.lexicon = lexicon
        # the words that name a unit after its name ("X province", "X town") or before it ("the village of X")
        self.admin_words = frozenset(words.admin_words)
        self.unit_words = self.admin_words | words.literal_heads

    def accept(self, doc, m, container: bool, ner: bool, after_place: bool) -> bool:
        """`after_place`: the name follows a place and "and" or a comma ("in charleston and decatur")."""
        strong_features = (COUNTRY, ADMIN1, CONTINENT, REGION, "water")
        # the candidates recognition kept: own names, and alternate names of big towns ("misrata")
        primary = list(m.cands)
        if not primary:
            return False
        if container:
            return True
        best = max(primary, key=prior)
        pop = max(e.population for e in primary)
        span = doc[m.i:m.j]
        words = [t for t in span if t.is_alpha]
        if not words:
            return False
        key = normalize(m.text)
        ordinary = all(t.is_stop or self.lexicon.is_word(t.lower_, t.lemma_.lower()) for t in words)
        noun = all(t.is_stop or self.lexicon.is_word(t.lower_) or self.lexicon.is_noun(t.lower_, t.lemma_.lower())
                   for t in words)
        short = sum(len(t.text) for t in words) <= SHORT_NAME
        famous = best.capital or best.feature in (ADMIN1, REGION, "water") or pop >= FAMOUS_TOWN
        # a short name that is no famous place's own name abbreviates one ("uae"; but "car" is no CAR)
        abbreviation = best.id in m.alt or short and not any(
            normalize(e.name) == key and (e.feature in strong_features or e.population >= FAMOUS_TOWN) for e in primary)
        # an English word needs an administrative unit ("rand province"), not "the hazard area"
        unit_cue = self._unit_cue(doc, m, self.admin_words if ordinary else self.unit_words)
        prev = doc[m.i - 1].lower_ if m.i > 0 else ""
        after_prep = prev in self.words.strong_preps or after_place
        m.weak = not unit_cue
        if m.phonetic and noun:
            return False  # a transliteration variant is never spelt like an English word
        if ordinary:  # "rand", "march": an English word is a place when the text says which unit ...
            if unit_cue:
                return pop >= 1000 or best.feature in (ADMIN1, ADMIN2)
            # ... or for a famous region ("the middle east") or town ("in charleston"), weakly
            return len(words) > 1 and best.feature in (REGION, "water", CONTINENT) or \
                after_prep and pop >= FAMOUS_TOWN and not short
        if best.feature in (COUNTRY, CONTINENT) and not (noun and abbreviation):
            m.weak = False
            return True
        if unit_cue:
            return pop >= 1000 or best.feature in (ADMIN1, ADMIN2)
        # what follows is weak evidence: kept only inside the countries the surer names point to
        given = len(words) == 1 and words[0].lower_ in self.words.common_given_names
        city_pop = max((e.population for e in primary if e.feature == CITY), default=0)  # not its district's
        if best.feature == CITY and city_pop >= CITY_POPULATION and not given and not abbreviation:
            m.weak = False  # "mumbai": a city of millions is named for itself
            return True
        if best.capital and best.feature != ADMIN1 and pop >= FAMOUS_TOWN and not given and not abbreviation:
            m.weak = False  # "kabul", "paris": a country's capital is named for itself
            return True
        if given:  # "elizabeth", "douglas": a person more often than not; "virginia" the state, "in tyler" a town
            return not abbreviation and (best.feature == ADMIN1 and pop >= FAMOUS_TOWN or famous and after_prep)
        if noun:  # "damascus", "richmond": a word, but a famous place ...
            return famous and not abbreviation and not self._common_noun(doc, m)
        if famous:  # "idlib", "homs"
            return True
        if short:  # "gao": a short name, a town after "in"
            return after_prep and pop >= SHORT_TOWN
        if after_prep:
            return pop >= 1000
        return ner and pop >= NER_TOWN

    def _common_noun(self, doc, m) -> bool:
        """... unless the text uses it as a common noun: "a book sale", "its sale", "the sale of arms" (but
        "west wales", "the winnipeg fire service"). The tagger is no help here: it calls many lower-case names
        common nouns."""
        prev = doc[m.i - 1] if m.i > 0 else None
        if prev is None or prev.lower_ in self.words.direction_words:
            return False
        if prev.lower_ == "the":
            return m.j < len(doc) and doc[m.j].lower_ == "of"
        return prev.tag_ in COMMON_NOUN_BEFORE

    @staticmethod
    def _unit_cue(doc, m, unit_words: frozenset[str]) -> bool:
        """"helmand province", "maiduguri town", "the village of teeba": the text says what unit the name is."""
        last = doc[m.j - 1].lower_
        nxt = doc[m.j].lower_ if m.j < len(doc) else ""
        if m.j - m.i > 1 and last in unit_words or nxt in unit_words:
            return True
        return m.i >= 2 and doc[m.i - 1].lower_ == "of" and doc[m.i - 2].lower_ in unit_words


COMMON_NOUN_BEFORE = ("DT", "PRP$", "JJ", "CD", "NN", "NNS")  # "a sale", "its sale", "annual sale", "book sale"
SHORT_NAME = 4  # letters: a name this short is too often a word, an acronym or a code
FAMOUS_TOWN = 100000  # a town this big may be meant by its name even where the name is also a word
CITY_POPULATION = 1000000
SHORT_TOWN = 20000  # a town with a short name, after "in"
NER_TOWN = 20000  # ... where the NER, for all its trouble with such text, saw a place
