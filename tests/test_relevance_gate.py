"""The relevance gate (extraction/relevance.py): articles without a word an event can start from are not parsed."""

from __future__ import annotations

import json

import pytest
import spacy
from click.testing import CliRunner

from eventwire.cli import cli
from eventwire.extraction.pipeline import Pipeline
from eventwire.extraction.relevance import WordForms, build_gate

SPORT = ("Riverside Rovers won 3-0 at home on Saturday. Their young winger scored twice before half-time and the "
         "goalkeeper kept a clean sheet. The manager said the team played with great spirit and thanked the fans.")
BUSINESS = ("Quarterly revenue at the bakery chain grew by 8 percent, the company said on Tuesday. Profits were "
            "higher than analysts expected, helped by strong sales of bread and cakes in its northern stores.")
WEATHER = ("Rain is expected across the north tomorrow, with sunny spells in the south. Temperatures will stay mild "
           "for the time of year, and a light breeze will come in from the west by the evening.")
CONFLICT = ("Gunmen attacked a police checkpoint in Maiduguri, Nigeria, on Monday, killing three officers, the army "
            "said. Residents said the attackers fled into the bush.")


@pytest.fixture(scope="module")
def gate(pipeline):
    g = pipeline.gate
    assert g is not None, "the default model's rule lemmatizer gives the word forms"
    return g


def test_word_forms_come_from_the_lemmatizer(pipeline):
    forms = WordForms.of_model(pipeline.nlp)
    assert {"kill", "kills", "killed", "killing"} <= forms.of("kill")
    assert {"fought", "fights", "fighting"} <= forms.of("fight")  # irregular: the lemmatizer's exceptions
    assert {"rallies", "rallied"} <= forms.of("rally")


def test_general_news_is_not_relevant(gate):
    for text in (SPORT, BUSINESS, WEATHER):
        assert not gate.relevant(text), text


def test_trigger_forms_in_any_case_are_relevant(gate):
    assert gate.relevant(CONFLICT)
    assert gate.relevant("TWO SOLDIERS WERE KILLED NEAR THE BORDER.")
    assert gate.relevant("They fought for hours.")  # "fight", inflected irregularly
    assert gate.relevant("Villagers took to the streets.")  # a phrase, matched across a line break too
    assert gate.relevant("Villagers took to the\n  streets.")


def test_only_whole_words_count(gate):
    assert not gate.relevant("Her skills and the skillful team won cheers from the audience.")
    assert not gate.relevant("The killjoy left early.")


def test_words_that_need_their_object(gate):
    # neither word is a trigger; together they may make an event (weapons found, a base set up)
    assert gate.relevant("Officers found three rifles in the house.")
    assert not gate.relevant("Officers found three puppies in the house.")
    assert gate.relevant("The army built a new outpost on the hill.")
    assert not gate.relevant("The town built a new library on the hill.")


def test_irrelevant_articles_are_not_parsed(pipeline, monkeypatch):
    parsed: list[str] = []
    real_parse = pipeline._parse  # what goes to spaCy, with or without the sentence gate

    def spy(texts):
        parsed.extend(texts)
        return real_parse(texts)

    monkeypatch.setattr(pipeline, "_parse", spy)
    results = list(pipeline.pipe([SPORT, BUSINESS, CONFLICT, WEATHER]))
    assert parsed == [CONFLICT]
    assert [r.error for r in results] == [None] * 4
    assert [bool(r.events) for r in results] == [False, False, True, False]
    assert any(ev.plover.event == "ASSAULT" for ev in results[2].events)


def test_gate_is_off_for_places_only_and_on_request():
    assert Pipeline(events=False).gate is None  # `geoparse` reads the names of every article
    assert Pipeline(relevance_gate=False).gate is None
    assert build_gate(None, spacy.blank("en")) is None  # no rule lemmatizer: no word forms, every article parsed


def test_all_articles_gives_the_same_events(tmp_path):
    src = tmp_path / "articles.jsonl"
    src.write_text("".join(json.dumps({"id": i, "text": t, "published": "2024-03-04"}) + "\n"
                           for i, t in (("c", CONFLICT), ("w", WEATHER))), encoding="utf-8")
    runner = CliRunner()
    gated = runner.invoke(cli, ["extract", "--format", "jsonl", str(src)])
    every = runner.invoke(cli, ["extract", "--format", "jsonl", "--all-articles", str(src)])
    assert gated.exit_code == 0 and every.exit_code == 0, (gated.output, every.output)
    events = [json.loads(line) for line in gated.stdout.splitlines() if line.strip()]
    assert events and {e["article_id"] for e in events} == {"c"}
    assert gated.stdout == every.stdout
