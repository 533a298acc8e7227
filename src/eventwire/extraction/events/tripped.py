"""A hidden explosive set off by the harmed themselves: "a shepherd stepped on a landmine", "their car hit a roadside
bomb", "the patrol ran over an IED". The subject of such a verb was hit; whoever laid the device attacked."""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.extraction.events.syntax import object_of, prep_objects


def set_off_by_the_harmed(verb: Token, words) -> bool:
    """Whether `verb` tells its subject setting off a device of `words.tripped_devices` by contact."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in words.tripping_verbs:
        return False
    hit = [o for o in [object_of(verb)] if o is not None] + prep_objects(verb, {"on", "over", "into", "upon"})
    return any(o.lemma_.lower() in words.tripped_devices or o.lower_ in words.tripped_devices for o in hit)
