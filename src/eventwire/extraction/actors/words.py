"""Words as the matcher sees them: folded to case-less, accent-less ASCII, with hyphens, brackets and lone
apostrophes dropped, so "al-Shabaab", "Al Shabaab" and "al Shabaab" are one key.

Everything here is a pure function of its text (no catalogue data), so the string caches may stay module-level.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.attrs import IDX, IS_SPACE, ORTH, SPACY
from unidecode import unidecode

# words dropped between tokens: "al-Shabaab" == "al Shabaab", "Workers' Party" == "Workers Party"
JOINERS = frozenset({"-", "\u2010", "\u2011", "\u2013", "'", "\u2019", "/", "\"", "\u201c", "\u201d"})
BRACKETS = frozenset("()[]")
ARTICLES = frozenset({"the", "a", "an"})
POSSESSIVE = "'s"
# characters writers put for an apostrophe ("People´s", "Lord’s", "People`s"): all read as "'"; one character
# for one, so offsets into the original text stay valid
APOSTROPHES = "\u2019\u2018`\u00b4\u02bc\u2032"
_APOSTROPHE_TABLE = str.maketrans(dict.fromkeys(APOSTROPHES, "'"))
_TRAILING_POSSESSIVE_RE = re.compile(f"['{APOSTROPHES}]s?$")
_SPACED_POSSESSIVE_RE = re.compile(r"(?<=\w)' s\b")  # "People' s" -> "People's"
_SPLIT_RE = re.compile(r"[-\u2010\u2011\u2013/\"\u201c\u201d]+")
_BRACKET_RE = re.compile(r"([()\[\]])")
_INNER_PUNCT_RE = re.compile(r"([()\[\]:;,!?])")  # splits "(2016):Islamic" into words and barriers


def apostrophes(text: str) -> str:
    """The text with every apostrophe look-alike as "'" (same length: offsets still point at the original)."""
    return text.translate(_APOSTROPHE_TABLE)


def fold(text: str) -> str:
    """Case-preserving ASCII form of a word: no accents, dots or apostrophes ("U.S." -> "US", "Da'esh" -> "Daesh")."""
    t = apostrophes(text)
    if t.lower() == POSSESSIVE:
        return POSSESSIVE
    t = unidecode(unicodedata.normalize("NFC", t))
    return t.replace(".", "").replace("'", "")


def shape(word: str) -> str:
    """'lower', 'title' (first letter capital only), 'upper' (2+ capitals, no lower case) or 'mixed' ("LeT")."""
    letters = [c for c in word if c.isalpha()]
    if not letters or not any(c.isupper() for c in letters):
        return "lower"
    if all(c.isupper() for c in letters):
        return "upper" if len(letters) > 1 else "title"
    if letters[0].isupper() and not any(c.isupper() for c in letters[1:]):
        return "title"
    return "mixed"


def split_words(text: str) -> list[str]:
    """An alias or phrase as case-preserved folded words, split the way the spaCy tokenizer splits them."""
    return list(_split_words(text))


@functools.lru_cache(maxsize=65536)
def _split_words(text: str) -> tuple[str, ...]:
    out: list[str] = []
    text = _SPACED_POSSESSIVE_RE.sub("'s", apostrophes(text))
    for piece in _BRACKET_RE.sub(r" \1 ", text).split():
        if piece in BRACKETS:
            out.append(piece)
            continue
        tail = []
        if piece.lower().endswith("'s") and len(piece) > 2:
            piece, tail = piece[:-2], [POSSESSIVE]
        piece = piece.strip(",;:!?'\"")
        for sub in _SPLIT_RE.split(piece):
            w = fold(sub)
            if w:
                out.append(w)
        out.extend(tail)
    return tuple(out)


def norm_key(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(w.lower() for w in words)


def normalise(text: str) -> str:
    """The lookup form of a phrase: folded, lower case, single spaces, no leading article or trailing 's."""
    words = norm_key(split_words(text))
    while words and words[0] in ARTICLES:
        words = words[1:]
    while words and words[-1] == POSSESSIVE:
        words = words[:-1]
    return " ".join(words)


def clean_name(text: str) -> str:
    """A phrase as a name: no quotes or end punctuation, no leading article, no trailing 's."""
    t = (text or "").strip().strip("\"'\u201c\u201d\u2018\u2019.,;:")
    t = re.sub(r"\s+", " ", t)
    t = re.sub(r"^(?:the|a|an)\s+", "", t, flags=re.IGNORECASE)
    t = _TRAILING_POSSESSIVE_RE.sub("", t)
    return t.strip()


# ----------------------------------------------------------------------------------------------------------------
# the words of a Doc or of a phrase, with what the case rules need

@dataclass
class Word:
    key: str  # lower-case folded
    folded: str  # case-preserved folded
    shape: str
    token: int  # index of the Doc token it comes from
    start: int = 0  # char offsets in the Doc text (a token may hold several words: "(2016):Islamic")
    end: int = 0


def phrase_words(folded_words: Sequence[str]) -> list[Word]:
    """Words of a phrase outside any Doc (from `split_words`), for resolving and guessing names."""
    return [Word(key=w.lower(), folded=w, shape=shape(w), token=k) for k, w in enumerate(folded_words)]


@functools.lru_cache(maxsize=200_000)
def _token_parts(text: str) -> tuple[tuple[str, str, str, int, int], ...]:
    """(key, folded, shape, start, end) of the words inside one token's text; cached, as token texts repeat."""
    if len(text) > 2 and apostrophes(text[-2:]).lower() == POSSESSIVE:  # "People´s": the tokenizer kept the 's
        n = len(text) - 2
        return (*_token_parts(text[:n]), (POSSESSIVE, POSSESSIVE, "lower", n, len(text)))
    if len(text) > 1 and (_SPLIT_RE.search(text) or _INNER_PUNCT_RE.search(text)):
        parts = [p for p in _SPLIT_RE.split(_INNER_PUNCT_RE.sub(r"-\1-", text)) if p] or [text]
    else:
        parts = [text]
    out = []
    pos = 0
    for part in parts:
        at = text.find(part, pos)
        at = pos if at < 0 else at
        pos = at + len(part)
        f = fold(part) or part  # punctuation stays as a barrier no phrase can cross
        out.append((f.lower(), f, shape(f), at, pos))
    return tuple(out)


def doc_words(doc) -> list[Word]:
    """The words of a spaCy Doc, joiners and spaces left out (read from the Doc's arrays: no Token is made)."""
    words: list[Word] = []
    rows = doc.to_array([ORTH, IDX, SPACY, IS_SPACE]).tolist()
    strings = doc.vocab.strings
    texts = {h: strings[h] for h in {row[0] for row in rows}}  # each distinct word looked up once
    n = len(rows)
    skip = -1
    for i, (orth, idx, _spaced, is_space) in enumerate(rows):
        if i == skip:
            continue
        text = texts[orth]
        # "People' s": an apostrophe glued to the word before it and followed by a lone "s", one possessive word
        # over both tokens
        if len(text) == 1 and apostrophes(text) == "'" and 0 < i < n - 1 and not rows[i - 1][2] \
                and texts[rows[i + 1][0]] == "s":
            words.append(Word(key=POSSESSIVE, folded=POSSESSIVE, shape="lower", token=i + 1, start=idx,
                              end=rows[i + 1][1] + 1))
            skip = i + 1
            continue
        if text in JOINERS or is_space:
            continue
        for key, folded, shp, at, end in _token_parts(text):
            words.append(Word(key=key, folded=folded, shape=shp, token=i, start=idx + at, end=idx + end))
    return words
