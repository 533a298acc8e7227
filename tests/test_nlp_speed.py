"""The fast attribute ruler (extraction/nlp.py): the same token attributes as the model's own AttributeRuler."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language

from eventwire.extraction import nlp as ew_nlp

# sentences that exercise the rule families: tag -> POS, word exceptions ("not", "is", auxiliaries), rules that
# read the parse (aux, expl, mark, det/pron), multi-token rules ("gonna", "let's", "y'all", "ain't"), spaces
TEXTS = [
    "Gunmen attacked a police checkpoint in the north on Monday, killing three officers, the army said.",
    "There are two bridges, and there is one road; it is not clear whether they were destroyed.",
    "We're gonna rebuild, let's be honest, y'all know it ain't easy and nothin' is free.",
    "I told you that it had been done. Did you see it? You did, and I gave it to you.",
    "  The  council   met\n\non Tuesday.\tThat was the third meeting; this one lasted hours.  ",
    "He can't and won't say if the talks, which began in 2019, will resume; but the minister has hope.",
    "",
]


@pytest.fixture(scope="module")
def both():
    stock = ew_nlp.load_bare()
    fast = ew_nlp.load_bare()
    assert ew_nlp.use_fast_attribute_ruler(fast)
    return stock, fast


def test_fast_attribute_ruler_sets_what_the_stock_one_sets(both):
    stock, fast = both
    assert fast.pipe_names == stock.pipe_names  # same place, same name
    assert type(fast.get_pipe("attribute_ruler")) is ew_nlp.FastAttributeRuler
    cols = [POS, TAG, MORPH, LEMMA, DEP, HEAD]
    for a, b in zip(stock.pipe(TEXTS), fast.pipe(TEXTS)):
        assert [(t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_) for t in a] == \
               [(t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_) for t in b]
        assert (a.to_array(cols) == b.to_array(cols)).all()


def test_multi_token_and_parse_rules_apply(both):
    _, fast = both
    doc = fast("We're gonna win, let's go.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["gon"] == "go" and lemmas["na"] == "to"  # a two-token rule, and one at index 1
    assert [t.lemma_ for t in doc if t.lower_ == "'s"] == ["us"]
    doc = fast("There is a bridge.")
    assert doc[1].pos_ == "VERB"  # "is" after an expletive (a rule that reads DEP, index 1)


def test_rules_it_cannot_run_leave_the_stock_ruler():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"TEXT": "x", "OP": "+"}]], {"POS": "X"})
    assert ew_nlp.FastAttributeRuler.of(ruler) is None
    assert not ew_nlp.use_fast_attribute_ruler(nlp)
    assert type(nlp.get_pipe("attribute_ruler")).__name__ == "AttributeRuler"


def test_a_ruler_of_its_own_rules_matches_on_a_blank_pipeline():
    nlp: Language = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": {"IN": ["foo", "bar"]}}]], {"POS": "NOUN"})
    ruler.add([[{"LOWER": {"REGEX": "^qu+x$"}}]], {"POS": "VERB", "LEMMA": "qux"})
    ruler.add([[{"LOWER": "a"}, {"LOWER": "b"}]], {"POS": "ADJ"}, index=1)
    ruler.add([[{"LOWER": {"NOT_IN": ["foo"]}, "IS_SPACE": False}]], {"MORPH": "Foo=Yes"})
    texts = ["Foo quuux a b bar b a", "BAR foo QUX  a  b"]
    expected = [[(t.pos_, t.lemma_, str(t.morph)) for t in doc] for doc in nlp.pipe(texts)]
    assert ew_nlp.use_fast_attribute_ruler(nlp)
    got = [[(t.pos_, t.lemma_, str(t.morph)) for t in doc] for doc in nlp.pipe(texts)]
    assert got == expected
    assert got[0][1] == ("VERB", "qux", "Foo=Yes") and got[0][3][0] == "ADJ" and got[0][5][0] == ""


def test_fast_lemmatizer_sets_the_stock_lemmas():
    stock = ew_nlp.load_bare()
    fast = ew_nlp.load_bare()
    assert ew_nlp.use_fast_lemmatizer(fast)
    assert fast.pipe_names == stock.pipe_names
    lemmatizer = fast.get_pipe("lemmatizer")
    assert type(lemmatizer) is ew_nlp.FastLemmatizer
    assert lemmatizer.mode == "rule" and lemmatizer.lookups.has_table("lemma_rules")  # the gate reads these
    texts = [*TEXTS, "The militias fought; their fighters were fleeing as the bridges burned and better days came."]
    for _ in range(2):  # the second pass answers from what the first remembered
        for a, b in zip(stock.pipe(texts), fast.pipe(texts)):
            assert [t.lemma_ for t in a] == [t.lemma_ for t in b]
            assert (a.to_array([LEMMA]) == b.to_array([LEMMA])).all()
    doc = fast("The militias fought for the bridges.")
    assert [t.lemma_ for t in doc][1:4] == ["militia", "fight", "for"]


def test_fast_lemmatizer_rule_lemma_is_the_stock_rule_lemmatize(both):
    """Its own rule steps (the word index as sets) give the stock lemmatizer's first answer: plurals, verb forms,
    comparatives, exceptions, made-up words and proper nouns."""
    stock, _ = both
    fast = ew_nlp.FastLemmatizer(stock.get_pipe("lemmatizer"))
    text = ("The zorbles blicked happier geese than the wolves, who were flying, ran and swam; the worst brigades "
            "shelled Grimbletons' villages, Kandahar's mice were bigger and Fred's oxen grazed. Children, indices, "
            "radii and analyses were studied by the committees' 12-year-olds.")
    doc = stock(text)
    assert [fast.rule_lemma(t) for t in doc] == [stock.get_pipe("lemmatizer").rule_lemmatize(t)[0] for t in doc]


def test_a_lookup_lemmatizer_stays():
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert not ew_nlp.use_fast_lemmatizer(nlp)
