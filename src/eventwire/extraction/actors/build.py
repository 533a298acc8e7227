"""Filling a Catalogue from its sources: generated state actors and the phrases that find them, named groups,
IGOs and national forces, generic actors, people, and the entity-ruler patterns of all names.

The order of the steps is the order of the index and of the ruler patterns: keep it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from eventwire.extraction.actors.data import CatalogueError, Sources, entry_error
from eventwire.extraction.actors.entries import STATE_SECTORS, Entry, Generic, default_cameo
from eventwire.extraction.actors.index import CAPITAL, COUNTRY, DEMONYM, GEN_MOD, GEN_NOUN, MEMBER, REF, STATE_MOD, STATE_NOUN, TITLE
from eventwire.extraction.actors.words import normalise, split_words

if TYPE_CHECKING:
    from eventwire.extraction.actors.catalogue import Catalogue


def build(cat: Catalogue, src: Sources) -> None:
    state_cfg, generics_cfg = src.state_forces, src.generics
    _states(cat, state_cfg)
    _refs(cat, state_cfg)
    _named(cat, src.groups, "group")
    _named(cat, src.igos, "igo")
    _state_named(cat, state_cfg.get("named") or [])
    _generics(cat, generics_cfg, state_cfg)
    _people(cat, src.people)
    _guess_rules(cat, generics_cfg)


def _states(cat: Catalogue, cfg: dict) -> None:
    for iso3 in cat.countries:
        for sector in STATE_SECTORS:
            cat.state_entry(iso3, sector)
    for sector, spec in (cfg.get("nouns") or {}).items():
        for noun in spec.get("bare") or []:
            cat.index.add(noun, STATE_NOUN, sector=sector, flag=True)
        for noun in spec.get("country") or []:
            cat.index.add(noun, STATE_NOUN, sector=sector, flag=False)
    implies = set(cfg.get("state_modifiers_that_imply_state") or [])
    for mod in cfg.get("state_modifiers") or []:
        cat.index.add(mod, STATE_MOD, flag=mod in implies)


def _refs(cat: Catalogue, cfg: dict) -> None:
    """Country words: adjectives and names before a force noun (REF), bare names (COUNTRY), demonyms, capitals."""
    add = cat.index.add
    shared = cfg.get("shared_adjectives") or {}
    owners: dict[str, set[str]] = {}
    for c in cat.countries.values():
        for adj in c.adjectives:
            owners.setdefault(adj, set()).add(c.iso3)
    alias_names = {normalise(a) for c in cat.countries.values() for a in (c.name, *c.aliases)}
    ambiguous = {normalise(a) for a in cfg.get("ambiguous_country_names") or []}
    for c in cat.countries.values():
        for adj in c.adjectives:
            if len(owners[adj]) > 1 and shared.get(adj) != c.iso3:
                continue
            add(adj, REF, iso3=c.iso3)
            if normalise(adj) not in alias_names:
                cat.ruler.append({"label": "NORP", "pattern": adj, "id": c.name})
        for extra in (cfg.get("extra_country_refs") or {}).get(c.iso3, []):
            add(extra, REF, iso3=c.iso3)
        for name in (c.name, *c.aliases):
            add(f"{name}'s", REF, iso3=c.iso3)
            if len(name) > 1:
                unclear = normalise(name) in ambiguous
                add(name, COUNTRY, iso3=c.iso3, flag=unclear)
                if not unclear:
                    add(name, REF, iso3=c.iso3)  # "DR Congo troops", "Ivory Coast army"
        adjs = {normalise(a) for a in c.adjectives}
        for dem in c.demonyms:
            if normalise(dem) not in adjs and normalise(dem) not in alias_names:
                add(dem, DEMONYM, iso3=c.iso3)
    capitals = {c.capital: c.iso3 for c in cat.countries.values() if c.capital}
    for capital in cfg.get("capital_not_metonyms") or []:
        capitals.pop(capital, None)
    capitals.update(cfg.get("capital_metonyms") or {})
    for capital, iso3 in capitals.items():
        if iso3 not in cat.countries:
            raise CatalogueError(f"state_forces.yaml: capital {capital!r} has unknown country {iso3!r}")
        add(capital, CAPITAL, iso3=iso3)
    cat.metonym_verbs = frozenset(cfg.get("capital_metonym_verbs") or [])


def _entry_from(cat: Catalogue, d: dict, kind: str) -> Entry:
    country = d.get("country") or None
    if country is not None and country not in cat.countries:
        raise entry_error(d, f"{d.get('name')!r}: unknown country code {country!r}")
    sector = d.get("sector")
    cameo = d.get("cameo") or default_cameo(country, sector)
    return Entry(name=d["name"], country=country, sector=sector, inter=d.get("inter"), cameo=cameo, kind=kind,
                 parent=d.get("parent"))


def _named(cat: Catalogue, items: list[dict], kind: str) -> None:
    for d in items or []:
        if not isinstance(d, dict) or not isinstance(d.get("name"), str) \
                or not isinstance(d.get("aliases", []), list):
            raise entry_error(d, f"{kind} entry {d!r}: needs a 'name' string and an 'aliases' list")
        inter = d.get("inter")
        if inter is not None and (not isinstance(inter, int) or not 1 <= inter <= 8):
            raise entry_error(d, f"{d['name']!r}: ACLED inter code must be 1-8, not {inter!r}")
        entry = cat.register(_entry_from(cat, d, kind), d)
        _aliases(cat, entry, [d["name"], *(d.get("aliases") or [])], kind)


def _aliases(cat: Catalogue, entry: Entry, aliases: list[str], kind: str) -> None:
    for alias in aliases:
        cat.alias(alias, entry, kind)
        if any(c.isupper() for c in alias):
            _ruler_org(cat, alias, entry.name)


def _state_named(cat: Catalogue, items: list[dict]) -> None:
    for d in items:
        iso3, sector = d["country"], d["sector"]
        if iso3 not in cat.countries:
            raise entry_error(d, f"state_forces.yaml: unknown country code {iso3!r}")
        if d.get("name"):
            c = cat.countries[iso3]
            entry = cat.register(Entry(name=d["name"], country=iso3, sector=sector, inter=1,
                                       cameo=f"{c.cameo}{sector}", kind="state"), d)
            cat.alias(d["name"], entry, "state")
            _ruler_org(cat, d["name"], entry.name)
        else:
            entry = cat.state_entry(iso3, sector)
        _aliases(cat, entry, d.get("aliases") or [], "state")


def _generics(cat: Catalogue, cfg: dict, state_cfg: dict) -> None:
    add = cat.index.add
    for d in cfg.get("generics") or []:
        state = d.get("state")
        sector = d.get("sector") or state
        inter = d.get("inter") or (int(state_cfg["sectors"][state]["inter"]) if state else None)
        g = Generic(name=d["name"], sector=sector, inter=inter, template=d.get("localized"),
                    state_sector=d.get("state"),
                    by_country=tuple(sorted((d.get("by_country") or {}).items())), default=d.get("default"))
        cat.generics[g.name] = g
        for noun in d.get("nouns") or []:
            add(noun, GEN_NOUN, generic=g)
            cat.aliases.setdefault(normalise(noun), g.name)
    for mod in cfg.get("generic_modifiers") or []:
        add(mod, GEN_MOD)
    for noun in cfg.get("member_nouns") or []:
        add(noun, MEMBER)
    for spec in (state_cfg.get("nouns") or {}).values():
        for noun in [*(spec.get("bare") or []), *(spec.get("country") or [])]:
            add(noun, MEMBER)
            add(noun, TITLE)
    for t in cfg.get("titles") or []:
        add(t, TITLE)
    for g in cat.generics.values():
        for name in [name for _, name in g.by_country] + ([g.default] if g.default else []):
            if name not in cat.entries:
                raise CatalogueError(f"generic {g.name!r}: by_country names unknown actor {name!r}")


def _people(cat: Catalogue, items: list[dict]) -> None:
    for d in items:
        person = d["person"]
        if d.get("state"):
            iso3, _, sector = d["state"].partition("/")
            if iso3 not in cat.countries or sector not in STATE_SECTORS:
                raise entry_error(d, f"people.yaml: {person!r} has a bad state {d['state']!r}")
            entry = cat.state_entry(iso3, sector)
        else:
            entry = cat.entries.get(d.get("actor") or "")
            if entry is None:
                raise entry_error(d, f"people.yaml: {person!r} acts for unknown actor {d.get('actor')!r}")
        cat.people[person] = entry.name
        for alias in [person, *(d.get("aliases") or [])]:
            cat.alias(alias, entry, "person", person=person)
            if len(split_words(alias)) > 1:  # a lone surname may be a town ("Bolton"): left to the NER
                cat.ruler.append({"label": "PERSON", "pattern": alias, "id": entry.name})
            if entry.kind == "state":
                cat.index.add(alias, REF, iso3=entry.country, leader=True)
                cat.index.add(f"{alias}'s", REF, iso3=entry.country, leader=True)


def _guess_rules(cat: Catalogue, cfg: dict) -> None:
    for rule in cfg.get("guess_rules") or []:
        cat.guess_rules.append((frozenset(w.lower() for w in rule["words"]), rule["sector"], int(rule["inter"])))
    default = cfg.get("guess_default") or {"sector": "UAF", "inter": 3}
    cat.guess_default = (default["sector"], int(default["inter"]))
    person = cfg.get("guess_person_harmed") or default
    cat.guess_person_harmed = (person["sector"], int(person["inter"]))


def _ruler_org(cat: Catalogue, alias: str, name: str) -> None:
    """ORG patterns of an alias, with the case and spacing variants the ruler's ORTH matching needs."""
    cat.ruler.append({"label": "ORG", "pattern": alias, "id": name})
    if alias[:1].islower():
        cat.ruler.append({"label": "ORG", "pattern": alias[:1].upper() + alias[1:], "id": name})
    if re.match(r"(?i)al-", alias):
        spaced = alias[:2] + " " + alias[3:]
        cat.ruler.append({"label": "ORG", "pattern": spaced, "id": name})
        cat.ruler.append({"label": "ORG", "pattern": spaced[:1].upper() + spaced[1:], "id": name})
