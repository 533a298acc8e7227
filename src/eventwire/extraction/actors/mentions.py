"""Actor mentions of a spaCy Doc: the matcher's chosen candidates, with the Doc's offsets and words."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from eventwire.extraction.actors.matching import Cand, Matcher, select
from eventwire.extraction.actors.words import POSSESSIVE, Word, doc_words
from eventwire.extraction.nlp import doc_text
from eventwire.extraction.tokens import entities
from eventwire.records import Actor

if TYPE_CHECKING:
    from eventwire.extraction.actors.catalogue import Catalogue


@dataclass
class ActorMention:
    """One actor mention in a Doc. `actor.text` is the article's words; `generic` means the country must come
    from the event (Catalogue.localize)."""

    start: int  # char offset in doc.text
    end: int  # char offset (exclusive)
    start_token: int
    end_token: int  # exclusive
    actor: Actor
    generic: bool = False
    kind: str = "group"  # group | igo | state | person | country | capital | generic | demonym
    person: str | None = None  # the person's name when kind == "person"

    @property
    def text(self) -> str:
        return self.actor.text or ""


def find_mentions(cat: Catalogue, doc) -> list[ActorMention]:
    """Actor mentions in a spaCy Doc: non-overlapping, sorted by start, the longest reading winning."""
    words = doc_words(doc)
    if not words:
        return []
    out = []
    text = doc_text(doc)  # built from the tokens on every access of doc.text: once per Doc
    matcher = Matcher(cat, words)
    persons = [(a, b) for a, b in person_spans(doc, words)
               if not _country_only(cat, doc, words[a].token, words[b - 1].token + 1)]
    # ("Egypt demands compensation", "Iran sanctions officials": a headline's subject and its verb, not the state's
    # "demands" or "sanctions" as one name)
    cands = [c for c in matcher.candidates(persons)
             if c.kind != "state" or c.end - c.start < 2 or doc[words[c.end - 1].token].pos_ != "VERB"]
    for c in matcher.conjuncts(select(cands)):
        first, last = doc[words[c.start].token], doc[words[c.end - 1].token]
        if c.kind == "country" and not country_is_actor(cat, doc, words, c):
            continue
        start, end = words[c.start].start, words[c.end - 1].end
        actor = replace(c.actor, text=text[start:end])
        out.append(ActorMention(start=start, end=end, start_token=first.i, end_token=last.i + 1, actor=actor,
                                generic=c.generic, kind=c.kind, person=c.person))
    return out


def _country_only(cat: Catalogue, doc, start: int, end: int) -> bool:
    """Tokens start..end are a whole PERSON entity and a country's name ("Togo", "Niger"), not a capital's."""
    ent = next((e for e in entities(doc) if e.start <= start < e.end), None)
    if ent is None or ent.label_ != "PERSON" or (ent.start, ent.end) != (start, end):
        return False
    state = cat.resolve(f"{ent.text} government")
    return state is not None and state.country is not None


def person_spans(doc, words: Sequence[Word]) -> list[tuple[int, int]]:
    """PERSON entities of the Doc as word ranges."""
    first: dict[int, int] = {}
    last: dict[int, int] = {}
    for k, w in enumerate(words):
        first.setdefault(w.token, k)
        last[w.token] = k + 1
    out = []
    for ent in entities(doc):
        if ent.label_ != "PERSON":
            continue
        toks = [t.i for t in ent if t.i in first]
        if toks:
            out.append((first[toks[0]], last[toks[-1]]))
    return out


def country_is_actor(cat: Catalogue, doc, words: Sequence[Word], c: Cand) -> bool:
    """A bare country name is an actor only where it acts: not after "in"/"from", not as a noun modifier."""
    if c.start > 0 and words[c.start - 1].key in cat.locative_words:
        return False
    first = doc[words[c.start].token]
    if first.i > 0 and doc[first.i - 1].pos_ == "PROPN" and words[c.start - 1].token == first.i - 1:
        return False  # part of a longer name: "New Jersey", "Northern Ireland"
    if c.end + 1 < len(words) and words[c.end].key == POSSESSIVE and words[c.end + 1].key in cat.place_nouns:
        return False  # "Syria's north" is a place, "Haiti's efforts" an actor
    tok = doc[words[c.end - 1].token]
    if tok.dep_ in ("compound", "amod", "nmod", "npadvmod") and tok.head.i > tok.i:
        return False
    if c.end < len(words) and words[c.end].key in cat.place_after:
        return False
    # the small model often tags a country "LOC" ("South Korea rejected ..."): still the country; a name inside a
    # person, a work or an event is not ("Michael Jordan"), but a "person" that is the country's name and nothing
    # more is the small model's slip ("Ghana and Togo reached", "a threat by Niger")
    if tok.ent_type_ == "PERSON":
        head = tok
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head  # "troops from Mali, Chad and Niger": a place like the first of its list
        if head.i != tok.i and head.dep_ == "pobj" and head.head.lower_ in cat.locative_words:
            return False
        # a name that is a country's and a first name ("Chad", "Jordan"), tagged a person and joined to a country,
        # is the country: "Niger and Chad signed a pact"
        ent = next((e for e in entities(doc) if e.start <= tok.i < e.end), None)
        if ent is not None and (ent.start, ent.end) == (first.i, tok.i + 1) and any(
                t.ent_type_ == "GPE" or _country_only(cat, doc, t.i, t.i + 1) for t in tok.conjuncts):
            return True
        return _country_only(cat, doc, first.i, tok.i + 1)
    return not (tok.ent_type_ and tok.ent_type_ not in ("GPE", "LOC", "NORP", "ORG", ""))
