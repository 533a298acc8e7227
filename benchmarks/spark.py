"""Spark scale-out: articles/s of `eventwire spark extract` in local[1] and local[2] against one process.

    .venv/bin/python benchmarks/spark.py                       # 2,000 articles cycled from examples/
    .venv/bin/python benchmarks/spark.py --articles 500 --masters "local[1]" "local[2]" "local[4]"
    .venv/bin/python benchmarks/spark.py --input ../shared/eval/dev/ucdp.jsonl --articles 2000

All runs read the same JSONL file in the same process, one after another:
  * single process: `Pipeline().pipe(articles)` after the model is loaded (the CLI's code path);
  * each Spark master: a fresh SparkSession, then the whole extract job (read, repartition, extraction with
    one model load per Python worker, Parquet write partitioned by event date); the JVM start is not counted.
Goal: local[2] >= 1.7x local[1] in wall time. On a machine where other work competes for the cores, wall
time says more about the machine than about Spark, so each run also prints the CPU seconds it used (the
single process; for Spark, the JVM and every Python worker, read from /proc) and its parallelism (CPU / wall):
local[2] can only reach 2x when it gets two cores, i.e. parallelism ~2. The load average is printed too.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

EXAMPLES = ROOT / "examples" / "batch.jsonl"
GOAL = 1.7


def corpus(path: Path, n: int) -> list[dict]:
    """n SCHEMA input articles: the file's articles, cycled with distinct ids when it has fewer."""
    base = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    base = [a for a in base if isinstance(a.get("text"), str) and a["text"].strip()]
    if not base:
        sys.exit(f"spark benchmark: no articles in {path}")
    out = []
    for k, a in enumerate(itertools.islice(itertools.cycle(base), n)):
        art = {"id": f"{a.get('id', k)}#{k}", "text": a["text"]}
        if a.get("published"):
            art["published"] = str(a["published"])[:10]
        out.append(art)
    return out


def descendants_cpu(root: int | None = None) -> float:
    """CPU seconds (user + system) of every live process below `root` (the JVM and the Python workers)."""
    root = root or os.getpid()
    tick = os.sysconf("SC_CLK_TCK")
    parent, cpu = {}, {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parent[int(entry.name)] = int(fields[1])
        cpu[int(entry.name)] = (int(fields[11]) + int(fields[12])) / tick
    total, todo = 0.0, [root]
    while todo:
        pid = todo.pop()
        kids = [c for c, p in parent.items() if p == pid]
        total += sum(cpu[c] for c in kids)
        todo.extend(kids)
    return total


def time_single(articles: list[dict]) -> tuple[float, float, float, int]:
    from eventwire.extraction.pipeline import Pipeline

    t0 = time.perf_counter()
    pipeline = Pipeline()
    pipeline.nlp  # noqa: B018
    load = time.perf_counter() - t0
    t0, c0 = time.perf_counter(), time.process_time()
    events = sum(len(r.events) for r in pipeline.pipe(articles))
    return time.perf_counter() - t0, time.process_time() - c0, load, events


def time_spark(master: str, src: Path, out: Path, partitions: int | None) -> tuple[float, float, dict]:
    from eventwire import spark as S

    spark = S.session(master, app_name=f"eventwire benchmark {master}")
    spark.sparkContext.setLogLevel("ERROR")
    try:
        t0, c0 = time.perf_counter(), descendants_cpu()
        counts = S.run_extract(spark, str(src), str(out), partitions=partitions, overwrite=True)
        return time.perf_counter() - t0, descendants_cpu() - c0, counts  # workers are alive until stop()
    finally:
        spark.stop()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--input", type=Path, default=EXAMPLES, help="SCHEMA input JSONL (default: examples)")
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--masters", nargs="+", default=["local[1]", "local[2]"])
    ap.add_argument("--partitions", type=int, default=None, help="default: the job's own choice")
    ap.add_argument("--no-single", action="store_true", help="skip the single-process run")
    args = ap.parse_args()

    articles = corpus(args.input, args.articles)
    work = Path(tempfile.mkdtemp(prefix="eventwire-spark-bench-"))
    src = work / "articles.jsonl"
    src.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
    print(f"{len(articles)} articles from {args.input}; {os.cpu_count()} cores; load average "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    rates: dict[str, float] = {}
    try:
        if not args.no_single:
            secs, cpu, load, events = time_single(articles)
            rates["single process"] = len(articles) / secs
            print(f"single process   {secs:7.1f} s  {rates['single process']:6.1f} articles/s  cpu {cpu:7.1f} s  "
                  f"parallelism {cpu / secs:4.2f}  {events} events (model load {load:.1f} s, not counted)")
        for master in args.masters:
            secs, cpu, counts = time_spark(master, src, work / f"out-{master}", args.partitions)
            rates[master] = len(articles) / secs
            print(f"spark {master:<10} {secs:7.1f} s  {rates[master]:6.1f} articles/s  cpu {cpu:7.1f} s  "
                  f"parallelism {cpu / secs:4.2f}  {counts['events']} events, {counts['errors']} failed articles")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if "local[1]" in rates and "local[2]" in rates:
        speedup = rates["local[2]"] / rates["local[1]"]
        print(f"speed-up local[2] / local[1]: {speedup:.2f}x (goal >= {GOAL}x: "
              f"{'met' if speedup >= GOAL else 'NOT met'})")
    print(f"load average after: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
