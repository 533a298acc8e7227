"""The identity of an article's text, so that the same story stored twice is recognised."""

from __future__ import annotations

import hashlib
import unicodedata


def content_hash(text: str) -> str:
    """The same article text gives the same hash whatever its line breaks, spacing or Unicode form."""
    norm = " ".join(unicodedata.normalize("NFC", text or "").split())
    # surrogatepass: a lone surrogate (JSON allows "\ud800") is hashed as it is, where plain UTF-8 would fail
    return hashlib.sha256(norm.encode("utf-8", "surrogatepass")).hexdigest()
