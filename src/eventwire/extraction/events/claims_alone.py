"""A claim that is the whole report: "IS claims Kabul bombing", "the Taliban claimed an attack on a police post in
Helmand". A claim of responsibility tells that the attack happened and who did it: the attack is kept, the claimant
its actor1, as a PLOVER assault with no ACLED type (a claim is no new ACLED event: CASE 2021's ATTRIB label). When
the text tells the attack itself too, the claim speaks of that event and adds none."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventwire.extraction.events.attribution import _definite, _headline_claim
from eventwire.extraction.events.triggers import is_claimed
from eventwire.extraction.places.mention import PLACE_LABELS

if TYPE_CHECKING:
    from eventwire.extraction.events.candidates import EventCandidate
    from eventwire.extraction.events.lexicon import Lexicon


def claimed_alone(lex: Lexicon, tok: Token) -> bool:
    """The claimed noun names an event of its own: no article or possessive points back to one told before ("the
    attack", "Friday's bombing", "its raid" do), or it says itself what was hit or where ("the car bombing of a
    police convoy", "the Kabul attack")."""
    return lex.is_event_noun(tok) and (is_claimed(lex, tok) or _headline_claim(lex, tok)) and (
        not _definite(tok, lex.words) or any(_names_target_or_place(c, lex) for c in tok.children))


def _names_target_or_place(child: Token, lex: Lexicon) -> bool:
    """"the bombing of a convoy", "the attack on the base", "the Kabul attack", "the attack in Kabul"; not "the attack
    in a statement" (where the claim was made)."""
    if child.dep_ == "compound":
        return True
    if child.dep_ != "prep":
        return False
    objects = [c for c in child.children if c.dep_ == "pobj"]
    if child.lower_ in lex.words.claimed_target_preps:
        return bool(objects)
    return child.lower_ in lex.words.claimed_place_preps and any(o.ent_type_ in PLACE_LABELS for o in objects)


def only_claimed(cand: EventCandidate, claim_only: set[int]) -> bool:
    return bool(claim_only) and all(t.i in claim_only for t in cand.triggers)


def without_claims_told_elsewhere(cands: list[EventCandidate], claim_only: set[int]) -> list[EventCandidate]:
    """The claimed events, dropped when the text tells a violent event of its own: the claim speaks of it."""
    if not claim_only:
        return cands
    told = any(c.family == "violence" and c.modality == "asserted" and not only_claimed(c, claim_only)
               for c in cands)
    kept = [c for c in cands if not (told and only_claimed(c, claim_only))]
    for c in kept:
        if only_claimed(c, claim_only):
            # the attack and its author, as a report of it (PLOVER ASSAULT); the claim itself is no new ACLED
            # event (CASE 2021 labels claims of responsibility as such)
            c.event_type = c.sub_event_type = None
    return kept
