"""The sentence gate (nlp.SentenceGatedParse, on by default, `extract --no-sentence-gate` turns it off): within a
relevant article only the sentences that can hold an event, and their neighbours, are parsed and read by the NER
(`--ner-everywhere`: the NER reads the whole article); places are found in the whole article."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from eventwire.cli import cli
from eventwire.extraction.pipeline import Pipeline
from eventwire.extraction.relevance import kept_sentences

FESTIVAL = "The spring festival in Kandahar drew large crowds of families on Sunday."
MARKET = "Traders at the old market sold fruit, carpets and spices until late in the evening."
WEATHER = "The weather stayed warm and dry for most of the week."
ATTACK = "Gunmen attacked a police checkpoint in Maiduguri, Nigeria, on Monday, killing three officers."
FLED = "Residents said the attackers left in two pickups."  # ("trucks" is a verb form of a trigger: aid trucked in)
ARTICLE = " ".join([FESTIVAL, MARKET, WEATHER, ATTACK, FLED])


@pytest.fixture(scope="module")
def gated(pipeline):
    assert pipeline.sentence_gate and pipeline.gated_parse is not None  # the default
    return pipeline


@pytest.fixture(scope="module")
def ungated():
    return Pipeline(workers=1, sentence_gate=False)


@pytest.fixture(scope="module")
def ner_everywhere(pipeline):
    return Pipeline(workers=1, catalogue=pipeline.catalogue, ner_everywhere=True)


def events_of(pipe: Pipeline, text: str) -> list[dict]:
    res = next(pipe.pipe([{"id": "a", "text": text, "published": "2024-03-04"}]))
    assert res.error is None
    return [json.loads(ev.to_json()) for ev in res.events]


def test_kept_sentences_are_the_trigger_sentences_and_their_neighbours(gated):
    sents = [FESTIVAL, MARKET, WEATHER, ATTACK, FLED]
    assert kept_sentences(gated.gate, sents, 0) == {3}  # "attacked", "killing"; "attackers" is no trigger form
    assert kept_sentences(gated.gate, sents, 1) == {2, 3, 4}
    assert kept_sentences(gated.gate, [FESTIVAL, WEATHER], 1) == set()


@pytest.mark.parametrize("everywhere", [False, True])
def test_a_sentence_without_triggers_is_not_parsed_but_its_places_are_found(gated, ner_everywhere, everywhere,
                                                                            monkeypatch):
    gated = ner_everywhere if everywhere else gated
    doc = gated.gated_parse.pipe([ARTICLE], lambda sents: kept_sentences(gated.gate, sents, 1))[0]
    festival = next(s for s in doc.sents if s.text == FESTIVAL)
    attack = next(s for s in doc.sents if s.text == ATTACK)
    assert all(t.dep == 0 and t.tag == 0 and t.lemma == 0 for t in festival)  # no tagger, parser, lemmatizer
    assert attack.root.lemma_ == "attack" and attack.root.dep_ == "ROOT"
    names = {e.text for e in doc.ents}
    assert names >= {"Maiduguri", "Nigeria"}
    assert ("Kandahar" in names) == everywhere  # by default the NER reads the parsed sentences alone

    def no_full_parse(*args, **kwargs):
        raise AssertionError("the whole article went through the full model")

    monkeypatch.setattr(gated.nlp, "pipe", no_full_parse)
    res = next(gated.pipe([{"id": "a", "text": ARTICLE, "published": "2024-03-04"}]))
    assert res.error is None
    found = {m.place.text: m.place.country for m in res.places}
    assert found.get("Kandahar") == "AFG" and found.get("Maiduguri") == "NGA"  # the unparsed sentence's place reached the geoparser


def test_an_event_sentence_gives_the_same_records_as_without_the_gate(ungated, gated):
    plain, sentence_gated = events_of(ungated, ARTICLE), events_of(gated, ARTICLE)
    assert any(ev["plover"]["event"] == "ASSAULT" for ev in plain)
    assert sentence_gated == plain


def test_with_the_gate_off_the_whole_article_is_parsed(ungated, monkeypatch):
    assert ungated.gated_parse is None
    assert Pipeline(relevance_gate=False).gated_parse is None  # --all-articles: no gating at all
    parsed: list[str] = []
    real_pipe = ungated.nlp.pipe

    def spy(texts, **kwargs):
        texts = list(texts)
        parsed.extend(texts)
        return real_pipe(texts, **kwargs)

    monkeypatch.setattr(ungated.nlp, "pipe", spy)
    doc_events = events_of(ungated, ARTICLE)
    assert parsed == [ARTICLE] and doc_events


@pytest.fixture
def article_file(tmp_path):
    src = tmp_path / "articles.jsonl"
    src.write_text(json.dumps({"id": "a", "text": ARTICLE, "published": "2024-03-04"}) + "\n", encoding="utf-8")
    return src


@pytest.fixture
def built(monkeypatch) -> list[Pipeline]:
    """Every Pipeline the CLI builds during the test, to read the flags it was given."""
    pipelines: list[Pipeline] = []
    real_init = Pipeline.__init__

    def spy(self, *args, **kwargs):
        real_init(self, *args, **kwargs)
        pipelines.append(self)

    monkeypatch.setattr(Pipeline, "__init__", spy)
    return pipelines


def test_cli_flags_and_all_articles(article_file, built):
    src = article_file
    runner = CliRunner()
    outs = {}
    for flags in ((), ("--no-sentence-gate",), ("--all-articles",)):
        res = runner.invoke(cli, ["extract", "--format", "jsonl", *flags, str(src)])
        assert res.exit_code == 0, res.output
        outs[flags] = res.stdout
    assert [(p.relevance_gate, p.sentence_gate) for p in built] == [(True, True), (True, False), (False, False)]
    assert outs[()] and outs[()] == outs[("--no-sentence-gate",)] == outs[("--all-articles",)]


@pytest.fixture(scope="module")
def ner_gated(pipeline):
    assert not pipeline.ner_everywhere  # the default
    return pipeline


SINGER = "The singer Laila Moradi opened the spring festival in Kandahar on Sunday."


def test_gated_ner_reads_the_parsed_sentences_and_the_ruler_the_rest(ner_gated):
    article = " ".join([SINGER, MARKET, WEATHER, ATTACK, FLED])
    doc = ner_gated.gated_parse.pipe([article], lambda sents: kept_sentences(ner_gated.gate, sents, 1))[0]
    singer = next(s for s in doc.sents if s.text == SINGER)
    attack = next(s for s in doc.sents if s.text == ATTACK)
    names = {e.text: e.label_ for e in doc.ents}
    assert "Laila Moradi" not in names  # a name only the statistical NER knows: not read in the unparsed sentence
    assert {"Maiduguri", "Nigeria"} <= set(names)  # the parsed run: ruler and NER
    assert all(t.ent_iob_ in ("B", "I", "O") for t in doc)  # every token marked, as the NER marks what it reads
    assert attack.root.lemma_ == "attack"
    res = next(ner_gated.pipe([{"id": "a", "text": article, "published": "2024-03-04"}]))
    found = {m.place.text: m.place.country for m in res.places}
    assert found.get("Maiduguri") == "NGA"
    # "Kandahar" in the unparsed sentence is no name of the ruler's: the geoparser's scan of its capitalised words
    # finds it all the same
    assert found.get("Kandahar") == "AFG"
    assert singer.end <= attack.start


def test_gated_ner_gives_the_event_sentence_the_same_records(ner_gated, ner_everywhere):
    assert events_of(ner_gated, ARTICLE) == events_of(ner_everywhere, ARTICLE)


def test_cli_gated_ner_is_the_default_and_ner_everywhere_a_flag(article_file, built):
    outs = []
    for flags in ((), ("--gated-ner",), ("--ner-everywhere",)):
        res = CliRunner().invoke(cli, ["extract", "--format", "jsonl", *flags, str(article_file)])
        assert res.exit_code == 0, res.output
        outs.append(res.stdout)
    assert [p.ner_everywhere for p in built] == [False, False, True]
    assert outs[0] and outs[0] == outs[1] == outs[2]
