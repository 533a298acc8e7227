"""What the probe sets of sentences ask of a Pipeline: the records an ACLED coder would count."""

from __future__ import annotations


def acled_events(pipeline, text, published=None):
    """The asserted events with an ACLED type."""
    return [e for e in pipeline.extract(text, published=published) if e.modality == "asserted" and e.event_type]


def top_sub_type(pipeline, text):
    """The sub-type of the most confident asserted ACLED event (None: no such event)."""
    found = acled_events(pipeline, text)
    return max(found, key=lambda e: e.confidence).sub_event_type if found else None
