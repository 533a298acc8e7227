"""A role's name is the words of its noun phrase, not the verb's result that the parse hangs on it: "gunmen shot
dead Julio Arango" hits Julio Arango, not "dead Julio Arango". Every sentence was written for these tests."""

from __future__ import annotations

import pytest

from probes import acled_events


@pytest.mark.parametrize("text, name", [
    ("Gunmen shot dead Julio Arango in Tumaco on Monday.", "Julio Arango"),
    ("Assailants shot dead Hassan Abdi outside his home in Beledweyne.", "Hassan Abdi"),
])
def test_the_verbs_result_is_no_word_of_the_name(pipeline, text, name):
    found = [e for e in acled_events(pipeline, text) if e.actor2 is not None]
    assert found, text
    assert {e.actor2.name for e in found} == {name}
    assert {e.actor2.text for e in found} == {name}


@pytest.mark.parametrize("text, sector", [
    ("Troops killed militant leader Abu Tariq near Kidal.", "INS"),
    ("Soldiers captured jihadist leader Ousmane Diallo in a raid near Mopti.", "INS"),
    ("The army killed insurgent commander Yusuf Barre in Lower Juba.", "INS"),
])
def test_the_leader_of_an_armed_group_is_the_group_not_the_state(pipeline, text, sector):
    """"militant leader X" is a militant, not the leader of the country the event is placed in."""
    found = [e for e in pipeline.extract(text) if e.modality == "asserted" and e.actor2 is not None]
    assert found, text
    assert {e.actor2.sector for e in found} == {sector}, [e.actor2 for e in found]


@pytest.mark.parametrize("text, source", [
    ("Ghana is committed to the peace process, its foreign minister said.", "GHA"),
    ("The Bolivian government is committed to dialogue with the miners.", "BOL"),
    ("Nepal remains committed to holding the elections in November.", None),  # a stand that only goes on: no record
])
def test_a_party_committed_to_a_course_is_its_doer(pipeline, text, source):
    """"X is committed to ..." is X's own stand (PLOVER AGREE by X), not something done to X."""
    found = [e for e in pipeline.extract(text) if e.modality == "asserted" and e.plover is not None and e.plover.event == "AGREE"]
    if source is None:
        assert found == []
        return
    assert found, text
    assert {e.actor1.country for e in found if e.actor1 is not None} == {source}


@pytest.mark.parametrize("text, country", [
    ("Colombia and the rebels signed a peace agreement in Havana.", "COL"),
    ("The government of Chad and the rebels signed a peace accord in Tripoli on Sunday.", "TCD"),
])
def test_rebels_in_talks_abroad_are_of_the_state_they_face(pipeline, text, country):
    """Talks held abroad do not make the rebels the host's: they face their own state."""
    found = [e for e in pipeline.extract(text) if e.modality == "asserted" and e.plover is not None
             and e.plover.event in ("AGREE", "CONSULT")]
    assert found, text
    rebels = [a for e in found for a in (e.actor1, e.actor2) if a is not None and a.sector not in ("GOV", "MIL")]
    assert rebels and {a.country for a in rebels} == {country}, rebels
