"""The typing model alone on the dev sets: CASE 2021 (ACLED sub-type of each snippet, or no event) and PLOVER
(category of each sentence), its load time and speed; with --learning-curve, the dev figures of models trained on
25, 50 and 100% of the corpus.

    .venv/bin/python benchmarks/typing_model.py                         # the shipped model, both halves
    .venv/bin/python benchmarks/typing_model.py --half a --model DIR    # another model, one half
    .venv/bin/python benchmarks/typing_model.py --learning-curve        # trains 3 models (needs scikit-learn)

Goals: loaded in <= 0.5 s (numpy already imported, as in the extractor), <= 2 ms per sentence on one core,
<= 25 MB on disk. Reads /work/shared/eval (or --data); the model is never trained on it.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from eventwire.typing_model import DEFAULT_CORPUS_DIR, DEFAULT_MODEL_DIR, TypingModel  # noqa: E402
from eventwire.typing_model.corpus import NONE  # noqa: E402

DEFAULT_DATA = Path("/work/shared/eval/dev")
LOAD_GOAL_S, SPEED_GOAL_MS, SIZE_GOAL_MB = 0.5, 2.0, 25.0


def read_set(data: Path, name: str, half: str | None) -> list[dict]:
    """The items of one set; half a/b: the items at even/odd positions of the file (as score.py --half)."""
    lines = [json.loads(x) for x in (data / f"{name}.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    if half is not None:
        lines = lines[0 if half == "a" else 1::2]
    return lines


def f1_weighted(gold: list[str], pred: list[str], labels: list[str]) -> tuple[float, float]:
    """(weighted, macro) F1 over `labels`: support-weighted, predictions of a label on other items false positives."""
    total, weighted, macro = 0, 0.0, []
    for label in labels:
        tp = sum(1 for g, p in zip(gold, pred) if g == p == label)
        fp = sum(1 for g, p in zip(gold, pred) if p == label and g != label)
        fn = sum(1 for g, p in zip(gold, pred) if g == label and p != label)
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        support = tp + fn
        weighted += f1 * support
        total += support
        macro.append(f1)
    return (weighted / total if total else 0.0), (statistics.mean(macro) if macro else 0.0)


def score(model: TypingModel, data: Path, half: str | None) -> dict:
    case = read_set(data, "case2021", half)
    preds = model.predict([x["text"] for x in case])
    gold = [x["gold"]["sub_event_type"] if x["gold"]["acled"] else NONE for x in case]
    pred = [p.best_sub_event_type[0] for p in preds]
    labels = sorted({g for g in gold if g != NONE})
    weighted, macro = f1_weighted(gold, pred, labels)
    acled = [(g, p) for g, p in zip(gold, pred) if g != NONE]
    non = [(g, p) for g, p in zip(gold, pred) if g == NONE]
    plover = read_set(data, "plover", half)
    ppreds = model.predict([x["text"] for x in plover])
    best = [max(((k, v) for k, v in p.plover.items() if k != NONE), key=lambda kv: kv[1])[0] for p in ppreds]
    return {
        "case_weighted_f1": round(weighted, 3), "case_macro_f1": round(macro, 3),
        "case_sub_acc": round(sum(g == p for g, p in acled) / max(1, len(acled)), 3),
        "case_no_event": round(sum(p == NONE for _, p in non) / max(1, len(non)), 3),
        "plover_acc": round(sum(b == x["gold"]["event"] for b, x in zip(best, plover)) / max(1, len(plover)), 3),
        "n_case": len(case), "n_plover": len(plover),
    }


def timing(model_dir: Path, data: Path) -> dict:
    # load time in a fresh process, numpy already imported (the extractor has it through spaCy)
    code = ("import time, numpy; t = time.perf_counter(); from eventwire.typing_model import TypingModel; "
            f"TypingModel({str(model_dir)!r}).load(); print(time.perf_counter() - t)")
    loads = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                                  env={"PYTHONPATH": str(ROOT / "src")}).stdout) for _ in range(3)]
    model = TypingModel(model_dir).load()
    texts = [s for x in read_set(data, "case2021", None) for s in x["text"].split(". ") if s.strip()]
    texts += [x["text"] for x in read_set(data, "plover", None)]
    model.predict(texts[:20])
    runs = []
    for _ in range(3):
        t = time.perf_counter()
        model.predict(texts)
        runs.append((time.perf_counter() - t) / len(texts) * 1000)
    size = sum(p.stat().st_size for p in model_dir.iterdir() if p.name in ("model.json", "vocabulary.txt",
                                                                             "weights.npz"))
    return {"load_s": round(statistics.median(loads), 3), "ms_per_sentence": round(statistics.median(runs), 3),
            "sentences": len(texts), "size_mb": round(size / 1e6, 2)}


def learning_curve(corpus: Path, data: Path, halves: list[str | None]) -> list[dict]:
    from eventwire.typing_model import train
    from eventwire.typing_model.corpus import read_corpus
    from eventwire.typing_model.features import features

    snippets = read_corpus(corpus)
    import numpy as np

    order = np.random.default_rng(0).permutation(len(snippets))
    points = []
    for fraction in (0.25, 0.5, 1.0):
        part = sorted(order[: int(round(fraction * len(snippets)))].tolist())
        chosen = [snippets[i] for i in part]
        fitted = train._quiet_fit([features(s.text) for s in chosen],
                                  {h: [train.head_label(s, h, train.Settings()) for s in chosen] for h in train.HEADS},
                                  train.Settings())
        with tempfile.TemporaryDirectory() as tmp:
            train.save(fitted, tmp, digest="learning-curve", snippets=chosen, settings=train.Settings(),
                       calibrated=False)
            model = TypingModel(tmp).load()
            point = {"fraction": fraction, "snippets": len(chosen)}
            for half in halves:
                point[half or "all"] = score(model, data, half)
        points.append(point)
    return points


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="evaluation data directory")
    ap.add_argument("--model", type=Path, default=DEFAULT_MODEL_DIR, help="model directory (default: the shipped one)")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS_DIR, help="corpus for --learning-curve")
    ap.add_argument("--half", choices=["a", "b"], default=None, help="one half only (default: a and b)")
    ap.add_argument("--learning-curve", action="store_true", help="dev figures at 25/50/100%% of the corpus")
    ap.add_argument("--no-timing", action="store_true")
    args = ap.parse_args()
    halves = [args.half] if args.half else ["a", "b"]
    model = TypingModel(args.model).load()
    report = {"model": str(args.model), "corpus_snippets": model.meta["corpus"]["snippets"],
              "dev": {h: score(model, args.data, h) for h in halves}}
    if not args.no_timing:
        report["timing"] = timing(args.model, args.data)
        t = report["timing"]
        report["goals_met"] = {"load": t["load_s"] <= LOAD_GOAL_S, "speed": t["ms_per_sentence"] <= SPEED_GOAL_MS,
                               "size": t["size_mb"] <= SIZE_GOAL_MB}
    if args.learning_curve:
        report["learning_curve"] = learning_curve(args.corpus, args.data, halves)
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
