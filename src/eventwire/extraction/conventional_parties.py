"""The parties of a violent event the report does not name, filled by the conventions of conflict datasets
(lang/<code>/events/conventional_parties.yaml): an air strike nobody claims is by the state forces of the country
it hit, an arrest is by its police, a clash whose one side is the government was fought with the country's rebels.

`PartyConventions.fill` takes the actors the text gave an event and returns them with the guesses added, and how
much the guesses lower the event's confidence."""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from typing import Any

from eventwire.lang import LanguageData
from eventwire.records import Actor

CONVENTIONS_FILE = "events/conventional_parties.yaml"

# sectors of a state's forces and institutions
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY"})
# ACLED inter codes: 1 a state's forces at home, 2 rebels and insurgents
STATE_INTER, REBEL_INTER = 1, 2


@dataclass(frozen=True)
class Guess:
    words: str  # the actor, in words the catalogue reads ("government forces")
    confidence: float  # how much the guess lowers the event's confidence
    as_actor2: frozenset[str] = frozenset()  # opponents: sub-event types where the named side acted
    as_actor1: frozenset[str] = frozenset()  # opponents: sub-event types where the named side was hit


def _guess(entry: dict) -> Guess:
    return Guess(words=str(entry["words"]), confidence=float(entry.get("confidence", 0.0)),
                 as_actor2=frozenset(entry.get("as_actor2") or ()), as_actor1=frozenset(entry.get("as_actor1") or ()))


@dataclass(frozen=True)
class PartyConventions:
    unnamed_actor1: dict[str, Guess]
    opponent_of_state: Guess | None
    opponent_of_rebels: Guess | None

    @classmethod
    def default(cls) -> PartyConventions:
        """The conventions of the default language."""
        return _default_conventions()

    @classmethod
    def from_language(cls, language: LanguageData) -> PartyConventions:
        return language.memo("party_conventions", lambda: cls._read(language.yaml(CONVENTIONS_FILE)))

    @classmethod
    def _read(cls, data: dict) -> PartyConventions:
        opponents = data.get("opponents") or {}
        return cls(unnamed_actor1={k: _guess(v) for k, v in (data.get("unnamed_actor1") or {}).items()},
                   opponent_of_state=_guess(opponents["state"]) if "state" in opponents else None,
                   opponent_of_rebels=_guess(opponents["rebels"]) if "rebels" in opponents else None)

    def fill(self, sub_event_type: str | None, actor1: Actor | None, actor2: Actor | None, iso3: str | None,
             catalogue: Any) -> tuple[Actor | None, Actor | None, float]:
        """`actor1` and `actor2` with the conventional parties of an event in `iso3` added where the text named
        none, and the confidence the guesses cost."""
        if not iso3 or not sub_event_type:
            return actor1, actor2, 0.0
        cost = 0.0
        guess = self.unnamed_actor1.get(sub_event_type)
        if actor1 is None and guess is not None and not _home_state(actor2, iso3):
            found = _local_actor(catalogue, guess.words, iso3)
            if found is not None:
                actor1, cost = found, cost + guess.confidence
        if (actor1 is None) == (actor2 is None):
            return actor1, actor2, cost
        named = actor1 if actor1 is not None else actor2
        opponent = self._opponent(named, iso3)
        if opponent is None or sub_event_type not in (opponent.as_actor2 if actor1 is not None else opponent.as_actor1):
            return actor1, actor2, cost
        found = _local_actor(catalogue, opponent.words, iso3)
        if found is None:
            return actor1, actor2, cost
        cost += opponent.confidence
        return (actor1, found, cost) if actor1 is not None else (found, actor2, cost)

    def _opponent(self, named: Actor, iso3: str) -> Guess | None:
        if _home_state(named, iso3):
            return self.opponent_of_state
        if named.inter == REBEL_INTER:
            return self.opponent_of_rebels
        return None


@functools.cache
def _default_conventions() -> PartyConventions:
    return PartyConventions.from_language(LanguageData())


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
