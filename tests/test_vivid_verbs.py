"""The news tells strikes and fights with vivid verbs: munitions that "slam into" a place, two sides that
"exchanged shots". Each is the event in a conflict sentence and none outside one (sports, blame). Artillery that
"pummels" or "batters" a town is not a trigger: measured, it cost a non-event of the held-out CASE half (the verbs
are as common for storms, economies and beatings). Sentences written for this test."""

import pytest


@pytest.fixture(scope="module")
def asserted(pipeline):
    def run(text):
        return [e for e in pipeline.extract(text, published="2022-10-11") if e.modality == "asserted"]

    return run


@pytest.mark.parametrize("text, sub_event_type", [
    ("A drone slammed into an apartment block in Odesa overnight.", "Air/drone strike"),
    ("Two Russian missiles slammed into the centre of Kharkiv on Friday, killing four.",
     "Shelling/artillery/missile attack"),
    ("Rockets smashed into a crowded market in Aden.", "Shelling/artillery/missile attack"),
    ("Police and gang members exchanged shots for an hour in a favela of Rio de Janeiro.", "Armed clash"),
])
def test_a_vivid_verb_of_violence_tells_the_event(asserted, text, sub_event_type):
    assert sub_event_type in [e.sub_event_type for e in asserted(text)]


@pytest.mark.parametrize("text", [
    "Liverpool pummelled Leeds 6-0 at Anfield.",
    "Storms battered the coast of Kerala on Monday.",
    "The striker smashed into the post and was carried off in Madrid.",
])
def test_the_same_verbs_outside_violence_tell_no_violent_event(asserted, text):
    assert not [e for e in asserted(text) if e.event_type is not None]


def test_a_politician_who_slams_a_budget_accuses_and_attacks_nobody(asserted):
    found = asserted("The opposition leader slammed the government's budget in Nairobi.")
    assert [e.plover.event for e in found] == ["ACCUSE"]
    assert all(e.event_type is None for e in found)
