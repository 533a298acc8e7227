"""Best-guess records for actors the catalogue does not know ("the Mountain Lions Liberation Front")."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from eventwire.extraction.actors.entries import UNKNOWN_NAME
from eventwire.extraction.actors.index import CAPITAL, COUNTRY, DEMONYM, REF, STATE_NOUN, Scan
from eventwire.extraction.actors.words import clean_name, phrase_words, shape, split_words
from eventwire.records import Actor

if TYPE_CHECKING:
    from eventwire.extraction.actors.catalogue import Catalogue


def guess(cat: Catalogue, text: str, harmed_person: bool = False) -> Actor:
    """A best-guess record for an actor the catalogue does not know: name from the text, sector and ACLED
    inter from its words (`guess_rules` in generics.yaml), country from a country word in it; known=False.
    A person's name whose words no rule knows is a private person when that person is the one hit
    (`guess_person_harmed`), else an unidentified armed group (`guess_default`)."""
    name = clean_name(text) or (text or "").strip() or UNKNOWN_NAME
    split = split_words(name)
    lower = [w.lower() for w in split]
    sector, inter = cat.guess_person_harmed if harmed_person else cat.guess_default
    rule = next(((s, n) for words, s, n in cat.guess_rules if any(w in words for w in lower)), None)
    if rule is not None:
        sector, inter = rule
    if not any(shape(w) != "lower" for w in split):
        # a common-noun phrase ("the army", "local police"): a state force noun decides before the rules,
        # which are written for names ("Mahdi Army" is a militia)
        state = _bare_state_sector(cat, split)
        if state is not None:
            sector, inter = state, 1
    country = _country_in(cat, name)
    cameo = f"{cat.countries[country].cameo}{sector}" if country else None
    return Actor(name=name, text=text, country=country, sector=sector, inter=inter, cameo=cameo, known=False)


def _bare_state_sector(cat: Catalogue, words: Sequence[str]) -> str | None:
    """The sector of the first force noun that means the state even without a country ("the army")."""
    scan = Scan(cat.index, phrase_words(words))
    for i in range(len(words)):
        for _, t in scan.at(i, (STATE_NOUN,)):
            if t.flag:
                return t.sector
    return None


def _country_in(cat: Catalogue, text: str) -> str | None:
    """The first country word of a phrase ("a Sudanese militia" -> SDN), else the first capital in a name
    ("the Nairobi Chamber of Commerce" -> KEN)."""
    words = phrase_words(split_words(text))
    scan = Scan(cat.index, words)
    for kinds in ((REF, COUNTRY, DEMONYM), (CAPITAL,)):
        for i in range(len(words)):
            for _, t in scan.at(i, kinds):
                if t.iso3:
                    return t.iso3
    return None
