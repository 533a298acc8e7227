"""The identity of an article's text, so that the same story stored twice is recognised."""

from __future__ import annotations

import hashlib
import unicodedata

from eventwire.records import without_surrogates


def content_hash(text: str) -> str:
    """The same article text gives the same hash whatever its line breaks, spacing or Unicode form."""
    # a lone surrogate (JSON allows "\ud800") is hashed as the U+FFFD an Article stores in its place
    norm = " ".join(unicodedata.normalize("NFC", without_surrogates(text or "")).split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()
