"""Scanning a word list for candidate actor mentions, and choosing among them.

Every start position may give several candidates: an alias of a named actor (with a member noun after it,
"Taliban fighters"), a titled person ("Gambian President Dawda Jawara"), a state phrase
("[pro-] COUNTRY [modifiers] NOUN"), a generic phrase ("suspected militants"), a bare country, capital or demonym.
`select` keeps the longest non-overlapping ones; `Matcher.conjuncts` adds "Russian" in "Russian and Syrian jets".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.extraction.actors.index import (
    ALIAS,
    CAPITAL,
    COUNTRY,
    DEMONYM,
    GEN_MOD,
    GEN_NOUN,
    MEMBER,
    REF,
    STATE_MOD,
    STATE_NOUN,
    TITLE,
    Scan,
)
from eventwire.extraction.actors.words import ARTICLES, Word, normalise
from eventwire.records import Actor

if TYPE_CHECKING:
    from eventwire.extraction.actors.catalogue import Catalogue


@dataclass
class Cand:
    start: int  # word index
    end: int  # word index, exclusive
    actor: Actor
    kind: str
    generic: bool = False
    priority: int = 0  # lower wins among equally long candidates
    person: str | None = None
    sector: str | None = None  # state phrases: the noun's sector (for "Russian and Syrian jets")


def select(cands: list[Cand]) -> list[Cand]:
    """Non-overlapping, longest first (ties: explicit aliases before generated phrases, then leftmost). A generic
    phrase that starts on the member noun of a named group is the group's men, not a longer unknown party: "ADF
    gunmen on motorbikes" is the ADF, not "gunmen on motorbikes"."""
    named = [(c.start, c.end) for c in cands if c.kind == "group" and not c.generic]
    cands = [c for c in cands if c.kind != "generic" or not any(s < c.start < e for s, e in named)]
    taken: list[Cand] = []
    used: set[int] = set()
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.priority, c.start)):
        span = range(c.start, c.end)
        if any(k in used for k in span):
            continue
        used.update(span)
        taken.append(c)
    return sorted(taken, key=lambda c: c.start)


def _inside_longer_name(c: Cand, persons: Iterable[tuple[int, int]]) -> bool:
    """A known name that is only the start of a longer PERSON name ("Sharon" in "Sharon Stone")."""
    return any(s <= c.start < e and e > c.end for s, e in persons)


class Matcher:
    """The candidates of one word list (a Doc's or a phrase's) against one catalogue."""

    def __init__(self, cat: Catalogue, words: Sequence[Word]):
        self.cat = cat
        self.words = words
        self.scan = Scan(cat.index, words)

    def candidates(self, persons: Sequence[tuple[int, int]] = ()) -> list[Cand]:
        """All candidates; `persons` are the word ranges of PERSON entities (for titled unknown people)."""
        cands: list[Cand] = []
        for start, end in persons:
            cands.extend(self._titled_person(start, end))
        person_ends = {(s, e) for s, e in persons}
        for i in range(len(self.words)):
            if not self.scan.starts(i):
                continue
            cands.extend(c for c in self._alias(i) if c.kind != "person" or not _inside_longer_name(c, person_ends))
            cands.extend(self._state(i))
            cands.extend(self._generic(i))
            cands.extend(self._country(i))
        return cands

    def _alias(self, i: int) -> list[Cand]:
        scan, cat = self.scan, self.cat
        out = []
        for n, t in scan.at(i, (ALIAS,)):
            end = i + n
            # "Taliban fighters", "IS militants", "Pentagon officials": the member noun stays with the group
            if t.mention_kind != "person" or t.entry.kind != "state":
                member = scan.at(end, (MEMBER,))
                if member and t.mention_kind != "generic":
                    end += member[0][0]
            start, entry = i, t.entry
            if entry.kind == "state" and t.mention_kind == "state":
                k = scan.ends_at(i, REF)  # "Pakistani Frontier Corps", "Israeli IDF"
                if k is not None and any(r.iso3 == entry.country for r in scan.ending(k, i, REF)):
                    start = k
            if t.mention_kind == "person":
                start, role = self._title_start(i)
                if role and entry.kind == "state" and entry.country and role != entry.sector:
                    entry = cat.state_entry(entry.country, role)  # "Turkish spy chief Hakan Fidan" -> SPY
            out.append(Cand(start, end, entry.actor(), t.mention_kind, priority=0, person=t.person))
        return out

    def _title_start(self, i: int) -> tuple[int, str | None]:
        """Extend a person's mention left over role words and a country: "Turkish President Erdogan". Also
        gives the sector of the role nearest the name when it is a state noun ("spy chief" -> SPY)."""
        scan = self.scan
        start, titled, role = i, False, None
        while start > 0:
            j = scan.ends_at(start, TITLE)
            if j is not None:
                if not titled:
                    nouns = scan.ending(j, start, STATE_NOUN)
                    role = nouns[0].sector if nouns else None
                start, titled = j, True
                continue
            j = scan.ends_at(start, REF) if titled else None
            if j is not None:
                start = j
                continue
            break
        return start, role

    def _titled_person(self, start: int, end: int) -> list[Cand]:
        """A person the catalogue does not know, named with a state role: "Gambian President Dawda Jawara" is
        Government of the Gambia, "Judge Alejandro Rivera" the (generic) government of the event's country."""
        scan, cat = self.scan, self.cat
        if scan.at(start, (ALIAS,)):
            return []
        j = scan.ends_at(start, TITLE)
        if j is None:
            return []
        nouns = scan.ending(j, start, STATE_NOUN)
        if not nouns:
            return []
        sector = nouns[0].sector
        while True:  # more role words and modifiers to the left: "former Socialist prime minister"
            k = scan.ends_at(j, STATE_MOD)
            if k is None:
                break
            j = k
        k = scan.ends_at(j, REF)
        if k is not None:
            iso3 = scan.ending(k, j, REF)[0].iso3
            return [Cand(k, end, cat.state_entry(iso3, sector).actor(), "person", priority=0)]
        if sector not in ("GOV", "COP"):
            return []  # "pilot Bernardo Badell" may be a civilian pilot; a minister or a judge is the state
        g = cat.state_generic(sector)
        return [Cand(j, end, g.entry().actor(), "person", generic=True, priority=0)]

    def _state(self, i: int) -> list[Cand]:
        """[pro-] COUNTRY [modifiers] NOUN -> state actor; [modifiers] NOUN -> generic state actor."""
        scan, cat, words = self.scan, self.cat, self.words
        out = []
        starts: list[tuple[int, str | None]] = [(i, None)]  # (word after the country, iso3)
        pro = words[i].key == "pro"
        j0 = i + 1 if pro else i
        after_pro = i > 0 and words[i - 1].key == "pro"
        for n, t in scan.at(j0, (REF,)):
            if (pro or after_pro) and not t.leader:
                continue  # "pro-Russian forces" are Russia's allies, not its army; "pro-Assad forces" are the state's
            starts.append((j0 + n, t.iso3))
        for after, iso3 in starts:
            if iso3 is None and i > 0 and words[i].shape == "title" and words[i - 1].shape in ("title", "upper") \
                    and words[i - 1].key not in ARTICLES and not scan.at(i - 1, (REF, STATE_MOD)):
                continue  # "Liberation Army": part of an unknown proper name
            named = {after + n for n, t in scan.at(after, (ALIAS,)) if t.entry.kind != "state"}
            readings = self._noun_after(after)
            if iso3 is not None and after < len(words) and words[after].shape == "title" \
                    and words[after].key not in cat.index.first:
                # "Nicaragua's Sandinista government", "Syria's Baathist regime": a party word before a government
                readings += [r for r in self._noun_after(after + 1) if r[1] == "GOV"]
            for end, sector, state_mod in readings:
                if iso3 is None and not (state_mod or end[1]):
                    continue
                if end[0] in named:
                    continue  # "Syria's National Defense Forces" is the NDF militia, not the Syrian army
                e = end[0]
                if iso3 is not None:
                    actor = cat.state_entry(iso3, sector).actor()
                    out.append(Cand(i, e, actor, "state", priority=1, sector=sector))
                else:
                    g = cat.state_generic(sector)
                    out.append(Cand(i, e, g.entry().actor(), "generic", generic=True, priority=1, sector=sector))
        return out

    def _noun_after(self, j: int) -> list[tuple[tuple[int, bool], str, bool]]:
        """((end, bare), sector, state_modifier_seen) for every modifiers+noun reading that starts at word j."""
        scan = self.scan
        out = []
        frontier = [(j, False)]
        seen = set()
        while frontier:
            k, state_mod = frontier.pop()
            if (k, state_mod) in seen or k - j > 6:
                continue
            seen.add((k, state_mod))
            for n, t in scan.at(k, (STATE_NOUN,)):
                e = k + n
                out.append(((e, t.flag), t.sector, state_mod))
                # a noun compound keeps the first noun's sector: "army spokesman" (MIL), "foreign ministry official";
                # a first noun that is also a modifier ("regime forces", "government troops") is read as one
                if any(m == n for m, _ in scan.at(k, (STATE_MOD,))):
                    continue
                for _ in range(2):
                    more = scan.at(e, (STATE_NOUN,))
                    if not more:
                        break
                    e += more[0][0]
                    out.append(((e, t.flag), t.sector, state_mod))
            for n, t in scan.at(k, (STATE_MOD,)):
                frontier.append((k + n, state_mod or t.flag))
        return out

    def _generic(self, i: int) -> list[Cand]:
        """[COUNTRY] [modifiers] NOUN -> generic actor (localised at once when a country is named)."""
        scan, cat, words = self.scan, self.cat, self.words
        out = []
        heads: list[tuple[int, str | None]] = [(i, None)]
        if not (i > 0 and words[i - 1].key == "pro"):
            heads += [(i + n, t.iso3) for n, t in scan.at(i, (REF,)) if not t.leader]
        for after, iso3 in heads:
            frontier, seen = [after], set()
            while frontier:
                k = frontier.pop()
                if k in seen or k - after > 4:
                    continue
                seen.add(k)
                for n, t in scan.at(k, (GEN_NOUN,)):
                    g = t.generic
                    if iso3 is not None:
                        out.append(Cand(i, k + n, cat.localize(g.entry().actor(), iso3), "generic", priority=1))
                    else:
                        out.append(Cand(i, k + n, g.entry().actor(), "generic", generic=True, priority=2))
                for n, _ in scan.at(k, (GEN_MOD,)):
                    frontier.append(k + n)
        return out

    def _country(self, i: int) -> list[Cand]:
        """Bare country names ("Turkey said"), demonyms ("Syrians") and capitals before a verb ("Moscow said")."""
        scan, cat, words = self.scan, self.cat, self.words
        out = []
        for n, t in scan.at(i, (COUNTRY,)):
            if t.flag and not (i + n < len(words) and words[i + n].key in cat.metonym_verbs) \
                    and not self._listed_with_a_country(i, i + n):
                continue  # "Georgia" on its own may be the US state: only "Georgia said" is the government
            out.append(Cand(i, i + n, cat.state_entry(t.iso3, "GOV").actor(), "country", priority=3))
        for n, t in scan.at(i, (DEMONYM,)):
            g = cat.generics.get(cat.demonym_generic)
            if g is None:
                continue
            k = scan.ends_at(i, REF)
            home = [r.iso3 for r in scan.ending(k, i, REF) if r.iso3 and not r.leader] if k is not None else []
            if i > 0 and words[i - 1].key == "ethnic":  # "ethnic Albanians in Serbia": people of the event's country
                out.append(Cand(i - 1, i + n, g.entry().actor(), "generic", generic=True, priority=3))
            elif home and home[0] != t.iso3 and normalise(" ".join(w.folded for w in words[i:i + n])) \
                    not in cat.resident_demonyms:
                # "Croatian Serbs", "Kosovo Albanians": a people living in the country the first word names
                out.append(Cand(k, i + n, cat.localize(g.entry().actor(), home[0]), "demonym", priority=3))
            else:
                out.append(Cand(i, i + n, cat.localize(g.entry().actor(), t.iso3), "demonym", priority=3))
        for n, t in scan.at(i, (CAPITAL,)):
            nxt = words[i + n].key if i + n < len(words) else ""
            prev_title = i > 0 and words[i - 1].shape in ("title", "upper") and words[i - 1].key not in ARTICLES
            if (nxt in cat.metonym_verbs or self._capital_pair(i, i + n)) and not prev_title:
                out.append(Cand(i, i + n, cat.state_entry(t.iso3, "GOV").actor(), "capital", priority=3))
        return out

    def _capital_pair(self, i: int, j: int) -> bool:
        """"Tokyo and Seoul agreed": a capital joined by "and" to another capital that acts (the verb after the
        pair), the pair not after "in", "from" or "between" (places)."""
        scan, words, cat = self.scan, self.words, self.cat
        if i > 0 and (words[i - 1].key in cat.locative_words or words[i - 1].key == "between"):
            return False
        if j + 1 >= len(words) or words[j].key != "and":
            return False
        return any(j + 1 + n < len(words) and words[j + 1 + n].key in cat.metonym_verbs
                   for n, _ in scan.at(j + 1, (CAPITAL,)))

    def _listed_with_a_country(self, i: int, j: int) -> bool:
        """An ambiguous country name paired by "and" with a plain country name, the pair not after "in", "from"
        or a comma ("Jordan and Britain agreed", "Britain and Jordan signed"): two states acting together."""
        scan, words, cat = self.scan, self.words, self.cat

        def opens_pair(k: int) -> bool:
            return k == 0 or (words[k - 1].key not in cat.locative_words and words[k - 1].key != ",")

        if j + 1 < len(words) and words[j].key == "and" and opens_pair(i) and any(
                not t.flag for _, t in scan.at(j + 1, (COUNTRY,))):
            return True
        k = scan.ends_at(i - 1, COUNTRY) if i > 1 and words[i - 1].key == "and" else None
        return k is not None and opens_pair(k) and any(not t.flag for t in scan.ending(k, i - 1, COUNTRY))

    def conjuncts(self, taken: list[Cand]) -> list[Cand]:
        """"Russian and Syrian warplanes": the noun is shared, so "Russian" is Military Forces of Russia too."""
        scan, words = self.scan, self.words
        used = {k for c in taken for k in range(c.start, c.end)}
        extra: list[Cand] = []
        for c in taken:
            if c.kind not in ("state", "generic") or c.sector is None:
                continue  # "Russian and regime warplanes": the generic phrase shares its noun too
            j = c.start
            while j > 1 and words[j - 1].key in ("and", "or", ",", "&"):
                k = scan.ends_at(j - 1, REF)
                if k is None or any(x in used for x in range(k, j - 1)):
                    break
                iso3 = scan.ending(k, j - 1, REF)[0].iso3
                extra.append(Cand(k, j - 1, self.cat.state_entry(iso3, c.sector).actor(), "state", priority=1,
                                  sector=c.sector))
                used.update(range(k, j - 1))
                j = k
        return sorted(taken + extra, key=lambda c: c.start)
