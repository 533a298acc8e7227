"""The words the geoparser reads around place names, loaded once per Geoparser from the language data.

English words live in lang/en/places/ (words.yaml: the small word lists, one per job; not_places.txt,
org_words.txt, place_words.tsv, country_cues.tsv, admin_abbreviations.tsv, admin_words.tsv, plural_admin_words.tsv); country adjectives
and demonyms come from data/countries.tsv (the table the gazetteer is built from), given names from the
`names` package. A `PlaceWords` holds them all; nothing is kept in module globals.
"""

from __future__ import annotations

import re
from collections import Counter
from importlib import resources
from pathlib import Path

from eventwire.geo.gazetteer import ADMIN1, ADMIN2, CITY, COUNTRY
from eventwire.geo.index import COUNTRIES, split_list
from eventwire.geo.names import normalize
from eventwire.lang import LanguageData, LanguageDataError, read_lines, read_tsv

from .mention import ADJECTIVE

WORD_LISTS = "places/words.yaml"
ARTICLE_COUNTRIES_FILE = Path(str(resources.files("eventwire").joinpath("data", "geo", "arabic_article_countries.txt")))
# the lists words.yaml must hold, each read into the attribute of the same name
LISTS = ("person_titles", "locative_preps", "strong_preps", "name_particles", "arabic_articles", "connectors",
         "direction_words", "near_words", "locative_verbs", "city_bodies", "leader_words", "resident_words",
         "leading_words", "border_words", "the_modifiers", "hyphen_adjectives", "literal_heads", "street_words",
         "name_heads", "venue_nouns", "venue_preps", "settlement_words", "name_openers", "event_heads", "origin_words",
         "foreigner_nouns", "report_verbs", "topic_nouns", "scene_marks", "time_marks", "plural_street_words", "articles", "list_words",
         "possessive_marks", "apposition_preps", "calendar_words", "passage_preps")
UNITS = {"admin1": ADMIN1, "admin2": ADMIN2}
ANAPHOR_FEATURES = (COUNTRY, ADMIN1, ADMIN2, CITY)
CUE_CAP = 2.0  # at most two towns' worth of votes from the article's style
COMMON_GIVEN_NAME_SHARE = 0.03  # percent of people: a name this common stands for a person before a town


class PlaceWords:
    """Every word list of the geoparser, read from one LanguageData."""

    # the lists of words.yaml (see the comment above each there)
    person_titles: frozenset[str]
    locative_preps: frozenset[str]
    strong_preps: frozenset[str]
    name_particles: frozenset[str]
    arabic_articles: frozenset[str]
    connectors: frozenset[str]
    direction_words: frozenset[str]
    near_words: frozenset[str]
    locative_verbs: frozenset[str]
    city_bodies: frozenset[str]
    leader_words: frozenset[str]
    resident_words: frozenset[str]
    leading_words: frozenset[str]
    border_words: frozenset[str]
    the_modifiers: frozenset[str]
    hyphen_adjectives: frozenset[str]
    literal_heads: frozenset[str]
    name_heads: frozenset[str]
    venue_nouns: frozenset[str]
    venue_preps: frozenset[str]
    passage_preps: frozenset[str]
    calendar_words: frozenset[str]
    settlement_words: frozenset[str]
    name_openers: frozenset[str]
    event_heads: frozenset[str]
    origin_words: frozenset[str]
    foreigner_nouns: frozenset[str]
    report_verbs: frozenset[str]
    topic_nouns: frozenset[str]
    scene_marks: frozenset[str]
    time_marks: frozenset[str]
    plural_street_words: frozenset[str]
    articles: frozenset[str]
    list_words: frozenset[str]
    possessive_marks: frozenset[str]
    apposition_preps: frozenset[str]

    def __init__(self, language: LanguageData):
        self.language = language
        lists = language.word_lists(WORD_LISTS, known=LISTS)
        missing = [name for name in LISTS if name not in lists]
        if missing:
            raise LanguageDataError(language.path(WORD_LISTS), None, f"missing list(s) {', '.join(missing)}")
        for name in LISTS:
            setattr(self, name, frozenset(lists[name]))
        self.street_words: tuple[str, ...] = lists["street_words"]  # in order: an alternation of a pattern
        # "the tropical Atlantic": the direction words may stand between "the" and a sea too
        self.the_modifiers = self.direction_words | self.the_modifiers
        self.admin_words: dict[str, str] = self._admin_words()
        # "counties" -> "County" (places/plural_admin_words.tsv)
        self.plural_admins: dict[str, str] = {row["plural"]: row["name"] for row in language.tsv(
            "places/plural_admin_words.tsv", ("plural", "name"), unique="plural")}
        self.adjectives, self.demonyms = self._country_words()
        self.country_names = self._country_names()
        self.place_words = self._place_words()
        self.not_places = frozenset(normalize(w) for w in language.lines("places/not_places.txt"))
        self.common_words = frozenset(w.lower() for w in language.lines("places/common_words.txt"))
        self.org_words = frozenset(w.lower() for w in language.lines("places/org_words.txt"))
        # every word that names a unit holding a smaller place ("district", "town", "tehsil"): see contain.py
        self.unit_words = frozenset(w.lower() for w in language.lines("places/unit_words.txt")) | \
            self.admin_words.keys() | self.settlement_words
        self.country_cues = self._country_cues()
        self.admin_abbreviations = self._admin_abbreviations()
        self.place_anaphors = self._place_anaphors()
        self.given_names = given_names()
        # the countries whose towns' names carry the Arabic article (data/geo/arabic_article_countries.txt)
        self.article_countries = frozenset(read_lines(ARTICLE_COUNTRIES_FILE))
        self.common_given_names = given_names(COMMON_GIVEN_NAME_SHARE)

    # -- readers ---------------------------------------------------------------------------------------
    def _admin_words(self) -> dict[str, str]:
        """"province" -> admin1, "county" -> admin2 (places/admin_words.tsv)."""
        out: dict[str, str] = {}
        path = self.language.path("places/admin_words.tsv")
        for row in self.language.tsv("places/admin_words.tsv", ("word", "unit"), unique="word"):
            if row["unit"] not in UNITS:
                raise LanguageDataError(path, row["_line"], f"unit must be one of {', '.join(UNITS)}")
            out[row["word"]] = UNITS[row["unit"]]
        return out

    @staticmethod
    def _country_words() -> tuple[dict[str, str], dict[str, str]]:
        """(adjective -> ISO2, demonym -> ISO2) from data/countries.tsv, normalised."""
        adjs: dict[str, str] = {}
        dems: dict[str, str] = {}
        path = Path(str(resources.files("eventwire").joinpath("data", *COUNTRIES)))
        for row in read_tsv(path):
            cc = row.get("iso2")
            if not cc:
                continue
            for a in split_list(row.get("adjectives")):
                adjs.setdefault(normalize(a), cc)
            for d in split_list(row.get("demonyms")):
                dems.setdefault(normalize(d), cc)
        return adjs, dems

    @staticmethod
    def _country_names() -> frozenset[str]:
        """The countries' own names from data/countries.tsv, normalised ("niger", "chad")."""
        path = Path(str(resources.files("eventwire").joinpath("data", *COUNTRIES)))
        return frozenset(normalize(row["name"]) for row in read_tsv(path) if row.get("name"))

    def _place_words(self) -> dict[str, tuple[str, str]]:
        """normalised word -> (place name, kind) from places/place_words.tsv ("Kurdish" -> Kurdistan)."""
        return {normalize(r["word"]): (r["place"], r.get("kind") or ADJECTIVE)
                for r in self.language.tsv("places/place_words.tsv", ("word", "place", "kind"))
                if r.get("word") and r.get("place")}

    def _country_cues(self) -> tuple[tuple[str, float, re.Pattern], ...]:
        """(ISO2, weight, pattern) from places/country_cues.tsv."""
        path = self.language.path("places/country_cues.tsv")
        out = []
        for r in self.language.tsv("places/country_cues.tsv", ("country", "weight", "pattern")):
            if not r.get("pattern"):
                continue
            try:
                out.append((r["country"], float(r["weight"]), re.compile(r["pattern"])))
            except (ValueError, re.error) as exc:
                raise LanguageDataError(path, r["_line"], f"bad weight or pattern: {exc}") from None
        return tuple(out)

    def _place_anaphors(self) -> dict[str, str]:
        """"republic" -> admin1, "town" -> city: what "the <word>" stands for (places/place_anaphors.tsv)."""
        path = self.language.path("places/place_anaphors.tsv")
        out: dict[str, str] = {}
        for row in self.language.tsv("places/place_anaphors.tsv", ("word", "feature"), unique="word"):
            if row["feature"] not in ANAPHOR_FEATURES:
                raise LanguageDataError(path, row["_line"], f"feature must be one of {', '.join(ANAPHOR_FEATURES)}")
            out[row["word"]] = row["feature"]
        return out

    def _admin_abbreviations(self) -> dict[str, tuple[str, str]]:
        """'Ga.' -> ('US', 'GA'): only read right after "Town," (see places/admin_abbreviations.tsv)."""
        out: dict[str, tuple[str, str]] = {}
        for row in self.language.tsv("places/admin_abbreviations.tsv", ("country", "admin1", "abbreviations")):
            for ab in split_list(row.get("abbreviations")):
                out[ab] = (row["country"], row["admin1"])
        return out

    # -- uses --------------------------------------------------------------------------------------------
    def style_votes(self, text: str) -> Counter:
        """Which country the article's writing conventions point to ("Sept. 26", "£40", "lakh"), capped votes."""
        votes: Counter = Counter()
        for cc, weight, pattern in self.country_cues:
            if pattern.search(text):
                votes[cc] += weight
        return Counter({cc: min(v, CUE_CAP) for cc, v in votes.items()})


def given_names(min_share: float = 0.0) -> frozenset[str]:
    """Given names (US Census first-name lists, shipped by the `names` package), lower-cased; with `min_share`,
    only those borne by at least that percentage of people ("mary", "douglas"; not "dallas", "paris")."""
    out: set[str] = set()
    for f in ("dist.male.first", "dist.female.first"):
        for line in resources.files("names").joinpath(f).read_text().splitlines():
            parts = line.split()
            if parts and (not min_share or len(parts) > 1 and float(parts[1]) >= min_share):
                out.add(parts[0].lower())
    return frozenset(out)


ARTICLE_IN_NAME = re.compile(r"(?:^|[\s-])(?:al|el|ar|as|ad|an|at|az|ash|ed|ez|er|es|ul)-\w|(?:^|\s)al\s\w",
                             re.IGNORECASE)


def has_arabic_article(name: str) -> bool:
    """"al-Raqqah", "Ras al-Ain", "Al Bab", "Deir ez-Zor": the name is an Arabic transliteration (the article is
    written hyphenated, or as a lone "al"; "El Paso" and "Las Vegas" are no such names)."""
    return bool(ARTICLE_IN_NAME.search(name))
