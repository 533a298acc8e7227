"""The attacker given a name: "police identified the gunman as Tomas Varga", "the attacker, identified by police as
Mark Delaney, stabbed ...", "the suspect, a man named Ali Karimi, drove ...", "a gunman killed five. Police named him
as Stephan Brandt". The name stands for the attacker only when what is named is a perpetrator noun (or a pronoun
for one told just before); "police identified the victim as X" names the dead."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventwire.extraction.events.roles import Role
from eventwire.extraction.events.syntax import object_of, prep_objects, subject_of
from eventwire.extraction.tokens import children

if TYPE_CHECKING:
    from eventwire.extraction.events.context import DocContext
    from eventwire.extraction.events.lexicon import Lexicon

# a pronoun looks back this many sentences for the perpetrator noun it may stand for
PRONOUN_REACH = 1
# a name the tagger may file as a person, an organisation or nothing ("Sedat Korkmaz" read as ORG); not a
# nationality or a place ("identified the bomber as a Syrian")
NAME_LABELS = ("PERSON", "ORG", "")


def _perpetrator(tok: Token | None, lex: Lexicon) -> bool:
    """A perpetrator noun, or one in apposition to it ("the suspect, a 31-year-old man named X")."""
    if tok is None:
        return False
    words = lex.words
    if tok.lower_ in words.perpetrator_nouns or tok.lower_ in words.suspect_nouns:
        return True
    return tok.dep_ == "appos" and _perpetrator(tok.head, lex)


def _pronoun_for_perpetrator(tok: Token | None, lex: Lexicon) -> bool:
    """"him", "them" in a sentence that follows one whose subject is a perpetrator noun of the same number, and
    whose harmed are no single person the pronoun could stand for just as well ("gunmen killed a journalist.
    Police named him as X": the journalist)."""
    low = tok.lower_ if tok is not None else ""
    plural = True if low in lex.words.plural_person_pronouns else False if low in lex.words.singular_person_pronouns else None
    if plural is None:
        return False
    doc, start = tok.doc, tok.sent.start
    before = doc[max(0, start - 80):start]
    sents = list(before.sents)[-PRONOUN_REACH:] if len(before) else []
    words = [t for s in sents for t in s]
    if not any(t.dep_ in ("nsubj", "nsubjpass") and _perpetrator(t, lex) and (t.tag_ == "NNS") == plural
               for t in words):
        return False
    return not any(t.dep_ in ("dobj", "nsubjpass") and t.head.lemma_.lower() in lex.words.harm_verbs
                   and t.pos_ in ("NOUN", "PROPN") and (t.tag_ in ("NNS", "NNPS")) == plural
                   and not _perpetrator(t, lex) for t in words)


def _person_name(tok: Token) -> bool:
    return tok.pos_ == "PROPN" and tok.ent_type_ in NAME_LABELS


def identified_attacker(tok: Token, lex: Lexicon) -> Token | None:
    """The name a naming verb gives the attacker, or None."""
    if tok.lemma_.lower() not in lex.words.naming_verbs or tok.pos_ != "VERB":
        return None
    if tok.dep_ == "acl":
        named = tok.head  # "the attacker, identified by police as X", "a man named X"
    else:
        subj, passive = subject_of(tok)
        named = subj if passive else object_of(tok)
    # the parser hangs "as X" on the verb, on what is named ("named the bomber as X") or on the agent ("named by
    # police as X")
    hosts = [tok, *([named] if named is not None else []), *prep_objects(tok, {"by"})]
    names = [n for h in hosts for n in prep_objects(h, {"as"}) if _person_name(n)]
    names += [c for c in children(tok) if c.dep_ in ("oprd", "attr") and _person_name(c)]
    if not names:
        return None
    if _perpetrator(named, lex) or _pronoun_for_perpetrator(named, lex):
        return names[0]
    return None


def name_role(name: Token, ctx: DocContext) -> Role:
    """The attacker as his name alone words him ("Stephan Brandt", not "a 27-year-old local man" beside it: the
    man's kind would read him as a civilian bystander)."""
    first = name
    while True:
        before = first.doc[first.i - 1] if first.i > 0 else None
        if before is None or before.head != name or before.dep_ != "compound" or before.pos_ != "PROPN":
            break
        first = before
    start, end = first.idx, name.idx + len(name.text)
    actor = ctx.catalogue.guess(name.doc.text[start:end])
    return Role(actor=actor, start=start, end=end, generic=False, known=False)
