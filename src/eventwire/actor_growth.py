"""Growing the actor catalogue from the analyst's own data: the actors stored events name that the catalogue did
not know (`eventwire actors --unresolved`, GET /api/actors/unresolved), adding one to the user catalogue
(`eventwire actors add`, extraction/actors/user.py) and re-coding the stored reports that name it.

An actor the catalogue did not know is stored as a best guess with `known: false` (extraction/actors/guess.py):
its name is the words of the article, its sector, ACLED inter and country guessed from them. A `known: false`
actor without `text` is another thing: no words named it, the extractor supplied the usual actor of such an
event (an air strike's national air force); it is no name to add and is left alone."""

from __future__ import annotations

import copy
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.extraction.actors import Catalogue, normalise
from eventwire.lang import read_yaml

SECTOR_INTER_FILE = Path(__file__).parent / "data" / "actors" / "sector_inter.yaml"
ACTOR_SLOTS = ("actor1", "actor2")
ALLY_SLOTS = ("assoc_actor1", "assoc_actor2")
EXAMPLE_CHARS = 300


def default_inter(sector: str) -> int | None:
    """The ACLED inter code a new actor of `sector` gets unless told otherwise (data/actors/sector_inter.yaml)."""
    table = read_yaml(SECTOR_INTER_FILE) or {}
    value = table.get(sector)
    return int(value) if value is not None else None


def _actors_of(record: dict[str, Any]) -> Iterable[dict[str, Any]]:
    for slot in ACTOR_SLOTS:
        if isinstance(record.get(slot), dict):
            yield record[slot]
    for slot in ALLY_SLOTS:
        for actor in record.get(slot) or []:
            if isinstance(actor, dict):
                yield actor


@dataclass
class UnresolvedActor:
    """One actor string the catalogue did not know, over all stored reports that name it."""

    name: str
    reports: int = 0
    articles: set[str] = field(default_factory=set)
    example: str | None = None  # the evidence of the first report that names it
    example_article: str | None = None
    spellings: dict[str, int] = field(default_factory=dict)
    sector: str | None = None  # suggested (the catalogue's guess from the words)
    inter: int | None = None
    country: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "reports": self.reports, "articles": len(self.articles),
                "suggested_sector": self.sector, "suggested_inter": self.inter, "suggested_country": self.country,
                "example": self.example, "example_article": self.example_article,
                "spellings": sorted(self.spellings, key=lambda s: (-self.spellings[s], s))}


def unresolved_actors(reports: Iterable[Any], catalogue: Catalogue, limit: int | None = None,
                      include_rejected: bool = False) -> list[UnresolvedActor]:
    """The actors stored reports name with `known: false`, most reported first, each with an example sentence
    and the sector, inter and country the catalogue suggests for its words. `reports`: store.iter_reports().
    Events a reviewer rejected are left out unless `include_rejected`."""
    found: dict[str, UnresolvedActor] = {}
    for report in reports:
        if report.status == "rejected" and not include_rejected:
            continue
        seen_here: set[str] = set()
        for actor in _actors_of(report.record):
            name = (actor.get("name") or "").strip()
            if actor.get("known", True) or not name or not actor.get("text"):
                continue
            key = normalise(name)
            if not key or key in seen_here:
                continue
            seen_here.add(key)
            entry = found.setdefault(key, UnresolvedActor(name=name))
            entry.reports += 1
            entry.articles.add(report.article_key)
            entry.spellings[name] = entry.spellings.get(name, 0) + 1
            if entry.example is None and report.evidence_text:
                entry.example = " ".join(report.evidence_text.split())[:EXAMPLE_CHARS]
                entry.example_article = report.article_key
    out = sorted(found.values(), key=lambda a: (-a.reports, -len(a.articles), a.name.lower()))
    if limit is not None:
        out = out[:limit]
    for entry in out:
        entry.name = max(entry.spellings, key=lambda s: (entry.spellings[s], s))
        guess = catalogue.guess(entry.name)
        entry.sector, entry.inter, entry.country = guess.sector, guess.inter, guess.country
    return out


class Recoder:
    """Re-codes the actors of stored records that the catalogue did not know when they were extracted and that
    it now resolves to one of `targets` (canonical names; None: to any actor). The event's country localises a
    generic actor and makes state forces abroad external forces, as at extraction."""

    def __init__(self, catalogue: Catalogue, targets: Collection[str] | None = None):
        self.catalogue = catalogue
        self.targets = set(targets) if targets is not None else None
        self.actors = 0  # actor slots re-coded so far

    def _recode_actor(self, actor: dict[str, Any], iso3: str | None) -> dict[str, Any] | None:
        if actor.get("known", True) or not actor.get("text"):
            return None
        found = self.catalogue.resolve(actor["text"])
        if found is None or not found.known:
            return None
        if self.targets is not None and found.name not in self.targets:
            return None
        found = self.catalogue.as_acting_in(self.catalogue.localize(found, iso3), iso3)
        out = found.to_dict()
        out["text"] = actor.get("text")
        return out

    def __call__(self, record: dict[str, Any]) -> dict[str, Any] | None:
        """The record with its actors re-coded, or None when none changed."""
        iso3 = (record.get("location") or {}).get("country") if isinstance(record.get("location"), dict) else None
        new, changed = copy.deepcopy(record), 0
        for slot in ACTOR_SLOTS:
            if isinstance(new.get(slot), dict):
                recoded = self._recode_actor(new[slot], iso3)
                if recoded is not None:
                    new[slot], changed = recoded, changed + 1
        for slot in ALLY_SLOTS:
            allies = new.get(slot) or []
            for i, actor in enumerate(allies):
                recoded = self._recode_actor(actor, iso3) if isinstance(actor, dict) else None
                if recoded is not None:
                    allies[i], changed = recoded, changed + 1
        self.actors += changed
        return new if changed else None
