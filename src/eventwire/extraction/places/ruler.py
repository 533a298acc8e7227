"""Entity-ruler patterns the geoparser adds to the language pipeline: the supplement's places and the towns
whose names open with the Arabic article ("Al Bab"), which the small English model often takes for people."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

from unidecode import unidecode

from eventwire.geo.gazetteer import Gazetteer
from eventwire.geo.index import SUPPLEMENT, split_list
from eventwire.geo.names import is_latin, normalize
from eventwire.lang import read_lines, read_tsv

from .mention import is_acronym
from .words import PlaceWords

# countries whose towns' names open with the Arabic article (data/geo/arabic_article_countries.txt)
ARTICLE_COUNTRIES = ("geo", "arabic_article_countries.txt")
ARTICLE_TOWN_POPULATION = 20000


def _data_path(*parts: str) -> Path:
    return Path(str(resources.files("eventwire").joinpath("data", *parts)))


def ruler_patterns(gazetteer: Gazetteer, words: PlaceWords) -> list[dict]:
    """A small set of entity-ruler patterns: the supplement's places and Arabic-article town names ("Al Bab"),
    which the small English model often takes for people."""
    pats: list[dict] = []
    seen: set[tuple[str, str]] = set()

    def add(label: str, text: str) -> None:
        if text and (label, text) not in seen:
            seen.add((label, text))
            pats.append({"label": label, "pattern": text, "id": "place"})

    skip = words.not_places
    for row in read_tsv(_data_path(*SUPPLEMENT)):
        if row.get("feature") == "building":  # "the Kremlin", "the White House" are the actors' (metonyms)
            continue
        label = "LOC" if row.get("feature") in ("region", "water", "continent") else "GPE"
        for n in [row.get("name", "")] + split_list(row.get("aliases")):
            # acronyms ("BC", "EU") and lone generic words ("Gulf") would hijack dates and group names
            if n and is_latin(n) and not n.lower().startswith("the ") and not is_acronym(n) and \
                    len(n) > 3 and normalize(n) not in skip and (" " in n or n[0].isupper()):
                add(label, n)
    for name in article_town_names(gazetteer, words):
        for v in article_variants(name):
            add("GPE", v)
    return pats


def article_town_names(gazetteer: Gazetteer, words: PlaceWords) -> tuple[str, ...]:
    """The towns of the Arabic-article countries whose ASCII name opens with the article ("Al Bab")."""
    countries = read_lines(_data_path(*ARTICLE_COUNTRIES))
    out = []
    for name in gazetteer.town_names(countries, ARTICLE_TOWN_POPULATION):
        ascii_name = unidecode(name).replace("`", "").replace("'", "")
        first = ascii_name.split(" ")[0].split("-")[0].lower()
        if first in words.arabic_articles and len(ascii_name.split()) <= 3:
            out.append(ascii_name)
    return tuple(sorted(set(out)))


def article_variants(name: str) -> list[str]:
    """"Al Bab" -> Al Bab, al-Bab, Al-Bab, al Bab, El Bab, el-Bab."""
    parts = re.split(r"[ -]", name, maxsplit=1)
    if len(parts) < 2:
        return [name]
    rest = parts[1]
    art = parts[0].lower()
    arts = {art, "al", "el"} if art in ("al", "el") else {art, "al"}
    out = []
    for a in arts:
        for sep in (" ", "-"):
            out.append(f"{a.capitalize()}{sep}{rest}")
            out.append(f"{a}{sep}{rest}")
    return out
