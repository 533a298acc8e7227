"""The harmed a report names only by a count: "the blast killed 14", "scores died", "five were killed". In a
one-sided act of violence (ACLED: an attack on civilians, a bomb, a grenade) the counted dead are people, and
the record's actor2 keeps the count's words. In a fight the count says nothing of whose men fell, so the side
stays to the conventions of the dataset."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventwire.extraction.events.roles import Role
from eventwire.extraction.tokens import children

if TYPE_CHECKING:
    from eventwire.extraction.events.context import DocContext

# ACLED sub-event types of one-sided violence: whoever the counted dead were, they were hit, not fighting
ONE_SIDED_SUB_EVENTS = {"Attack", "Remote explosive/landmine/IED", "Suicide bomb", "Grenade",
                        "Abduction/forced disappearance", "Sexual violence"}


def _bare_count(tok: Token, words) -> bool:
    """A number or a counting word standing alone for people ("14", "at least 30", "scores", "dozens")."""
    if not (tok.like_num or tok.ent_type_ == "CARDINAL" or tok.lower_ in words.counted_people):
        return False
    return not any(c.pos_ in ("NOUN", "PROPN") or c.dep_ in ("prep", "compound") for c in children(tok))


def counted_harmed(targets: list[Token], sub_event_type: str | None, ctx: DocContext) -> Role | None:
    """People, in the words of the count that names them, when a word acted on is a bare count ("attacked the
    village, killing 20")."""
    if sub_event_type not in ONE_SIDED_SUB_EVENTS:
        return None
    tok = next((t for t in targets if t.i not in ctx.by_token and _bare_count(t, ctx.words)), None)
    if tok is None:
        return None
    people = ctx.catalogue.resolve("people")
    if people is None:
        return None
    words = [t for t in tok.subtree if t.i <= tok.i and t.dep_ != "punct"]
    return Role(actor=people, start=min(t.idx for t in words), end=tok.idx + len(tok.text), generic=True,
                known=True)

