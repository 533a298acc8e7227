"""What the catalogue holds: countries, canonical actors (entries) and generic actors."""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.records import Actor

STATE_SECTORS = ("MIL", "COP", "GOV", "SPY")
UNKNOWN_NAME = "Unidentified Actor"  # guess() of an empty phrase


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
    default: str | None = None  # the actor when the event's country is unknown (most news of the kind)

    def entry(self) -> Entry:
        return Entry(self.name, None, self.sector, self.inter, None, "generic")


def default_cameo(country: str | None, sector: str | None) -> str | None:
    """Country + sector ("SYRREB"); above states CAMEO's IGO, NGO or IMG (international militarized group)."""
    if country:
        return country + (sector or "")
    if sector in ("IGO", "NGO"):
        return sector
    if sector in ("INS", "REB", "SEP", "UAF", "MIL", "CRM"):
        return "IMG"
    return None
