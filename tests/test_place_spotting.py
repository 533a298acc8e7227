"""Places in the sentences the sentence gate leaves unparsed (no tagger, no NER there by default): the geoparser's
gazetteer scan reads their capitalised words (places/recognise.proper_noun), so an event whose own sentence names
no place still gets the article's place and its actors the article's country, as with the NER everywhere."""

from __future__ import annotations

import json

import pytest

from eventwire.extraction.pipeline import Pipeline
from eventwire.extraction.places.mention import in_longer_name, proper_noun
from eventwire.extraction.places.words import PlaceWords
from eventwire.extraction.relevance import kept_sentences
from eventwire.lang import LanguageData

CALM = "The weather stayed warm and dry for most of the week."


@pytest.fixture(scope="module")
def everywhere(pipeline):
    return Pipeline(workers=1, catalogue=pipeline.catalogue, ner_everywhere=True)


def first_sentence_places(pipe: Pipeline, sentence: str) -> dict[str, str]:
    """The places the pipeline finds in `sentence`, put before two sentences without a trigger and an event."""
    text = " ".join([sentence, CALM, "Traders sold fruit until late.",
                     "Gunmen attacked a police checkpoint in Maiduguri on Monday, killing three officers."])
    doc = pipe.gated_parse.pipe([text], lambda sents: kept_sentences(pipe.gate, sents, 1))[0]
    assert not doc[0].tag  # the sentence is left unparsed
    res = next(pipe.pipe([{"id": "a", "text": text, "published": "2024-03-04"}]))
    return {m.place.text: m.place.country for m in res.places if m.end <= len(sentence)}


def records(pipe: Pipeline, text: str) -> list[dict]:
    res = next(pipe.pipe([{"id": "a", "text": text, "published": "2024-03-04"}]))
    return [json.loads(ev.to_json()) for ev in res.events]


@pytest.mark.parametrize("sentence, places", [
    ("The spring festival in Kandahar drew large crowds of families on Sunday.", {"Kandahar": "AFG"}),
    ("The museum in Tucson opened a new wing for its desert collection.", {"Tucson": "USA"}),
    ("Her cousin Nadia Jalalabad sells carpets in the bazaar.", {}),  # a person's name, not two towns
    ("The doors open at 8 a.m. EST on Sunday.", {}),  # a time zone, not a region of the same letters
])
def test_places_of_an_unparsed_sentence(pipeline, sentence, places):
    assert not pipeline.ner_everywhere  # the default
    assert first_sentence_places(pipeline, sentence) == places


@pytest.mark.parametrize("text, where, country", [
    ("The spring festival in Kandahar drew large crowds of families on Sunday. " + CALM +
     " Gunmen attacked a police checkpoint on Monday, killing three officers.", "Kandah\u0101r", "AFG"),
    ("Farmers near Tucson brought melons to the weekend market. " + CALM +
     " A gunman shot two guards at the depot on Monday.", "Tucson", "USA"),
])
def test_the_event_keeps_the_place_and_the_actors_their_country(pipeline, everywhere, text, where, country):
    gated = records(pipeline, text)
    assert gated and gated == records(everywhere, text)
    ev = gated[0]
    assert ev["location"]["name"] == where and ev["location"]["country"] == country
    assert ev["actor1"]["country"] == country and ev["actor2"]["country"] == country


def test_proper_noun_reads_capitals_only_where_nothing_was_tagged(nlp):
    untagged = nlp.make_doc("Crowds gathered in Tucson and in the park")
    assert [proper_noun(t) for t in untagged] == [True, False, False, True, False, False, False, False]
    tagged = nlp("Crowds gathered in Tucson and in the park.")
    assert not proper_noun(tagged[0]) and proper_noun(tagged[3])  # tagged: the tagger decides


def test_in_longer_name(nlp):
    doc = nlp.make_doc("The Paris attacks, said Nash Riad at Reid Hospital near McDonald's in Tucson today")
    spans = {doc[i].text: i for i in range(len(doc))}
    articles = PlaceWords(LanguageData()).articles
    assert not in_longer_name(doc, spans["Paris"], spans["Paris"] + 1, articles)  # after a capitalised article
    assert in_longer_name(doc, spans["Riad"], spans["Riad"] + 1, articles)
    assert in_longer_name(doc, spans["Reid"], spans["Reid"] + 1, articles)
    assert in_longer_name(doc, spans["McDonald"], spans["McDonald"] + 1, articles)
    assert not in_longer_name(doc, spans["Tucson"], spans["Tucson"] + 1, articles)
