"""Records where no event is, on sentences written for these tests: speech about a topic, a summons to an
incident, a substance or a document released, an industrial leak, and meetings cancelled or put off are no
asserted PLOVER/ACLED events; the events these words also name stay."""

from __future__ import annotations

import pytest


def asserted_codes(pipeline, text):
    return {(e.event_type, e.plover.event) for e in pipeline.extract(text) if e.modality == "asserted"}


@pytest.mark.parametrize("text,absent", [
    ("We talk about border security a lot in this job.", "CONSULT"),  # a topic, no one talked with
    ("Firefighters were called to a house fire on Elm Road.", "CONSULT"),  # a summons
    ("Officers were called to the scene shortly after midnight.", "CONSULT"),
    ("The refinery accidentally released toxic gas into the canal.", "ASSAULT"),  # a leak, no chemical weapon
    ("The plant released thousands of gallons of polluted water.", "CONCEDE"),  # a substance, no prisoners
    ("The ministry released a video of the ceremony.", "CONCEDE"),
    ("The plant released thousands of gallons of polluted water.", "RETREAT"),  # nor a release of captives
    ("The ministry released a video of the ceremony.", "RETREAT"),
    ("The minister cancelled his meeting with the French envoy.", "CONSULT"),  # did not take place
    ("The summit between the two leaders was postponed.", "CONSULT"),
    ("The planned talks between the two parties were called off.", "CONCEDE"),  # no concession either
    ("Three workers fell ill from a gas released by a leaking drum.", "CONCEDE"),
    ("Three workers fell ill from a gas released by a leaking drum.", "RETREAT"),
    ("Paramedics were called shortly after the crash on the ring road.", "CONSULT"),
    ("A cyclist was airlifted to hospital after the collision.", "AID"),  # a patient, no aid
    ("A team of scientists warns that the glacier could collapse within decades.", "THREATEN"),  # a prediction
    ("The spokesman rejected allegations that the company had bribed officials.", "REJECT"),  # a denial
    ("The emirate has pledged to back the new government.", "AID"),  # a promise, nothing given
    ("In a statement, the mayor called the shooting senseless.", "CONSULT"),  # naming, no call
    ("The minister called the raid an act of war.", "CONSULT"),
    ("She called the decision a mistake.", "CONSULT"),
    ("Hackers attacked the airline's booking systems overnight.", "ACCUSE"),  # a cyber attack, no words
    ("Hackers attacked the airline's booking systems overnight.", "ASSAULT"),
])
def test_no_record_where_no_event_is(pipeline, text, absent):
    assert absent not in {plover for _, plover in asserted_codes(pipeline, text)}


@pytest.mark.parametrize("text,kept", [
    ("The foreign minister talked with his Turkish counterpart on Monday.", "CONSULT"),  # a partner named
    ("The foreign minister called his Turkish counterpart on Monday.", "CONSULT"),  # a phone call
    ("The president called on the army to protect civilians.", "REQUEST"),
    ("The rebels released twelve hostages on Monday.", "RETREAT"),  # people set free: a release (PLOVER RETREAT)
    ("The union called off the strike after the deal.", "CONCEDE"),
    ("Government forces dropped chlorine gas on the rebel-held town.", "ASSAULT"),  # used as a weapon
    ("The air force airlifted medicine to the flooded villages.", "AID"),
    ("The militia warned that it would shell the port.", "THREATEN"),
    ("The ministry rejected the proposal for a ceasefire.", "REJECT"),
    ("Donors pledged $40 million to rebuild the port.", "AID"),
    ("The senator called the raid an act of war.", "ACCUSE"),  # judging an attack: disapproval
    ("The president called the Chinese premier on Monday.", "CONSULT"),
])
def test_the_events_these_words_name_stay(pipeline, text, kept):
    assert kept in {plover for _, plover in asserted_codes(pipeline, text)}


@pytest.mark.parametrize("sentence,word", [
    ("The minister cancelled a meeting with the envoy.", "meeting"),
    ("The summit was postponed because of the storm.", "summit"),
    ("Talks between the two sides were called off.", "Talks"),
    ("The army put off its offensive on the town.", "offensive"),
    ("The cancellation of the visit angered officials.", "visit"),
    ("The talks have been delayed several times.", "talks"),
])
def test_cancelled_events_are_negated(pipeline, bare_nlp, sentence, word):
    tok = next(t for t in bare_nlp(sentence) if t.text == word)
    assert pipeline.event_finder.modality.classify(tok) == "negated"


def test_an_invitation_is_no_visit_yet(pipeline, bare_nlp):
    tok = next(t for t in bare_nlp("The governor invited the envoys to visit the camps.") if t.text == "visit")
    assert pipeline.event_finder.modality.classify(tok) == "future"


def test_any_word_cue_needs_a_word_in_its_slot(pipeline, bare_nlp):
    """"talked about X" meets `about: ["*"]`; "talked with X" does not, and its "with" keeps the meeting."""
    senses = pipeline.event_finder.lexicon.senses
    talked = next(t for t in bare_nlp("Officials talked about the economy.") if t.lower_ == "talked")
    assert senses.resolve(talked, {"consult"})[0] == set()
    talked = next(t for t in bare_nlp("Officials talked with the unions about pay.") if t.lower_ == "talked")
    assert senses.resolve(talked, {"consult"})[0] == {"consult"}


def test_a_definite_speech_noun_names_an_earlier_event_of_its_own_kind(pipeline):
    """"The talks" after a threat are talks, not that threat again."""
    text = ("The militia warned that it would shell the port. The talks, which are expected to start next month, "
            "have been delayed.")
    talks = [e for e in pipeline.extract(text) if e.trigger == "talks"]
    assert talks and all(e.plover.event == "CONSULT" and e.modality != "asserted" for e in talks)


@pytest.mark.parametrize("text", [
    "The group regularly uses small drones to attack army outposts.",  # the adverb on the verb of the purpose
    "Smugglers are increasingly using fishing boats to attack tankers.",  # a trend
    "Such ambushes were unheard of ten years ago.",  # a kind of event
    "Officials say such bombings are hard to prevent.",
])
def test_patterns_and_kinds_of_events_are_no_records(pipeline, text):
    assert not [e for e in pipeline.extract(text) if e.modality == "asserted" and e.event_type is not None]


@pytest.mark.parametrize("text", [
    "The group used small drones to attack an army outpost on Sunday.",
    "Gunmen ambushed a bus carrying pilgrims on the highway.",
])
def test_one_event_told_stays(pipeline, text):
    assert [e for e in pipeline.extract(text) if e.modality == "asserted" and e.event_type is not None]
