"""Streets, roads and waters no gazetteer lists ("Main Street", "Highway 19", "Neches River", "Goodwin and
Pinevale streets"): found in the text before the gazetteer scan, and placed at the town the article names."""

from __future__ import annotations

import re
from collections import Counter

from eventwire.geo.gazetteer import ADMIN2, CITY
from eventwire.records import Place, PlaceMention

from .mention import LITERAL
from .words import PlaceWords

_CAPWORD = r"(?:[A-Z][A-Za-z'’.-]*|[0-9]+(?:st|nd|rd|th))"
_LISTWORD = r"[A-Z][A-Za-z'’-]*"
_NAME_RUN = _LISTWORD + r"(?:\s" + _LISTWORD + r"){0,2}"


def plural_list_pattern(plurals) -> re.Pattern:
    """"Goodwin and Pinevale streets", "Cooke, Grayson and Love counties": every name in the list is one of them
    (the plural words are the language's)."""
    return re.compile(r"\b(?P<names>" + _NAME_RUN + r"(?:,\s" + _NAME_RUN + r")*,?\s(?:and|or|&)\s" + _NAME_RUN +
                      r")\s(?P<what>" + "|".join(re.escape(w) for w in sorted(plurals)) + r")\b")


def local_name_pattern(street_words) -> re.Pattern:
    """A street ("Main Street", the words that end one are the language's), a numbered road, or a water."""
    streets = "|".join(re.escape(w) for w in street_words)
    return re.compile(
        r"\b(?:" + _CAPWORD + r"\s){1,3}(?:" + streets + r")(?![\w-])"
        # not the start of an organisation's name ("S.C. Highway Patrol"); a compass suffix is still the street's
        r"(?![ ](?!(?:North|South|East|West|Northwest|Northeast|Southwest|Southeast)\b)[A-Z][a-z])"
        # "U.S. 54" is left to the country reading of "U.S." (a national highway, no point of its own)
        r"|\b(?:Highway|Route|Interstate|State Route|Hwy\.?|I-)\s?[0-9]{1,3}\b"
        r"|\b(?P<water>(?:" + _CAPWORD + r"\s){1,2}(?:River|Creek|Lake|Reservoir|Lagoon|Bay)|Lake\s[A-Z][a-z]+)"
        r"(?![\w-])")


class LocalNames:
    """Finds the local names of a text and places them once the towns are resolved."""

    def __init__(self, words: PlaceWords):
        self.words = words
        self.pattern = local_name_pattern(words.street_words)
        self.plural_list = plural_list_pattern(words.plural_street_words | frozenset(words.plural_admins))

    def list_names(self, match) -> list[tuple[int, int]]:
        """The names of a `plural_list` match, as character spans, without a sentence's opening word ("In Cooke")."""
        out = []
        base = match.start("names")
        for hit in re.finditer(_NAME_RUN, match.group("names")):
            a, b = base + hit.start(), base + hit.end()
            words = hit.group(0).split()
            while len(words) > 1 and words[0].lower() in self.words.leading_words:
                a += len(words[0]) + 1
                words = words[1:]
            if words[0].lower() not in self.words.leading_words:
                out.append((a, b))
        return out

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """Streets, roads and waters no gazetteer lists ("Main Street", "Highway 19", "Neches River", "Goodwin and
        Pinevale streets"): (start, end, feature). Found before the gazetteer scan, so that "Lancaster Avenue" is
        not read as the town of Lancaster."""
        found: list[tuple[int, int, str]] = []
        taken: list[tuple[int, int]] = []
        for hit in self.plural_list.finditer(text):
            if hit.group("what") in self.words.plural_admins:
                continue
            for a, b in self.list_names(hit):
                found.append((a, b, "street"))
                taken.append((a, b))
        for hit in self.pattern.finditer(text):
            a, b = hit.start(), hit.end()
            first = hit.group(0).split()[0]
            if first.lower() in self.words.leading_words and len(hit.group(0).split()) > 1:
                a += len(first) + 1
            if not any(x < b and a < y for x, y in taken):
                found.append((a, b, "water" if hit.group("water") else "street"))
                taken.append((a, b))
        return sorted(found)

    @staticmethod
    def places(text: str, local: list[tuple[int, int, str]], resolved: list[PlaceMention]) -> list[PlaceMention]:
        """Streets and waters placed at the nearest town the article names before them (precision 2)."""
        towns = [pm for pm in resolved if pm.kind == LITERAL and pm.place.feature in (CITY, ADMIN2)]
        if not towns:
            return []
        # the article's main town (named most often) anchors them, or a nearer town in the same state or province
        count = Counter((t.place.country, t.place.admin1, t.place.name) for t in towns)
        main = max(towns, key=lambda t: (count[(t.place.country, t.place.admin1, t.place.name)], -t.start)).place
        out = []
        for a, b, feature in local:
            before = [t for t in towns
                      if t.start < a and (t.place.country, t.place.admin1) == (main.country, main.admin1)]
            ap = max(before, key=lambda t: t.start).place if before else main
            name = text[a:b]
            place = Place(name=name, lat=ap.lat, lon=ap.lon, country=ap.country, text=name, geonameid=None,
                          admin1=ap.admin1, precision=2, feature=feature)
            out.append(PlaceMention(place=place, start=a, end=b, kind=LITERAL, score=0.3))
        return out
