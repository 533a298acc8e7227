"""Replay the typing model's decisions (lang/en/typing/decisions.yaml) on the dev sets: parse each set's half once,
then re-run the stages after the parse under each setting and print the scorer's SUMMARY figures side by side.

    .venv/bin/python benchmarks/typing_replay.py --half a                                  # main's settings
    .venv/bin/python benchmarks/typing_replay.py --half a --setting model_share=0.4 \\
        --setting "retype=0.9; margin=0.3" --sets case2021                                  # one column each
    .venv/bin/python benchmarks/typing_replay.py --half b --model /tmp/model --setting model_share=0.45

The first column is always main's settings with the shipped model. Each --setting adds a column: decisions.yaml
with the given keys changed (`KEY=VALUE`, several joined by ";"; values are YAML: `null`, `0.9`, `[Riots]`),
run with the --model DIR when one is given (then, without --setting, one column of main's settings with it).
Study settings on half a and check the winner on half b, as for any accuracy change (README, "The typing model").

The parsed Docs of each set's half are kept in --cache (default: eventwire's cache directory), keyed on the set's
file, the half, the spaCy model and everything the parse depends on (Pipeline.resources_key): the first run of
incidents parses for a few minutes, later runs load in seconds. The model's readings of a passage are kept in
memory across the columns of one run. Figures are the scorer's own (score.py --predictions), so they equal those
of `WT=... HALF=a bash /work/tools/evalwt.sh --sets ...` for main's settings. Reads /work/shared/eval (or --data);
nothing from it goes into the project.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from spacy.tokens import DocBin  # noqa: E402

from eventwire.compiled import content_hash  # noqa: E402
from eventwire.extraction import nlp  # noqa: E402
from eventwire.extraction.events.typing import DECISIONS_FILE, Decisions, ModelTyping  # noqa: E402
from eventwire.extraction.pipeline import Pipeline, as_article  # noqa: E402
from eventwire.geo.index import cache_dir  # noqa: E402
from eventwire.lang import LanguageDataError  # noqa: E402
from eventwire.typing_model import TypingModel, TypingPrediction  # noqa: E402

DEFAULT_DATA = Path("/work/shared/eval/dev")
DEFAULT_SETS = ("case2021", "plover", "incidents")
SHIPPED = "shipped"


def read_half(data: Path, name: str, half: str) -> list[dict]:
    """The input lines of one set's half as score.py feeds them to the extractor (even/odd positions)."""
    lines = [json.loads(x) for x in (data / f"{name}.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    keep = ("id", "text", "published")
    return [{k: item[k] for k in keep if item.get(k)} for item in lines[0 if half == "a" else 1::2]]


def parsed_half(pipeline: Pipeline, data: Path, name: str, half: str, cache: Path) -> list[tuple]:
    """(Article, Doc) for each article of the half the extractor parses, from the cache when it holds them."""
    items = read_half(data, name, half)
    key = content_hash([data / f"{name}.jsonl"], pipeline.resources_key, nlp.model_signature(pipeline.nlp), half,
                       str((pipeline.relevance_gate, pipeline.sentence_gate, pipeline.sentence_neighbours)))
    docs_file, ids_file = cache / f"{name}-{half}-{key}.spacy", cache / f"{name}-{half}-{key}.json"
    by_id = {item["id"]: item for item in items}
    if docs_file.exists() and ids_file.exists():
        ids = json.loads(ids_file.read_text(encoding="utf-8"))
        docs = list(DocBin().from_disk(docs_file).get_docs(pipeline.nlp.vocab))
        print(f"{name} {half}: {len(docs)} parsed articles from {docs_file}", file=sys.stderr)
        return [(as_article(by_id[i]), doc) for i, doc in zip(ids, docs)]
    start = time.perf_counter()
    pairs = [(result.article, doc) for result, doc in pipeline.parsed(items)]
    print(f"{name} {half}: parsed {len(pairs)} of {len(items)} articles in {time.perf_counter() - start:.0f} s",
          file=sys.stderr)
    cache.mkdir(parents=True, exist_ok=True)
    for old in cache.glob(f"{name}-{half}-*"):  # an older parse of the same half: stale now
        old.unlink()
    DocBin(docs=[doc for _, doc in pairs], store_user_data=True).to_disk(docs_file)
    ids_file.write_text(json.dumps([article.id for article, _ in pairs]), encoding="utf-8")
    return pairs


class RememberedReadings:
    """A typing model whose readings of a passage are kept: the columns of a run read the same passages."""

    def __init__(self, model: TypingModel):
        self.model = model
        self.readings: dict[tuple[str, ...], TypingPrediction] = {}

    def load(self) -> None:
        self.model.load()

    def support(self, head: str, label: str) -> int:
        return self.model.support(head, label)

    def predict_passages(self, passages: list[tuple[str, ...]]) -> list[TypingPrediction]:
        new = [p for p in dict.fromkeys(passages) if p not in self.readings]
        if new:
            self.readings.update(zip(new, self.model.predict_passages(new)))
        return [self.readings[p] for p in passages]


def parse_setting(text: str) -> dict:
    """`retype=0.9; margin=0.3` -> {"retype": 0.9, "margin": 0.3} (values read as YAML)."""
    out = {}
    for part in filter(None, (p.strip() for p in text.split(";"))):
        key, sep, value = part.partition("=")
        if not sep:
            raise SystemExit(f"--setting {text!r}: expected KEY=VALUE")
        out[key.strip()] = yaml.safe_load(value)
    return out


def replay(pipeline: Pipeline, sets: dict[str, list[tuple]], typing: ModelTyping, out: Path) -> int:
    """Write the events of every set under `typing` to `out` (the extractor's output lines); the number of
    articles the later stages failed on (the extractor reports those as errors and goes on)."""
    pipeline.event_finder.typing = typing
    failures = 0
    with out.open("w", encoding="utf-8") as f:
        for pairs in sets.values():
            for article, doc in pairs:
                try:
                    _, events = pipeline.analyse(doc, article)
                except Exception as exc:  # noqa: BLE001 - counted, as the extractor does
                    print(f"{article.id}: {type(exc).__name__}: {exc}", file=sys.stderr)
                    failures += 1
                    continue
                f.writelines(ev.to_json() + "\n" for ev in events)
    return failures


def score(scorer: Path, data: Path, sets: list[str], half: str, predictions: Path) -> dict[str, str]:
    """The scorer's SUMMARY figures for saved predictions."""
    run = subprocess.run([sys.executable, str(scorer), "--data", str(data), "--sets", ",".join(sets), "--half", half,
                          "--predictions", str(predictions)], capture_output=True, text=True, check=True)
    summary = next((line for line in run.stdout.splitlines() if line.startswith("SUMMARY")), "")
    return dict(field.split("=", 1) for field in summary.split()[1:])


def print_table(columns: list[str], figures: list[dict[str, str]]) -> None:
    keys = list(dict.fromkeys(k for f in figures for k in f))
    widths = [max(len(c), 6) for c in columns]
    first = max(len(k) for k in keys) if keys else 0
    print(" " * first + "  " + "  ".join(c.rjust(w) for c, w in zip(columns, widths)))
    for key in keys:
        print(key.ljust(first) + "  " + "  ".join(f.get(key, "-").rjust(w) for f, w in zip(figures, widths)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--half", choices=("a", "b"), default="a")
    ap.add_argument("--sets", default=",".join(DEFAULT_SETS), help="comma list of dev sets (default: %(default)s)")
    ap.add_argument("--setting", action="append", default=[], metavar="KEY=VALUE[;KEY=VALUE]",
                    help="decisions.yaml keys to change; one column per --setting")
    ap.add_argument("--model", type=Path, help="a typing model directory (eventwire model train --out DIR)")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--scorer", type=Path, help="score.py (default: next to --data)")
    ap.add_argument("--cache", type=Path, default=cache_dir() / "typing_replay", help="where parsed Docs are kept")
    ap.add_argument("--keep", type=Path, help="a directory to keep each column's predictions in")
    args = ap.parse_args()
    sets = [s.strip() for s in args.sets.split(",") if s.strip()]
    scorer = args.scorer or args.data.parent / "score.py"

    pipeline = Pipeline()
    raw = pipeline.language.yaml(DECISIONS_FILE) or {}
    model_name = args.model.name if args.model else SHIPPED
    columns: list[tuple[str, Path | None, dict]] = [("main", None, {})]
    columns += [(s if not args.model else f"{model_name}: {s}", args.model, parse_setting(s)) for s in args.setting]
    if args.model and not args.setting:
        columns.append((f"{model_name}: main", args.model, {}))
    try:  # a misspelt key or a value out of range fails here, before the parse
        decisions = [Decisions.from_mapping({**raw, **changes}, label) for label, _, changes in columns]
    except LanguageDataError as exc:
        raise SystemExit(f"--setting: {exc}") from None

    docs = {name: parsed_half(pipeline, args.data, name, args.half, args.cache) for name in sets}
    models: dict[Path | None, RememberedReadings] = {}
    figures = []
    with tempfile.TemporaryDirectory() as tmp:
        out_dir = args.keep or Path(tmp)
        out_dir.mkdir(parents=True, exist_ok=True)
        for i, ((label, model_dir, _), chosen) in enumerate(zip(columns, decisions)):
            if model_dir not in models:
                models[model_dir] = RememberedReadings(TypingModel(model_dir) if model_dir else
                                                       pipeline.model_typing.model)
            start = time.perf_counter()
            out = out_dir / f"{args.half}-{i}.jsonl"
            failures = replay(pipeline, docs, ModelTyping(pipeline.language, model=models[model_dir],
                                                          decisions=chosen), out)
            figures.append(score(scorer, args.data, sets, args.half, out))
            print(f"[{label}] {time.perf_counter() - start:.0f} s" + (f", {failures} failed" if failures else "")
                  + (f", predictions in {out}" if args.keep else ""), file=sys.stderr)
    print(f"half {args.half}, sets {','.join(sets)}")
    print_table([label for label, _, _ in columns], figures)


if __name__ == "__main__":
    main()
