"""The identity of an article's text, so that the same story stored twice is recognised."""

from __future__ import annotations

import hashlib
import unicodedata


def content_hash(text: str) -> str:
    """The same article text gives the same hash whatever its line breaks, spacing or Unicode form."""
    norm = " ".join(unicodedata.normalize("NFC", text or "").split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()
