"""Whether an article's text can be processed at all: not empty, not binary data, and English.

The pipeline runs these checks on every article, and ingest uses them to count skipped articles by reason."""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

# English running text has a high share of function words; other languages written in Latin script have few
# of ours. Short snippets (headlines) carry too little signal to judge, so they pass.
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
MIN_WORDS_FOR_LANGUAGE_CHECK = 12
MIN_ENGLISH_STOPWORD_SHARE = 0.12


def text_problem(text: str) -> str | None:
    """Why this text cannot be processed, or None when it can."""
    if not isinstance(text, str):
        return "the article text is not a string"
    if not text.strip():
        return "the article is empty"
    if "\x00" in text or sum(1 for c in text[:4000] if ord(c) < 32 and c not in "\t\n\r\f\v") > 8:
        return "the article looks like binary data, not text"
    words = _WORD.findall(text[:5000])
    if not words:
        return "the article has no words"
    if len(words) >= MIN_WORDS_FOR_LANGUAGE_CHECK:
        latin = sum(1 for w in words if w.isascii())
        if latin / len(words) < 0.5:
            return "the article is not in English (mostly non-Latin script)"
        share = sum(1 for w in words if w.lower() in STOP_WORDS) / len(words)
        if share < MIN_ENGLISH_STOPWORD_SHARE:
            return f"the article does not look like English (only {share:.0%} English function words)"
    return None


def is_language_problem(problem: str) -> bool:
    """Whether a text_problem() message says the text is not English (rather than empty or unreadable)."""
    return "english" in problem.lower()
