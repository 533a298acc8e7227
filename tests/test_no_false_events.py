"""Regression file of false events: every text under tests/data/no_event/ must give no asserted event.

One file per family of false events (background, tolls, modality, word sense, accidents ...), one text per
line; `#` starts a comment line. A line may start with `YYYY-MM-DD | ` to give the article's publication date
(needed where the text is only background relative to it). The sentences are written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from regression_texts import regression_cases

NO_EVENT_DIR = Path(__file__).parent / "data" / "no_event"


def no_event_cases():
    return regression_cases(NO_EVENT_DIR)


def test_the_regression_files_are_not_empty():
    assert len(no_event_cases()) >= 5


@pytest.mark.parametrize("text,published", no_event_cases())
def test_no_asserted_event(pipeline, text, published):
    events = pipeline.extract(text, published=published)
    asserted = [f"{e.event_type or e.plover.event}: {e.evidence.text}" for e in events if e.modality == "asserted"]
    assert asserted == [], text
