"""The parties of a violent event the report does not name, filled by the conventions of conflict datasets
(lang/<code>/events/conventional_parties.yaml): an air strike nobody claims is by the state forces of the country
it hit, an arrest is by its police, a clash whose one side is the government was fought with the country's rebels.

`PartyConventions.fill_article` fills the events of one article (a party another event of the article names comes
first); `fill` takes the actors the text gave one event and returns them with the guesses added, and how
much the guesses lower the event's confidence."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from eventwire.extraction.actors.entries import STATE_SECTORS
from eventwire.lang import LanguageData, LanguageDataError
from eventwire.records import Actor, Event, Place
from eventwire.taxonomy import MODALITIES, check_code

CONVENTIONS_FILE = "events/conventional_parties.yaml"

# ACLED inter codes: 1 a state's forces at home, 2 rebels and insurgents
STATE_INTER, REBEL_INTER = 1, 2
# ACLED inter codes of parties that bear no arms: rioters, protesters, civilians
UNARMED_INTER = frozenset({5, 6, 7})


@dataclass(frozen=True)
class Guess:
    words: str  # the actor, in words the catalogue reads ("government forces")
    confidence: float  # how much the guess lowers the event's confidence
    as_actor2: frozenset[str] = frozenset()  # opponents: sub-event types where the named side acted
    as_actor1: frozenset[str] = frozenset()  # opponents: sub-event types where the named side was hit
    # opponents: the words instead, in a country whose rebels the catalogue does not know (no state-based conflict)
    without_rebels: str | None = None


@dataclass(frozen=True)
class CommunalFights:
    """What makes a fight one between communities (`pattern` over the event's sentence) and who fights it."""
    guess: Guess
    sub_event_types: frozenset[str]
    pattern: re.Pattern

    def told(self, sub_event_type: str | None, sentence: str) -> bool:
        return sub_event_type in self.sub_event_types and self.pattern.search(sentence) is not None


def _communal(entry: dict | None) -> CommunalFights | None:
    """The `communal` section: an adjective right before a noun of fighting, or a fight "between" communities
    with up to three words in between."""
    if not entry:
        return None

    def alternation(key: str) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(entry[key], key=len, reverse=True))

    fights = alternation("fights")
    pattern = re.compile(rf"\b(?:{alternation('adjectives')})[\s-]+(?:{fights})\b"
                         rf"|\b(?:{fights})\s+between\s+(?:[\w-]+\s+){{0,3}}?(?:{alternation('communities')})\b",
                         re.IGNORECASE)
    return CommunalFights(_guess(entry), frozenset(entry.get("sub_event_types") or ()), pattern)


def _guess(entry: dict) -> Guess:
    return Guess(words=str(entry["words"]), confidence=float(entry.get("confidence", 0.0)),
                 as_actor2=frozenset(entry.get("as_actor2") or ()), as_actor1=frozenset(entry.get("as_actor1") or ()),
                 without_rebels=entry.get("without_rebels"))


@dataclass(frozen=True)
class PartyConventions:
    unnamed_actor1: dict[str, Guess]
    opponent_of_state: Guess | None
    opponent_of_rebels: Guess | None
    modalities: frozenset[str] = frozenset({"asserted"})
    told_in_article: frozenset[str] = frozenset()
    communal: CommunalFights | None = None

    @classmethod
    def from_language(cls, language: LanguageData) -> PartyConventions:
        return language.memo("party_conventions", lambda: cls._read(language.yaml(CONVENTIONS_FILE),
                                                                   language.path(CONVENTIONS_FILE)))

    @classmethod
    def _read(cls, data: dict, path: Path | str = CONVENTIONS_FILE) -> PartyConventions:
        opponents = data.get("opponents") or {}
        subs = [*(data.get("unnamed_actor1") or {}), *(data.get("told_in_article") or ())]
        subs += [s for g in opponents.values() for s in (*(g.get("as_actor2") or ()), *(g.get("as_actor1") or ()))]
        subs += (data.get("communal") or {}).get("sub_event_types") or []
        for sub in subs:
            check_code("acled_sub", sub, path)
        for modality in data.get("modalities") or ():
            if modality not in MODALITIES:
                raise LanguageDataError(path, None, f"unknown modality {modality!r}")
        return cls(unnamed_actor1={k: _guess(v) for k, v in (data.get("unnamed_actor1") or {}).items()},
                   opponent_of_state=_guess(opponents["state"]) if "state" in opponents else None,
                   opponent_of_rebels=_guess(opponents["rebels"]) if "rebels" in opponents else None,
                   modalities=frozenset(data.get("modalities") or ("asserted",)),
                   told_in_article=frozenset(data.get("told_in_article") or ()),
                   communal=_communal(data.get("communal")))

    def fill(self, sub_event_type: str | None, actor1: Actor | None, actor2: Actor | None, iso3: str | None,
             catalogue: Any, placed: bool = True, sentence: str = "") -> tuple[Actor | None, Actor | None, float]:
        """`actor1` and `actor2` with the conventional parties of an event in `iso3` added where the text named
        none, and the confidence the guesses cost. `sentence`: the event's own, which may call the fight communal."""
        if not iso3 or not sub_event_type:
            return actor1, actor2, 0.0
        if self.communal is not None and self.communal.told(sub_event_type, sentence):
            return self._communal_sides(actor1, actor2, iso3, catalogue, self._two_sided(sub_event_type))
        cost = 0.0
        guess = self.unnamed_actor1.get(sub_event_type)
        fight = self._two_sided(sub_event_type)
        if actor1 is None and guess is not None and not (fight and _home_state(actor2, iso3)):
            found = _local_actor(catalogue, guess.words, iso3)
            if found is not None:
                actor1, cost = found, cost + guess.confidence
        if (actor1 is None) == (actor2 is None):
            return actor1, actor2, cost
        named = actor1 if actor1 is not None else actor2
        opponent = self._opponent(named, iso3, placed)
        if opponent is None or sub_event_type not in (opponent.as_actor2 if actor1 is not None else opponent.as_actor1):
            return actor1, actor2, cost
        words = opponent.words
        if opponent.without_rebels and iso3 not in catalogue.rebel_countries:
            words = opponent.without_rebels  # police shot at in Ohio: by gunmen, not by the United States' rebels
        found = _local_actor(catalogue, words, iso3)
        if found is None:
            return actor1, actor2, cost
        cost += opponent.confidence
        return (actor1, found, cost) if actor1 is not None else (found, actor2, cost)

    def fill_article(self, events: list[Event], doc_country: str | None, catalogue: Any) -> None:
        """Fill the parties the article's events leave unnamed, in place: first, for a fight (`told_in_article`),
        from the article itself, when another event names it ("Soldiers clashed with X near Kumba. Two soldiers were
        killed.": X; "Houthis attacked government forces ... after hours of fighting": both), else by the
        conventions (`fill`), in the country the event happened in (`event_country`). Only events that happened
        (`modalities`) get parties the text does not name."""
        for ev in events:
            if ev.modality not in self.modalities:
                continue
            if ev.sub_event_type in self.told_in_article and (ev.actor1 is None or ev.actor2 is None):
                told = _fight_told(ev, events)
                if told is not None:
                    ev.actor1, ev.actor2 = told
                    continue
            placed = ev.location is not None and ev.location.feature != "country"
            actor1, actor2, cost = self.fill(ev.sub_event_type, ev.actor1, ev.actor2,
                                             event_country(doc_country, ev.location), catalogue, placed,
                                             ev.evidence.text)
            if cost or actor1 is not ev.actor1 or actor2 is not ev.actor2:
                ev.actor1, ev.actor2 = actor1, actor2
                ev.confidence = max(0.0, min(1.0, ev.confidence - cost))

    def _communal_sides(self, actor1: Actor | None, actor2: Actor | None, iso3: str, catalogue: Any,
                        fight: bool) -> tuple[Actor | None, Actor | None, float]:
        """A communal fight's unnamed sides (an attack's unnamed attacker): the country's communal militia, each
        side at its own cost."""
        found = _local_actor(catalogue, self.communal.guess.words, iso3)
        if found is None:
            return actor1, actor2, 0.0
        cost = 0.0
        if actor1 is None:
            actor1, cost = found, cost + self.communal.guess.confidence
        if actor2 is None and fight:
            actor2, cost = found, cost + self.communal.guess.confidence
        return actor1, actor2, cost

    def _two_sided(self, sub_event_type: str | None) -> bool:
        return any(sub_event_type in g.as_actor1 | g.as_actor2
                   for g in (self.opponent_of_state, self.opponent_of_rebels) if g is not None)

    def _opponent(self, named: Actor, iso3: str, placed: bool = True) -> Guess | None:
        """The guessed other side of a fight `named` took part in, in `iso3`. Rebels fight the forces of the country
        of the event's place; with no place in the text (`placed` False: the country only read from words such as
        a backer's, "Turkish-backed factions shell villages") only those of their own country."""
        if _home_state(named, iso3):
            return self.opponent_of_state
        if named.inter == REBEL_INTER and (placed or named.country in (None, iso3)):
            return self.opponent_of_rebels
        return None


def event_country(doc_country: str | None, location: Place | None) -> str | None:
    """The country whose parties an event's unnamed ones are: the article's (else the event place's), but none
    when the event's place lies in another country than the article's ("Turkish shelling" of a Syrian town is
    no fight with Turkey's rebels)."""
    iso3 = doc_country or (location.country if location is not None else None)
    return iso3 if location is None or location.country in (None, iso3) else None


def _named(actor: Actor | None) -> bool:
    """A party the text names (not a guess of these conventions)."""
    return actor is not None and actor.text is not None


def _fight_told(ev: Event, events: list[Event]) -> tuple[Actor | None, Actor | None] | None:
    """`ev`'s two sides as another event of the article, of its sub-event type and in another sentence, names
    them: the opponent of the one side `ev` names, or both when it names none. Only armed parties fight (not
    civilians, protesters or rioters, inter 5-7). None when no other event tells."""
    named = ev.actor1 if ev.actor1 is not None else ev.actor2
    if named is not None and named.inter in UNARMED_INTER:
        return None
    for other in events:
        if other is ev or other.sub_event_type != ev.sub_event_type or other.evidence.start == ev.evidence.start \
                or not (_named(other.actor1) and _named(other.actor2)):
            continue  # two fights one sentence tells ("clashes in A and clashes between B and C in D") are two
        if other.actor1.inter in UNARMED_INTER or other.actor2.inter in UNARMED_INTER:
            continue  # a fight is between armed parties
        if named is None:
            return other.actor1, other.actor2
        if named.name not in (other.actor1.name, other.actor2.name):
            continue
        told = other.actor2 if other.actor1.name == named.name else other.actor1
        return (named, told) if ev.actor1 is not None else (told, named)
    return None


def _home_state(actor: Actor | None, iso3: str) -> bool:
    """The state forces or government of the event's own country."""
    return actor is not None and actor.sector in STATE_SECTORS and actor.inter == STATE_INTER \
        and actor.country == iso3


def _local_actor(catalogue: Any, words: str, iso3: str) -> Actor | None:
    """The catalogue's actor for `words` in `iso3`, as a guess (no words of the text), or None when it is of no
    country or another one."""
    base = catalogue.resolve(words) or catalogue.guess(words)
    found = catalogue.localize(base, iso3)
    if found is None or found.country != iso3:
        return None
    return replace(found, text=None, known=False)
