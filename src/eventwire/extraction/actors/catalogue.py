"""The Catalogue: canonical actors, the index of their aliases and the words that generate state actors, and what
the other stages ask of it (resolve a phrase, localise a generic actor, guess an unknown one, find mentions)."""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from eventwire.extraction.actors import build, guess, matching, mentions, user
from eventwire.extraction.actors.data import CatalogueError, Sources, entry_error, read_sources
from eventwire.extraction.actors.entries import STATE_SECTORS, Entry, Generic
from eventwire.extraction.actors.index import ALIAS, CAPITAL, COUNTRY, GEN_NOUN, REF, STATE_NOUN, PhraseIndex, Scan
from eventwire.extraction.actors.mentions import ActorMention
from eventwire.extraction.actors.words import ARTICLES, POSSESSIVE, clean_name, normalise, phrase_words, split_words
from eventwire.lang import LanguageData
from eventwire.records import Actor


class Catalogue:
    """The actor catalogue: canonical actors, their aliases, and the matcher over spaCy Docs."""

    def __init__(self, sources: Sources):
        self.countries = sources.countries
        self.place_nouns = sources.place_nouns
        self.locative_words = sources.locative_words
        self.place_after = sources.place_after
        self.entries: dict[str, Entry] = {}
        self.generics: dict[str, Generic] = {}
        self.aliases: dict[str, str] = {}  # normalised alias -> canonical name (explicit aliases only)
        self.people: dict[str, str] = {}  # person name -> canonical actor
        self.index = PhraseIndex()
        self.ruler: list[dict] = []  # entity-ruler patterns, in the order they were made (duplicates included)
        self.metonym_verbs: frozenset[str] = frozenset()  # "Moscow said": capitals before these are governments
        self.guess_rules: list[tuple[frozenset[str], str, int]] = []
        self.guess_default: tuple[str, int] = ("UAF", 3)
        self.guess_person_harmed: tuple[str, int] = ("CVL", 7)  # a named private person who is hit
        self._names: dict[str, str] = {}  # normalised canonical name -> canonical name
        self._state_cfg = sources.state_forces
        self._the_countries = frozenset(self._state_cfg.get("the_countries") or [])
        self.demonym_generic = sources.generics.get("demonym_generic") or "Civilians"
        self.resident_demonyms = frozenset(normalise(d) for d in sources.generics.get("resident_demonyms") or [])
        build.build(self, sources)

    # -- building (called by build.py) ---------------------------------------------------------------------
    def register(self, entry: Entry, source: dict | None = None) -> Entry:
        old = self.entries.get(entry.name)
        if old is not None and old != entry:
            raise entry_error(source, f"actor {entry.name!r} is defined twice with different data: {old} / {entry}")
        self.entries[entry.name] = entry
        self._names[normalise(entry.name)] = entry.name
        return entry

    def alias(self, alias: str, entry: Entry, mention_kind: str, person: str | None = None,
              generic: Generic | None = None) -> None:
        alias = re.sub(r"^(?:the|The)\s+", "", alias.strip())
        self.index.add(alias, ALIAS, entry=entry, mention_kind=mention_kind, person=person, generic=generic)
        self.aliases.setdefault(normalise(alias), entry.name)

    # -- state actors ----------------------------------------------------------------------------------------
    def country_name(self, iso3: str) -> str:
        c = self.countries.get(iso3)
        if c is None:
            return iso3
        return f"the {c.name}" if iso3 in self._the_countries else c.name

    def state_entry(self, iso3: str, sector: str) -> Entry:
        """The generated state actor of a country: ("TUR", "MIL") -> Military Forces of Turkey."""
        spec = self._state_cfg["sectors"][sector]
        name = spec["name"].format(country=self.country_name(iso3))
        entry = self.entries.get(name)
        if entry is None:
            c = self.countries.get(iso3)
            entry = self.register(Entry(name=name, country=iso3, sector=sector, inter=int(spec["inter"]),
                                        cameo=f"{c.cameo if c else iso3}{sector}", kind="state"))
        return entry

    def state_generic(self, sector: str) -> Generic:
        """The generic actor standing for the state forces of `sector` of the event's country."""
        for g in self.generics.values():
            if g.state_sector == sector:
                return g
        raise CatalogueError(f"generics.yaml has no generic state actor for sector {sector}")

    # -- figures -------------------------------------------------------------------------------------------
    def stats(self) -> dict[str, int]:
        """Counts for reports and tests: actors, explicit aliases, generated state phrases."""
        refs = self.index.count(REF, leader=False)
        nouns = self.index.count(STATE_NOUN)
        return {"actors": len(self.entries), "generic_actors": len(self.generics), "aliases": len(self.aliases),
                "people": len(self.people), "countries": len(self.countries),
                "generated_state_phrases": refs * nouns}

    def alias_clashes(self) -> list[tuple[str, list[str]]]:
        """Aliases that name two different actors with the same case rules, or a named actor and a generic.
        The matcher cannot tell them apart, so the data should not contain any."""
        out = []
        for key, targets in self.index.targets.items():
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
        """spaCy EntityRuler patterns for the catalogue's names: ORG (groups, IGOs, state institutions), PERSON
        (people), NORP (nationality adjectives; id = the country's name). ORTH matching: case variants included."""
        seen: set[tuple[str, str]] = set()
        out = []
        for p in self.ruler:
            k = (p["label"], p["pattern"])
            if k not in seen:
                seen.add(k)
                out.append(dict(p))
        return out

    # -- what the stages ask ---------------------------------------------------------------------------------
    def find_mentions(self, doc) -> list[ActorMention]:
        """Actor mentions in a spaCy Doc: non-overlapping, sorted by start, the longest reading winning."""
        return mentions.find_mentions(self, doc)

    def resolve(self, text: str) -> Actor | None:
        """The canonical actor for a phrase ("Daesh", "the Turkish army", "Military Forces of Turkey"), or None."""
        if not text or not text.strip():
            return None
        clean = clean_name(text)
        key = normalise(clean)
        if key in self._names:
            return replace(self.entries[self._names[key]].actor(), text=text)
        local = self._resolve_localized(clean)
        if local is not None:
            return replace(local, text=text)
        if key in self._generic_names:
            return replace(self.generics[self._generic_names[key]].entry().actor(), text=text)
        words = phrase_words(split_words(clean))
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
            full = [c for c in matching.Matcher(self, ws).candidates() if c.start == 0 and c.end == len(ws)]
            if full:
                best = min(full, key=lambda c: c.priority)  # the first of the best
                return replace(best.actor, text=text)
            # a country name the caller already took for an actor, even an ambiguous one ("Jordan")
            country = Scan(self.index, ws).ending(0, len(ws), COUNTRY)
            if country:
                return replace(self.state_entry(country[0].iso3, "GOV").actor(), text=text)
        return None

    def state_of_place(self, text: str) -> Actor | None:
        """The government a country name or a capital stands for when it is a party ("criticised Tokyo", "sent
        arms to Pakistan"); None for any other place. The caller decides that the place is a party."""
        words = phrase_words(split_words(clean_name(text)))
        if not words:
            return None
        found = Scan(self.index, words).ending(0, len(words), COUNTRY) or Scan(self.index, words).ending(
            0, len(words), CAPITAL)
        return replace(self.state_entry(found[0].iso3, "GOV").actor(), text=text) if found else None

    @functools.cached_property
    def rebel_countries(self) -> frozenset[str]:
        """The countries the catalogue knows a rebel, insurgent or separatist group of (ACLED inter 2): where a
        state-based conflict may be the one a fight belongs to."""
        return frozenset(a.country for a in (e.actor() for e in self.entries.values()) if a.inter == 2 and a.country)

    @functools.cached_property
    def _generic_names(self) -> dict[str, str]:
        return {normalise(name): name for name in self.generics}

    def _resolve_localized(self, text: str) -> Actor | None:
        """"Civilians (Syria)": a generic actor's localised name."""
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
        target = dict(g.by_country).get(iso3) or g.default  # (a default stands for every other country)
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

    def unplaced(self, actor: Actor) -> Actor:
        """A generic actor of an event whose country is unknown: its `default` actor when it has one ("Kurdish
        rebels" are the PKK unless the event is placed in Iraq, Syria or Iran), else the actor as it is."""
        if actor is None or not self.is_generic(actor) or not self.generics[actor.name].default:
            return actor
        return replace(self.entries[self.generics[actor.name].default].actor(), text=actor.text)

    def guess(self, text: str, harmed_person: bool = False) -> Actor:
        """A best-guess record for an actor the catalogue does not know (see guess.py); known=False.
        `harmed_person`: the words are a person's name and that person is the one hit."""
        return guess.guess(self, text, harmed_person)

    def as_acting_in(self, actor: Actor, iso3: str | None) -> Actor:
        """ACLED codes state forces acting outside their own country as external forces (inter 8): Turkish forces
        in Syria. Other actors, and state forces at home, come back unchanged."""
        if actor is None or not iso3 or actor.inter != 1 or not actor.country or actor.country == iso3.upper():
            return actor
        if actor.sector not in STATE_SECTORS:
            return actor
        return replace(actor, inter=8)


def load_catalogue(language: LanguageData | None = None, data_dir: Path | None = None,
                   extra_groups: tuple[Path, ...] = (), user_catalogue: Path | str | bool | None = None) -> Catalogue:
    """A new catalogue from the data files: facts from `data_dir` (default: the package's data/), English (or
    another language's) words from `language`, and `extra_groups`, more files in the format of groups.yaml.
    `user_catalogue`: the analyst's own actors (user.py), read last when the file exists: None for the usual
    place ($EVENTWIRE_CATALOGUE or the config folder), a path for another file, False for none.
    The Pipeline loads one and owns it; nothing is cached between calls."""
    extra = tuple(extra_groups)
    if user_catalogue is not False:
        path = user.user_catalogue_path(None if user_catalogue in (None, True) else user_catalogue)
        if path.is_file():
            extra += (path,)
    return Catalogue(read_sources(language, data_dir, extra))
