"""Name keys: how a place name is folded before it is looked up, so that spellings of one name meet.

Pure functions of a string (memoised): `normalize` (case, diacritics, punctuation, Arabic article forms),
`spacing_variants` ("DeSoto" / "De Soto") and `phonetic_key` (transliteration variants: Raqqa/Rakka/Ar Raqqah).
The gazetteer index is keyed with them, so a change here changes the index (see geo.index.fingerprint).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from importlib import resources
from pathlib import Path

from unidecode import unidecode

from eventwire.lang import read_lines, read_tsv

ARTICLES_FILE = Path(str(resources.files("eventwire").joinpath("data", "geo", "arabic_articles.txt")))
ABBREVIATIONS_FILE = Path(str(resources.files("eventwire").joinpath("data", "geo", "name_abbreviations.tsv")))
PARTICLES_FILE = Path(str(resources.files("eventwire").joinpath("data", "geo", "joinable_particles.txt")))
# the Arabic article's spellings, folded to "al" inside a name (data/geo/arabic_articles.txt)
_ARTICLES = frozenset(read_lines(ARTICLES_FILE))
# "st" -> "saint" (data/geo/name_abbreviations.tsv)
_ABBREV = {row["abbreviation"]: row["word"]
           for row in read_tsv(ABBREVIATIONS_FILE, columns=("abbreviation", "word"), unique="abbreviation")}
_APOSTROPHES = re.compile(r"['’‘`´ʼʻʿʾ]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


@functools.lru_cache(maxsize=200_000)
def normalize(name: str) -> str:
    """Case, diacritics, punctuation and the Arabic article folded: "Al-Bāb", "al Bab", "El Bab" -> "al bab"."""
    s = _APOSTROPHES.sub("", unidecode(name).lower())
    toks = _NON_ALNUM.sub(" ", s).split()
    out = []
    for i, t in enumerate(toks):
        if t in _ARTICLES and i + 1 < len(toks):
            t = "al"
        out.append(_ABBREV.get(t, t))
    return " ".join(out)


# name particles written either joined to the next word or apart ("DeKalb", "De Kalb"): data/geo/joinable_particles.txt
_JOINABLE = frozenset(read_lines(PARTICLES_FILE))
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")


def spacing_variants(name: str) -> set[str]:
    """Keys for the other spacing of a name: "De Soto Parish" <-> "DeSoto Parish", "DeKalb" -> "De Kalb",
    "La Porte" <-> "LaPorte"; local papers and GeoNames often spell them differently."""
    out: set[str] = set()
    split = _CAMEL.sub(" ", name)
    if split != name and split.split()[0].lower() in _JOINABLE:
        out.add(normalize(split))
    toks = normalize(name).split()
    joined = [toks[0]]
    for t in toks[1:]:
        if joined[-1] in _JOINABLE and len(joined) == 1:
            joined[-1] += t
        else:
            joined.append(t)
    if len(joined) < len(toks):
        out.add(" ".join(joined))
    out.discard(normalize(name))
    return out


# letter rewrites, applied in order, that fold transliteration variants together (not words: spelling rules)
_PHON_RULES = [("kh", "k"), ("gh", "g"), ("dh", "d"), ("ph", "f"), ("ck", "k"), ("q", "k"), ("ou", "u"),
               ("oo", "u"), ("ee", "i"), ("ei", "i"), ("ai", "i"), ("ay", "i"), ("e", "i"), ("o", "u"),
               ("y", "i"), ("w", "u"), ("j", "j")]


@functools.lru_cache(maxsize=200_000)
def phonetic_key(name: str) -> str:
    """A looser key for transliteration variants: articles dropped, vowels and doubled letters folded."""
    toks = [t for t in normalize(name).split() if t != "al"]
    out = []
    for t in toks:
        for a, b in _PHON_RULES:
            t = t.replace(a, b)
        t = re.sub(r"(.)\1+", r"\1", t)
        if len(t) > 3 and t.endswith("h") and t[-2] in "aiu":
            t = t[:-1]
        out.append(t)
    return " ".join(out)


def is_latin(name: str) -> bool:
    """True when every letter is Latin script (GeoNames alternate names include every script)."""
    for ch in name:
        if ch.isalpha():
            try:
                if not unicodedata.name(ch).startswith("LATIN"):
                    return False
            except ValueError:
                return False
    return True


def usable_alternate(name: str) -> bool:
    """Alternate names worth indexing: Latin script, not codes (GeoNames lists airport and postal codes)."""
    if len(name) < 3 or len(name) > 60 or not is_latin(name):
        return False
    if any(ch.isdigit() for ch in name) or "(" in name or "," in name:
        return False
    letters = [ch for ch in name if ch.isalpha()]
    return not (len(letters) <= 4 and name.upper() == name)  # IATA/ICAO codes


MIN_BARE_LETTERS = 4  # "As Salt" -> "Salt", but not "Al Ain" -> "Ain": short remainders are common words


def without_article(name: str) -> str | None:
    """The name without its opening Arabic article ("Al Mayādīn" -> "Mayādīn", "Ash-Shaddādah" -> "Shaddādah"),
    or None when it opens with none or too little is left."""
    parts = re.split(r"[ -]", name.strip(), maxsplit=1)
    if len(parts) < 2 or _APOSTROPHES.sub("", unidecode(parts[0])).lower() not in _ARTICLES:
        return None
    rest = parts[1].strip()
    return rest if sum(ch.isalpha() for ch in rest) >= MIN_BARE_LETTERS else None
