"""The phrase index: every catalogue phrase (alias, country word, force noun, title ...) keyed by its folded
lower-case words, with the case rules it must meet in the text.

Each start position of a text is looked up in one dict keyed by word tuples (no regex over the catalogue per
article). Case still matters where it carries meaning: an alias word in CAPITALS ("IS", "KIA") only matches in
capitals and the first Capitalised word of an alias needs a capital in the text ("Turkey", not "turkey").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from eventwire.extraction.actors.entries import Entry, Generic
from eventwire.extraction.actors.words import Word, norm_key, shape, split_words

# what a phrase key can stand for
ALIAS, REF, COUNTRY, CAPITAL, DEMONYM, STATE_NOUN, STATE_MOD, GEN_NOUN, GEN_MOD, MEMBER, TITLE = (
    "alias", "ref", "country", "capital", "demonym", "state_noun", "state_mod", "gen_noun", "gen_mod", "member",
    "title")


@dataclass(frozen=True)
class Target:
    kind: str
    checks: tuple[tuple[int, str, str], ...]  # (word index, shape, folded word) that the text must satisfy
    entry: Entry | None = None  # ALIAS
    iso3: str | None = None  # REF, COUNTRY, CAPITAL, DEMONYM
    sector: str | None = None  # STATE_NOUN
    flag: bool = False  # STATE_NOUN: bare; STATE_MOD: implies a state actor
    generic: Generic | None = None  # GEN_NOUN, or ALIAS of a generic phrase
    person: str | None = None  # ALIAS of a person
    mention_kind: str = "group"
    leader: bool = False  # REF from a person


def case_checks(words: Sequence[str]) -> tuple[tuple[int, str, str], ...]:
    """The case constraints of an alias: capitals everywhere they are, a capital on its first Capitalised word."""
    out = []
    title_done = False
    for i, w in enumerate(words):
        s = shape(w)
        if s in ("upper", "mixed") or (s == "title" and not title_done):
            out.append((i, s, w))
            title_done = True
    return tuple(out)


def case_ok(checks: tuple[tuple[int, str, str], ...], words: Sequence[Word], start: int) -> bool:
    for i, s, w in checks:
        doc_word = words[start + i]
        if s == "title":
            if doc_word.shape == "lower":
                return False
        elif doc_word.folded != w and (s == "mixed" or doc_word.shape != "upper"):
            return False  # "IS" needs capitals; "JeM" needs exactly that spelling ("JEM" is another group)
    return True


class PhraseIndex:
    """Word tuple -> the targets it can stand for."""

    def __init__(self) -> None:
        self.targets: dict[tuple[str, ...], list[Target]] = {}
        self.first: set[str] = set()  # first words of all phrases: most words start none
        self.maxlen = 1
        self._added: set[tuple] | None = set()  # (key, target) pairs already indexed

    def __getstate__(self) -> dict:
        # the pairs already indexed are not pickled (hashing 10,000 targets again is most of the cost of reading
        # a catalogue from the compiled cache): `add` rebuilds them from the targets when it needs them
        return {**self.__dict__, "_added": None}

    def add(self, phrase: str, target_kind: str, **kw: Any) -> None:
        words = split_words(phrase)
        if not words:
            return
        key = norm_key(words)
        target = Target(kind=target_kind, checks=case_checks(words), **kw)
        if self._added is None:  # an index read from the compiled cache, added to afterwards
            self._added = {(k, t) for k, targets in self.targets.items() for t in targets}
        if (key, target) in self._added:
            return
        self._added.add((key, target))
        self.targets.setdefault(key, []).append(target)
        self.first.add(key[0])
        self.maxlen = max(self.maxlen, len(key))

    def count(self, kind: str, leader: bool | None = None) -> int:
        return sum(1 for ts in self.targets.values() for t in ts
                   if t.kind == kind and (leader is None or t.leader == leader))


class Scan:
    """Lookups of the index over one word list, each start position looked up once."""

    def __init__(self, index: PhraseIndex, words: Sequence[Word]):
        self.index = index
        self.words = words
        self.keys = [w.key for w in words]
        # start -> every (length, target) found there, and those of each kind; the stages ask the same positions for
        # the same kinds many times over, so each (start, kinds) answer is kept too, as a tuple the callers only read
        self._memo: dict[int, list] = {}
        self._by_kind: dict[int, dict[str, tuple]] = {}
        self._by_kinds: dict[tuple, tuple] = {}

    def starts(self, i: int) -> bool:
        """Whether any phrase starts with word i."""
        return self.keys[i] in self.index.first

    def at(self, i: int, kinds: Iterable[str]) -> Sequence[tuple[int, Target]]:
        """All (length, target) whose phrase starts at word i, longest first, restricted to `kinds`."""
        keys = self.keys
        if i >= len(keys) or keys[i] not in self.index.first:
            return ()  # most words start no phrase: answered before any memo
        by_kind = self._by_kind.get(i)
        if by_kind is None:
            by_kind = self._by_kind[i] = self._targets_at(i)
        kinds = kinds if isinstance(kinds, tuple) else tuple(kinds)
        if len(kinds) == 1:  # most questions name one kind: its targets, as found, in order
            return by_kind.get(kinds[0], ())
        got = self._by_kinds.get((i, kinds))
        if got is None:
            wanted = set(kinds)
            got = self._by_kinds[(i, kinds)] = tuple((n, t) for n, t in self._memo[i] if t.kind in wanted)
        return got

    def _targets_at(self, i: int) -> dict[str, tuple]:
        """Every (length, target) found at word i (kept in `_memo`, longest first), and those of each kind."""
        keys, words = self.keys, self.words
        found = []
        targets_of = self.index.targets
        for length in range(min(self.index.maxlen, len(keys) - i), 0, -1):
            targets = targets_of.get(tuple(keys[i:i + length]))
            if targets:
                found.extend((length, t) for t in targets if case_ok(t.checks, words, i))
        self._memo[i] = found
        by_kind: dict[str, list] = {}
        for n, t in found:
            by_kind.setdefault(t.kind, []).append((n, t))
        return {kind: tuple(hits) for kind, hits in by_kind.items()}

    def ends_at(self, j: int, kind: str) -> int | None:
        """Start of the longest phrase of `kind` that ends right before word j."""
        for length in range(min(self.index.maxlen, j), 0, -1):
            i = j - length
            if any(n == length for n, _ in self.at(i, (kind,))):
                return i
        return None

    def ending(self, i: int, j: int, kind: str) -> list[Target]:
        """The targets of `kind` whose phrase runs from word i to just before word j."""
        return [t for n, t in self.at(i, (kind,)) if i + n == j]
