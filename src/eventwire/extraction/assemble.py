"""The extraction's last step: an event candidate with its place, date and toll becomes a records.Event.

`build_event` sets the actors (localised to the event's country), the PLOVER context, the trimmed evidence
and the confidence; `focus_country` names the country an article is mostly about (the fallback country of
generic actors).
"""

from __future__ import annotations

import re
from typing import Any

from eventwire.records import FATALITIES_AT_LEAST, IMPLAUSIBLE_FATALITIES, Actor, Article, Event, Evidence, Place, PlaceMention, Plover

# PLOVER's context field: the policy area an event belongs to
PLOVER_CONTEXT = {"violence": ("military",), "demonstration": ("political",), "arrest": ("legal",),
                  "strategic": ("military",), "contact": ("diplomatic",), "movement": ("military",)}


# sectors of parties that belong to no country: international organisations and NGOs
NO_COUNTRY_SECTORS = {"IGO", "NGO"}
STATE_SECTORS = {"GOV", "MIL", "COP", "SPY"}


# "the government in Tehran", "the Foreign Ministry of Qatar": the capitalised words right after a party's mention
_PLACED_IN = re.compile(r"\s+(?:in|of)\s+(?:the\s+)?([A-Z][\w'.-]*(?:\s+(?:of\s+)?[A-Z][\w'.-]*){0,3})")


def _placed_country(text: str, end: int, catalogue: Any) -> str | None:
    """The country a party's own phrase places it in, when the words after its mention are "in" or "of" and a
    country or a capital: "the government in Kigali", "the Interior Ministry of Kazakhstan". A state organ so
    placed is that country's wherever the event happens (exiles in Paris protesting against the government in
    Tehran; a ministry's statement on an event abroad). Only state organs: "rebels in Addis Ababa" are as often
    the rebels who came there for the talks."""
    m = _PLACED_IN.match(text, end)
    if m is None:
        return None
    words = m.group(1).split()
    for n in range(len(words), 0, -1):
        state = catalogue.state_of_place(" ".join(words[:n]))
        if state is not None and state.country:
            return state.country
    return None


def _role_actor(role: Any, text: str, iso3: str | None, catalogue: Any, home: str | None = None) -> Actor | None:
    """The record of a role's actor, localised to `iso3`; `home`: the country both the event's place and the
    article are in, which a party the catalogue does not know is of."""
    if role is None:
        return None
    actor = role.actor
    words = text[role.start:role.end] if 0 <= role.start < role.end <= len(text) else actor.text
    actor = Actor(name=actor.name, text=words or actor.text, country=actor.country, sector=actor.sector,
                  inter=actor.inter, cameo=actor.cameo, known=actor.known)
    if getattr(role, "generic", False) or actor.country is None:
        placed = _placed_country(text, role.end, catalogue) \
            if actor.country is None and actor.sector in STATE_SECTORS else None
        if placed and not catalogue.is_generic(actor) and actor.sector in STATE_SECTORS and placed in catalogue.countries:
            # a state organ the catalogue does not know ("the Foreign Ministry of Qatar") is that state's
            found = catalogue.state_entry(placed, actor.sector).actor()
            actor = Actor(name=found.name, text=actor.text, country=found.country, sector=found.sector,
                          inter=found.inter, cameo=found.cameo, known=found.known)
        actor = catalogue.localize(actor, placed or iso3) if placed or iso3 else catalogue.unplaced(actor)
    if actor.country is None and not actor.known and home and actor.sector not in NO_COUNTRY_SECTORS:
        # a party the catalogue does not know, in an event in the article's own country, is of that country unless
        # the text says otherwise (ACLED's convention): "political opponents", "Moslem forces in east Bosnia"
        actor = Actor(name=actor.name, text=actor.text, country=home, sector=actor.sector, inter=actor.inter,
                      cameo=actor.cameo, known=False)
    return actor


def _state_of_the_other(actor: Actor | None, other: Actor | None, catalogue: Any) -> Actor | None:
    """A state party of no country ("the government", "the army") facing a non-state party of a named country,
    when the text names no place: that country's ("Tamil rebels rejected the government's proposal", "Shona rebels
    demanded that the government resign"). Rebels, parties and protesters face their own state."""
    if actor is None or other is None or actor.country is not None or actor.sector not in STATE_SECTORS \
            or not other.country or other.sector in STATE_SECTORS | NO_COUNTRY_SECTORS:
        return actor
    found = catalogue.localize(actor, other.country)
    if found.country != other.country:
        return actor
    return Actor(name=found.name, text=actor.text, country=found.country, sector=found.sector, inter=found.inter,
                 cameo=found.cameo, known=found.known)


# PLOVER codes of talks and agreements, which are often held in a third country (peace talks in Havana or Doha)
TALKS = {"CONSULT", "AGREE"}


def _localized(role_actor: Actor, actor: Actor, country: str, catalogue: Any) -> Actor:
    """A generic party of the text given `country` (its record's words kept), or the record as it was when the
    catalogue has no such party there."""
    found = catalogue.localize(role_actor, country)
    if found.country != country:
        return actor
    return Actor(name=found.name, text=actor.text, country=found.country, sector=found.sector, inter=found.inter,
                 cameo=found.cameo, known=found.known)


def _state_in_talks(role: Any, actor: Actor | None, other: Actor | None, text: str, catalogue: Any) -> Actor | None:
    """A state party of no country of its own in talks with a non-state party of a named country is that country's,
    not the host's: "government negotiators met FARC commanders in Havana" are Colombia's (rebels face their own
    state, as in _state_of_the_other). A party its own phrase places ("the government in Kabul") keeps its place."""
    if role is None or actor is None or other is None or not other.country or actor.country == other.country \
            or actor.sector not in STATE_SECTORS or other.sector in STATE_SECTORS | NO_COUNTRY_SECTORS \
            or role.actor.country is not None or _placed_country(text, role.end, catalogue):
        return actor
    return _localized(role.actor, actor, other.country, catalogue)


def _rebels_in_talks(role: Any, actor: Actor | None, other: Actor | None, text: str, catalogue: Any) -> Actor | None:
    """A non-state party of no country of its own in talks with a state of a named country is that state's, not
    the host's: "Colombia and the rebels signed a peace agreement in Havana" (Colombian rebels), the mirror of
    _state_in_talks. A party its own words place ("Somali rebels", "rebels in Darfur") keeps its place."""
    if role is None or actor is None or other is None or not other.country or actor.country == other.country \
            or actor.sector in STATE_SECTORS | NO_COUNTRY_SECTORS or other.sector not in STATE_SECTORS \
            or role.actor.country is not None or not catalogue.is_generic(role.actor) \
            or _placed_country(text, role.end, catalogue):
        return actor
    return _localized(role.actor, actor, other.country, catalogue)


# PLOVER codes whose target, when the sentence names none, is the place the sentence names for the event: a
# protest there is aimed at its authorities (CAMEO's convention: "demonstrated in Serbia" targets Serbia), a
# curfew or a blockade imposed there, or threatened, bears on that place. Only events with no ACLED type for
# COERCE: an arrest or a seizure names its own target or none. Lifting or easing measures there (CONCEDE) bears on
# the place as imposing them does.
PLACE_TARGETED = {"PROTEST": True, "THREATEN": False, "COERCE": False, "CONCEDE": False}
# An armed act of a state's forces named in another country, with no target named, is aimed at that country (CAMEO's
# convention: "South African troops raided bases in Botswana" targets Botswana); inside its own country it says
# nothing of whom it hit
CROSS_BORDER_TARGETED = {"ASSAULT"}


# "the US embassy", "the Danish Embassy", "the embassy of Sweden": a state's mission abroad named in a sentence
_EMBASSY = re.compile(r"((?:[A-Z][\w.'-]*\s+){1,3})(?i:embassy|embassies|consulate|consulates|high commission)\b"
                      r"|(?i:embassy|consulate|high commission) of (?:the\s+)?([A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2})")


def _embassy_state(sentence: str, catalogue: Any) -> Actor | None:
    """The government whose embassy or consulate a sentence names: a protest outside it is aimed at that state, not
    at the one it stands in ("protesters gathered outside the US embassy in Manila")."""
    for m in _EMBASSY.finditer(sentence):
        words = (m.group(1) or m.group(2)).split()
        for k in range(len(words)):
            name = " ".join(words[k:])
            state = catalogue.resolve(f"{name} government") or catalogue.state_of_place(name)
            if state is not None and state.country and state.sector == "GOV":
                return Actor(name=state.name, text=m.group(0).strip(), country=state.country, sector=state.sector,
                             inter=state.inter, cameo=state.cameo, known=state.known)
    return None


def place_as_target(ev: Event, cand: Any, place_mentions: list[PlaceMention], catalogue: Any) -> None:
    """Set actor2 of an event with no target to the party of the place its own sentence names (PLACE_TARGETED):
    the government there for a protest, or for an act of another country's party; else its people."""
    code = ev.plover.event if ev.plover is not None else None
    if ev.actor2 is not None or ev.location is None or not ev.location.country:
        return
    if code in CROSS_BORDER_TARGETED:
        if ev.actor1 is None or ev.actor1.sector not in STATE_SECTORS or not ev.actor1.country \
                or ev.actor1.country == ev.location.country:
            return
    elif code not in PLACE_TARGETED:
        return
    if code == "COERCE" and ev.event_type is not None:
        return
    if PLACE_TARGETED.get(code, False):
        embassy = _embassy_state(ev.evidence.text, catalogue)
        if embassy is not None:
            ev.actor2 = embassy
            return
    iso3 = ev.location.country
    named = next((m for m in place_mentions if m.kind == "literal" and m.place.country == iso3
                  and cand.start <= m.start and m.end <= cand.end and not (
                      ev.actor1 is not None and ev.actor1.text and m.place.text
                      and m.place.text in ev.actor1.text)), None)
    if named is None:
        return
    own_people = not PLACE_TARGETED.get(code, False) and ev.actor1 is not None and ev.actor1.country == iso3
    base = catalogue.resolve("civilians" if own_people else "government")
    if base is None:
        return
    actor = catalogue.localize(base, iso3)
    if actor.country != iso3:
        return
    ev.actor2 = Actor(name=actor.name, text=named.place.text, country=iso3, sector=actor.sector, inter=actor.inter,
                      cameo=actor.cameo, known=actor.known)


def _evidence(text: str, start: int, end: int) -> Evidence:
    """The evidence sentence without the blank lines and spaces around it."""
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    trail = len(chunk) - len(chunk.rstrip())
    start, end = start + lead, end - trail
    return Evidence(text=text[start:end], start=start, end=end)


def focus_country(place_mentions: list[PlaceMention]) -> str | None:
    """The country an article is mostly about: the most often named country among its literal places."""
    counts: dict[str, int] = {}
    for m in place_mentions:
        if m.kind == "literal" and m.place.country:
            counts[m.place.country] = counts.get(m.place.country, 0) + 1
    return max(counts, key=counts.get) if counts else None


def build_event(article: Article, cand: Any, location: Place | None, when: Any, dead: Any,
                catalogue: Any, doc_country: str | None = None) -> Event:
    """The SCHEMA record for one event candidate, with its evidence offsets and confidence. The parties the text
    does not name are filled for the whole article afterwards (conventional_parties.py)."""
    text = article.text
    # the actors' country: the article's own (the country it mostly names), never one that a single place
    # abroad would set against it ("a bomber who had lived in Halden, Norway" does not make the bombers Norwegian)
    iso3 = doc_country or (location.country if location else None)
    home = iso3 if location is not None and location.country == iso3 else None
    confidence = cand.confidence
    actor1 = _role_actor(cand.actor1, text, iso3, catalogue, home)
    actor2 = _role_actor(cand.actor2, text, iso3, catalogue, home)
    assoc1 = [a for a in (_role_actor(r, text, iso3, catalogue, home) for r in cand.assoc_actor1) if a]
    assoc2 = [a for a in (_role_actor(r, text, iso3, catalogue, home) for r in cand.assoc_actor2) if a]
    if iso3 is None:
        actor1, actor2 = _state_of_the_other(actor1, actor2, catalogue), _state_of_the_other(actor2, actor1, catalogue)
    elif cand.plover_event in TALKS:
        actor1, actor2 = (_state_in_talks(cand.actor1, actor1, actor2, text, catalogue),
                          _state_in_talks(cand.actor2, actor2, actor1, text, catalogue))
        actor1, actor2 = (_rebels_in_talks(cand.actor1, actor1, actor2, text, catalogue),
                          _rebels_in_talks(cand.actor2, actor2, actor1, text, catalogue))
    if location is not None:
        confidence += 0.04
    if dead is not None:
        confidence += 0.02
    contexts = list(PLOVER_CONTEXT.get(getattr(cand, "family", ""), ()))
    return Event(
        article_id=article.id,
        event_type=cand.event_type,
        sub_event_type=cand.sub_event_type,
        plover=Plover(event=cand.plover_event, mode=cand.plover_mode, context=contexts),
        cameo=cand.cameo,
        actor1=actor1,
        actor2=actor2,
        assoc_actor1=assoc1,
        assoc_actor2=assoc2,
        location=location,
        date=when.date if when else None,
        date_precision=(when.precision if when else None) or "day",
        date_text=when.text if when else None,
        fatalities=dead.count if dead is not None else None,
        fatalities_text=dead.text if dead is not None else None,
        modality=cand.modality,
        evidence=_evidence(text, cand.start, cand.end),
        confidence=max(0.0, min(1.0, confidence)),
        trigger=cand.trigger.text,
        trigger_start=cand.trigger.idx,
        flags=[IMPLAUSIBLE_FATALITIES] if dead is not None and dead.implausible else
        [FATALITIES_AT_LEAST] if dead is not None and dead.at_least else [],
    )
