"""Transliterated Arabic names of several words ("Abu Dali", "Wadi Barada", "Tal Hawash"): their opening word and
the word after it are no places by themselves."""

from __future__ import annotations

from .mention import Mention
from .words import PlaceWords


def arab_compound(span, words: PlaceWords) -> bool:
    """A name of several words opening with "Tal", "Kafr", "Wadi"...: a transliterated Arabic place name."""
    return len(span) > 1 and span[0].lower_ in words.name_openers and span[0].text[:1].isupper()


def drop_name_fragments(doc, mentions: list[Mention], words: PlaceWords) -> list[Mention]:
    """A word that opens longer Arabic names, or the capitalised word after it, is no town of its own when the
    gazetteer lacks the whole name."""
    openers = words.name_openers

    def opener(k: int) -> bool:
        return 0 <= k < len(doc) and doc[k].lower_ in openers and doc[k].text[:1].isupper()

    def capital(k: int) -> bool:
        return 0 <= k < len(doc) and doc[k].text[:1].isupper() and not doc[k].is_sent_start

    return [m for m in mentions if m.source == "norp" or not (
        m.j - m.i == 1 and opener(m.i) and capital(m.j) or opener(m.i - 1) and capital(m.i))]
