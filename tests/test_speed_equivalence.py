"""The shortcuts of the stages after the parse answer exactly as the spaCy and `re` calls they stand for.

Sentences written for these tests: wire, local and headline styles, active and passive, real and invented names.
"""

from __future__ import annotations

import pytest

from eventwire.extraction.actors.index import Scan
from eventwire.extraction.actors.words import doc_words
from eventwire.extraction.tokens import TokenTable, entities, sentences

PROBES = [
    "Gunmen attacked a police post in Zorvana district on Tuesday, killing three officers, officials said.",
    "KABUL, March 3 (Reuters) - A suicide bomber blew himself up near the Interior Ministry, killing 12 people.",
    "Two soldiers were wounded when their convoy was hit by a roadside bomb outside Mosul.",
    "Turkish warplanes struck Kurdish militant positions in northern Iraq overnight, the army said.",
    "Protesters marched through downtown Lagos demanding the release of detained activists.",
    "Riot police fired tear gas and water cannon at students outside the parliament in Tbilisi.",
    "The Mervalian Liberation Front claimed responsibility for the ambush near Port Delane.",
    "A woman died in hospital of her wounds a day after the shelling of Kafr Tellan.",
    "Sheriff's deputies arrested a man after a shooting in the 800 block of Main Street, police said.",
    "Houthi rebels launched a drone at an oil facility in Jazan; no casualties were reported.",
    "Villagers said the Janjaweed militia burned homes and killed at least 40 civilians.",
    "Nobody was hurt in the blast, which damaged a mosque in Quetta's Hazara Town.",
    "The council met on Monday to discuss the new centre for flood victims in Ballymore.",
    "Israeli air strikes on Gaza City killed a Hamas commander, the group said.",
    "Security forces were attacked by armed men in the Sahel region of Burkina Faso.",
    "People' s Army fighters seized the town of Ostrava Nova after heavy clashes.",
    "Amnesty accused the government of torturing detainees held in Evin prison.",
    "A chlorine gas attack on the suburb left dozens of children struggling to breathe.",
    "Mob violence erupted after the verdict; shops were looted and cars set on fire.",
    "Ethnic clashes in Jos left 15 dead and hundreds displaced, the Red Cross said.",
]


@pytest.fixture(scope="module")
def docs(pipeline):
    return list(pipeline.nlp.pipe(PROBES))


def test_the_token_table_reads_what_the_tokens_say(docs):
    for doc in docs:
        table = TokenTable(doc)
        assert table.lower == [t.lower_ for t in doc]
        assert table.lemma == [t.lemma_.lower() for t in doc]
        assert table.pos == [t.pos_ for t in doc]
        assert table.dep == [t.dep_ for t in doc]
        assert table.ent_type == [t.ent_type_ for t in doc]
        assert table.head == [t.head.i for t in doc]


def test_an_empty_doc_has_an_empty_token_table(pipeline):
    table = TokenTable(pipeline.nlp.make_doc(""))
    assert table.lower == table.lemma == table.head == table.child_ids == []


def test_sentences_and_names_are_spacys_made_once(docs):
    for doc in docs:
        assert [(s.start, s.end) for s in sentences(doc)] == [(s.start, s.end) for s in doc.sents]
        assert [(e.start, e.end, e.label_) for e in entities(doc)] == [(e.start, e.end, e.label_) for e in doc.ents]
        assert sentences(doc) is sentences(doc) and entities(doc) is entities(doc)


def test_cue_patterns_find_what_their_regex_finds(pipeline):
    lex = pipeline.event_finder.lexicon
    patterns = [*lex.instrument_patterns.values(), *(p for p in lex.rule_contexts if p is not None),
                *(p for p in lex.rule_exceptions if p is not None), lex.crowd_control_pattern]
    for text in (p.lower() for p in PROBES):
        for pattern in patterns:
            want, got = pattern.regex.search(text), pattern.search(text)
            assert (want and want.span()) == (got and got.span()), (pattern.pattern[:40], text)
        alias = lex.cue_alias_pattern
        repl = lambda m: lex.cue_aliases[m.group(0)]  # noqa: E731
        assert alias.sub(repl, text) == alias.regex.sub(repl, text)
    assert sum(p.search(t.lower()) is not None for p in patterns for t in PROBES) > 5  # the probes hold cues


def test_death_words_are_the_pre_filters_matches(pipeline):
    lex = pipeline.fatality_counter.lexicon
    for text in [*PROBES, "Three DIED in the ATTACK.", "Zwei Tote in Köln: two killed."]:
        assert [m.span() for m in lex.death_words(text)] == [m.span() for m in lex.death_words_re.finditer(text)]


def test_a_one_kind_question_to_the_actor_scan_is_the_filtered_answer(docs, catalogue):
    kinds = sorted({t.kind for targets in catalogue.index.targets.values() for t in targets})
    asked = 0
    for doc in docs:
        words = doc_words(doc)
        scan, reference = Scan(catalogue.index, words), Scan(catalogue.index, words)
        for i in range(len(words) + 1):
            every = reference.at(i, tuple(kinds))
            for kind in kinds:
                assert tuple(scan.at(i, (kind,))) == tuple((n, t) for n, t in every if t.kind == kind)
                asked += bool(every)
    assert asked
