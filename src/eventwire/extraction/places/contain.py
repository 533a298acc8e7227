"""Places that hold: a name the same phrase puts inside another means a place inside that one. "the Foo district
of northern Bar province", "Bar's Foo district", "the north Ruritanian town of Foo", "the village of Foo in the
municipality of Bar", "Foo, Ruritania". The reading of Foo must lie in the country of Bar's; when the gazetteer
has no Foo there (a village too small for it), Foo is placed at Bar itself rather than at a namesake abroad that
nothing in the text points to.

`link_containers` ties the mentions after recognition (`Mention.within`); `hold_within` settles them after
resolution, outer names first."""

from __future__ import annotations

from collections import Counter

from eventwire.geo.gazetteer import ADMIN1, ADMIN2, CITY, CONTINENT, COUNTRY, REGION

from .mention import LITERAL, Mention

MAX_MODIFIERS = 3  # "the north-western Pakistani village of Foo": the words between a container and its unit
# a place this big, or a capital, keeps its reading against a loose container ("Foo, Bar" in a list, "X in Y"):
# such a phrase says less than "the Bar town of Foo"
LOOSE_HOLD_POPULATION = 200000
HOLDERS = (COUNTRY, ADMIN1, ADMIN2, CITY)  # what a container may be read as
UNIT, ADDRESS, IN, LIST = "unit", "address", "in", "list"  # how a phrase names the container (`Mention.held_by`)
HELD = (CITY, ADMIN2, ADMIN1)  # what a held name may be read as (a country is never held: "Iraq, Syria and Yemen")


def link_containers(doc, mentions: list[Mention], words) -> None:
    """Set `within` and `held_by` of each name the phrase puts inside another."""
    by_start = {m.i: m for m in mentions}
    by_end = {m.j: m for m in mentions}
    for m in mentions:
        if m.within is not None:  # "Foo, Bar" (classify.py): an address unless it opens a list ("Foo, Bar and Baz")
            m.held_by = LIST if _in_list(doc, m.within, by_start, words) else ADDRESS
            continue
        if m.source == "norp":
            continue
        outer, how = _container_after(doc, m, by_start, words) or _container_before(doc, m, by_end, words), UNIT
        if outer is None:
            outer, how = _unit_address(doc, m, by_start, words), ADDRESS
        if outer is None:
            outer, how = _container_in(doc, m, by_start, words)
        if outer is not None and outer is not m and outer.within is not m:
            m.within, m.held_by = outer, how


def _in_list(doc, outer: Mention, by_start, words) -> bool:
    """"Foo, Bar and Baz", "Foo, Bar, Baz": the name after the comma is the next of a list, not a container."""
    k = outer.j
    if k >= len(doc):
        return False
    if doc[k].lower_ in words.list_words:
        return True
    return doc[k].text == "," and k + 1 in by_start


def _is_modifier(tok, words) -> bool:
    """A lower-case word that may stand between a container and the unit it holds: "northern", "coastal",
    "border", "restive" (not "in", "and", "near", nor a verb: "the Ruritanian-backed town of Foo" is no town of
    Ruritania, the hyphen stops the walk)."""
    if not (tok.is_alpha and tok.is_lower) or tok.lower_ in words.unit_words:
        return False
    return tok.lower_ in words.the_modifiers or not tok.is_stop and tok.pos_ in ("ADJ", "ADV", "NOUN", "PROPN")


def _skip_modifiers(doc, k: int, words) -> int:
    """The first token from k on past "the" and a few modifiers."""
    if k < len(doc) and doc[k].lower_ == "the":
        k += 1
    n = 0
    while k < len(doc) and n < MAX_MODIFIERS and (_is_modifier(doc[k], words) or doc[k].text == "-"):
        k, n = k + 1, n + 1  # "of north-western Bar province"
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


def _unit_address(doc, m: Mention, by_start, words) -> Mention | None:
    """"the Foo region, Ruritania": an address after the unit word (classify.py ties only "Foo, Ruritania")."""
    k = _unit_end(doc, m, words)
    if k is None or k + 1 >= len(doc) or doc[k].text != "," or k + 1 not in by_start:
        return None
    outer = by_start[k + 1]
    return None if _in_list(doc, outer, by_start, words) else outer


def _container_in(doc, m: Mention, by_start, words) -> tuple[Mention | None, str]:
    """"Foo district in Bar province", "Foo in the municipality of Bar", "Foo in the Ruritanian province of Bar": a
    unit word says it (UNIT); a bare "Foo in Bar" is loose (IN), a clause may stand there ("refugees from Foo in
    Bar")."""
    own_unit = _unit_end(doc, m, words)
    k = own_unit or m.j
    apposed = _apposed_unit(doc, k, words)
    if apposed is not None:  # "Foo, a village in Bar", "Foo, the capital of Bar"
        outer = by_start.get(_skip_modifiers(doc, apposed, words))
        return outer, UNIT
    if k >= len(doc) or doc[k].lower_ != "in":
        return None, IN
    k = _skip_modifiers(doc, k + 1, words)
    unit = own_unit is not None
    if k + 1 < len(doc) and doc[k].lower_ in words.unit_words and doc[k + 1].lower_ == "of":
        k, unit = _skip_modifiers(doc, k + 2, words), True  # "in the municipality of Bar"
    outer = by_start.get(k)
    if outer is not None and outer.j < len(doc) and doc[outer.j].lower_ in words.unit_words:
        unit = True  # "in Bar province"
    if outer is not None and outer.source == "norp" and outer.j + 1 < len(doc) and \
            doc[outer.j].lower_ in words.unit_words and doc[outer.j + 1].lower_ == "of":
        unit = True  # "in the Ruritanian province of Bar"
    return outer, (UNIT if unit else IN)


def _apposed_unit(doc, k: int, words) -> int | None:
    """After ", a (farming) village in", ", the capital of", ", a town near": the token after the preposition."""
    if k + 2 >= len(doc) or doc[k].text != "," or doc[k + 1].lower_ not in words.articles:
        return None
    k += 2
    n = 0
    while k < len(doc) and n < MAX_MODIFIERS and _is_modifier(doc[k], words):
        k, n = k + 1, n + 1
    if k + 1 < len(doc) and doc[k].lower_ in words.unit_words and doc[k + 1].lower_ in words.apposition_preps:
        return k + 2
    return None


def _container_before(doc, m: Mention, by_end, words) -> Mention | None:
    """"the (north) Ruritanian town of Foo", "Bar's coastal town of Foo", "Bar's Foo district". A name before the
    unit that is no adjective nor possessive holds nothing: "the Foo district of Bar" is Bar's."""
    k = m.i
    if k >= 2 and doc[k - 1].lower_ == "of" and doc[k - 2].lower_ in words.unit_words:
        k -= 2
    elif not (k >= 1 and doc[k - 1].lower_ in words.possessive_marks):
        return None
    n = 0
    while k > 0 and n < MAX_MODIFIERS and _is_modifier(doc[k - 1], words):
        k, n = k - 1, n + 1
    if k > 0 and doc[k - 1].lower_ in words.possessive_marks:
        return by_end.get(k - 1)
    outer = by_end.get(k)
    return outer if outer is not None and outer.source == "norp" else None


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
        if m.held_by in (IN, LIST) and (m.chosen.capital or
                                        m.chosen.population >= LOOSE_HOLD_POPULATION and not m.phonetic):
            return
        if m.held_by in (LIST, ADDRESS) and box.feature != COUNTRY:
            return  # "Foo, Bar and Baz": towns of a list; "Foo, Northwest Region": a region named many ways
        if box.feature in (CONTINENT, REGION):
            return
        m.chosen = box

    for m in mentions:
        settle(m)


FOCUS_HOLD_POPULATION = 100000  # a town abroad this small is not meant when nothing else in the text points there
FOCUS_VOTES = 2  # what the report's other places must give a country to stand for a town the gazetteer lacks there


def hold_to_focus(mentions: list[Mention], country_entry) -> None:
    """A small town abroad that nothing else in the report points to (no other place in its country) while the
    report's other places point to one country is a namesake of a village there: its candidate in that country
    when the gazetteer has one, else the country itself ("fighting raged in Bar province ... shelled Foo" with Foo
    a hamlet abroad). `country_entry` maps an ISO2 code to the gazetteer's country."""
    for m in mentions:
        e = m.chosen
        if e is None or m.source == "norp" or m.within is not None or e.capital or not e.cc:
            continue
        if e.feature not in HELD or e.population >= FOCUS_HOLD_POPULATION:
            continue
        support = _support(mentions, m.key)
        if support.get(e.cc) or not support:
            continue
        ranked = support.most_common()
        inside = [c for c in m.cands if c.cc in support and c.feature in HELD and c.id not in m.alt]
        if inside:
            m.chosen = max(inside, key=lambda c: (support[c.cc], m.scores.get(c.id, -1e9), c.population))
            continue
        # no reading there: the country, when two of the other names, or a province, agree on it
        if ranked[0][1] >= FOCUS_VOTES and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            box = country_entry(ranked[0][0])
            if box is not None:
                m.chosen = box


def _support(mentions: list[Mention], key: str):
    """The countries the report's other towns, districts and provinces point to, one vote each per name. A
    country's own name or adjective is no such pointer: countries are named as backers, origins and victims'
    nationalities ("rebels backed by Ruritania captured Foo"); nor is an armed group's home: groups strike across
    borders (Boko Haram in Cameroon and Niger, al-Shabaab in Kenya)."""
    out: Counter = Counter()
    seen = set()
    for n in mentions:
        if n.chosen is None or not n.chosen.cc or n.key == key or n.key in seen or n.chosen.feature not in HELD or \
                n.kind != LITERAL:
            continue
        seen.add(n.key)
        out[n.chosen.cc] += 2 if n.chosen.feature == ADMIN1 else 1
    return out
