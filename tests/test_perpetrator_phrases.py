"""Who did it, read from the phrase that names the attacker (events/context.py)."""

from __future__ import annotations

import pytest


def _first_asserted(pipeline, text):
    return next(e for e in pipeline.extract(text, published="2021-03-02") if e.modality == "asserted")


@pytest.mark.parametrize("text, actor", [
    ("The pro-ISIS faction of Boko Haram abducted a teacher near Maiduguri.", "Boko Haram"),
    ("A pro-IS splinter group of al-Shabaab attacked a police post in Kismayo.", "al-Shabaab"),
])
def test_an_allegiance_prefix_names_an_ally_not_the_party(pipeline, text, actor):
    assert _first_asserted(pipeline, text).actor1.name == actor


def test_a_prefixed_name_alone_is_still_the_party(pipeline):
    event = _first_asserted(pipeline, "Pro-ISIS militants stormed a checkpoint near Marawi.")
    assert event.actor1.name == "Islamic State"
