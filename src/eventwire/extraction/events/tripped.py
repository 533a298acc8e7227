"""A hidden explosive set off by the harmed themselves: "a shepherd stepped on a landmine", "their car hit a roadside
bomb", "the patrol ran over an IED", "two girls triggered a booby trap". The subject of such a verb was hit; whoever
laid the device attacked."""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.extraction.events.syntax import object_of, prep_objects


def set_off_by_the_harmed(verb: Token, words) -> bool:
    """Whether `verb` tells its subject setting off a device of `words.tripped_devices` by contact (or, for
    "triggered", a device of `words.victim_set_devices`, unless set off from afar: "remotely triggered a mine")."""
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB":
        return False
    if lemma in words.tripping_verbs:
        devices = words.tripped_devices
    elif lemma in words.triggering_verbs and not any(c.dep_ == "advmod" and c.lower_.startswith("remote")
                                                     for c in verb.children):
        devices = words.victim_set_devices
    else:
        return False
    hit = [o for o in [object_of(verb)] if o is not None] + prep_objects(verb, words.tripping_prepositions)
    return any(o.lemma_.lower() in devices or o.lower_ in devices for o in hit)
