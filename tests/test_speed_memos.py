"""The fourth speed pass's shortcuts answer exactly as what they replace: the actor words read from the Doc's arrays,
a trigger's sense kept per Doc, the sentence gate's sentence texts cut from the article, the headline marker
handed the text, and the collector paused during a batch.

Sentences written for these tests: wire, local and headline styles, active and passive, real and invented names.
"""

from __future__ import annotations

import gc

import pytest

from eventwire.extraction.actors.words import JOINERS, POSSESSIVE, Word, _token_parts, apostrophes, doc_words
from eventwire.extraction.events.senses import SENSES_KEY
from eventwire.extraction.nlp import mark_headline_ends

PROBES = [
    "Gunmen stormed a checkpoint in Varnesh province late on Friday, killing two guards, a local official said.",
    "ISLAMABAD, June 9 (AP) - A bomb hidden in a motorcycle exploded at a bus stop, wounding 14 commuters.",
    "Three villagers were abducted by suspected Boko Haram fighters near Damboa, residents told reporters.",
    "People' s Defence Units shelled positions held by the Northern Brigade overnight.",
    "Police in Kelmore fired rubber bullets at dock workers who went on strike over unpaid wages.",
    "Fire crews fought a blaze at the old gold mine outside Tallow Creek on Saturday; no one was hurt.",
    "Thousands rallied in Santiago to demand pension reform, and the march ended peacefully.",
    "The Ostrelian navy seized a cargo ship accused of smuggling weapons to rebels in the south.",
    "Clashes between rival herders in Kaduna state left 11 people dead, the governor's office said.",
    "A drone strike hit a car carrying al-Shabaab commanders near Jilib, the U.S. military said.",
    "Mayor Alina Dorsey told the council she would ask the state for more road funding.",
    "Rebels ambushed an army patrol; the soldiers fired back and killed four attackers.",
    "Soldiers  opened fire on protesters in the capital\u2019s main square - witnesses said - killing one.",
    "Suspected jihadists torched a church and a school in the village of Bélem-Koura.",
    "The minister was killed when his convoy struck a landmine on the road to Kandor.",
    "Tribal fighters said they had captured the hill town of Qasr Anwal after a week of fighting.",
]
HEADLINED = ("Car bomb kills five in Mirabad market\nMIRABAD, May 2 - A car bomb exploded in a crowded market on "
             "Tuesday, killing five people.\nPolice said they had arrested two suspects.\n"
             "Officials blamed the Free Dalmor Army, which denied it.")


@pytest.fixture(scope="module")
def docs(pipeline):
    return list(pipeline.nlp.pipe([*PROBES, HEADLINED]))


def words_from_tokens(doc) -> list[Word]:
    """doc_words as it read a Doc before: Token by Token."""
    words: list[Word] = []
    skip = -1
    for i, tok in enumerate(doc):
        if i == skip:
            continue
        text = tok.text
        if (len(text) == 1 and apostrophes(text) == "'" and 0 < i < len(doc) - 1 and not doc[i - 1].whitespace_
                and doc[i + 1].text == "s"):
            s = doc[i + 1]
            words.append(Word(key=POSSESSIVE, folded=POSSESSIVE, shape="lower", token=s.i, start=tok.idx,
                              end=s.idx + len(s.text)))
            skip = s.i
            continue
        if text in JOINERS or tok.is_space:
            continue
        for key, folded, shp, at, end in _token_parts(text):
            words.append(Word(key=key, folded=folded, shape=shp, token=i, start=tok.idx + at, end=tok.idx + end))
    return words


def test_the_actor_words_from_the_arrays_are_the_tokens_words(docs, pipeline):
    for doc in [*docs, pipeline.nlp.make_doc(""), pipeline.nlp.make_doc("  \n ")]:
        assert doc_words(doc) == words_from_tokens(doc)
    assert any(w.key == POSSESSIVE for w in doc_words(docs[3]))  # "People' s": one word over two tokens


def test_a_kept_sense_is_the_sense_resolved_anew(pipeline):
    lex = pipeline.event_finder.lexicon
    senses = lex.senses
    asked = sensed = 0
    for doc in pipeline.nlp.pipe([*PROBES, HEADLINED]):
        for tok in doc:
            candidates = senses.by_word.get(tok.lemma_.lower()) or senses.by_word.get(tok.lower_)
            if not candidates:
                continue
            for classes in (set(lex.verbs.get(tok.lemma_.lower(), ())), set(lex.nouns.get(tok.lower_, ())),
                            {"attack"}, {"kill", "attack"}):
                want = senses._first_sense(tok, classes, candidates)  # no memo
                for _ in range(2):  # the second answer comes from the memo
                    got_classes, got = senses.resolve(tok, classes)
                    assert got is want
                    assert got_classes == (classes if want is None else set(want.then))
                    if want is None:
                        assert got_classes is classes  # the caller's own set, as before
                asked += 1
                sensed += want is not None
        assert any(key[0] == SENSES_KEY for key in doc.user_data if isinstance(key, tuple)) or not asked
    assert asked and sensed  # the probes hold words with senses, and some sense holds


def test_the_gate_reads_the_sentences_spacy_would_join(pipeline):
    gated = pipeline.gated_parse
    seen: list[list[str]] = []

    def select(texts):
        seen.append(list(texts))
        return set(range(len(texts)))

    texts = [*PROBES, HEADLINED]
    gated.pipe(texts, select)
    for text, got in zip(texts, seen):
        doc = mark_headline_ends(gated.splitter(pipeline.nlp.make_doc(text)))
        assert got == [s.text for s in doc.sents]
    assert len(seen[-1]) >= 4  # the headline is a sentence of its own


def test_the_headline_marker_given_the_text_marks_the_same_starts(pipeline):
    for text in [HEADLINED, "No line breaks here.", "Hard\nwrapped text goes on\nand on across lines that\nend"]:
        given = mark_headline_ends(pipeline.nlp.make_doc(text), text)
        joined = mark_headline_ends(pipeline.nlp.make_doc(text))
        assert [t.is_sent_start for t in given] == [t.is_sent_start for t in joined]


def test_a_batch_gives_the_records_of_single_articles(pipeline):
    batch = [r.events for r in pipeline.pipe([{"id": str(i), "text": t} for i, t in enumerate(PROBES)])]
    single = [pipeline.extract(t, article_id=str(i)) for i, t in enumerate(PROBES)]
    assert [[e.to_dict() for e in evs] for evs in batch] == [[e.to_dict() for e in evs] for evs in single]
    assert sum(map(len, batch)) >= 8  # the probes are news of events
    assert gc.isenabled()
