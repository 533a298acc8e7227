"""The token attributes of one Doc as plain lists, read once per article.

The stages after the parse ask the same tokens for the same attributes many times over (each `doc[i]` and
`token.lemma_` builds a Python object and looks a string up): a scan over a sentence that reads these lists
instead touches no Token at all, and makes a Token only for the few words it keeps.
"""

from __future__ import annotations

import numpy
from spacy.attrs import DEP, ENT_TYPE, HEAD, LEMMA, LOWER, POS
from spacy.tokens import Doc, Span, Token

from eventwire.extraction.nlp import doc_text

TABLE_KEY = "eventwire.tokens"
SENTENCES_KEY = "eventwire.sentences"
ENTS_KEY = "eventwire.ents"


class TokenTable:
    """Per token index: `lower` (token.lower_), `lemma` (token.lemma_.lower()), `pos`, `dep`, `ent_type`
    (token.pos_, dep_, ent_type_) and `head` (token.head.i)."""

    __slots__ = ("lower", "lemma", "pos", "dep", "ent_type", "head", "child_ids", "kids")

    def __init__(self, doc: Doc):
        strings = doc.vocab.strings
        array = doc.to_array([LOWER, LEMMA, POS, DEP, ENT_TYPE, HEAD])
        arr = array.tolist()
        # each column names few distinct strings: each looked up once, then read per token from a dict
        columns = list(zip(*arr)) if arr else [()] * 6
        lowers, lemmas, poses, deps, ent_types = columns[:5]
        names = {h: strings[h] for h in {*lowers, *poses, *deps, *ent_types}}
        lowered = {h: strings[h].lower() for h in set(lemmas)}
        self.lower = [names[h] for h in lowers]
        self.lemma = [lowered[h] for h in lemmas]
        self.pos = [names[h] for h in poses]
        self.dep = [names[h] for h in deps]
        self.ent_type = [names[h] for h in ent_types]
        # to_array gives the head as an offset from the token (unsigned in the array: signed again by the cast)
        self.head = (numpy.arange(len(arr), dtype=numpy.int64) + array[:, 5].astype(numpy.int64)).tolist() \
            if arr else []
        # the children of each token in text order, as token.children gives them (left ones, then right ones)
        self.child_ids: list[list[int]] = [[] for _ in arr]
        for i, h in enumerate(self.head):
            if h != i:
                self.child_ids[h].append(i)
        self.kids: dict[int, list[Token]] = {}  # token index -> its children as Tokens, made on first use


def token_table(doc: Doc) -> TokenTable:
    """The TokenTable of `doc`, built on first use and kept on the Doc."""
    table = doc.user_data.get(TABLE_KEY)
    if table is None:
        table = doc.user_data[TABLE_KEY] = TokenTable(doc)
    return table


def children(tok: Token) -> list[Token]:
    """`list(tok.children)`, made once per token of its Doc; the list is shared: read it, never change it."""
    table = token_table(tok.doc)
    i = tok.i
    kids = table.kids.get(i)
    if kids is None:
        doc = tok.doc
        kids = table.kids[i] = [doc[j] for j in table.child_ids[i]]
    return kids


def span_text(span: Span) -> str:
    """`span.text`, cut from the Doc's text instead of joined again token by token."""
    return doc_text(span.doc)[span.start_char:span.end_char]


def sentences(doc: Doc) -> tuple[Span, ...]:
    """`tuple(doc.sents)`, made once per Doc: spaCy walks every token again at each `doc.sents` (the stages after
    the parse never move a sentence boundary)."""
    sents = doc.user_data.get(SENTENCES_KEY)
    if sents is None:
        sents = doc.user_data[SENTENCES_KEY] = tuple(doc.sents)
    return sents


def entities(doc: Doc) -> tuple[Span, ...]:
    """`doc.ents`, made once per Doc (spaCy builds the spans anew at each call; the stages after the parse set no
    names)."""
    ents = doc.user_data.get(ENTS_KEY)
    if ents is None:
        ents = doc.user_data[ENTS_KEY] = tuple(doc.ents)
    return ents
