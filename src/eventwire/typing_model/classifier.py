"""The shipped typing model, read with numpy alone (no scikit-learn, no pickles), on first use.

Files of a model directory (written by `train.save`):
  model.json      format, the corpus digest and size it was trained on, the heads (labels, column range,
                  temperature, training support per label), the feature settings
  vocabulary.txt  the n-grams it knows, one a line, in column order
  weights.npz     idf (per n-gram), coef (n-grams x all heads' labels, float16), intercept

A text is read as tf-idf over its n-grams (sublinear tf, l2-normalised, as scikit-learn's TfidfVectorizer does),
each head is a multinomial logistic regression, and its logits are divided by the head's temperature (fitted on
out-of-fold predictions) before the softmax, so that a probability of 0.8 is right about 80% of the time."""

from __future__ import annotations

import json
import math
import threading
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from eventwire.typing_model.corpus import APART, NONE
from eventwire.typing_model.features import WORD, char_ngrams, normalise, word_ngrams

DEFAULT_MODEL_DIR = Path(__file__).resolve().parents[1] / "lang" / "en" / "typing" / "model"
FORMAT = 1
TOKEN_CACHE_SIZE = 200_000  # tokens whose n-gram columns are kept (news repeats its words: most are hits)
SUB_HEAD, PLOVER_HEAD = "sub_event_type", "plover"


class ModelFileError(ValueError):
    """A model directory that cannot be read (missing, from another format, inconsistent)."""


@dataclass(frozen=True)
class HeadSpec:
    name: str
    labels: tuple[str, ...]
    start: int  # the head's columns in coef / intercept
    temperature: float
    support: dict[str, int] = field(default_factory=dict)  # training snippets per label

    @property
    def stop(self) -> int:
        return self.start + len(self.labels)


@dataclass(frozen=True)
class TypingPrediction:
    """The model's reading of one text: a probability per ACLED sub-event type (NONE: no ACLED event) and per
    PLOVER category (NONE: no PLOVER event); each sums to 1. `no_event_reasons`: the part of P(NONE) the model
    gives to the non-event reasons it learned apart (e.g. "past_event": a reference to an earlier event)."""

    sub_event_type: dict[str, float]
    plover: dict[str, float]
    no_event_reasons: dict[str, float] = field(default_factory=dict)

    @staticmethod
    def _best(probs: dict[str, float]) -> tuple[str, float]:
        label = max(probs, key=probs.__getitem__)
        return label, probs[label]

    @property
    def best_sub_event_type(self) -> tuple[str, float]:
        return self._best(self.sub_event_type)

    @property
    def best_plover(self) -> tuple[str, float]:
        return self._best(self.plover)

    @property
    def no_event(self) -> float:
        """The probability that the text reports no ACLED event."""
        return self.sub_event_type.get(NONE, 0.0)

    def no_event_except(self, reasons) -> float:
        """P(no ACLED event) for a reason other than `reasons` ("past_event": the rules' dates judge that)."""
        return max(0.0, self.no_event - sum(self.no_event_reasons.get(r, 0.0) for r in reasons))

    def runner_up_margin(self) -> float:
        """How far the best sub-type is ahead of the second."""
        top = sorted(self.sub_event_type.values(), reverse=True)
        return top[0] - (top[1] if len(top) > 1 else 0.0)


class TypingModel:
    """The model of one directory, loaded on the first `predict` (or `load`) and kept on this object."""

    def __init__(self, directory: Path | str = DEFAULT_MODEL_DIR):
        self.directory = Path(directory)
        self._lock = threading.Lock()
        self._loaded = False
        self.meta: dict = {}
        self.heads: dict[str, HeadSpec] = {}
        self._index: dict[str, int] = {}
        self._idf = self._coef = self._intercept = None
        self._token_columns: dict[str, list[int]] = {}

    def load(self) -> TypingModel:
        with self._lock:
            if not self._loaded:
                self._read()
                self._loaded = True
        return self

    def _read(self) -> None:
        meta_path = self.directory / "model.json"
        if not meta_path.is_file():
            raise ModelFileError(f"{self.directory}: no typing model here (run `make model` to train it)")
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise ModelFileError(f"{meta_path}: not JSON: {exc}") from None
        if meta.get("format") != FORMAT:
            raise ModelFileError(f"{meta_path}: model format {meta.get('format')!r}, this eventwire reads {FORMAT}")
        terms = (self.directory / "vocabulary.txt").read_text(encoding="utf-8").split("\n")
        with np.load(self.directory / "weights.npz", allow_pickle=False) as weights:
            idf, coef, intercept = weights["idf"], weights["coef"], weights["intercept"]
        heads = {name: HeadSpec(name=name, labels=tuple(h["labels"]), start=int(h["start"]),
                                temperature=float(h["temperature"]), support=dict(h.get("support", {})))
                 for name, h in meta["heads"].items()}
        width = sum(len(h.labels) for h in heads.values())
        if not (len(terms) == len(idf) == coef.shape[0]) or coef.shape[1] != width or intercept.shape != (width,):
            raise ModelFileError(f"{self.directory}: vocabulary, idf and coefficients do not agree in size")
        for name in (SUB_HEAD, PLOVER_HEAD):
            if name not in heads:
                raise ModelFileError(f"{meta_path}: no {name!r} head")
        self.meta, self.heads = meta, heads
        self._index = dict(zip(terms, range(len(terms))))
        # float16 on disk (half the size), float32 in memory (no conversion per sentence)
        self._idf, self._coef, self._intercept = idf.astype(np.float32), coef.astype(np.float32), intercept.astype(
            np.float32)

    @property
    def corpus_digest(self) -> str:
        return self.load().meta["corpus"]["digest"]

    def labels(self, head: str) -> tuple[str, ...]:
        return self.load().heads[head].labels

    def support(self, head: str, label: str) -> int:
        """Training snippets of `label` (0 for a label the model never saw)."""
        return self.load().heads[head].support.get(label, 0)

    def columns(self, text: str) -> list[int]:
        """The vocabulary columns of the text's n-grams (features.features, read through a per-token cache)."""
        index, cache = self._index, self._token_columns
        low = normalise(text)
        out = [index[f] for f in word_ngrams(low) if f in index]
        for token in low.split():
            cols = cache.get(token)
            if cols is None:
                if len(cache) >= TOKEN_CACHE_SIZE:
                    cache.clear()
                cols = cache[token] = [index[f] for f in char_ngrams(token) if f in index]
            out.extend(cols)
        return out

    def passage_columns(self, sentences: Sequence[str], known: dict[str, tuple]) -> list[int]:
        """The columns of the sentences joined by spaces, each sentence read once into `known` (its columns, first
        and last word): the same as `columns(" ".join(sentences))`, whose only other n-grams are the word bigrams
        across the joins."""
        out: list[int] = []
        last_word = None
        for sentence in sentences:
            seen = known.get(sentence)
            if seen is None:
                words = WORD.findall(normalise(sentence))
                seen = known[sentence] = (self.columns(sentence), words[0] if words else None,
                                          words[-1] if words else None)
            cols, first, last = seen
            out.extend(cols)
            if first is not None:
                if last_word is not None:
                    bigram = self._index.get(f"w {last_word} {first}")
                    if bigram is not None:
                        out.append(bigram)
                last_word = last
        return out

    def logits(self, text: str, columns: list[int] | None = None) -> np.ndarray:
        """Every head's raw scores for one text (or for its `columns`, when given), side by side (the columns of
        model.json's heads)."""
        idf = self._idf
        counts = Counter(self.columns(text) if columns is None else columns)
        if not counts:
            return self._intercept.copy()
        cols = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float32, count=len(counts))
        weights = (1.0 + np.log(tf)) * idf[cols]
        weights /= math.sqrt(float(weights @ weights))
        return weights @ self._coef[cols] + self._intercept

    def probabilities(self, logits: np.ndarray, head: str) -> dict[str, float]:
        spec = self.heads[head]
        z = logits[spec.start:spec.stop] / spec.temperature
        z = np.exp(z - z.max())
        z /= z.sum()
        return dict(zip(spec.labels, z.tolist()))

    def predict(self, texts: Iterable[str]) -> list[TypingPrediction]:
        self.load()
        return [self._prediction(self.logits(text)) for text in texts]

    def predict_passages(self, passages: Iterable[Sequence[str]]) -> list[TypingPrediction]:
        """The predictions of passages given as their sentences, as `predict` would give for the sentences joined
        by spaces; a sentence shared by several passages (the neighbours of nearby events) is read once."""
        self.load()
        known: dict[str, list[int]] = {}
        return [self._prediction(self.logits("", self.passage_columns(p, known))) for p in passages]

    def _prediction(self, z: np.ndarray) -> TypingPrediction:
        subs, reasons = collapse_apart(self.probabilities(z, SUB_HEAD))
        return TypingPrediction(sub_event_type=subs, plover=self.probabilities(z, PLOVER_HEAD),
                                no_event_reasons=reasons)

    def predict_one(self, text: str) -> TypingPrediction:
        return self.predict([text])[0]


def collapse_apart(probs: dict[str, float]) -> tuple[dict[str, float], dict[str, float]]:
    """("none:past_event": p, ...) folded into "none"; the folded parts by reason."""
    out: dict[str, float] = {}
    reasons: dict[str, float] = {}
    for label, p in probs.items():
        if label.startswith(NONE + APART):
            reasons[label[len(NONE) + 1:]] = p
            label = NONE
        out[label] = out.get(label, 0.0) + p
    return out, reasons


def head_probabilities(predictions: Sequence[TypingPrediction], head: str, labels: Sequence[str]) -> np.ndarray:
    """The predictions' probabilities of one head as a matrix over `labels` (for scoring)."""
    return np.array([[getattr(p, head).get(label, 0.0) for label in labels] for p in predictions])
