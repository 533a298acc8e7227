"""Geoparser cost: index load time, and per-article time of `Geoparser.parse` over the spaCy parse itself.

    .venv/bin/python benchmarks/geoparse.py [--data ../shared/eval/dev] [--limit 200] [--set gwn]

Articles come from a geo_*.jsonl set when --data has one (only the texts are read), else from examples/.
The goal (issue "Geoparser"): parse() adds at most 5 ms per article over the NER; the index loads in < 1 s.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path


def load_texts(data: Path, name: str, limit: int) -> list[str]:
    f = data / f"geo_{name}.jsonl"
    if f.exists():
        with f.open(encoding="utf-8") as fh:
            return [json.loads(line)["text"] for line in fh if line.strip()][:limit]
    texts = []
    for p in sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.txt")):
        texts.append(p.read_text(encoding="utf-8"))
    return texts[:limit]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=str(Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"))
    ap.add_argument("--set", default="gwn")
    ap.add_argument("--limit", type=int, default=200)
    args = ap.parse_args()

    from eventwire.extraction import nlp as ewnlp
    from eventwire.extraction import places
    from eventwire.geo.gazetteer import Gazetteer
    from eventwire.geo.index import ensure_index

    t = time.perf_counter()
    path = ensure_index()
    built = time.perf_counter() - t
    t = time.perf_counter()
    gaz = Gazetteer(path)
    load = time.perf_counter() - t
    print(f"index: {path} ({path.stat().st_size / 1e6:.1f} MB), ensure {built:.2f} s, load {load:.3f} s")

    texts = load_texts(Path(args.data), args.set, args.limit)
    if not texts:
        print("no articles found", file=sys.stderr)
        return 1
    gp = places.Geoparser(gaz)
    lang = ewnlp.load(None, gp.ruler_patterns())  # the model with the geoparser's patterns only

    t = time.perf_counter()
    docs = list(lang.pipe(texts, batch_size=32))
    ner = (time.perf_counter() - t) / len(docs)
    cold, warm = [], []
    for runs in (cold, warm):  # the first pass fills the lookup caches, the second is the steady state
        for d in docs:
            t = time.perf_counter()
            gp.parse(d)
            runs.append(time.perf_counter() - t)
    tokens = sum(len(d) for d in docs) / len(docs)
    print(f"articles: {len(docs)} ({args.set if (Path(args.data) / f'geo_{args.set}.jsonl').exists() else 'examples'}),"
          f" mean {tokens:.0f} tokens")
    print(f"spaCy parse: {1000 * ner:.1f} ms/article")
    for label, runs in (("first pass", cold), ("steady", warm)):
        ms = sorted(1000 * x for x in runs)
        print(f"geoparse {label}: mean {statistics.mean(ms):.2f} ms, median {statistics.median(ms):.2f} ms, "
              f"p95 {ms[int(0.95 * (len(ms) - 1))]:.2f} ms per article "
              f"({100 * statistics.mean(ms) / (1000 * ner):.1f}% of the parse)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
