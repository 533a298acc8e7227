"""Stage 5: places. Find every place reference in an article, resolve it on the gazetteer, say how it is used
(literal, metonym, adjective, demonym), and pick each event's location from the literal ones.

The stage composes one object per job: `Recogniser` (recognise.py: the mentions of a Doc, with `Classifier`,
classify.py: how each is used), `Resolver` (resolve.py: which gazetteer candidate each means), `LocalNames`
(local.py: streets and waters), `Locator` (locate.py: an event's location) and `PlaceWords` (words.py: the
language's words). The Pipeline owns one Geoparser, built from its LanguageData and its gazetteer.
"""

from __future__ import annotations

from collections import Counter

from eventwire.geo.distance import haversine_km
from eventwire.geo.gazetteer import ADMIN1, ADMIN2, CITY, CONTINENT, COUNTRY, REGION, Entry, Gazetteer
from eventwire.lang import DEFAULT_LANGUAGE, LanguageData
from eventwire.records import Place, PlaceMention

from .contain import hold_to_focus
from .locate import Locator, entry_place
from .mention import LITERAL, Mention, doc_text
from .recognise import Recogniser
from .resolve import ALT_NAME_PENALTY, COUNTRY_FOCUS, Resolver, closeness, prior, squash
from .ruler import ruler_patterns
from .words import PlaceWords

GROUP_VOTE = 1.0  # what a named armed group's country weighs in the article's focus: one place's vote
GEO_PRECISION = {CITY: 1, ADMIN2: 2, ADMIN1: 3, COUNTRY: 3, CONTINENT: 3, REGION: 3, "water": 3}


class Geoparser:
    """Finds, resolves and classifies place references; chooses event locations."""

    def __init__(self, gazetteer: Gazetteer | None = None, language: LanguageData | None = None, catalogue=None):
        self.gaz = gazetteer if gazetteer is not None else Gazetteer.open_default()
        self.language = language if language is not None else LanguageData(DEFAULT_LANGUAGE)
        self.catalogue = catalogue
        # the words are read once per LanguageData, whichever geoparser asks first
        self.words: PlaceWords = self.language.memo("places.words", lambda: PlaceWords(self.language))
        self.recogniser = Recogniser(self.gaz, self.words)
        self.resolver = Resolver(self.words)
        self.locator = Locator(self.gaz, self.words)
        self._iso2: dict[str, str] | None = None

    def parse(self, doc, actor_mentions=None) -> list[PlaceMention]:
        """Every resolved place mention of the Doc, in text order (streets and waters included)."""
        mentions, local = self.recogniser.find(doc, actor_mentions or [])
        self.resolver.resolve(doc, mentions, self._group_votes(actor_mentions or []))
        hold_to_focus(mentions, self.gaz.country)
        mentions = far_weak_dropped(mentions)
        out = []
        for m in mentions:
            if m.chosen is None:
                continue
            out.append(PlaceMention(place=self._place(m), start=m.start, end=m.end, kind=m.kind,
                                    score=squash(m.margin)))
        out.extend(self.recogniser.local.places(doc_text(doc), local, out))
        out.sort(key=lambda pm: pm.start)
        return out

    def _group_votes(self, actor_mentions) -> Counter:
        """The countries of the armed groups and parties the article names ("SDF fighters", "the Taliban"): an
        article about a local group is about its country, like one more place named there (one vote each)."""
        if self._iso2 is None:
            self._iso2 = {e.iso3: cc for cc, e in self.gaz.countries().items() if e.iso3}
        votes: Counter = Counter()
        for a in actor_mentions:
            country = getattr(a.actor, "country", None) if getattr(a, "kind", None) == "group" else None
            if country and not a.generic and country in self._iso2:
                votes[self._iso2[country]] = GROUP_VOTE
        return votes

    def locate(self, doc, mentions: list[PlaceMention], cand) -> Place | None:
        """The event's location from the literal mentions (see locate.py)."""
        return self.locator.locate(doc, mentions, cand)

    def place_of_name(self, name: str, mentions: list[PlaceMention], country: str | None = None) -> Place | None:
        """A town or district the recogniser missed ("shelled Kafr Foo", read as a person): its likeliest
        gazetteer reading by the resolver's prior and the article's countries and places, in `country` when
        given; None when the gazetteer has no such town."""
        found, alt, by_sound = self.gaz.match(name)
        countries = Counter(m.place.country for m in mentions if m.place.country)
        cands = [e for e in found if e.feature in (CITY, ADMIN2, ADMIN1)
                 and (country is None or e.iso3 == country) and (not by_sound or e.iso3 in countries)]
        if not cands:
            return None
        total = sum(countries.values())
        points = [(m.place.lat, m.place.lon) for m in mentions
                  if m.kind == LITERAL and m.place.feature in (CITY, ADMIN2, ADMIN1)]

        def score(e: Entry) -> float:
            s = prior(e) - (ALT_NAME_PENALTY if e.id in alt else 0.0)
            if total:
                s += COUNTRY_FOCUS * countries[e.iso3] / total
            if points:
                near = min(haversine_km(e.lat, e.lon, la, lo) for la, lo in points)
                s += closeness(near)
            return s

        best = max(cands, key=score)
        return entry_place(best, text=name, precision=GEO_PRECISION.get(best.feature, 1),
                           admin1_name=self._admin1_name(best))

    def use_model(self, nlp) -> None:
        """Take what the geoparser reads from the language model itself (its English lexicon)."""
        self.recogniser.use_model(nlp)

    def ruler_patterns(self) -> list[dict]:
        """The entity-ruler patterns this geoparser adds to the language pipeline."""
        return ruler_patterns(self.gaz, self.words)

    def _place(self, m: Mention) -> Place:
        e = m.chosen
        assert e is not None
        prec = GEO_PRECISION.get(e.feature, 1)
        if m.kind == LITERAL and m.precision_floor:
            prec = max(prec, m.precision_floor)
        return entry_place(e, text=m.text, precision=prec, admin1_name=self._admin1_name(e))

    def _admin1_name(self, e: Entry) -> str | None:
        if e.feature == ADMIN1:
            return e.name
        if e.admin1_name:
            return e.admin1_name
        if e.cc and e.admin1:
            a = self.gaz.admin1(e.cc, e.admin1)
            return a.name if a else None
        return None


def geoparser_ruler_patterns(geoparser: Geoparser) -> list[dict]:
    """The entity-ruler patterns the geoparser adds to the language pipeline."""
    return geoparser.ruler_patterns()


def far_weak_dropped(mentions: list[Mention]) -> list[Mention]:
    """In a text without capitals, a name accepted on little evidence (`Mention.weak`: "in nawa" with no unit,
    no container) whose reading lies outside every country the article's surer names lie in is most likely
    a word that some village abroad shares: dropped, so it neither locates an event nor sets a country. Only
    names set the focus ("russian jets struck idlib": no name but "idlib", which stays)."""
    named = {m.chosen.cc for m in mentions if m.chosen is not None and not m.weak and m.chosen.cc and
             m.source != "norp"}
    if not named:  # only weak names: the countries two different names agree on ("denver ... aurora", not "mary")
        names_in: dict[str, set[str]] = {}
        for m in mentions:
            if m.chosen is not None and m.chosen.cc and m.source != "norp":
                names_in.setdefault(m.chosen.cc, set()).add(m.key)
        named = {cc for cc, keys in names_in.items() if len(keys) >= 2}
    if not named:
        return mentions
    # the countries its adjectives speak of are no places of the text, but no foreign ground either
    focus = named | {m.chosen.cc for m in mentions if m.chosen is not None and m.source == "norp" and m.chosen.cc}
    return [m for m in mentions if not m.weak or m.chosen is None or m.chosen.cc in focus]
