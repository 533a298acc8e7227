"""Places that hold: a name the same phrase puts inside another means a place inside that one. "the Foo district
of northern Bar province", "Bar's Foo district", "the north Ruritanian town of Foo", "the village of Foo in the
municipality of Bar", "Foo, Ruritania". The reading of Foo must lie in the country of Bar's; when the gazetteer
has no Foo there (a village too small for it), Foo is placed at Bar itself rather than at a namesake abroad that
nothing in the text points to.

`link_containers` ties the mentions after recognition (`Mention.within`); `hold_within` settles them after
resolution, outer names first."""

from __future__ import annotations

from eventwire.geo.gazetteer import ADMIN1, ADMIN2, CITY, CONTINENT, COUNTRY, REGION

from .mention import Mention

MAX_MODIFIERS = 3  # "the north-western Pakistani village of Foo": the words between a container and its unit
# a place this big, or a capital, keeps its reading against a loose container ("Foo, Bar" in a list, "X in Y"):
# such a phrase says less than "the Bar town of Foo"
LOOSE_HOLD_POPULATION = 200000
HOLDERS = (COUNTRY, ADMIN1, ADMIN2, CITY)  # what a container may be read as
LIST_WORDS = (",", "and", "or", "&", ";", "/")
HELD = (CITY, ADMIN2, ADMIN1)  # what a held name may be read as (a country is never held: "Iraq, Syria and Yemen")


def link_containers(doc, mentions: list[Mention], words) -> None:
    """Set `within` (and `Mention.held_strictly`) of each name the phrase puts inside another."""
    by_start = {m.i: m for m in mentions}
    by_end = {m.j: m for m in mentions}
    for m in mentions:
        if m.within is not None:  # "Foo, Bar" (classify.py): an address unless it opens a list ("Foo, Bar and Baz")
            nxt = doc[m.within.j].lower_ if m.within.j < len(doc) else "."
            m.held_strictly = nxt not in LIST_WORDS
            continue
        if m.source == "norp":
            continue
        outer, strict = _container_after(doc, m, by_start, words), True
        if outer is None:
            outer = _container_before(doc, m, by_end, words)
        if outer is None:
            outer, strict = _container_in(doc, m, by_start, words), False
        if outer is not None and outer is not m and outer.within is not m:
            m.within, m.held_strictly = outer, strict


def _is_modifier(tok, words) -> bool:
    """A lower-case word that may stand between a container and the unit it holds: "northern", "coastal",
    "north-western", "restive" (not "in", "and", "near", nor a verb)."""
    if tok.text == "-":
        return True
    return tok.is_alpha and tok.is_lower and (tok.lower_ in words.direction_words or tok.lower_ in words.the_modifiers
                                              or not tok.is_stop and tok.pos_ in ("ADJ", "ADV", "PROPN"))


def _skip_modifiers(doc, k: int, words) -> int:
    """The first token from k on past "the" and a few modifiers."""
    if k < len(doc) and doc[k].lower_ == "the":
        k += 1
    n = 0
    while k < len(doc) and n < MAX_MODIFIERS and _is_modifier(doc[k], words):
        k, n = k + 1, n + 1
    return k


def _unit_end(doc, m: Mention, words) -> int | None:
    """The token after the unit word that follows the name or ends it ("Foo district", "Foo District"), else None."""
    if m.j - m.i > 1 and doc[m.j - 1].lower_ in words.unit_words:
        return m.j
    if m.j < len(doc) and doc[m.j].lower_ in words.unit_words:
        return m.j + 1
    return None


def _container_after(doc, m: Mention, by_start, words) -> Mention | None:
    """"Foo district of (northern) Bar province", "Foo tehsil of Bar Agency"."""
    k = _unit_end(doc, m, words)
    if k is None or k >= len(doc) or doc[k].lower_ != "of":
        return None
    return by_start.get(_skip_modifiers(doc, k + 1, words))


def _container_in(doc, m: Mention, by_start, words) -> Mention | None:
    """"Foo (district) in (the) Bar province", "Foo in the municipality of Bar", "Foo in the Ruritanian department of
    Bar": loose, a list or a clause may stand there ("refugees from Foo in Bar")."""
    k = _unit_end(doc, m, words) or m.j
    if k >= len(doc) or doc[k].lower_ != "in":
        return None
    k = _skip_modifiers(doc, k + 1, words)
    if k + 1 < len(doc) and doc[k].lower_ in words.unit_words and doc[k + 1].lower_ == "of":
        k = _skip_modifiers(doc, k + 2, words)  # "in the municipality of Bar"
    return by_start.get(k)


def _container_before(doc, m: Mention, by_end, words) -> Mention | None:
    """"the (north) Ruritanian town of Foo", "Bar's coastal town of Foo", "Bar's Foo district"."""
    k = m.i
    if k >= 2 and doc[k - 1].lower_ == "of" and doc[k - 2].lower_ in words.unit_words:
        k -= 2
    elif not (k >= 1 and doc[k - 1].lower_ in ("'s", "\u2019s")):
        return None
    n = 0
    while k > 0 and n < MAX_MODIFIERS and _is_modifier(doc[k - 1], words):
        k, n = k - 1, n + 1
    if k > 0 and doc[k - 1].lower_ in ("'s", "\u2019s"):
        k -= 1
    return by_end.get(k)


def lies_in(e, box) -> bool:
    """The reading lies in the container's country (admin codes of one country differ between sources; the
    country is what a namesake abroad gets wrong)."""
    return bool(e.cc) and e.cc == box.cc


def hold_within(mentions: list[Mention]) -> None:
    """Each held name read inside its container: its best candidate there, else the container itself."""
    settled: set[int] = set()

    def settle(m: Mention, depth: int = 0) -> None:
        if id(m) in settled or depth > 6:
            return
        settled.add(id(m))
        outer = m.within
        if outer is None or m.chosen is None:
            return
        settle(outer, depth + 1)
        box = outer.chosen
        if box is None or box.feature not in HOLDERS or m.chosen.feature not in HELD or lies_in(m.chosen, box):
            return
        inside = [e for e in m.cands if lies_in(e, box) and e.feature in HELD]
        if inside:
            floor = min(m.scores.values(), default=0.0) - 1.0
            m.chosen = max(inside, key=lambda e: (e.admin1 == box.admin1, m.scores.get(e.id, floor)))
            return
        loose = not m.held_strictly
        if loose and (box.feature not in (COUNTRY, ADMIN1) or m.chosen.capital or
                      m.chosen.population >= LOOSE_HOLD_POPULATION and not m.phonetic):
            return
        if box.feature in (CONTINENT, REGION):
            return
        m.chosen = box

    for m in mentions:
        settle(m)
