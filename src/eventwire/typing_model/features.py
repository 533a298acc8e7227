"""How the typing model reads a text: lower-cased, digits made 0 ("killed 12" and "killed 40" read alike), then
word unigrams and bigrams and character 2- to 5-grams inside word boundaries. Training (through scikit-learn's
TfidfVectorizer, with this function as its analyzer) and prediction (numpy alone) share it, so the two read a
text the same way."""

from __future__ import annotations

import re

WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
DIGIT = re.compile(r"\d")
CHAR_NGRAMS = (2, 5)
WORD_NGRAMS = (1, 2)


def normalise(text: str) -> str:
    return DIGIT.sub("0", text.lower().replace("’", "'"))


def word_ngrams(low: str) -> list[str]:
    """The word unigrams and bigrams of a normalised text."""
    words = WORD.findall(low)
    out = [f"w {w}" for w in words]
    out.extend(f"w {a} {b}" for a, b in zip(words, words[1:]))
    return out


def char_ngrams(token: str) -> list[str]:
    """The character n-grams of one whitespace-separated token, padded with a space each side."""
    lo, hi = CHAR_NGRAMS
    padded = f" {token} "
    size = len(padded)
    out: list[str] = []
    for n in range(lo, min(hi, size) + 1):
        out.extend("c " + padded[i:i + n] for i in range(size - n + 1))
    return out


def features(text: str) -> list[str]:
    """The n-grams of `text`, each tagged with its kind ("w " a word n-gram, "c " a character n-gram)."""
    low = normalise(text)
    out = word_ngrams(low)
    for token in low.split():
        out.extend(char_ngrams(token))
    return out
