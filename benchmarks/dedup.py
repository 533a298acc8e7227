"""Dedup benchmark: cluster N synthetic event reports and print time, memory and how well the clusters match
the synthetic truth (pairwise precision and recall). Goal (issue 13): a dedup of 1,000,000 reports in <= 60 s.

    .venv/bin/python benchmarks/dedup.py                 # 1,000,000 reports
    .venv/bin/python benchmarks/dedup.py --n 100000 --seed 7
    .venv/bin/python benchmarks/dedup.py --n 0 --store 100000 [--db URL]   # the store's path: load + run_dedup

The generator draws real-world events in conflict hotspots (a few dense cities per country, so blocks are
realistically crowded: many distinct events a day in one town), then has 1-4 outlets report each one with
the usual disagreements: the date off by a day, the place moved up to ~8 km or coded to the region, the
sub-event type confused (air strike vs shelling), an actor missing, a different death toll.

Measured (2026-11-25, 2-core VM, Python 3.11): 1,000,000 reports (500,049 true events) -> 508,829 clusters
in 30.8 s (30.8 s CPU; 86 s wall when the machine was shared with 7 other busy processes), peak RSS 1.2 GB
(0.5 GB of it the synthetic keys), pairwise precision 0.972, recall 0.941. Store path (--store 100000,
SQLite): add_events ~3,500 records/s, first run_dedup 25 s, a repeat run (nothing changed) 7.5 s.
With the stats rollups' triggers (migration 0008), 2026-12-06, load average ~9, side by side with the tree before
them (`--n 0 --store N`): SQLite 20,000 reports: add_events 938/s (1,765/s before), first run_dedup 11.7 s (9.6 s);
PostgreSQL 10,000 reports: add_events 2,485/s (1,110/s before), first run_dedup 3.8 s (6.6 s before; merges are
now one UPDATE ... FROM (VALUES) per batch). The clustering itself (the 1M figure above) is unchanged.

Bulk writes (storage/bulk.py), 2026-12-06, `--n 0 --store N`, load average 6-11 (shared 2-core VM). SQLite: each
add_events batch (2,000 records) and each run_dedup drop the rollups' row triggers inside their transaction and add
the touched rows to the rollups in grouped statements (re-creating the triggers from their stored SQL before the
commit), ids are given so a batch is one executemany (not a RETURNING statement per row), rows already pointing at
their event are not rewritten, and a cluster without reviews skips the review copy. PostgreSQL: loads by COPY (ids
from the sequence), dedup's regroup and refresh as one UPDATE ... FROM a COPY-filled temporary table per batch
(before: a VALUES list compiled as SQL text, and a statement per refreshed event, each running the statement trigger).

                                  add_events            run_dedup (first)     per report (load + dedup)
    SQLite 20,000, main (7637263)   636/s  (31.4 s)       23.0 s                2.72 ms
    SQLite 20,000, bulk             1,041/s (19.2 s)      16.4 s                1.78 ms
    SQLite 100,000, bulk            889/s  (112.5 s)      70.8 s (0.71 ms)      1.83 ms
    PostgreSQL 10,000, main         453/s  (22.1 s)       23.0 s                4.51 ms
    PostgreSQL 10,000, bulk         1,161/s (8.6 s)       10.4 s                1.90 ms
    PostgreSQL 50,000, bulk         1,564/s (32.0 s)      47.2 s (0.94 ms)      1.58 ms

The breakdown rollups (migration 0011: stats_day_type, stats_dyad_rollup) in bulk as well, 2026-12-06, SQLite 20,000
reports (`--n 0 --store 20000`), load average ~2.2, main (3f4edaa, their row triggers left on) and the change run
alternately, two runs each: add_events 2,597 / 2,552/s -> 3,051 / 2,884/s (7.7 / 7.8 s -> 6.6 / 6.9 s), first
run_dedup 5.9 / 5.6 s -> 5.3 / 5.2 s.

Goal (dedup of 1M reports <= 60 s) NOT met: at 0.7-0.9 ms a report, a first run_dedup of 1M would take ~12-16 min on
this busy machine. What is left is Python per report, not SQL: the clustering (the 1M figure above: 31 s CPU quiet),
merging each changed cluster's records (dedup.merge and Event.from_dict/to_dict, ~30% of run_dedup), reading the
rows and their JSON, and fitting each merged row to its columns. A repeat run with nothing new takes 0.0-0.3 s.

Where the time goes, 2026-12-06 (issue 13), same data (seed 1), clusters and stored rows/rollups compared by hash:
  * dedup.cluster, 1M reports: 29.8 s CPU (64.6 s wall, load ~7) -> 26.9 s CPU after its loop was trimmed (spans
    computed once, list lookups, neighbour cells without a set); 100k: 1.8 s CPU either way. Fits 60 s alone.
  * Store.run_dedup, SQLite, 100k reports (main and the change side by side, load ~2.5): 36 s wall, 26 s CPU
    (0.36 ms a report: ~6 min for 1M by linear extrapolation; 1M was not loaded, add_events alone is ~12 min).
    Under load ~8 the same run takes 150-170 s wall for ~30 s CPU. Per statement (100k, loaded machine): the
    regroup's UPDATE events SET merged_into 22 s, the rollups' grouped upserts ~55 s in all (subtract then add the
    ~77k touched rows), the refresh UPDATE 12 s, UPDATE event_sources 6 s; in Python (profile at 20k) the
    refresh's merge + Event from_dict/to_dict ~30%, fit_row/event_columns ~15%, JSON decode ~8%, cluster ~9%.
  * PostgreSQL, 50k reports: 22.6 s (0.45 ms a report, 5.5 s of it client CPU): the server's UPDATE ... FROM with
    the rollups' statement triggers dominates (10k: merged_into update 1.3 s, refresh update 0.7 s of 3.3 s).
  * Tried and dropped (no gain when measured side by side on a quiet machine): a 256 MB SQLite page cache for the
    regroup, writing clusters in row order. The goal needs the store path redesigned, not trimmed: e.g. not
    re-merging and re-writing whole JSON records of ~29% of the rows on a first dedup, and rollups computed once
    from the final rows instead of subtract + add.
  * Rollups rebuilt once (dedup_run.REBUILD_ROLLUPS_ABOVE: a run re-merging > 10,000 rows and >= 1/4 of the table;
    SQLite), 2026-12-06: the triggers dropped, the rollups emptied and counted afresh from all the events after the
    regroup, the triggers re-created, in the run's one transaction (smaller runs keep the touched-rows subtract +
    add). 100k reports loaded once (seed 1), copies deduped by main (4b65a77) and the change side by side; stored
    events, sources and non-zero rollup rows identical by hash. Wall / CPU: load ~3-4: 71.6 / 30.2 s -> 66.5 /
    26.1 s; load ~6-8: 160.3 / 31.9 s -> 141.0 / 27.4 s. Per statement (load ~7-11): the rollups' statements
    44.7 s -> 10.0 s in all (stats_actor_rollup 15.8 -> 3.4 s); the rest is as before (UPDATE events SET
    merged_into 20-28 s, refresh UPDATE 5-9 s, UPDATE event_sources 5-7 s). Goal still not met: Python per report
    (~26 s CPU for 100k) is what is left.
  * Set-based writes (dedup_run.SET_UPDATES_ABOVE: a SQLite regroup moving > 1,000 reports), 2026-12-06: the
    sources' event ids, merged_into and the re-merged records written by one UPDATE ... FROM a temporary table
    (filled by one executemany) instead of an UPDATE per row; Record.from_dict/to_dict walk a per-class plan
    (the refresh's Event round trip per changed cluster: -30%). 100k reports (seed 1) loaded once, copies deduped
    by main (2d771d9) and the change; stored events, sources, rollups and triggers identical by hash. Wall / CPU:
    one after the other, load 5-11: 77.9 / 25.2 s and 122.8 / 25.4 s -> 46.8 / 21.7 s (set writes only) and
    48.4 / 21.0 s; side by side at the same time (load ~10-11, disk shared): 297.1 / 26.7 s -> 242.1 / 23.2 s;
    alternating main, change, main, change (load 5-8): 69.0 / 24.5, 74.9 / 21.4, 31.4 / 22.6, 21.7 / 19.6 s.
    Tried and dropped: the temporary table's rows sorted by id (22.2 / 20.8 s CPU vs 21.5 / 21.3 s unsorted).
    Per statement (one after the other): UPDATE events SET merged_into 7.1-13.3 s -> 4.4 s, the refresh's UPDATE
    6.5-9.3 s -> 3.8 s, UPDATE event_sources 1.8-3.3 s -> 1.1 s. CPU -15%: goal still NOT met. At 100k the CPU
    left (~21 s, profile): SQLite's own work ~45% (the rollups' rebuild, the two UPDATE ... FROM with their index
    upkeep: merged_into is in two wide indexes), clustering ~10%, the refresh's Event round trip ~10%, JSON
    decoding of the sources ~5%, fit_row/event_columns ~8%. 1M was not loaded (add_events alone ~25 min here);
    by linear extrapolation a first run_dedup of 1M is ~210 s CPU. Not done: a merge on plain dicts skipping the
    round trip. It gives the same record only when every source record is a fixed point of Event.from_dict/
    to_dict; this benchmark's sparse records are not (the round trip adds the actors' and places' missing keys),
    records of older versions need not be, and checking each source costs about what the round trip saves.
  * Indexes dropped around a rebuilding run (SQLite, a run that rebuilds the rollups: > 10,000 rows re-merged and
    >= 1/4 of the table), 2026-12-07: the events table's nine secondary indexes are dropped before the regroup and
    re-created once each from their stored SQL afterwards (bulk.indexes_dropped; in the run's transaction, so no
    reader sees them gone and a crash rolls the drop back); the emptied rollups are filled with their secondary
    indexes dropped too, from a narrow temporary copy of the counted rows' rollup columns (not seven scans of
    the wide rows with their JSON). In Python: fit_row chooses each column's converter once per table, Column
    splits its path once, the temporary table's rows are built column by column. Profile first (100k, CPU
    profiler): refresh ~55% (merge and its Event round trip 18%, fit_row 8%, event_columns 5%, JSON decoding
    5%, binding 5%), SQL statements 17%, clustering 18%. 100k reports (seed 1) loaded once, copies deduped
    by main (e96217c) and the change alternately (load 12-16); stored events, sources, rollups, indexes and
    triggers identical by hash. Wall / CPU: main 132.2 / 22.2 s and 111.8 / 22.0 s; change 78.2 / 18.3 s and
    114.6 / 19.7 s (CPU -14%). Per statement (CPU): the UPDATE of merged_into 2.0 -> 0.6 s, the refresh's
    UPDATE 1.9 -> 0.7 s (each + ~0.1 s per index built again), the rollups' rebuild 4.8 -> ~2.7 s (+ ~0.5 s of
    index builds). PostgreSQL (10,000 reports, eventwire_ci): run_dedup 25.4 s wall / 1.1 s client CPU (main)
    vs 22.0 / 1.1 s: no regression (its paths are not changed but for fit_row). Goal still NOT met: ~19 s CPU
    for 100k extrapolates to ~190 s for 1M (+ the clustering's superlinear share: 27 s CPU at 1M alone). What
    is left is Python per re-merged event (merge and the Event round trip, fitting, JSON both ways: ~60% of
    the CPU) and the clustering; the next step is a merge that needs no Event round trip, or the refresh of
    large runs split across processes by country (clusters never cross countries).
  * The garbage collector paused (collector.paused: through dedup.cluster and the whole of Store.run_dedup, switched
    back as it was after), the reports read through Core, no review look-ups when no review is stored,
    2026-12-07. Timing each phase by CPU (not cProfile, whose per-call cost inflated the many small calls) showed
    the Python per event smaller than the profiles said: at 20k, merge 0.30 s, JSON decoding 0.37 s, clustering
    0.33 s of 3.3 s, SQL statements 1.3 s; the cyclic collector, walking all live objects every few thousand
    allocations of keys, clusters and decoded records, was ~15-20% of the CPU. 100k reports (seed 1) loaded once,
    copies deduped by main (587eed0) and the change alternately (load 5-12); stored events, sources, rollups,
    indexes and triggers identical by hash. First run_dedup CPU: main 17.7, 18.4, 17.2, 17.1 s; Core read and
    reviews skipped 16.9, 17.0 s; with the collector paused 14.6, 13.8 s (-20%). 20k: 3.3 -> 2.8 s. Clustering
    alone (this script's default, 1M, two pairs): 25.7 / 23.9 -> 22.3 / 17.4 s CPU, the same clusters, precision
    and recall, peak RSS 1.15 GB either way; 300k: 6.5 / 6.2 -> 4.9 / 4.6 s. Where the 13.3 s CPU of a 100k run go now: SQL statements
    6.3 s (the rollups' rebuild 2.4 s, index builds ~1.5 s, the refresh's UPDATE 0.7 s), merge 1.3 s, clustering 1.0 s,
    JSON decoding 0.6 s, the rest (SQLAlchemy, fitting, temporary tables' rows, JSON encoding) ~4 s. A 1M first
    run_dedup extrapolates to ~140 s CPU: goal still NOT met. Not done: the singleton shortcut (a first dedup
    re-merges no cluster of one report: every changed cluster has >= 2, since each report starts as its own
    event; a one-report cluster is refreshed only when a later run splits a cluster) and skipping unchanged JSON
    (every record a first dedup refreshes is a merge of several). Not measured on PostgreSQL (no database of
    this helper's own; its path changes only by the Core read and the paused collector).
  * 2026-12-07 (dedup4): the sources' JSON decoded by storage/json_text.loads on SQLite (orjson, falling back to
    json.loads per row for NaN/Infinity, lone surrogates and 19-digit numbers, where the two would differ), the
    dates read as their ISO text; dedup.merge weighs each record's confidence once; the set-based refresh writes
    10 batches per UPDATE ... FROM; and the reports clustered a chunk of whole countries at a time (the read
    ordered by country, dedup_run.CHUNK_REPORTS = 50,000; clusters never cross countries), so only one chunk's rows
    and keys (~3 KB a report) are held. Stored events, sources, rollups, schema identical by hash to main
    (5f945c6) at 100k and 300k (seed 1). First run_dedup, SQLite, CPU: 100k quiet (load < 5): main 14.8 / 14.1 s,
    without the chunking 13.1 / 13.7 s; alternating under load 10-13: main 17.9 / 17.8 s, change 15.5 / 16.2 s
    (-11%). Peak RSS 100k 603 -> 537 MB; 300k 1,578 MB (main) / 1,599 MB (before chunking) -> 1,184 MB. 300k CPU:
    main 47.2 s, before chunking 45.4 s (load ~8), chunked 50.8 s (load ~13: not comparable). PostgreSQL 10,000
    (own database): run_dedup 7.7 / 13.4 / 13.3 s wall (main) vs 11.1 / 10.5 / 13.4 s, client CPU 3.1-3.3 s either
    way: no change beyond noise. Goal still NOT met: ~13-14 s CPU per 100k quiet, ~150 s for 1M by the 300k
    figure (a little superlinear). Left, per 100k (quiet): SQL ~6.5 s (rollups' rebuild ~2.4 s, the set UPDATEs
    ~1.3 s, index builds ~1.5 s), clustering ~1.1 s, merge ~1.3 s, make_key 0.3 s, fitting and columns 0.5 s, JSON
    encoding 0.3 s. Not tried: orjson for the stored JSON (its text differs from json.dumps': stored bytes change).
  * 2026-12-08 (dedupstore), main 3fac3f3, 100k (seed 1; 98,000-100,000 rows), the machine at load 8-19 (CPU time
    here is ~2.7x the quiet figures above: compare only runs made side by side). Loading the 100k store took 12.8
    min wall (105 s CPU); a 1M store was not loaded (its load alone extrapolates to 2+ hours here), so no 1M
    run_dedup was measured. First run_dedup of main: 35.7 / 37.3 s CPU, 429 / 618 s wall, peak RSS 531 MB
    (51,457 events, 28,509 clusters re-merged); a repeat run 0.1 s; at load ~3.5: 41.0 s wall, 26.5 s CPU. The
    clustering alone at 1M (this script's default, main, load 15-20): 51.7 s CPU, 655 s wall, peak RSS 1,148 MB,
    508,829 clusters, precision 0.9720, recall 0.9410 (as before). Per statement and phase (CPU, load 8-13, 37.3 s
    in all): SQL 18.0 s -- the rollups' rebuild ~7 s (stats_actor_rollup 2.6, stats_dyad_rollup 1.6, stats_rollup
    1.4, stats_dyad_total 0.7, stats_bin_type 0.4), CREATE INDEX of the dropped events and rollups indexes ~3 s,
    the refresh's UPDATE 1.8 s, merged_into 1.2 s, dedup_pending cleared on every source 0.9 s, the sources'
    event_id 0.85 s, the refresh's reads 0.5 s; Python -- merge 4.4 s (the Event from_dict/to_dict round trip is
    60 of its 154 us for a 3-report cluster), clustering 2.0 s, orjson decoding 1.1 s, fit_row 0.9 s,
    event_columns 0.8 s, make_key 0.75 s, update_rows_sqlite's own Python (JSON encoding, rows by column) ~1.5 s.
    No statement or function is over a fifth of the run: no trim reaches 60 s for 1M (~2.5x less CPU needed).
    Tried and dropped: the connection's page cache raised for the transaction of a rebuilding run (PRAGMA
    cache_size, so that the sorts of the GROUP BYs and CREATE INDEXes stay in memory; put back after). Side by
    side with main, stored events and sources identical by hash: 256 MB + PRAGMA threads = 2: 35.7 -> 33.7 s CPU,
    429 -> 397 s wall, RSS 531 -> 840 MB; 64 MB: 37.3 -> 37.6 s CPU, RSS 531 -> 659 MB. Alone, the nine events
    index builds of the 100k table: 1.61 / 1.56 s CPU at the 2 MB default, 1.45 / 1.45 s at 64 MB, 1.47 / 1.59 s
    at 256 MB: ~0.1 s of a ~14 s (quiet) run, for 130-300 MB more RSS. Also dropped: clearing dedup_pending in the
    same UPDATE that sets the moved sources' event_id (one rewrite of a moved row, not two): 49,000 moved of 100k,
    three rounds each, 1.50 / 1.26 / 1.24 s CPU in two passes vs 1.38 / 1.18 / 1.41 s folded (noise). What is
    left is spread over rollups, index builds, row rewrites and Python per re-merged cluster, so the goal needs
    work done in parallel, not less work in one process: clusters never cross countries, so the clustering and
    the refresh's Python (merge, fitting, JSON both ways: ~30% of the CPU) can run per country in a second
    process while the writer applies the previous chunk's rows (SQLite has one writer but any number of
    readers: the sources' records do not change during a run, so a worker may read them through its own
    connection's snapshot).
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from collections import Counter, defaultdict
from math import comb
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from eventwire import dedup  # noqa: E402

TYPES = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Air/drone strike"),
         ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
         ("Explosions/Remote violence", "Remote explosive/landmine/IED"), ("Violence against civilians", "Attack"),
         ("Protests", "Peaceful protest"), ("Riots", "Violent demonstration"), ("Strategic developments", "Arrests")]
CONFUSE = {"Air/drone strike": "Shelling/artillery/missile attack",
           "Shelling/artillery/missile attack": "Air/drone strike"}
ACTORS = [f"Group {i}" for i in range(60)] + ["Islamic State", "Military Forces of Syria", "Civilians", "Police"]


def make_world(rng: random.Random, countries: int = 40, cities_per_country: int = 25):
    world = []
    for c in range(countries):
        iso = f"C{c:02d}"
        lat0, lon0 = rng.uniform(-35, 55), rng.uniform(-15, 120)
        cities = []
        for k in range(cities_per_country):
            cities.append((lat0 + rng.uniform(-4, 4), lon0 + rng.uniform(-4, 4), f"{iso}-R{k % 8}"))
        world.append((iso, cities))
    return world


def synthesize(n_reports: int, seed: int = 1):
    rng = random.Random(seed)
    world = make_world(rng)
    heavy = [w for w in world[:8] for _ in range(5)] + world  # a few countries carry most of the violence
    start = 736330  # 2017-01-01 as an ordinal
    keys, truth, n_true = [], [], 0
    while len(keys) < n_reports:
        iso, cities = rng.choice(heavy)
        lat, lon, admin1 = rng.choice(cities)
        lat += rng.gauss(0, 0.05)
        lon += rng.gauss(0, 0.05)
        etype, sub = rng.choice(TYPES)
        day = start + rng.randrange(5 * 365)
        a1, a2 = rng.choice(ACTORS), rng.choice(ACTORS)
        article_base = n_true * 10
        for r in range(rng.choice((1, 1, 1, 2, 2, 3, 4))):
            if len(keys) >= n_reports:
                break
            region = rng.random() < 0.08
            keys.append(dedup.make_key(
                id=len(keys), article=article_base + r, event_type=etype,
                sub_event_type=CONFUSE.get(sub, sub) if rng.random() < 0.1 else sub, plover="ASSAULT",
                modality="asserted", date=None, date_precision="day",
                lat=lat + rng.gauss(0, 0.03), lon=lon + rng.gauss(0, 0.03), precision=3 if region else 1,
                country=iso, admin1=admin1, actor1=a1 if rng.random() > 0.15 else None,
                actor2=a2 if rng.random() > 0.3 else None))
            keys[-1].date = day + (rng.choice((-1, 1)) if rng.random() < 0.2 else 0)
            truth.append(n_true)
        n_true += 1
    return keys, truth, n_true


def pair_scores(clusters, truth):
    """Pairwise precision/recall of the clustering against the synthetic truth."""
    predicted_pairs = sum(comb(len(c.indices), 2) for c in clusters)
    true_sizes = Counter(truth)
    true_pairs = sum(comb(s, 2) for s in true_sizes.values())
    correct = 0
    for c in clusters:
        by_truth = Counter(truth[i] for i in c.indices)
        correct += sum(comb(s, 2) for s in by_truth.values())
    precision = correct / predicted_pairs if predicted_pairs else 1.0
    recall = correct / true_pairs if true_pairs else 1.0
    return precision, recall


def key_to_record(k) -> dict:
    """A SCHEMA record for a synthetic key (for the store benchmark)."""
    import datetime as dt

    return {"article_id": f"art{k.article}", "event_id": f"ev{k.id}", "event_type": k.event_type,
            "sub_event_type": k.sub_event_type, "plover": {"event": k.plover, "mode": None, "context": []},
            "actor1": {"name": k.actor1} if k.actor1 else None, "actor2": {"name": k.actor2} if k.actor2 else None,
            "assoc_actor1": [], "assoc_actor2": [], "location": {
                "name": "somewhere", "lat": k.lat, "lon": k.lon, "country": k.country, "admin1": k.admin1,
                "precision": k.precision},
            "date": dt.date.fromordinal(k.date).isoformat(), "date_precision": "day", "fatalities": k.id % 9,
            "modality": "asserted", "evidence": {"text": "synthetic", "start": 0, "end": 9}, "confidence": 0.6}


def store_benchmark(n: int, seed: int, db: str | None) -> None:
    import tempfile

    from eventwire.storage.store import Store

    keys, _, _ = synthesize(n, seed)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(db or f"sqlite:///{tmp}/bench.db")
        t0 = time.perf_counter()
        store.add_events(key_to_record(k) for k in keys)
        t1 = time.perf_counter()
        first = store.run_dedup()
        t2 = time.perf_counter()
        again = store.run_dedup()
        t3 = time.perf_counter()
        print(f"store              {store.safe_url}")
        print(f"add_events         {n:,} records in {t1 - t0:.1f} s ({n / (t1 - t0):,.0f}/s)")
        print(f"run_dedup (first)  {t2 - t1:.1f} s -> {first.events:,} events, {first.changed:,} merged")
        print(f"run_dedup (again)  {t3 - t2:.1f} s, {again.changed} changed")
        store.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1_000_000, help="number of event reports")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--store", type=int, default=0, help="also load this many reports into a store and dedup")
    ap.add_argument("--db", default=None, help="store URL for --store (default: a temporary SQLite file)")
    args = ap.parse_args()
    if args.store:
        store_benchmark(args.store, args.seed, args.db)
    if not args.n:
        return

    t0 = time.perf_counter()
    keys, truth, n_true = synthesize(args.n, args.seed)
    t1 = time.perf_counter()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    cpu1 = time.process_time()
    clusters = dedup.cluster(keys)
    t2 = time.perf_counter()
    cpu2 = time.process_time()
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    precision, recall = pair_scores(clusters, truth)
    sizes = Counter(len(c) for c in clusters)
    per_block = defaultdict(int)
    for k in keys:
        per_block[(k.country, k.date)] += 1

    print(f"reports            {len(keys):,}")
    print(f"true events        {n_true:,}")
    print(f"clusters           {len(clusters):,}  (sizes: " +
          ", ".join(f"{s}x{sizes[s]:,}" for s in sorted(sizes)[:6]) + ")")
    print(f"busiest country-day {max(per_block.values()):,} reports")
    print(f"generate           {t1 - t0:.1f} s")
    print(f"cluster            {t2 - t1:.1f} s wall, {cpu2 - cpu1:.1f} s CPU   "
          f"({len(keys) / (t2 - t1):,.0f} reports/s; "
          "goal <= 60 s for 1M)")
    print(f"peak RSS           {rss_after:,.0f} MB (before clustering {rss_before:,.0f} MB)")
    print(f"pair precision     {precision:.4f}")
    print(f"pair recall        {recall:.4f}")


if __name__ == "__main__":
    main()
