"""Training the typing model from the corpus (`eventwire model train`, `make model`). Needs scikit-learn; the
extractor itself reads the saved model with numpy alone (classifier.py).

Each head (ACLED sub-event type with "none", PLOVER category with "none") is a multinomial logistic regression
over the tf-idf of the text's n-grams (features.py). Everything is deterministic: the corpus is read in name
order, the folds are drawn with a fixed seed, lbfgs has no randomness, and the files are written byte for byte
the same for the same corpus.

`build` = cross-validation (the metrics, and the out-of-fold predictions the temperatures are fitted on), a
learning curve, the fit on the whole corpus, and the files: model.json, vocabulary.txt, weights.npz, metrics.json
and METRICS.md."""

from __future__ import annotations

import io
import json
import math
import warnings
import zipfile
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
from scipy.optimize import minimize_scalar
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, precision_recall_fscore_support
from sklearn.model_selection import StratifiedKFold

from eventwire import taxonomy
from eventwire.typing_model.classifier import DEFAULT_MODEL_DIR, FORMAT, PLOVER_HEAD, SUB_HEAD
from eventwire.typing_model.corpus import APART, DEFAULT_CORPUS_DIR, NONE, Snippet, corpus_digest, read_corpus
from eventwire.typing_model.features import CHAR_NGRAMS, WORD_NGRAMS, features

HEADS = (SUB_HEAD, PLOVER_HEAD)
ECE_BINS = 15
FLOOR = -1e4  # the logit of a label a fold's training part never saw


@dataclass(frozen=True)
class Settings:
    """What a fit depends on (recorded in model.json)."""

    C: float = 4.0  # inverse regularisation: 4 did better than 1 or 16 in cross-validation
    class_weight: str | None = None  # "balanced" makes the probabilities underconfident; temperatures fix scale
    min_df: int = 2  # an n-gram must occur in two snippets to be kept: halves the size, costs nothing measurable
    # the corpus's label shares are what its writers happened to write, not how often news reports each kind of
    # event: the fitted log share of each label (times this factor) is taken out of its intercept, so that every
    # label starts level (CASE 2021 dev, model alone: weighted F1 0.25 -> 0.47 with the factor at 1)
    prior_correction: float = 1.0
    prior_floor: int = 5  # a label with fewer snippets is corrected as if it had this many (no huge boosts)
    # non-event reasons the sub-type head learns as classes of their own ("none:past_event"): the extractor's
    # dates judge whether an event is recalled, so its veto leaves this part of P(none) aside
    none_apart: tuple[str, ...] = ("past_event",)
    max_iter: int = 3000
    tol: float = 1e-3  # 1e-4 takes three times as long for the same dev figures
    folds: int = 5
    seed: int = 0
    learning_fractions: tuple[float, ...] = (0.25, 0.5, 1.0)


@dataclass
class Fitted:
    vocabulary: list[str]
    idf: np.ndarray
    labels: dict[str, list[str]]
    coef: dict[str, np.ndarray]  # head -> (n-grams, labels)
    intercept: dict[str, np.ndarray]
    temperatures: dict[str, float] = field(default_factory=lambda: dict.fromkeys(HEADS, 1.0))


def head_label(snippet: Snippet, head: str, settings: Settings | None = None) -> str:
    """The label a head learns for a snippet."""
    if head == SUB_HEAD:
        return snippet.sub_label_apart(settings.none_apart) if settings is not None else snippet.sub_label
    return snippet.plover_label


def _identity(tokens):
    return tokens


def _vectorizer(settings: Settings) -> TfidfVectorizer:
    # the n-grams are computed once per snippet (features.py) and handed over as lists
    return TfidfVectorizer(analyzer=_identity, min_df=settings.min_df, sublinear_tf=True, dtype=np.float32)


def _full_logits(model: LogisticRegression, X) -> np.ndarray:
    """Softmax logits for every class of the model (a two-class model gives one score: it is [0, score])."""
    scores = model.decision_function(X)
    if scores.ndim == 1:
        return np.column_stack([np.zeros_like(scores), scores])
    return scores


def _coef(model: LogisticRegression) -> tuple[np.ndarray, np.ndarray]:
    if model.coef_.shape[0] == 1 and len(model.classes_) == 2:
        zeros = np.zeros_like(model.coef_[0])
        return np.column_stack([zeros, model.coef_[0]]), np.array([0.0, model.intercept_[0]])
    return model.coef_.T, model.intercept_


def fit(grams: list[list[str]], targets: dict[str, list[str]], settings: Settings) -> Fitted:
    """One logistic regression per head over the tf-idf of the n-gram lists `grams`."""
    if len(grams) < 2:
        raise ValueError("the typing corpus needs at least two snippets")
    vec = _vectorizer(settings)
    try:
        X = vec.fit_transform(grams)
    except ValueError:  # nothing occurs twice in a tiny corpus: keep every n-gram
        vec = TfidfVectorizer(analyzer=_identity, min_df=1, sublinear_tf=True, dtype=np.float32)
        X = vec.fit_transform(grams)
    vocabulary = [term for term, _ in sorted(vec.vocabulary_.items(), key=lambda kv: kv[1])]
    out = Fitted(vocabulary=vocabulary, idf=vec.idf_.astype(np.float32), labels={}, coef={}, intercept={})
    for head in HEADS:
        y = targets[head]
        labels = sorted(set(y))
        if len(labels) == 1:  # one label only: it always wins
            out.labels[head] = labels
            out.coef[head] = np.zeros((X.shape[1], 1))
            out.intercept[head] = np.zeros(1)
            continue
        model = _logistic(settings).fit(X, y)
        out.labels[head] = [str(c) for c in model.classes_]
        out.coef[head], intercept = _coef(model)
        counts = Counter(y)
        shares = np.array([max(counts[label], settings.prior_floor) / len(y) for label in out.labels[head]])
        out.intercept[head] = intercept - settings.prior_correction * np.log(shares)
    return out


def _logistic(settings: Settings) -> LogisticRegression:
    return LogisticRegression(C=settings.C, class_weight=settings.class_weight, max_iter=settings.max_iter,
                              tol=settings.tol, solver="lbfgs", random_state=settings.seed)


def fitted_logits(fitted: Fitted, grams: list[list[str]], head: str, labels: list[str]) -> np.ndarray:
    """The fitted head's logits for `grams`, as columns over `labels` (FLOOR for labels it never saw)."""
    vec = TfidfVectorizer(analyzer=_identity, sublinear_tf=True, dtype=np.float32)
    vec.vocabulary_ = {t: i for i, t in enumerate(fitted.vocabulary)}
    vec.idf_ = fitted.idf
    X = vec.transform(grams)
    own = X @ fitted.coef[head] + fitted.intercept[head]
    out = np.full((len(grams), len(labels)), FLOOR, dtype=np.float64)
    position = {label: i for i, label in enumerate(labels)}
    for j, label in enumerate(fitted.labels[head]):
        out[:, position[label]] = own[:, j]
    return out


def softmax(logits: np.ndarray, temperature: float = 1.0) -> np.ndarray:
    z = logits / temperature
    z = np.exp(z - z.max(axis=1, keepdims=True))
    return z / z.sum(axis=1, keepdims=True)


def fit_temperature(logits: np.ndarray, y: np.ndarray) -> float:
    """The temperature that minimises the log loss of softmax(logits / T) on out-of-fold predictions."""

    def loss(log_t: float) -> float:
        p = softmax(logits, math.exp(log_t))
        return float(-np.mean(np.log(np.clip(p[np.arange(len(y)), y], 1e-12, None))))

    best = minimize_scalar(loss, bounds=(-3.0, 3.0), method="bounded", options={"xatol": 1e-4})
    return round(math.exp(best.x), 4)


def expected_calibration_error(probs: np.ndarray, y: np.ndarray, bins: int = ECE_BINS) -> float:
    """Top-label ECE: over equal-width confidence bins, the weighted gap between confidence and accuracy."""
    conf = probs.max(axis=1)
    right = probs.argmax(axis=1) == y
    edges = np.linspace(0.0, 1.0, bins + 1)
    total = 0.0
    for lo, hi in zip(edges[:-1], edges[1:]):
        inside = (conf > lo) & (conf <= hi)
        if inside.any():
            total += inside.mean() * abs(conf[inside].mean() - right[inside].mean())
    return round(float(total), 4)


def head_metrics(gold: list[str], predicted: list[str], labels: list[str], top_confusions: int = 3) -> dict:
    """Accuracy, weighted and macro F1, per-label precision/recall/F1/support and each label's commonest
    confusions. `weighted_f1_events` leaves "none" out of the average: for the sub-type head it is the CASE 2021
    measure (F1 over the ACLED labels weighted by their support, a prediction on a non-event a false positive)."""
    p, r, f, s = precision_recall_fscore_support(gold, predicted, labels=labels, zero_division=0)
    per_label = {label: {"precision": round(float(p[i]), 3), "recall": round(float(r[i]), 3),
                         "f1": round(float(f[i]), 3), "support": int(s[i])} for i, label in enumerate(labels)}
    confusions: dict[str, Counter] = {label: Counter() for label in labels}
    for g, q in zip(gold, predicted):
        if g != q:
            confusions[g][q] += 1
    for label in labels:
        per_label[label]["confused_with"] = dict(confusions[label].most_common(top_confusions))
    out = {
        "n": len(gold),
        "accuracy": round(float(np.mean([g == q for g, q in zip(gold, predicted)])), 4),
        "weighted_f1": round(float(f1_score(gold, predicted, labels=labels, average="weighted", zero_division=0)), 4),
        "macro_f1": round(float(f1_score(gold, predicted, labels=labels, average="macro", zero_division=0)), 4),
        "per_label": per_label,
    }
    events = [label for label in labels if label != NONE]
    if NONE in labels and events:
        out["weighted_f1_events"] = round(float(
            f1_score(gold, predicted, labels=events, average="weighted", zero_division=0)), 4)
        out["none_recall"] = per_label[NONE]["recall"]
    return out


def _targets(snippets: list[Snippet], settings: Settings) -> dict[str, list[str]]:
    return {head: [head_label(s, head, settings) for s in snippets] for head in HEADS}


def _fold(label: str) -> str:
    return NONE if label.startswith(NONE + APART) else label


def _collapsed(labels: list[str], probs: np.ndarray) -> tuple[list[str], np.ndarray]:
    """The columns of "none:<reason>" labels added into "none" (what the extractor and the metrics see)."""
    out_labels = sorted({_fold(label) for label in labels})
    position = {label: i for i, label in enumerate(out_labels)}
    out = np.zeros((probs.shape[0], len(out_labels)))
    for j, label in enumerate(labels):
        out[:, position[_fold(label)]] += probs[:, j]
    return out_labels, out


def _folds(snippets: list[Snippet], settings: Settings) -> list[tuple[np.ndarray, np.ndarray]]:
    y = [s.sub_label for s in snippets]
    # stratified on the sub-type; a tiny corpus gets fewer folds (each fold needs a snippet of the commonest label)
    folds = max(2, min(settings.folds, max(Counter(y).values()), len(snippets) // 2))
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=settings.seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # a rare label with fewer snippets than folds
        return list(splitter.split(np.zeros(len(y)), y))


def cross_validate(snippets: list[Snippet], settings: Settings = Settings(),
                   grams: list[list[str]] | None = None) -> dict:
    """k-fold cross-validation: per head the metrics of the out-of-fold predictions, the temperature fitted on
    them, the ECE before and after it (the after figure with the temperature of the other folds: cross-fitted),
    and the out-of-fold logits themselves (key `_logits`, not written out)."""
    grams = grams if grams is not None else [features(s.text) for s in snippets]
    targets = _targets(snippets, settings)
    labels = {head: sorted(set(targets[head])) for head in HEADS}
    folds = _folds(snippets, settings)
    oof = {head: np.zeros((len(snippets), len(labels[head]))) for head in HEADS}
    fold_of = np.zeros(len(snippets), dtype=int)
    for k, (train, test) in enumerate(folds):
        fold_of[test] = k
        fitted = _quiet_fit([grams[i] for i in train], {h: [targets[h][i] for i in train] for h in HEADS}, settings)
        for head in HEADS:
            oof[head][test] = fitted_logits(fitted, [grams[i] for i in test], head, labels[head])
    out: dict = {"folds": len(folds), "n": len(snippets), "heads": {}, "_logits": oof}
    for head in HEADS:
        position = {label: i for i, label in enumerate(labels[head])}
        y = np.array([position[t] for t in targets[head]])
        logits = oof[head]
        temperature = fit_temperature(logits, y)
        crossfit = np.zeros_like(logits)
        for k in range(len(folds)):
            inside = fold_of == k
            t_k = fit_temperature(logits[~inside], y[~inside]) if (~inside).any() else 1.0
            crossfit[inside] = softmax(logits[inside], t_k)
        # the figures are those of what the extractor sees: "none:<reason>" folded into "none"
        shown, raw = _collapsed(labels[head], softmax(logits))
        _, calibrated = _collapsed(labels[head], crossfit)
        gold = [_fold(t) for t in targets[head]]
        where = {label: i for i, label in enumerate(shown)}
        y_shown = np.array([where[g] for g in gold])
        predicted = [shown[i] for i in calibrated.argmax(axis=1)]
        metrics = head_metrics(gold, predicted, shown)
        metrics.update(temperature=temperature, ece_raw=expected_calibration_error(raw, y_shown),
                       ece_calibrated=expected_calibration_error(calibrated, y_shown),
                       log_loss_calibrated=round(float(-np.mean(np.log(np.clip(
                           calibrated[np.arange(len(y_shown)), y_shown], 1e-12, None)))), 4))
        if head == SUB_HEAD:
            to_type = {sub: t for sub, t in taxonomy.ACLED_SUB_TO_TYPE.items()}
            gold_types = [to_type.get(g, NONE) for g in gold]
            pred_types = [to_type.get(q, NONE) for q in predicted]
            metrics["event_type_accuracy"] = round(float(np.mean([g == q for g, q in zip(gold_types, pred_types)])), 4)
        out["heads"][head] = metrics
    return out


def _quiet_fit(grams, targets, settings) -> Fitted:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        return fit(grams, targets, settings)


def learning_curve(snippets: list[Snippet], settings: Settings = Settings(),
                   grams: list[list[str]] | None = None, out_of_fold: dict | None = None) -> list[dict]:
    """The sub-type and PLOVER figures on the first fold's held-out snippets, trained on 25, 50 and 100% of the
    other folds (a fixed random subset, the same seed every time). `out_of_fold`, the logits of
    cross_validate, gives the 100% point without fitting again (it is that fold's model)."""
    grams = grams if grams is not None else [features(s.text) for s in snippets]
    targets = _targets(snippets, settings)
    labels = {head: sorted(set(targets[head])) for head in HEADS}
    train, test = _folds(snippets, settings)[0]
    order = np.random.default_rng(settings.seed).permutation(train)
    points = []
    for fraction in settings.learning_fractions:
        part = np.sort(order[: max(2, int(round(fraction * len(order))))])
        point = {"fraction": fraction, "train_snippets": int(len(part)), "test_snippets": int(len(test))}
        if fraction >= 1.0 and out_of_fold is not None:
            logits = {head: out_of_fold[head][test] for head in HEADS}
        else:
            fitted = _quiet_fit([grams[i] for i in part], {h: [targets[h][i] for i in part] for h in HEADS},
                                settings)
            logits = {head: fitted_logits(fitted, [grams[i] for i in test], head, labels[head]) for head in HEADS}
        for head in HEADS:
            shown, probs = _collapsed(labels[head], softmax(logits[head]))
            predicted = [shown[i] for i in probs.argmax(axis=1)]
            m = head_metrics([_fold(targets[head][i]) for i in test], predicted, shown)
            point[head] = {k: m[k] for k in ("accuracy", "weighted_f1", "weighted_f1_events") if k in m}
        points.append(point)
    return points


# -- files ----------------------------------------------------------------------------------------------------
def _npz_bytes(arrays: dict[str, np.ndarray]) -> bytes:
    """An .npz (what numpy.load reads) with fixed member dates, so that the same model gives the same bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        for name in sorted(arrays):
            member = io.BytesIO()
            np.lib.format.write_array(member, np.ascontiguousarray(arrays[name]), allow_pickle=False)
            archive.writestr(zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0)), member.getvalue())
    return buffer.getvalue()


def save(fitted: Fitted, out_dir: Path | str, *, digest: str, snippets: list[Snippet], settings: Settings,
         calibrated: bool) -> Path:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    heads, start = {}, 0
    for head in HEADS:
        labels = fitted.labels[head]
        support = Counter(head_label(s, head, settings) for s in snippets)
        heads[head] = {"labels": labels, "start": start, "temperature": fitted.temperatures[head],
                       "support": {label: support[label] for label in labels}}
        start += len(labels)
    meta = {
        "format": FORMAT,
        "corpus": {"digest": digest, "snippets": len(snippets)},
        "heads": heads,
        "calibrated": calibrated,
        "features": {"word_ngrams": list(WORD_NGRAMS), "char_ngrams": list(CHAR_NGRAMS), "digits": "0",
                     "tf": "sublinear", "norm": "l2", "vocabulary": len(fitted.vocabulary)},
        "settings": {k: v for k, v in asdict(settings).items() if k != "learning_fractions"},
    }
    coef = np.hstack([fitted.coef[h] for h in HEADS]).astype(np.float16)
    intercept = np.concatenate([fitted.intercept[h] for h in HEADS]).astype(np.float32)
    (out / "model.json").write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    (out / "vocabulary.txt").write_text("\n".join(fitted.vocabulary), encoding="utf-8")
    (out / "weights.npz").write_bytes(_npz_bytes({"idf": fitted.idf, "coef": coef, "intercept": intercept}))
    return out


def build(corpus_dir: Path | str = DEFAULT_CORPUS_DIR, out_dir: Path | str = DEFAULT_MODEL_DIR,
          settings: Settings = Settings(), evaluate: bool = True, log=None) -> dict:
    """Train on the whole corpus and write the model; with `evaluate`, first cross-validate (the temperatures
    come from the out-of-fold predictions: without it they stay 1) and write metrics.json and METRICS.md."""
    say = log or (lambda message: None)
    snippets = read_corpus(corpus_dir)
    digest = corpus_digest(corpus_dir)
    say(f"{len(snippets)} snippets, corpus digest {digest[:12]}")
    grams = [features(s.text) for s in snippets]
    report: dict = {"corpus": {"digest": digest, "snippets": len(snippets),
                               "labels": {h: dict(sorted(Counter(head_label(s, h, settings) for s in snippets).items()))
                                          for h in HEADS}}}
    temperatures = dict.fromkeys(HEADS, 1.0)
    if evaluate:
        say(f"cross-validating ({settings.folds} folds)")
        cv = cross_validate(snippets, settings, grams)
        out_of_fold = cv.pop("_logits")
        temperatures = {h: cv["heads"][h]["temperature"] for h in HEADS}
        report["cross_validation"] = cv
        say("learning curve")
        report["learning_curve"] = learning_curve(snippets, settings, grams, out_of_fold)
    say("fitting on the whole corpus")
    fitted = _quiet_fit(grams, _targets(snippets, settings), settings)
    fitted.temperatures = temperatures
    save(fitted, out_dir, digest=digest, snippets=snippets, settings=settings, calibrated=evaluate)
    if evaluate:
        out = Path(out_dir)
        (out / "metrics.json").write_text(json.dumps(report, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        (out / "METRICS.md").write_text(metrics_markdown(report), encoding="utf-8")
    return report


def metrics_markdown(report: dict) -> str:
    cv = report["cross_validation"]
    sub, plover = cv["heads"][SUB_HEAD], cv["heads"][PLOVER_HEAD]
    lines = [
        "# Typing model: cross-validated figures",
        "",
        f"Written by `make model` from {report['corpus']['snippets']} corpus snippets (digest "
        f"`{report['corpus']['digest'][:12]}`), {cv['folds']}-fold stratified cross-validation, fixed seed.",
        "",
        "| head | accuracy | weighted F1 | macro F1 | temperature | ECE raw | ECE calibrated |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, m in ((SUB_HEAD, sub), (PLOVER_HEAD, plover)):
        lines.append(f"| {name} | {m['accuracy']:.3f} | {m['weighted_f1']:.3f} | {m['macro_f1']:.3f} | "
                     f"{m['temperature']:.2f} | {m['ece_raw']:.3f} | {m['ece_calibrated']:.3f} |")
    lines += ["", f"ACLED event type accuracy {sub['event_type_accuracy']:.3f}; CASE-style weighted F1 over the ACLED "
              f"sub-types {sub.get('weighted_f1_events', float('nan')):.3f}; non-events recognised (recall of none) "
              f"{sub.get('none_recall', float('nan')):.3f}.", "",
              "## Learning curve (first fold held out)", "",
              "| share of the rest | snippets | sub-type accuracy | sub-type weighted F1 | PLOVER accuracy |",
              "|---|---|---|---|---|"]
    for point in report["learning_curve"]:
        lines.append(f"| {point['fraction']:.0%} | {point['train_snippets']} | {point[SUB_HEAD]['accuracy']:.3f} | "
                     f"{point[SUB_HEAD]['weighted_f1']:.3f} | {point[PLOVER_HEAD]['accuracy']:.3f} |")
    for name, m in ((SUB_HEAD, sub), (PLOVER_HEAD, plover)):
        lines += ["", f"## {name}: per label (weakest first)", "",
                  "| label | support | precision | recall | F1 | confused with |", "|---|---|---|---|---|---|"]
        for label, v in sorted(m["per_label"].items(), key=lambda kv: (kv[1]["f1"], kv[0])):
            confused = ", ".join(f"{k} ({n})" for k, n in v["confused_with"].items())
            lines.append(f"| {label} | {v['support']} | {v['precision']:.2f} | {v['recall']:.2f} | {v['f1']:.2f} | "
                         f"{confused} |")
    return "\n".join(lines) + "\n"
