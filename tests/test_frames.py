"""extraction/events/frames.py: the record of the clause that frames others in its sentence comes first."""

from __future__ import annotations

from types import SimpleNamespace

from eventwire.extraction.events.frames import frame_before_content


def _records(doc, triggers: dict[str, float]):
    """A stand-in record per trigger word (its first occurrence), with the given confidence."""
    out = []
    for word, confidence in triggers.items():
        tok = next(t for t in doc if t.text == word)
        out.append(SimpleNamespace(modality="asserted", trigger_start=tok.idx, confidence=confidence, event_type=None))
    return out


def test_the_framing_act_outranks_its_matter(pipeline):
    doc = pipeline.nlp("The union condemned the arrest of its leaders in Harare.")
    condemned, arrest = _records(doc, {"condemned": 0.4, "arrest": 0.7})
    frame_before_content(doc, [condemned, arrest])
    assert condemned.confidence > arrest.confidence


def test_coordinate_acts_keep_their_order(pipeline):
    doc = pipeline.nlp("The junta suspended the constitution and arrested the opposition leaders.")
    suspended, arrested = _records(doc, {"suspended": 0.4, "arrested": 0.7})
    frame_before_content(doc, [suspended, arrested])
    assert (suspended.confidence, arrested.confidence) == (0.4, 0.7)


def test_records_of_other_modalities_or_sentences_are_left_alone(pipeline):
    doc = pipeline.nlp("The union condemned the arrest of its leaders. Police arrested ten more on Monday.")
    condemned, arrest = _records(doc, {"condemned": 0.4, "arrest": 0.7})
    arrest.modality = "background"
    frame_before_content(doc, [condemned, arrest])
    assert condemned.confidence == 0.4


def test_between_two_acled_events_the_confidences_decide(pipeline):
    doc = pipeline.nlp("Police opened fire to disperse the marchers in Dhaka.")
    fire, disperse = _records(doc, {"opened": 0.4, "disperse": 0.7})
    fire.event_type, disperse.event_type = "Protests", "Protests"
    frame_before_content(doc, [fire, disperse])
    assert fire.confidence == 0.4


def test_the_doer_of_a_statement_is_not_its_matter(pipeline):
    doc = pipeline.nlp("A march by 5,000 nurses in Lagos demanded better pay.")
    march, demanded = _records(doc, {"march": 0.7, "demanded": 0.4})
    frame_before_content(doc, [march, demanded])
    assert (march.confidence, demanded.confidence) == (0.7, 0.4)
