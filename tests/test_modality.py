"""Modality on sentences written for these tests: only asserted events happened."""

import pytest


@pytest.fixture(scope="module")
def classify(pipeline):
    return pipeline.event_finder.modality.classify


def mod_of(bare_nlp, classify, sentence, word):
    doc = bare_nlp(sentence)
    tok = next(t for t in doc if t.text == word)
    return classify(tok)


@pytest.mark.parametrize("sentence,word,expected", [
    ("Rebels attacked the base on Monday.", "attacked", "asserted"),
    ("Rebels will attack the base next week.", "attack", "future"),
    ("The army plans to launch an offensive on the city.", "offensive", "future"),
    ("The move lays the groundwork for an eventual assault on the city.", "assault", "future"),
    ("Troops would storm the town if talks fail.", "storm", "hypothetical"),
    ("The deal is meant to prevent clashes between the two armies.", "clashes", "hypothetical"),
    ("The ministry denied that soldiers killed the farmers.", "killed", "negated"),
    ("Police did not arrest anyone.", "arrest", "negated"),
    ("The military said it killed 12 militants.", "killed", "asserted"),
    ("Officials said militia fighters that attacked the village fled.", "attacked", "asserted"),
])
def test_modality(bare_nlp, classify, sentence, word, expected):
    assert mod_of(bare_nlp, classify, sentence, word) == expected


def test_modality_cues_are_read_from_the_language_data(language):
    from eventwire.extraction.events import ModalityClassifier

    classifier = ModalityClassifier(language)
    assert "say" in classifier.reporting_verbs
    assert "will" in classifier.cues["future"]["auxiliaries"]
