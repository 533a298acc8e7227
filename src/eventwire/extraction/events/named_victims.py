"""Who a person hit by name is, when the actor catalogue does not know him: ACLED codes an individual as a
civilian unless the report says he holds an armed role."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventwire.extraction.events.syntax import noun_phrase_words
from eventwire.extraction.tokens import children
from eventwire.records import Actor

if TYPE_CHECKING:
    from eventwire.extraction.actors.catalogue import Catalogue


def person_hit(catalogue: Catalogue, tok: Token, actor: Actor) -> Actor:
    """The guessed actor of a person hit by name, given the sector an apposition says ("Juan Perez, a former
    councillor": a civilian; "Abu Khalid, a commander": armed, as guessed), else a civilian's ("gunmen shot dead
    Juan Perez" is an attack on a civilian, not a clash with an unknown armed group). An age is no role."""
    said = [c for c in children(tok) if c.dep_ == "appos" and not c.like_num and c.pos_ != "NUM"]
    if not said:
        return replace(actor, sector="CVL", inter=7, cameo=None)
    role = catalogue.guess(noun_phrase_words(said[0]) or said[0].text)
    if (role.sector, role.inter) == catalogue.guess_default:
        return actor
    return replace(actor, sector=role.sector, inter=role.inter, cameo=None)
