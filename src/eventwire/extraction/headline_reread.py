"""Headline grammar: read again a headline the parser misread (data: lang/en/events/headline_verbs.yaml).

"Taliban storm prison in Ghazni" is parsed as one noun phrase ("storm prison" a compound), "Houthis target Saudi
airport" with "target" a noun, "IS claims bombing" with "IS" the verb "is". A sentence whose root is no finite
verb (or whose verb is such a name) and that has a headline verb right after a noun is parsed again as a Doc of
its own, the verb put in the past tense ("Taliban stormed prison in Ghazni") and the name replaced by a stand-in;
when the re-reading makes that verb the root with its subject before it, its tree and tags replace the first
reading's (the verb keeps the present tense of its own form). The words and the names themselves are unchanged."""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

REREAD_NAME = "eventwire_headline_reread"
DATA_FILE = "events/headline_verbs.yaml"
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
SUBJECT_END_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "JJ"})  # "Houthis" is tagged an adjective at times
# the word after the verb opens its object ("storm prison", "target Saudi airport", "claims the attack"); a
# preposition there tells a noun ("air strikes on the city", "Army raids on hideouts")
OBJECT_START_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "JJ", "CD", "DT", "PRP$"})
MAX_HEADLINE_TOKENS = 25
COPIED = ["TAG", "POS", "MORPH", "HEAD", "DEP"]


def third_person(base: str) -> str:
    """"storm" -> "storms", "besiege" -> "besieges", "bomb" -> "bombs", "target" -> "targets"."""
    if base.endswith(("s", "sh", "ch", "x", "z")):
        return base + "es"
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return base[:-1] + "ies"
    return base + "s"


class HeadlineReread:
    """The pipeline component (see the module's doc); `parse_steps` are the model's components up to its parser."""

    def __init__(self, parse_steps: list, verbs: dict[str, str], names: dict[str, str], plural_nouns: list[str]):
        self.parse_steps = parse_steps
        self.plural_nouns = frozenset(plural_nouns)
        self.past: dict[str, str] = {}
        self.base: dict[str, str] = {}
        for base, past in verbs.items():
            for form in (base, third_person(base)):
                self.past[form], self.base[form] = past, base
        self.names = dict(names)
        self.attrs = [spacy.attrs.IDS[a] for a in COPIED]

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP"):
            return doc
        for sent in list(doc.sents):
            self._reread(doc, sent)
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)

    def _misread_name(self, tok) -> bool:
        return tok.text in self.names and tok.tag_.startswith("VB")

    def _headline_verb(self, sent: Span):
        """The first headline verb right after a noun (its subject's last word), with a word after it."""
        for tok in sent[1:-1]:
            prev = tok.doc[tok.i - 1]
            if tok.lower_ in self.past and tok.tag_ not in ("VBD", "VBN") \
                    and tok.doc[tok.i + 1].tag_ in OBJECT_START_TAGS \
                    and not any(a.dep_ in ("prep", "pobj", "agent") for a in tok.ancestors) \
                    and (prev.tag_ in SUBJECT_END_TAGS or prev.text in self.names) and self._agrees(prev, tok):
                return tok
        return None

    def _agrees(self, subject, verb) -> bool:
        """A base form follows a plural subject (see headline_verbs.yaml); an -s form a singular noun or a name
        ("Army raids", "IS claims"; not "Continuous raids")."""
        if verb.lower_ != self.base[verb.lower_]:
            return subject.tag_ in ("NN", "NNP") or subject.text in self.names
        word = subject.text
        return subject.tag_ in ("NNS", "NNPS") or subject.lower_ in self.plural_nouns \
            or (word[:1].isupper() and word.endswith("s")) or (subject.tag_ == "NNP" and not word.isupper())

    def _reread(self, doc: Doc, sent: Span) -> None:
        if len(sent) > MAX_HEADLINE_TOKENS or len(sent) < 3:
            return
        names = [t for t in sent if self._misread_name(t)]
        if sent.root.tag_.startswith("VB") and not names:
            return  # a verb root ("Soldier killed in IS attack") is read right: only a verbless reading is misread
        verb = self._headline_verb(sent)
        if verb is None and not names:
            return
        words = [t.text for t in sent]
        for t in names:
            words[t.i - sent.start] = self.names[t.text]
        if verb is not None:
            words[verb.i - sent.start] = self.past[verb.lower_]
        variant = Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in sent])
        for _name, proc in self.parse_steps:
            variant = proc(variant)
        roots = [t for t in variant if t.head.i == t.i]
        # "Taliban captured district centre": with its subject before it, a participle root is the active past
        if len(roots) != 1 or roots[0].tag_ not in FINITE_TAGS | {"VBN"}:
            return
        root = roots[0]
        if verb is not None and root.i != verb.i - sent.start:
            return
        if not any(c.dep_ == "nsubj" and c.i < root.i for c in root.children):
            return
        starts = doc.to_array([spacy.attrs.SENT_START])
        values = doc.to_array(self.attrs)
        values[sent.start:sent.end] = variant.to_array(self.attrs)
        doc.from_array(self.attrs, values)
        doc.from_array([spacy.attrs.SENT_START], starts)
        if verb is not None:
            verb.tag_ = "VBP" if verb.lower_ == self.base[verb.lower_] else "VBZ"
            verb.pos_ = "VERB"
            verb.set_morph("Number=Sing|Person=3|Tense=Pres|VerbForm=Fin" if verb.tag_ == "VBZ"
                           else "Tense=Pres|VerbForm=Fin")


@Language.factory(REREAD_NAME, default_config={"verbs": {}, "names": {}, "plural_nouns": []})
def _make_headline_reread(nlp: Language, name: str, verbs: dict, names: dict, plural_nouns: list) -> HeadlineReread:
    steps = []
    for step in nlp.pipe_names:
        if step in ("tok2vec", "tagger", "parser"):
            steps.append((step, nlp.get_pipe(step)))
        if step == "parser":
            break
    return HeadlineReread(steps, verbs, names, plural_nouns)


def add_headline_reread(nlp: Language, data: dict) -> None:
    """Put the re-reading right after the parser (before the lemmatizer, which reads the tags it sets)."""
    if REREAD_NAME not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(REREAD_NAME, after="parser",
                     config={"verbs": dict(data.get("verbs") or {}), "names": dict(data.get("names") or {}),
                             "plural_nouns": list(data.get("plural_nouns") or [])})
