"""The typing model: a classifier trained on the team's own corpus of labelled news snippets
(`lang/en/typing/corpus/`) that reads a sentence and gives the probability of every ACLED sub-event type (and of
"no ACLED event") and of every PLOVER category (and of "none").

  corpus.py      reading and checking the corpus files; the digest that ties a model to its corpus
  features.py    the word and character n-grams a text is read as (shared by training and prediction)
  classifier.py  TypingModel: the shipped model, loaded lazily with numpy alone; predict(texts)
  train.py       fitting, cross-validation, calibration, learning curve and `make model` (needs scikit-learn)

The extractor uses the model through `extraction.events.typing.ModelTyping`.
"""

from eventwire.typing_model.classifier import DEFAULT_MODEL_DIR, ModelFileError, TypingModel, TypingPrediction
from eventwire.typing_model.corpus import DEFAULT_CORPUS_DIR, CorpusError, Snippet, corpus_digest, read_corpus

__all__ = [
    "DEFAULT_CORPUS_DIR", "DEFAULT_MODEL_DIR", "CorpusError", "ModelFileError", "Snippet", "TypingModel",
    "TypingPrediction", "corpus_digest", "read_corpus",
]
