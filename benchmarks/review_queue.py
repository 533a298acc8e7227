"""The review queue over a large SQLite store: the first page (lowest confidence first), a page deep in the queue,
the counts of the progress line, a country's queue, and GET /api/review/queue as the dashboard asks it.

    .venv/bin/python benchmarks/review_queue.py                     # 200,000 events, 20,000 of them reviewed
    .venv/bin/python benchmarks/review_queue.py --events 1000000 --reviewed 100000 --runs 5

The events are benchmarks/api.py's synthetic ones (built once into benchmarks/out/, then reused), given random
confidences; the reviews are written with sqlite3 directly (half of them today's, by the reviewer measured).
Goal: the first page and the counts in well under a second for the dashboard.

Measured (2026-12-06, 2-core VM shared with other engineers' jobs: every figure inflated), 200,000 events, 20,000
reviewed, 7 runs each:

    query                                      p50 ms   max ms
    queue: first 50, lowest confidence            6.9     11.3   (1659 before the index on confidence)
    queue: 50 after 20,000 (cursor)               7.5     11.4
    queue: one country, first 50                 84.4     87.3   (the country's events sorted by confidence)
    queue: by country, first 50                 863.2   1039.0   (every unreviewed event sorted: the weak point)
    count: unreviewed, everything               353.5    403.5   (2119 as a NOT EXISTS per event)
    count: unreviewed, one country              275.3    311.8
    count: reviewed today by one                 69.1    110.5   (2792 as an EXISTS per event)
    GET /api/review/queue (page + counts)       574.7    703.9   (5660 before)
    GET /api/review/queue?country=SYR           953.8   1640.1

The page walks the index on (confidence, id) and stops after 50 unreviewed events; the counts are the matching
events (covering indexes, as /api/stats) less the reviewed ones, read from the reviews (so they grow with the
reviews, not the events). Grouping by country or type sorts the whole selection: filter by a country first.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sqlite3
import statistics
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from api import OUT, build  # noqa: E402


def prepare(n: int, reviewed: int) -> Path:
    path = OUT / f"review-queue-{n}-{reviewed}.db"
    if path.exists():
        return path
    base = OUT / f"review-queue-{n}.building.db"
    base.unlink(missing_ok=True)
    build(base, n)
    rng = random.Random(11)
    con = sqlite3.connect(base)
    con.executemany("UPDATE events SET confidence = ? WHERE id = ?",
                    ((round(rng.uniform(0.05, 0.99), 3), i) for i in range(1, n + 1)))
    today = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    old = today - dt.timedelta(days=30)
    rows = []
    for k, event_id in enumerate(rng.sample(range(1, n + 1), reviewed), 1):
        when = (today if k % 2 else old).isoformat(sep=" ")
        status = "rejected" if k % 10 == 0 else "accepted"
        rows.append((k, event_id, "event", None, None, "bench" if k % 3 else "other", status,
                     "synthetic" if status == "rejected" else None, when, k))
    con.executemany("INSERT INTO reviews (id, event_id, field, old_value, new_value, reviewer, status, comment, "
                    "created_at, action_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    con.execute("UPDATE events SET status = 'rejected' WHERE id IN (SELECT event_id FROM reviews "
                "WHERE status = 'rejected')")
    con.execute("ANALYZE")
    con.commit()
    con.close()
    base.rename(path)
    return path


def timed(fn, runs: int) -> tuple[float, float]:
    fn()  # warm the page cache
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), max(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--reviewed", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    from eventwire.serve.app import create_app
    from eventwire.storage.store import Store

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    store = Store(f"sqlite:///{prepare(args.events, args.reviewed)}")
    deep = store.review_queue(limit=1000)[1]
    for _ in range(19):
        deep = store.review_queue(after=deep, limit=1000, with_sources=False)[1]
    token = store.create_token("bench", role="reviewer")
    client = TestClient(create_app(store=store))
    headers = {"Authorization": f"Bearer {token}"}
    cases = [
        ("queue: first 50, lowest confidence", lambda: store.review_queue(limit=50)),
        ("queue: 50 after 20,000 (cursor)", lambda: store.review_queue(after=deep, limit=50)),
        ("queue: one country, first 50", lambda: store.review_queue(limit=50, country="NGA")),
        ("queue: by country, first 50", lambda: store.review_queue(limit=50, order="country")),
        ("count: unreviewed, everything", lambda: store.count_queue()),
        ("count: unreviewed, one country", lambda: store.count_queue(country="NGA")),
        ("count: reviewed today by one", lambda: store.reviewed_today("bench")),
        ("GET /api/review/queue (page + counts)", lambda: client.get("/api/review/queue", headers=headers)),
        ("GET /api/review/queue?country=SYR", lambda: client.get("/api/review/queue?country=SYR", headers=headers)),
    ]
    print(f"{args.events:,} events, {args.reviewed:,} reviewed, {args.runs} runs each")
    print(f"    {'query':40s} {'p50 ms':>8s} {'max ms':>8s}")
    for label, fn in cases:
        p50, worst = timed(fn, args.runs)
        print(f"    {label:40s} {p50:8.1f} {worst:8.1f}")
    store.close()


if __name__ == "__main__":
    main()
