"""Stage 2: actors. Find who acts in a parsed article and give every mention its canonical actor.

The catalogue is data (src/eventwire/data/actors/*.yaml and data/countries.tsv, see the README there):
named groups, IGOs, national institutions and people with their aliases, plus state forces and governments
of every country generated from the country list and a table of force nouns ("Turkish jets" -> Military
Forces of Turkey), plus generic actors ("gunmen", "civilians") that take the event's country later.

Matching runs over the Doc's tokens, folded to case-less, accent-less words with hyphens, brackets and lone
apostrophes dropped, so "al-Shabaab", "Al Shabaab" and "al Shabaab" are one key. Each start position is looked
up in one dict keyed by word tuples (no regex over the catalogue per article). Case still matters where it
carries meaning: an alias word in CAPITALS ("IS", "KIA") only matches in capitals and the first Capitalised
word of an alias needs a capital in the text ("Turkey", not "turkey").
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml
from unidecode import unidecode

from eventwire.records import Actor

DATA_DIR = Path(__file__).parents[1] / "data"
ACTORS_DIR = DATA_DIR / "actors"
COUNTRIES_TSV = DATA_DIR / "countries.tsv"

STATE_SECTORS = ("MIL", "COP", "GOV", "SPY")
UNKNOWN_NAME = "Unidentified Actor"  # guess() of an empty phrase
# words dropped between tokens: "al-Shabaab" == "al Shabaab", "Workers' Party" == "Workers Party"
JOINERS = frozenset({"-", "\u2010", "\u2011", "\u2013", "'", "\u2019", "/", "\"", "\u201c", "\u201d"})
BRACKETS = frozenset("()[]")
ARTICLES = frozenset({"the", "a", "an"})
POSSESSIVE = "'s"
# a bare country name after one of these is a place, not an actor ("fighting in Syria")
# after "Syria's" these make the country a place ("Syria's north"); other nouns make it an actor ("Haiti's efforts")
PLACE_NOUNS = frozenset("""north south east west northeast northwest southeast southwest northern southern eastern
    western central capital province provinces region regions city cities town towns border borders frontier coast
    coastline territory territories airspace waters countryside desert mountains interior soil largest biggest
    second third main restive volatile oil war conflict civil economy people population history""".split())
LOCATIVE_WORDS = frozenset("""in into inside within across throughout near at to toward towards from through out outside
    over around of via on off along beyond onto for between among amid across northern southern eastern western central
    north south east west northeast northwest southeast southwest border borders visit visited""".split())
_SPLIT_RE = re.compile(r"[-\u2010\u2011\u2013/\"\u201c\u201d]+")
_BRACKET_RE = re.compile(r"([()\[\]])")
_INNER_PUNCT_RE = re.compile(r"([()\[\]:;,!?])")  # splits "(2016):Islamic" into words and barriers
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# ----------------------------------------------------------------------------------------------------------------
# normalisation

def fold(text: str) -> str:
    """Case-preserving ASCII form of a word: no accents, dots or apostrophes ("U.S." -> "US", "Da'esh" -> "Daesh")."""
    t = text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    if t.lower() == POSSESSIVE:
        return POSSESSIVE
    t = unidecode(unicodedata.normalize("NFC", t))
    return t.replace(".", "").replace("'", "")


def shape(word: str) -> str:
    """'lower', 'title' (first letter capital only), 'upper' (2+ capitals, no lower case) or 'mixed' ("LeT")."""
    letters = [c for c in word if c.isalpha()]
    if not letters or not any(c.isupper() for c in letters):
        return "lower"
    if all(c.isupper() for c in letters):
        return "upper" if len(letters) > 1 else "title"
    if letters[0].isupper() and not any(c.isupper() for c in letters[1:]):
        return "title"
    return "mixed"


def split_words(text: str) -> list[str]:
    """An alias or phrase as case-preserved folded words, split the way the spaCy tokenizer splits them."""
    return list(_split_words(text))


@functools.lru_cache(maxsize=65536)
def _split_words(text: str) -> tuple[str, ...]:
    out: list[str] = []
    for piece in _BRACKET_RE.sub(r" \1 ", text.replace("\u2019", "'")).split():
        if piece in BRACKETS:
            out.append(piece)
            continue
        tail = []
        if piece.lower().endswith("'s") and len(piece) > 2:
            piece, tail = piece[:-2], [POSSESSIVE]
        piece = piece.strip(",;:!?'\"")
        for sub in _SPLIT_RE.split(piece):
            w = fold(sub)
            if w:
                out.append(w)
        out.extend(tail)
    return tuple(out)


def norm_key(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(w.lower() for w in words)


def normalise(text: str) -> str:
    """The lookup form of a phrase: folded, lower case, single spaces, no leading article or trailing 's."""
    words = norm_key(split_words(text))
    while words and words[0] in ARTICLES:
        words = words[1:]
    while words and words[-1] == POSSESSIVE:
        words = words[:-1]
    return " ".join(words)


# ----------------------------------------------------------------------------------------------------------------
# catalogue records

@dataclass(frozen=True)
class Country:
    iso3: str
    iso2: str
    name: str
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str
    cameo: str


@dataclass(frozen=True)
class Entry:
    """One catalogue actor (what every alias of it resolves to)."""

    name: str
    country: str | None
    sector: str | None
    inter: int | None
    cameo: str | None
    kind: str  # group | igo | state | generic
    parent: str | None = None

    def actor(self, text: str | None = None) -> Actor:
        return Actor(name=self.name, text=text, country=self.country, sector=self.sector, inter=self.inter,
                     cameo=self.cameo, known=True)


@dataclass(frozen=True)
class Generic:
    """A kind of actor without a country ("gunmen"); `template` names it once the country is known."""

    name: str
    sector: str | None
    inter: int | None
    template: str | None = None  # "Civilians ({country})"
    state_sector: str | None = None  # for "Military Forces": MIL -> the generated state actor
    by_country: tuple[tuple[str, str], ...] = ()

    def entry(self) -> Entry:
        return Entry(self.name, None, self.sector, self.inter, None, "generic")


@dataclass
class ActorMention:
    """One actor mention in a Doc. `actor.text` is the article's words; `generic` means the country must come
    from the event (Catalogue.localize)."""

    start: int  # char offset in doc.text
    end: int  # char offset (exclusive)
    start_token: int
    end_token: int  # exclusive
    actor: Actor
    generic: bool = False
    kind: str = "group"  # group | igo | state | person | country | capital | generic | demonym
    person: str | None = None  # the person's name when kind == "person"

    @property
    def text(self) -> str:
        return self.actor.text or ""


# what a phrase key can stand for
ALIAS, REF, COUNTRY, CAPITAL, DEMONYM, STATE_NOUN, STATE_MOD, GEN_NOUN, GEN_MOD, MEMBER, TITLE = (
    "alias", "ref", "country", "capital", "demonym", "state_noun", "state_mod", "gen_noun", "gen_mod", "member",
    "title")


@dataclass(frozen=True)
class Target:
    kind: str
    checks: tuple[tuple[int, str, str], ...]  # (word index, shape, folded word) that the text must satisfy
    entry: Entry | None = None  # ALIAS
    iso3: str | None = None  # REF, COUNTRY, CAPITAL, DEMONYM
    sector: str | None = None  # STATE_NOUN
    flag: bool = False  # STATE_NOUN: bare; STATE_MOD: implies a state actor
    generic: Generic | None = None  # GEN_NOUN, or ALIAS of a generic phrase
    person: str | None = None  # ALIAS of a person
    mention_kind: str = "group"
    leader: bool = False  # REF from a person


@dataclass
class _Word:
    key: str  # lower-case folded
    folded: str  # case-preserved folded
    shape: str
    token: int  # index of the Doc token it comes from
    start: int = 0  # char offsets in the Doc text (a token may hold several words: "(2016):Islamic")
    end: int = 0


@dataclass
class _Cand:
    start: int  # word index
    end: int  # word index, exclusive
    actor: Actor
    kind: str
    generic: bool = False
    priority: int = 0  # lower wins among equally long candidates
    person: str | None = None
    sector: str | None = None  # state phrases: the noun's sector (for "Russian and Syrian jets")


def _checks(words: Sequence[str]) -> tuple[tuple[int, str, str], ...]:
    """The case constraints of an alias: capitals everywhere they are, a capital on its first Capitalised word."""
    out = []
    title_done = False
    for i, w in enumerate(words):
        s = shape(w)
        if s in ("upper", "mixed"):
            out.append((i, s, w))
            title_done = True
        elif s == "title" and not title_done:
            out.append((i, s, w))
            title_done = True
    return tuple(out)


def _case_ok(checks: tuple[tuple[int, str, str], ...], words: Sequence[_Word], start: int) -> bool:
    for i, s, w in checks:
        doc_word = words[start + i]
        if s == "title":
            if doc_word.shape == "lower":
                return False
        elif doc_word.folded != w and (s == "mixed" or doc_word.shape != "upper"):
            return False  # "IS" needs capitals; "JeM" needs exactly that spelling ("JEM" is another group)
    return True


# ----------------------------------------------------------------------------------------------------------------
# loading

def load_countries(path: Path = COUNTRIES_TSV) -> dict[str, Country]:
    """countries.tsv as ISO3 -> Country (also used by the geoparser)."""
    out: dict[str, Country] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            def lst(key: str) -> tuple[str, ...]:
                return tuple(x.strip() for x in (row.get(key) or "").split("|") if x.strip())
            out[row["iso3"]] = Country(iso3=row["iso3"], iso2=row["iso2"], name=row["name"], aliases=lst("aliases"),
                                       adjectives=lst("adjectives"), demonyms=lst("demonyms"),
                                       capital=(row.get("capital") or "").strip(),
                                       cameo=row.get("cameo") or row["iso3"])
    return out


class CatalogueError(ValueError):
    """A data file of the catalogue is missing, malformed or inconsistent (the message names the file)."""


def _read_yaml(name: str) -> Any:
    path = ACTORS_DIR / name
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_YAML_LOADER)
    except OSError as exc:
        raise CatalogueError(f"cannot read actor data file {path}: {exc.strerror or exc}") from exc
    except yaml.YAMLError as exc:
        raise CatalogueError(f"actor data file {path} is not valid YAML: {exc}") from exc


class Catalogue:
    """The actor catalogue: canonical actors, their aliases, and the matcher over spaCy Docs."""

    def __init__(self, countries: dict[str, Country], state_cfg: dict, groups: list[dict], igos: list[dict],
                 people: list[dict], generics_cfg: dict):
        self.countries = countries
        self.entries: dict[str, Entry] = {}
        self.generics: dict[str, Generic] = {}
        self.aliases: dict[str, str] = {}  # normalised alias -> canonical name (explicit aliases only)
        self.people: dict[str, str] = {}  # person name -> canonical actor
        self._index: dict[tuple[str, ...], list[Target]] = {}
        self._first: set[str] = set()
        self._added: set[tuple] = set()  # (key, target) pairs already indexed
        self._maxlen = 1
        self._names: dict[str, str] = {}  # normalised canonical name -> canonical name
        self._ruler: list[dict] = []
        self._state_cfg = state_cfg
        self._generics_cfg = generics_cfg
        self._guess_rules: list[tuple[frozenset[str], str, int]] = []
        self._build_states(state_cfg)
        self._build_refs(state_cfg)
        self._build_named(groups, "group")
        self._build_named(igos, "igo")
        self._build_state_named(state_cfg.get("named") or [])
        self._build_generics(generics_cfg)
        self._build_people(people)
        self._build_guess(generics_cfg)

    # -- building ------------------------------------------------------------------------------------------
    def _add(self, phrase: str, target_kind: str, **kw: Any) -> None:
        words = split_words(phrase)
        if not words:
            return
        key = norm_key(words)
        target = Target(kind=target_kind, checks=_checks(words), **kw)
        if (key, target) in self._added:
            return
        self._added.add((key, target))
        self._index.setdefault(key, []).append(target)
        self._first.add(key[0])
        self._maxlen = max(self._maxlen, len(key))

    def _register(self, entry: Entry) -> Entry:
        old = self.entries.get(entry.name)
        if old is not None and old != entry:
            raise CatalogueError(f"actor {entry.name!r} is defined twice with different data: {old} / {entry}")
        self.entries[entry.name] = entry
        self._names[normalise(entry.name)] = entry.name
        return entry

    def _alias(self, alias: str, entry: Entry, mention_kind: str, person: str | None = None,
               generic: Generic | None = None) -> None:
        alias = re.sub(r"^(?:the|The)\s+", "", alias.strip())
        self._add(alias, ALIAS, entry=entry, mention_kind=mention_kind, person=person, generic=generic)
        self.aliases.setdefault(normalise(alias), entry.name)

    def country_name(self, iso3: str) -> str:
        c = self.countries.get(iso3)
        if c is None:
            return iso3
        the = iso3 in set(self._state_cfg.get("the_countries") or [])
        return f"the {c.name}" if the else c.name

    def state_entry(self, iso3: str, sector: str) -> Entry:
        """The generated state actor of a country: ("TUR", "MIL") -> Military Forces of Turkey."""
        name = self._state_cfg["sectors"][sector]["name"].format(country=self.country_name(iso3))
        entry = self.entries.get(name)
        if entry is None:
            c = self.countries.get(iso3)
            entry = self._register(Entry(name=name, country=iso3, sector=sector,
                                         inter=int(self._state_cfg["sectors"][sector]["inter"]),
                                         cameo=f"{c.cameo if c else iso3}{sector}", kind="state"))
        return entry

    def _build_states(self, cfg: dict) -> None:
        for iso3 in self.countries:
            for sector in STATE_SECTORS:
                self.state_entry(iso3, sector)
        for sector, spec in (cfg.get("nouns") or {}).items():
            for noun in spec.get("bare") or []:
                self._add(noun, STATE_NOUN, sector=sector, flag=True)
            for noun in spec.get("country") or []:
                self._add(noun, STATE_NOUN, sector=sector, flag=False)
        implies = set(cfg.get("state_modifiers_that_imply_state") or [])
        for mod in cfg.get("state_modifiers") or []:
            self._add(mod, STATE_MOD, flag=mod in implies)

    def _build_refs(self, cfg: dict) -> None:
        shared = cfg.get("shared_adjectives") or {}
        owners: dict[str, set[str]] = {}
        for c in self.countries.values():
            for adj in c.adjectives:
                owners.setdefault(adj, set()).add(c.iso3)
        alias_names = {normalise(a) for c in self.countries.values() for a in (c.name, *c.aliases)}
        ambiguous = {normalise(a) for a in cfg.get("ambiguous_country_names") or []}
        for c in self.countries.values():
            for adj in c.adjectives:
                if len(owners[adj]) > 1 and shared.get(adj) != c.iso3:
                    continue
                self._add(adj, REF, iso3=c.iso3)
                if normalise(adj) not in alias_names:
                    self._ruler.append({"label": "NORP", "pattern": adj, "id": c.name})
            for extra in (cfg.get("extra_country_refs") or {}).get(c.iso3, []):
                self._add(extra, REF, iso3=c.iso3)
            for name in (c.name, *c.aliases):
                self._add(f"{name}'s", REF, iso3=c.iso3)
                if len(name) > 1:
                    unclear = normalise(name) in ambiguous
                    self._add(name, COUNTRY, iso3=c.iso3, flag=unclear)
                    if not unclear:
                        self._add(name, REF, iso3=c.iso3)  # "DR Congo troops", "Ivory Coast army"
            adjs = {normalise(a) for a in c.adjectives}
            for dem in c.demonyms:
                if normalise(dem) not in adjs and normalise(dem) not in alias_names:
                    self._add(dem, DEMONYM, iso3=c.iso3)
        for capital, iso3 in (cfg.get("capital_metonyms") or {}).items():
            if iso3 not in self.countries:
                raise CatalogueError(f"state_forces.yaml: capital {capital!r} has unknown country {iso3!r}")
            self._add(capital, CAPITAL, iso3=iso3)
        self._metonym_verbs = frozenset(cfg.get("capital_metonym_verbs") or [])

    def _entry_from(self, d: dict, kind: str) -> Entry:
        country = d.get("country") or None
        if country is not None and country not in self.countries:
            raise CatalogueError(f"{d.get('name')!r}: unknown country code {country!r}")
        sector = d.get("sector")
        cameo = d.get("cameo") or _default_cameo(country, sector)
        return Entry(name=d["name"], country=country, sector=sector, inter=d.get("inter"), cameo=cameo, kind=kind,
                     parent=d.get("parent"))

    def _build_named(self, items: list[dict], kind: str) -> None:
        for d in items or []:
            if not isinstance(d, dict) or not isinstance(d.get("name"), str) \
                    or not isinstance(d.get("aliases", []), list):
                raise CatalogueError(f"{kind} entry {d!r}: needs a 'name' string and an 'aliases' list")
            inter = d.get("inter")
            if inter is not None and (not isinstance(inter, int) or not 1 <= inter <= 8):
                raise CatalogueError(f"{d['name']!r}: ACLED inter code must be 1-8, not {inter!r}")
            entry = self._register(self._entry_from(d, kind))
            for alias in [d["name"], *(d.get("aliases") or [])]:
                self._alias(alias, entry, kind)
                if any(c.isupper() for c in alias):
                    self._ruler_org(alias, entry.name)

    def _build_state_named(self, items: list[dict]) -> None:
        for d in items:
            iso3, sector = d["country"], d["sector"]
            if iso3 not in self.countries:
                raise CatalogueError(f"state_forces.yaml: unknown country code {iso3!r}")
            if d.get("name"):
                c = self.countries[iso3]
                entry = self._register(Entry(name=d["name"], country=iso3, sector=sector, inter=1,
                                             cameo=f"{c.cameo}{sector}", kind="state"))
                self._alias(d["name"], entry, "state")
                self._ruler_org(d["name"], entry.name)
            else:
                entry = self.state_entry(iso3, sector)
            for alias in d.get("aliases") or []:
                self._alias(alias, entry, "state")
                if any(c.isupper() for c in alias):
                    self._ruler_org(alias, entry.name)

    def _build_generics(self, cfg: dict) -> None:
        for d in cfg.get("generics") or []:
            state = d.get("state")
            sector = d.get("sector") or state
            inter = d.get("inter") or (int(self._state_cfg["sectors"][state]["inter"]) if state else None)
            g = Generic(name=d["name"], sector=sector, inter=inter, template=d.get("localized"),
                        state_sector=d.get("state"),
                        by_country=tuple(sorted((d.get("by_country") or {}).items())))
            self.generics[g.name] = g
            for noun in d.get("nouns") or []:
                self._add(noun, GEN_NOUN, generic=g)
                self.aliases.setdefault(normalise(noun), g.name)
        for mod in cfg.get("generic_modifiers") or []:
            self._add(mod, GEN_MOD)
        for noun in cfg.get("member_nouns") or []:
            self._add(noun, MEMBER)
        for sector, spec in (self._state_cfg.get("nouns") or {}).items():
            for noun in [*(spec.get("bare") or []), *(spec.get("country") or [])]:
                self._add(noun, MEMBER)
                self._add(noun, TITLE)
        for t in cfg.get("titles") or []:
            self._add(t, TITLE)
        for g in self.generics.values():
            for _, name in g.by_country:
                if name not in self.entries:
                    raise CatalogueError(f"generic {g.name!r}: by_country names unknown actor {name!r}")

    def _build_people(self, items: list[dict]) -> None:
        for d in items:
            person = d["person"]
            if d.get("state"):
                iso3, _, sector = d["state"].partition("/")
                if iso3 not in self.countries or sector not in STATE_SECTORS:
                    raise CatalogueError(f"people.yaml: {person!r} has a bad state {d['state']!r}")
                entry = self.state_entry(iso3, sector)
            else:
                entry = self.entries.get(d.get("actor") or "")
                if entry is None:
                    raise CatalogueError(f"people.yaml: {person!r} acts for unknown actor {d.get('actor')!r}")
            self.people[person] = entry.name
            for alias in [person, *(d.get("aliases") or [])]:
                self._alias(alias, entry, "person", person=person)
                if len(split_words(alias)) > 1:  # a lone surname may be a town ("Bolton"): left to the NER
                    self._ruler.append({"label": "PERSON", "pattern": alias, "id": entry.name})
                if entry.kind == "state":
                    self._add(alias, REF, iso3=entry.country, leader=True)
                    self._add(f"{alias}'s", REF, iso3=entry.country, leader=True)

    def _build_guess(self, cfg: dict) -> None:
        for rule in cfg.get("guess_rules") or []:
            self._guess_rules.append((frozenset(w.lower() for w in rule["words"]), rule["sector"], int(rule["inter"])))
        default = cfg.get("guess_default") or {"sector": "UAF", "inter": 3}
        self._guess_default = (default["sector"], int(default["inter"]))

    def _ruler_org(self, alias: str, name: str) -> None:
        self._ruler.append({"label": "ORG", "pattern": alias, "id": name})
        if alias[:1].islower():
            self._ruler.append({"label": "ORG", "pattern": alias[:1].upper() + alias[1:], "id": name})
        if re.match(r"(?i)al-", alias):
            spaced = alias[:2] + " " + alias[3:]
            self._ruler.append({"label": "ORG", "pattern": spaced, "id": name})
            self._ruler.append({"label": "ORG", "pattern": spaced[:1].upper() + spaced[1:], "id": name})

    # -- figures -------------------------------------------------------------------------------------------
    def stats(self) -> dict[str, int]:
        """Counts for reports and tests: actors, explicit aliases, generated state phrases."""
        refs = sum(1 for ts in self._index.values() for t in ts if t.kind == REF and not t.leader)
        nouns = sum(1 for ts in self._index.values() for t in ts if t.kind == STATE_NOUN)
        return {"actors": len(self.entries), "generic_actors": len(self.generics), "aliases": len(self.aliases),
                "people": len(self.people), "countries": len(self.countries),
                "generated_state_phrases": refs * nouns}

    def alias_clashes(self) -> list[tuple[str, list[str]]]:
        """Aliases that name two different actors with the same case rules, or a named actor and a generic.
        The matcher cannot tell them apart, so the data should not contain any."""
        out = []
        for key, targets in self._index.items():
            named: dict[tuple, set[str]] = defaultdict(set)
            for t in targets:
                if t.kind == ALIAS:
                    named[t.checks].add(t.entry.name)
            generic = {t.generic.name for t in targets if t.kind == GEN_NOUN}
            for names in named.values():
                if len(names) > 1 or (names and generic):
                    out.append((" ".join(key), sorted(names | generic)))
        return out

    def ruler_patterns(self) -> list[dict]:
        seen: set[tuple[str, str]] = set()
        out = []
        for p in self._ruler:
            k = (p["label"], p["pattern"])
            if k not in seen:
                seen.add(k)
                out.append(dict(p))
        return out

    # -- matching ------------------------------------------------------------------------------------------
    def _at(self, words: Sequence[_Word], i: int, kinds: Iterable[str], memo: dict) -> list[tuple[int, Target]]:
        """All (length, target) whose phrase starts at word i, longest first, restricted to `kinds`."""
        if i >= len(words) or words[i].key not in self._first:
            return []
        found = memo.get(i)
        if found is None:
            found = []
            for length in range(min(self._maxlen, len(words) - i), 0, -1):
                targets = self._index.get(tuple(w.key for w in words[i:i + length]))
                if targets:
                    found.extend((length, t) for t in targets if _case_ok(t.checks, words, i))
            memo[i] = found
        kinds = set(kinds)
        return [(n, t) for n, t in found if t.kind in kinds]

    def _ends_at(self, words: Sequence[_Word], j: int, kind: str, memo: dict) -> int | None:
        """Start of the longest phrase of `kind` that ends right before word j."""
        for length in range(min(self._maxlen, j), 0, -1):
            i = j - length
            if any(n == length for n, _ in self._at(words, i, (kind,), memo)):
                return i
        return None

    def _scan(self, words: Sequence[_Word], persons: Sequence[tuple[int, int]] = ()) -> list[_Cand]:
        memo: dict[int, list] = {}
        cands: list[_Cand] = []
        for start, end in persons:
            cands.extend(self._titled_person(words, start, end, memo))
        person_ends = {(s, e) for s, e in persons}
        for i in range(len(words)):
            if words[i].key not in self._first:
                continue
            cands.extend(c for c in self._alias_cands(words, i, memo)
                         if c.kind != "person" or not _inside_longer_name(c, person_ends))
            cands.extend(self._state_cands(words, i, memo))
            cands.extend(self._generic_cands(words, i, memo))
            cands.extend(self._country_cands(words, i, memo))
        return cands

    def _span_text(self, words: Sequence[_Word], start: int, end: int) -> str:
        return " ".join(w.folded for w in words[start:end])

    def _alias_cands(self, words, i, memo) -> list[_Cand]:
        out = []
        for n, t in self._at(words, i, (ALIAS,), memo):
            end = i + n
            # "Taliban fighters", "IS militants", "Pentagon officials": the member noun stays with the group
            if t.mention_kind != "person" or t.entry.kind != "state":
                member = self._at(words, end, (MEMBER,), memo)
                if member and t.mention_kind != "generic":
                    end += member[0][0]
            start, entry = i, t.entry
            if entry.kind == "state" and t.mention_kind == "state":
                k = self._ends_at(words, i, REF, memo)  # "Pakistani Frontier Corps", "Israeli IDF"
                if k is not None and any(k + n == i and r.iso3 == entry.country
                                         for n, r in self._at(words, k, (REF,), memo)):
                    start = k
            if t.mention_kind == "person":
                start, role = self._title_start(words, i, memo)
                if role and entry.kind == "state" and entry.country and role != entry.sector:
                    entry = self.state_entry(entry.country, role)  # "Turkish spy chief Hakan Fidan" -> SPY
            out.append(_Cand(start, end, entry.actor(), t.mention_kind, priority=0, person=t.person))
        return out

    def _title_start(self, words, i, memo) -> tuple[int, str | None]:
        """Extend a person's mention left over role words and a country: "Turkish President Erdogan". Also
        gives the sector of the role nearest the name when it is a state noun ("spy chief" -> SPY)."""
        start, titled, role = i, False, None
        while start > 0:
            j = self._ends_at(words, start, TITLE, memo)
            if j is not None:
                if not titled:
                    nouns = [t for n, t in self._at(words, j, (STATE_NOUN,), memo) if j + n == start]
                    role = nouns[0].sector if nouns else None
                start, titled = j, True
                continue
            j = self._ends_at(words, start, REF, memo) if titled else None
            if j is not None:
                start = j
                continue
            break
        return start, role

    def _titled_person(self, words, start, end, memo) -> list[_Cand]:
        """A person the catalogue does not know, named with a state role: "Gambian President Dawda Jawara" is
        Government of the Gambia, "Judge Alejandro Rivera" the (generic) government of the event's country."""
        if self._at(words, start, (ALIAS,), memo):
            return []
        j = self._ends_at(words, start, TITLE, memo)
        if j is None:
            return []
        nouns = [t for n, t in self._at(words, j, (STATE_NOUN,), memo) if j + n == start]
        if not nouns:
            return []
        sector = nouns[0].sector
        while True:  # more role words and modifiers to the left: "former Socialist prime minister"
            k = self._ends_at(words, j, STATE_MOD, memo)
            if k is None:
                break
            j = k
        k = self._ends_at(words, j, REF, memo)
        if k is not None:
            iso3 = next(t.iso3 for n, t in self._at(words, k, (REF,), memo) if k + n == j)
            return [_Cand(k, end, self.state_entry(iso3, sector).actor(), "person", priority=0)]
        if sector not in ("GOV", "COP"):
            return []  # "pilot Bernardo Badell" may be a civilian pilot; a minister or a judge is the state
        g = self._state_generic(sector)
        return [_Cand(j, end, g.entry().actor(), "person", generic=True, priority=0)]

    def _state_cands(self, words, i, memo) -> list[_Cand]:
        """[pro-] COUNTRY [modifiers] NOUN -> state actor; [modifiers] NOUN -> generic state actor."""
        out = []
        starts: list[tuple[int, str | None]] = [(i, None)]  # (word after the country, iso3)
        pro = words[i].key == "pro"
        j0 = i + 1 if pro else i
        after_pro = i > 0 and words[i - 1].key == "pro"
        for n, t in self._at(words, j0, (REF,), memo):
            if (pro or after_pro) and not t.leader:
                continue  # "pro-Russian forces" are Russia's allies, not its army; "pro-Assad forces" are the state's
            starts.append((j0 + n, t.iso3))
        for after, iso3 in starts:
            if iso3 is None and i > 0 and words[i].shape == "title" and words[i - 1].shape in ("title", "upper") \
                    and words[i - 1].key not in ARTICLES and not self._at(words, i - 1, (REF, STATE_MOD), memo):
                continue  # "Liberation Army": part of an unknown proper name
            named = {after + n for n, t in self._at(words, after, (ALIAS,), memo) if t.entry.kind != "state"}
            readings = self._noun_after(words, after, memo)
            if iso3 is not None and after < len(words) and words[after].shape == "title" \
                    and words[after].key not in self._first:
                # "Nicaragua's Sandinista government", "Syria's Baathist regime": a party word before a government
                readings += [r for r in self._noun_after(words, after + 1, memo) if r[1] == "GOV"]
            for end, sector, state_mod in readings:
                if iso3 is None and not (state_mod or end[1]):
                    continue
                if end[0] in named:
                    continue  # "Syria's National Defense Forces" is the NDF militia, not the Syrian army
                e, bare = end
                if iso3 is not None:
                    actor = self.state_entry(iso3, sector).actor()
                    out.append(_Cand(i, e, actor, "state", priority=1, sector=sector))
                else:
                    g = self._state_generic(sector)
                    out.append(_Cand(i, e, g.entry().actor(), "generic", generic=True, priority=1, sector=sector))
        return out

    def _noun_after(self, words, j, memo) -> list[tuple[tuple[int, bool], str, bool]]:
        """((end, bare), sector, state_modifier_seen) for every modifiers+noun reading that starts at word j."""
        out = []
        frontier = [(j, False)]
        seen = set()
        while frontier:
            k, state_mod = frontier.pop()
            if (k, state_mod) in seen or k - j > 6:
                continue
            seen.add((k, state_mod))
            for n, t in self._at(words, k, (STATE_NOUN,), memo):
                e = k + n
                out.append(((e, t.flag), t.sector, state_mod))
                # a noun compound keeps the first noun's sector: "army spokesman" (MIL), "foreign ministry official";
                # a first noun that is also a modifier ("regime forces", "government troops") is read as one
                if any(m == n for m, _ in self._at(words, k, (STATE_MOD,), memo)):
                    continue
                for _ in range(2):
                    more = self._at(words, e, (STATE_NOUN,), memo)
                    if not more:
                        break
                    e += more[0][0]
                    out.append(((e, t.flag), t.sector, state_mod))
            for n, t in self._at(words, k, (STATE_MOD,), memo):
                frontier.append((k + n, state_mod or t.flag))
        return out

    def _state_generic(self, sector: str) -> Generic:
        for g in self.generics.values():
            if g.state_sector == sector:
                return g
        raise CatalogueError(f"generics.yaml has no generic state actor for sector {sector}")

    def _generic_cands(self, words, i, memo) -> list[_Cand]:
        """[COUNTRY] [modifiers] NOUN -> generic actor (localised at once when a country is named)."""
        out = []
        heads: list[tuple[int, str | None]] = [(i, None)]
        if not (i > 0 and words[i - 1].key == "pro"):
            heads += [(i + n, t.iso3) for n, t in self._at(words, i, (REF,), memo) if not t.leader]
        for after, iso3 in heads:
            frontier, seen = [after], set()
            while frontier:
                k = frontier.pop()
                if k in seen or k - after > 4:
                    continue
                seen.add(k)
                for n, t in self._at(words, k, (GEN_NOUN,), memo):
                    g = t.generic
                    if iso3 is not None:
                        out.append(_Cand(i, k + n, self.localize(g.entry().actor(), iso3), "generic", priority=1))
                    else:
                        out.append(_Cand(i, k + n, g.entry().actor(), "generic", generic=True, priority=2))
                for n, _ in self._at(words, k, (GEN_MOD,), memo):
                    frontier.append(k + n)
        # explicit generic phrases ("Kurdish forces")
        return out

    def _country_cands(self, words, i, memo) -> list[_Cand]:
        out = []
        for n, t in self._at(words, i, (COUNTRY,), memo):
            if t.flag and not (i + n < len(words) and words[i + n].key in self._metonym_verbs):
                continue  # "Georgia" on its own may be the US state: only "Georgia said" is the government
            out.append(_Cand(i, i + n, self.state_entry(t.iso3, "GOV").actor(), "country", priority=3))
        for n, t in self._at(words, i, (DEMONYM,), memo):
            g = self.generics.get(self._generics_cfg.get("demonym_generic") or "Civilians")
            if g is None:
                continue
            if i > 0 and words[i - 1].key == "ethnic":  # "ethnic Albanians in Serbia": people of the event's country
                out.append(_Cand(i - 1, i + n, g.entry().actor(), "generic", generic=True, priority=3))
            else:
                out.append(_Cand(i, i + n, self.localize(g.entry().actor(), t.iso3), "demonym", priority=3))
        for n, t in self._at(words, i, (CAPITAL,), memo):
            nxt = words[i + n].key if i + n < len(words) else ""
            prev_title = i > 0 and words[i - 1].shape in ("title", "upper") and words[i - 1].key not in ARTICLES
            if nxt in self._metonym_verbs and not prev_title:
                out.append(_Cand(i, i + n, self.state_entry(t.iso3, "GOV").actor(), "capital", priority=3))
        return out

    @staticmethod
    def _select(cands: list[_Cand]) -> list[_Cand]:
        """Non-overlapping, longest first (ties: explicit aliases before generated phrases, then leftmost)."""
        taken: list[_Cand] = []
        used: set[int] = set()
        for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.priority, c.start)):
            span = range(c.start, c.end)
            if any(k in used for k in span):
                continue
            used.update(span)
            taken.append(c)
        return sorted(taken, key=lambda c: c.start)

    def _expand_conjuncts(self, words: Sequence[_Word], taken: list[_Cand]) -> list[_Cand]:
        """"Russian and Syrian warplanes": the noun is shared, so "Russian" is Military Forces of Russia too."""
        memo: dict = {}
        used = {k for c in taken for k in range(c.start, c.end)}
        extra: list[_Cand] = []
        for c in taken:
            if c.kind not in ("state", "generic") or c.sector is None:
                continue  # "Russian and regime warplanes": the generic phrase shares its noun too
            j = c.start
            while j > 1 and words[j - 1].key in ("and", "or", ",", "&"):
                k = self._ends_at(words, j - 1, REF, memo)
                if k is None or any(x in used for x in range(k, j - 1)):
                    break
                iso3 = next(t.iso3 for n, t in self._at(words, k, (REF,), memo) if k + n == j - 1)
                extra.append(_Cand(k, j - 1, self.state_entry(iso3, c.sector).actor(), "state", priority=1,
                                   sector=c.sector))
                used.update(range(k, j - 1))
                j = k
        return sorted(taken + extra, key=lambda c: c.start)

    # -- public API ----------------------------------------------------------------------------------------
    def find_mentions(self, doc) -> list[ActorMention]:
        """Actor mentions in a spaCy Doc: non-overlapping, sorted by start, the longest reading winning."""
        words = _doc_words(doc)
        if not words:
            return []
        out = []
        text = doc.text  # built from the tokens on every access: once per Doc
        persons = _person_spans(doc, words)
        for c in self._expand_conjuncts(words, self._select(self._scan(words, persons))):
            first, last = doc[words[c.start].token], doc[words[c.end - 1].token]
            if c.kind == "country" and not _country_is_actor(doc, words, c):
                continue
            start, end = words[c.start].start, words[c.end - 1].end
            actor = replace(c.actor, text=text[start:end])
            out.append(ActorMention(start=start, end=end, start_token=first.i, end_token=last.i + 1, actor=actor,
                                    generic=c.generic, kind=c.kind, person=c.person))
        return out

    def resolve(self, text: str) -> Actor | None:
        """The canonical actor for a phrase ("Daesh", "the Turkish army", "Military Forces of Turkey"), or None."""
        if not text or not text.strip():
            return None
        clean = _clean_name(text)
        key = normalise(clean)
        if key in self._names:
            name = self._names[key]
            entry = self.entries[name]
            return replace(entry.actor(), text=text)
        local = self._resolve_localized(clean)
        if local is not None:
            return replace(local, text=text)
        if key in self._generic_names:
            return replace(self.generics[self._generic_names[key]].entry().actor(), text=text)
        words = [_Word(key=w.lower(), folded=w, shape=shape(w), token=k) for k, w in enumerate(split_words(clean))]
        while words and words[0].key in ARTICLES:
            words = words[1:]
        while words and words[-1].key == POSSESSIVE:
            words = words[:-1]
        if not words:
            return None
        for strict in (True, False):
            # the second pass lets lower-case words stand for Capitalised ones ("hayat tahrir al-sham"), never
            # for acronyms ("car" is not CAR, "is" is not IS)
            ws = words if strict else [replace(w, shape="title") if w.shape == "lower" else w for w in words]
            full = [c for c in self._scan(ws) if c.start == 0 and c.end == len(ws)]
            if full:
                best = sorted(full, key=lambda c: c.priority)[0]
                return replace(best.actor, text=text)
            # a country name the caller already took for an actor, even an ambiguous one ("Jordan")
            country = [t for n, t in self._at(ws, 0, (COUNTRY,), {}) if n == len(ws)]
            if country:
                return replace(self.state_entry(country[0].iso3, "GOV").actor(), text=text)
        return None

    @functools.cached_property
    def _generic_names(self) -> dict[str, str]:
        return {normalise(name): name for name in self.generics}

    def _resolve_localized(self, text: str) -> Actor | None:
        m = re.match(r"^(.*\S)\s*\((.+)\)\s*$", text)
        if not m:
            return None
        base, place = m.group(1).strip(), normalise(m.group(2))
        g = self.generics.get(base)
        if g is None:
            return None
        for c in self.countries.values():
            if normalise(c.name) == place or c.iso3.lower() == place:
                return self.localize(g.entry().actor(), c.iso3)
        return None

    def parent(self, name: str) -> str | None:
        """The umbrella group of a catalogue actor ("Islamic State West Africa Province" -> "Islamic State")."""
        entry = self.entries.get(name)
        return entry.parent if entry else None

    def is_generic(self, actor: Actor) -> bool:
        return actor.country is None and actor.name in self.generics

    def localize(self, actor: Actor, iso3: str | None) -> Actor:
        """Give a generic actor the event's country ("gunmen" + SYR -> Unidentified Armed Group (Syria))."""
        if not iso3 or actor is None or not self.is_generic(actor):
            return actor
        iso3 = iso3.upper()
        g = self.generics[actor.name]
        target = dict(g.by_country).get(iso3)
        if target is not None:
            return replace(self.entries[target].actor(), text=actor.text)
        if g.state_sector:
            return replace(self.state_entry(iso3, g.state_sector).actor(), text=actor.text) \
                if iso3 in self.countries else actor
        if not g.template:
            return actor
        c = self.countries.get(iso3)
        name = g.template.format(country=c.name if c else iso3)
        cameo = f"{c.cameo if c else iso3}{g.sector or ''}"
        return Actor(name=name, text=actor.text, country=iso3, sector=g.sector, inter=g.inter, cameo=cameo, known=True)

    def guess(self, text: str) -> Actor:
        """A best-guess record for an actor the catalogue does not know: name from the text, sector and ACLED
        inter from its words (rules in generics.yaml), country from a country word in it; known=False."""
        name = _clean_name(text) or (text or "").strip() or UNKNOWN_NAME
        split = split_words(name)
        lower = [w.lower() for w in split]
        sector, inter = self._guess_default
        rule = next(((s, n) for words, s, n in self._guess_rules if any(w in words for w in lower)), None)
        if rule is not None:
            sector, inter = rule
        if not any(shape(w) != "lower" for w in split):
            # a common-noun phrase ("the army", "local police"): a state force noun decides before the rules,
            # which are written for names ("Mahdi Army" is a militia)
            state = self._bare_state_sector(split)
            if state is not None:
                sector, inter = state, 1
        country = self._country_in(name)
        cameo = f"{self.countries[country].cameo}{sector}" if country else None
        return Actor(name=name, text=text, country=country, sector=sector, inter=inter, cameo=cameo, known=False)

    def _bare_state_sector(self, words: Sequence[str]) -> str | None:
        ws = [_Word(key=w.lower(), folded=w, shape=shape(w), token=k) for k, w in enumerate(words)]
        memo: dict = {}
        for i in range(len(ws)):
            for _, t in self._at(ws, i, (STATE_NOUN,), memo):
                if t.flag:
                    return t.sector
        return None

    def as_acting_in(self, actor: Actor, iso3: str | None) -> Actor:
        """ACLED codes state forces acting outside their own country as external forces (inter 8): Turkish forces
        in Syria. Other actors, and state forces at home, come back unchanged."""
        if actor is None or not iso3 or actor.inter != 1 or not actor.country or actor.country == iso3.upper():
            return actor
        if actor.sector not in STATE_SECTORS:
            return actor
        return replace(actor, inter=8)

    def _country_in(self, text: str) -> str | None:
        words = [_Word(key=w.lower(), folded=w, shape=shape(w), token=k) for k, w in enumerate(split_words(text))]
        memo: dict = {}
        for i in range(len(words)):
            for _, t in self._at(words, i, (REF, COUNTRY, DEMONYM), memo):
                if t.iso3:
                    return t.iso3
        return None


# ----------------------------------------------------------------------------------------------------------------
# helpers

@functools.lru_cache(maxsize=200_000)
def _token_parts(text: str) -> tuple[tuple[str, str, str, int, int], ...]:
    """(key, folded, shape, start, end) of the words inside one token's text; cached, as token texts repeat."""
    if len(text) > 1 and (_SPLIT_RE.search(text) or _INNER_PUNCT_RE.search(text)):
        parts = [p for p in _SPLIT_RE.split(_INNER_PUNCT_RE.sub(r"-\1-", text)) if p] or [text]
    else:
        parts = [text]
    out = []
    pos = 0
    for part in parts:
        at = text.find(part, pos)
        at = pos if at < 0 else at
        pos = at + len(part)
        f = fold(part) or part  # punctuation stays as a barrier no phrase can cross
        out.append((f.lower(), f, shape(f), at, pos))
    return tuple(out)


def _doc_words(doc) -> list[_Word]:
    words: list[_Word] = []
    for tok in doc:
        text = tok.text
        if text in JOINERS or tok.is_space:
            continue
        idx, i = tok.idx, tok.i
        for key, folded, shp, at, end in _token_parts(text):
            words.append(_Word(key=key, folded=folded, shape=shp, token=i, start=idx + at, end=idx + end))
    return words


def _inside_longer_name(c: _Cand, persons: Iterable[tuple[int, int]]) -> bool:
    """A known name that is only the start of a longer PERSON name ("Sharon" in "Sharon Stone")."""
    return any(s <= c.start < e and e > c.end for s, e in persons)


def _person_spans(doc, words: Sequence[_Word]) -> list[tuple[int, int]]:
    """PERSON entities of the Doc as word ranges."""
    first: dict[int, int] = {}
    last: dict[int, int] = {}
    for k, w in enumerate(words):
        first.setdefault(w.token, k)
        last[w.token] = k + 1
    out = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        toks = [t.i for t in ent if t.i in first]
        if toks:
            out.append((first[toks[0]], last[toks[-1]]))
    return out


def _country_is_actor(doc, words: Sequence[_Word], c: _Cand) -> bool:
    """A bare country name is an actor only where it acts: not after "in"/"from", not as a noun modifier."""
    if c.start > 0 and words[c.start - 1].key in LOCATIVE_WORDS:
        return False
    first = doc[words[c.start].token]
    if first.i > 0 and doc[first.i - 1].pos_ == "PROPN" and words[c.start - 1].token == first.i - 1:
        return False  # part of a longer name: "New Jersey", "Northern Ireland"
    if c.end + 1 < len(words) and words[c.end].key == POSSESSIVE and words[c.end + 1].key in PLACE_NOUNS:
        return False  # "Syria's north" is a place, "Haiti's efforts" an actor
    tok = doc[words[c.end - 1].token]
    if tok.dep_ in ("compound", "amod", "nmod", "npadvmod") and tok.head.i > tok.i:
        return False
    if c.end < len(words) and words[c.end].key in ("border", "borders", "frontier", "province", "region", "city"):
        return False
    if tok.ent_type_ and tok.ent_type_ not in ("GPE", "NORP", "ORG", ""):
        return False
    return True


def _default_cameo(country: str | None, sector: str | None) -> str | None:
    """Country + sector ("SYRREB"); above states CAMEO's IGO, NGO or IMG (international militarized group)."""
    if country:
        return country + (sector or "")
    if sector in ("IGO", "NGO"):
        return sector
    if sector in ("INS", "REB", "SEP", "UAF", "MIL", "CRM"):
        return "IMG"
    return None


def _clean_name(text: str) -> str:
    t = (text or "").strip().strip("\"'\u201c\u201d\u2018\u2019.,;:")
    t = re.sub(r"\s+", " ", t)
    t = re.sub(r"^(?:the|a|an)\s+", "", t, flags=re.IGNORECASE)
    t = re.sub(r"(?:'s|\u2019s|')$", "", t)
    return t.strip()


@functools.lru_cache(maxsize=1)
def load_catalogue(language=None) -> Catalogue:
    """A catalogue from the package data files (the Pipeline loads one and owns it)."""
    return default_catalogue()


def default_catalogue() -> Catalogue:
    """The catalogue from the package data files, loaded once per process."""
    return Catalogue(countries=load_countries(), state_cfg=_read_yaml("state_forces.yaml"),
                     groups=_read_yaml("groups.yaml"), igos=_read_yaml("igos.yaml"), people=_read_yaml("people.yaml"),
                     generics_cfg=_read_yaml("generics.yaml"))


def ruler_patterns() -> list[dict]:
    """spaCy EntityRuler patterns for the catalogue's names: ORG (groups, IGOs, state institutions), PERSON
    (people), NORP (nationality adjectives; id = the country's name). ORTH matching: case variants included."""
    return default_catalogue().ruler_patterns()
