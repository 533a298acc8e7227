"""The country of an event whose report names no place at all ("Taliban fighters killed four policemen",
"Maoists torched two trucks of a road contractor"): ACLED still codes the country it happened in, and the
parties tell it. A state's own forces under attack are at home (an army abroad is named with its country,
"French soldiers", which the geoparser reads as a place); a police force acts at home; an insurgent or rebel
group fights in the country it is of. A state's forces that act are the last resort: air forces strike abroad.
The place is the country (precision 3), with the spot the event's clause names as its text."""

from __future__ import annotations

from eventwire.extraction.actors.entries import STATE_SECTORS
from eventwire.geo.gazetteer import Gazetteer
from eventwire.records import Actor, Event, Place

from .locate import entry_place

# sectors of the catalogue whose actors fight in the country they are of (context.ARMED_GROUP_SECTORS)
HOME_GROUP_SECTORS = ("REB", "INS", "SEP", "UAF")
POLICE_SECTORS = ("COP",)


def parties_country(ev: Event, foreigner_nouns: frozenset[str]) -> str | None:
    """The country the event's known parties place it in, by how surely each is at home (see the module); a
    party named as people abroad ("a Japanese diplomat", "Turkish citizens") tells none."""

    def at_home(a: Actor | None) -> bool:
        words = (a.text or "").lower().split() if a is not None else []
        return a is not None and a.known and bool(a.country) and not any(
            w in foreigner_nouns or w.removesuffix("s") in foreigner_nouns for w in words)

    targets = [a for a in [ev.actor2, *ev.assoc_actor2] if at_home(a)]
    doers = [a for a in [ev.actor1, *ev.assoc_actor1] if at_home(a)]
    for side, sectors in ((targets, STATE_SECTORS), (doers, POLICE_SECTORS), (doers, HOME_GROUP_SECTORS),
                          (targets, HOME_GROUP_SECTORS), (doers, STATE_SECTORS)):
        found = next((a.country for a in side if a.sector in sectors), None)
        if found is not None:
            return found
    return None


def place_of_parties(ev: Event, gazetteer: Gazetteer, foreigner_nouns: frozenset[str], spot: str | None) -> Place | None:
    """The country of `parties_country` as the event's Place (precision 3), `spot` its text; None when the
    parties tell no country or the gazetteer does not know it."""
    iso3 = parties_country(ev, foreigner_nouns)
    if iso3 is None:
        return None
    entry = next((e for e in gazetteer.countries().values() if e.iso3 == iso3), None)
    return entry_place(entry, text=spot, precision=3) if entry is not None else None
