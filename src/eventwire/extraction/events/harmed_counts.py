"""The harmed a report names by words no catalogue knows. A count alone: "the blast killed 14", "scores died",
"five were killed"; in a one-sided act of violence (ACLED: an attack on civilians, a bomb, a grenade) the counted
dead are people, and the record's actor2 keeps the count's words (in a fight the count says nothing of whose men
fell, so the side stays to the conventions of the dataset). A person by an unlisted noun: "killed a radio
presenter", "the murder of a lineman"; whom a verb of killing or abduction acts on is a person, a civilian unless
the words say otherwise."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventwire.extraction.events.roles import Role
from eventwire.extraction.tokens import children

if TYPE_CHECKING:
    from eventwire.extraction.events.context import DocContext

# ACLED sub-event types of one-sided violence: whoever the counted harmed were, they were hit, not fighting
ONE_SIDED_SUB_EVENTS = {"Attack", "Remote explosive/landmine/IED", "Suicide bomb", "Grenade",
                        "Abduction/forced disappearance", "Sexual violence", "Looting/property destruction"}


# ACLED sub-event types of a fight with another side, which conventional_parties fills when the words name none
FIGHT_SUB_EVENTS = {"Armed clash", "Shelling/artillery/missile attack", "Air/drone strike"}


def one_sided(sub_event_type: str | None) -> bool:
    return sub_event_type in ONE_SIDED_SUB_EVENTS


def fight(sub_event_type: str | None) -> bool:
    return sub_event_type in FIGHT_SUB_EVENTS


def _bare_count(tok: Token, words) -> bool:
    """A number or a counting word standing alone for people ("14", "at least 30", "scores", "dozens")."""
    if not (tok.like_num or tok.ent_type_ == "CARDINAL" or tok.lower_ in words.counted_people):
        return False
    return not any(c.pos_ in ("NOUN", "PROPN") or c.dep_ in ("prep", "compound") for c in children(tok))


def counted_harmed(targets: list[Token], ctx: DocContext) -> Role | None:
    """People, in the words of the count that names them, when a word acted on is a bare count ("attacked the
    village, killing 20")."""
    tok = next((t for t in targets if t.i not in ctx.by_token and _bare_count(t, ctx.words)), None)
    if tok is None:
        return None
    people = ctx.catalogue.resolve("people")
    if people is None:
        return None
    words = [t for t in tok.subtree if t.i <= tok.i and t.dep_ != "punct"]
    return Role(actor=people, start=min(t.idx for t in words), end=tok.idx + len(tok.text), generic=True,
                known=True)



def unlisted_person(targets: list[Token], trigger: Token, ctx: DocContext) -> Role | None:
    """Civilians, in the words of the phrase, when the first word acted on by a verb of harm ("killed a radio
    presenter") or named after a noun of harm ("the murder of a lineman") is a common noun no class lists."""
    words = ctx.words
    harms = trigger.lemma_.lower() in words.harm_verbs if trigger.pos_ == "VERB" \
        else trigger.lower_ in words.victim_frame_nouns
    if not harms or not targets:
        return None
    tok = targets[0]
    if tok.pos_ != "NOUN" or tok.i in ctx.by_token or ctx.nouns.noun_class(tok) != (None, None) \
            or ctx.lex.is_event_noun(tok) or any(tok.lemma_.lower() in group or tok.lower_ in group for group in (
                words.territory_nouns, words.weapon_nouns, words.abstract_nouns, words.quantity_heads)):
        return None
    civilians = ctx.catalogue.resolve("civilians")
    if civilians is None:
        return None
    lead = [t for t in tok.subtree if t.i <= tok.i and t.dep_ not in ("det", "predet", "nummod", "poss", "punct")]
    return Role(actor=civilians, start=min(t.idx for t in lead), end=tok.idx + len(tok.text), generic=True,
                known=True)


def unlisted_person_of_any(targets: list[Token], triggers: list[Token], ctx: DocContext) -> Role | None:
    """`unlisted_person` for the main trigger, else for another trigger of the event that harms, on the words it acts
    on: "two bombs exploded near the finish line, killing three spectators" (the bomb's verb acts on no one)."""
    found = unlisted_person(targets, triggers[0], ctx)
    for tok in triggers[1:]:
        if found is not None:
            break
        found = unlisted_person([t for t in targets if t.head.i == tok.i], tok, ctx)
    return found


def harmed_told_next(sent, trigger: Token, ctx: DocContext) -> Role | None:
    """The harmed a one-sided act leaves unnamed, told by the next sentence as "the dead" or "the victims": "A bomb
    exploded in a market. The dead included four children.", "Most of the victims were women.", "Among the dead
    were two students." (a noun of `harmed_reference_nouns` with "the" as the subject of "be" or "include" or after
    "among"; the other a party)."""
    doc = sent.doc
    if sent.end >= len(doc):
        return None
    nxt = doc[sent.end].sent
    root = nxt.root
    if root.lemma_.lower() not in ctx.words.harmed_listing_verbs:
        return None
    subj = next((c for c in children(root) if c.dep_ == "nsubj"), None)
    among = next((o for c in children(root) if c.dep_ == "prep" and c.lower_ == "among" for o in children(c)
                  if o.dep_ == "pobj"), None)
    told = next((c for c in children(root) if c.dep_ in ("attr", "dobj")), None)
    if among is not None:
        subj, told = among, subj or told  # "Among the dead were two students" (either read as the subject)
    if subj is not None and subj.lower_ in ctx.words.part_quantifiers:
        subj = next((o for c in children(subj) if c.dep_ == "prep" and c.lower_ == "of" for o in children(c)
                     if o.dep_ == "pobj"), None)  # "most of the victims"
    if subj is None or subj.lemma_.lower() not in ctx.words.harmed_reference_nouns \
            and subj.lower_ not in ctx.words.harmed_reference_nouns:
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in children(subj)):
        return None  # "the dead", not "many dead" (a count of its own)
    return ctx.role_for(told, trigger, 2) if told is not None else None

