"""`eventwire spark dedup`: blocking, compatible pairs, connected components, then eventwire.dedup per component."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from eventwire import dedup
from eventwire.spark.common import ERROR_COLUMN, PARTITION_COLUMN, SparkJobError, _first_line, literal_path
from eventwire.spark.io import write_partitioned
from eventwire.spark.schema import conform, dedup_schema, partition_date, record_of

DRIVER_CC_MAX_EDGES = 2_000_000  # ~300 MB of Python tuples on the driver; beyond that, components in Spark
MAX_CC_ROUNDS = 64  # large-star / small-star needs O(log^2 n) rounds; this is far beyond any real graph


def block_entries(k: dedup.DedupKey) -> Iterator[tuple[tuple, tuple[bool, dedup.DedupKey]]]:
    """(block, (is_home, key)) for one report. A report is at home in the blocks of its own days and cell
    (and of its admin1 region); it probes the blocks of every day within slack and every cell within 25 km
    (a region-coded report probes its region instead). A probe meeting a home is a candidate pair; every
    compatible pair meets in at least one block (the same reach as dedup.cluster's own blocking)."""
    if not dedup._mergeable(k):
        return
    lo, hi = dedup.date_interval(k)
    for d in range(lo, hi + 1):
        if k.admin1 is not None:
            yield ("a", k.country, k.admin1, d), (True, k)
        if k.precision < 3:
            yield ("g", k.country, d) + dedup._cell(k.lat, k.lon), (True, k)
    days = range(lo - dedup.DAY_SLACK, hi + dedup.DAY_SLACK + 1)
    if k.precision >= 3:
        if k.admin1 is not None:
            for d in days:
                yield ("a", k.country, k.admin1, d), (False, k)
        return
    cells = dedup._neighbour_cells(k.lat, k.lon)
    for d in days:
        for ci, cj in cells:
            yield ("g", k.country, d, ci, cj), (False, k)


def block_edges(members: Iterable[tuple[bool, dedup.DedupKey]]) -> list[tuple[str, str]]:
    """A spanning forest (star edges root -> member) of the compatible pairs that meet in one block: the same
    connectivity as all pairs, with at most one edge per report."""
    homes, probes = [], []
    for is_home, k in members:
        (homes if is_home else probes).append(k)
    if not homes or not probes:
        return []
    forest = _Forest()
    for p in probes:
        for h in homes:
            if p.id != h.id and dedup.compatible_keys(p, h):
                forest.union(p.id, h.id)
    return [(root, x) for x, root in forest.roots() if root != x]


def connected_components(edges):
    """(node, component) for every node on an edge, component = the smallest node id in it. Large-star /
    small-star (Kiveris et al., 2014): O(log^2 n) rounds, each a few shuffles, no node ever holds more than its
    neighbourhood. Converged when the graph is a forest of stars (no centre is also a leaf)."""
    edges = edges.filter(lambda e: e[0] != e[1]).map(lambda e: (max(e), min(e))).distinct()
    for _ in range(MAX_CC_ROUNDS):
        edges = _small_star(_large_star(edges))
        edges.localCheckpoint()  # cut the lineage: every round would otherwise recompute all earlier ones
        if is_star_forest(edges):
            return edges  # (leaf, centre); centres themselves are not listed
    raise RuntimeError(f"connected components did not converge in {MAX_CC_ROUNDS} rounds")


def is_star_forest(edges) -> bool:
    """Every node is a leaf of at most one centre, and no centre is a leaf: one Spark job."""
    roles = edges.flatMap(lambda e: ((e[0], (1, False)), (e[1], (0, True))))
    merged = roles.reduceByKey(lambda a, b: (a[0] + b[0], a[1] or b[1]))
    return merged.filter(lambda kv: kv[1][0] > 1 or (kv[1][0] == 1 and kv[1][1])).isEmpty()


def _large_star(edges):
    """Every node links its larger neighbours to the smallest node of its neighbourhood."""
    def star(kv):
        u, nbrs = kv
        nbrs = set(nbrs)
        m = min(nbrs | {u})
        return [(v, m) for v in nbrs if v > u]
    both = edges.flatMap(lambda e: (e, (e[1], e[0])))
    return both.groupByKey().flatMap(star)  # duplicates are harmless: small-star reads neighbour sets


def _small_star(edges):
    """Every node links itself and its smaller neighbours to the smallest of them."""
    def star(kv):
        u, nbrs = kv
        group = set(nbrs) | {u}
        m = min(group)
        return [(v, m) for v in group if v != m]
    return edges.map(lambda e: (max(e), min(e))).groupByKey().flatMap(star).distinct()


def _cluster_component(keys: Iterable[dedup.DedupKey]) -> list[tuple[str, tuple[str, int]]]:
    """(report id, (cluster id, position in the cluster)) by eventwire.dedup.cluster; cluster id = the report
    visited first (its earliest, then smallest id)."""
    out = []
    for c in dedup.cluster(list(keys)):
        for pos, rid in enumerate(c.ids):
            out.append((rid, (c.ids[0], pos)))
    return out


def _records(df):
    """(event_id, SCHEMA record) for every event row (error rows dropped; one row per event_id)."""
    from eventwire.records import Event

    cols = [c for c in df.columns if c != PARTITION_COLUMN]
    if ERROR_COLUMN in df.columns:
        df = df.where(df[ERROR_COLUMN].isNull())

    def to_record(row):
        rec = record_of(row.asDict(recursive=True))
        if not rec.get("event_id"):
            rec["event_id"] = Event.from_dict(rec).event_id
        return rec["event_id"], rec
    return df.select(*cols).rdd.map(to_record).reduceByKey(lambda a, b: a if a["article_id"] <= b["article_id"] else b)


class _Forest:
    """Union-find whose roots are the smallest ids, so a component is named the same whichever way it is built."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        parent = self.parent
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]  # path halving
            x = parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def roots(self) -> list[tuple[str, str]]:
        """(node, its component's root) for every node seen."""
        return [(x, self.find(x)) for x in list(self.parent)]


def union_find_components(edges: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """(leaf, centre) like connected_components, on the driver: for edge lists that fit in its memory."""
    forest = _Forest()
    for a, b in edges:
        forest.union(a, b)
    return [(x, root) for x, root in forest.roots() if root != x]


def cluster_assignments(records, driver_edges: int = DRIVER_CC_MAX_EDGES):
    """(event_id, (cluster id, position)) for every record of an RDD of (event_id, record). The components
    come from union-find on the driver when there are at most `driver_edges` edges (one job, a bounded
    amount of memory), else from large-star / small-star in Spark."""
    keys = records.map(lambda kv: (kv[0], dedup.key_of(kv[1]))).cache()
    edges = keys.values().flatMap(block_entries).groupByKey().flatMap(lambda kv: block_edges(kv[1])).cache()
    if edges.count() <= driver_edges:
        sc = records.context
        leaf_centre = sc.parallelize(union_find_components(edges.collect()), max(1, sc.defaultParallelism))
    else:
        leaf_centre = connected_components(edges)
    component = keys.leftOuterJoin(leaf_centre).map(lambda kv: (kv[1][1] or kv[0], kv[1][0]))
    return component.groupByKey().flatMap(lambda kv: _cluster_component(kv[1]))


def merged_row(cluster_id: str, members: Iterable[tuple[int, dict]]) -> dict[str, Any]:
    """The dedup output row of one cluster: dedup.merge over its reports in visit order, plus provenance."""
    recs = [r for _, r in sorted(members, key=lambda m: m[0])]
    row = record_of(dedup.merge(recs).to_dict())
    row["cluster_id"] = cluster_id
    row["source_count"] = len({r.get("article_id") for r in recs})
    row["sources"] = [{"article_id": r.get("article_id"), "event_id": r.get("event_id")} for r in recs]
    row[PARTITION_COLUMN] = partition_date(row.get("date"))
    return row


def dedup_dataframe(spark, events_df, driver_edges: int = DRIVER_CC_MAX_EDGES):
    """The merged events (lazy DataFrame) of extraction output or any table of SCHEMA records."""
    records = _records(events_df).cache()
    assigned = cluster_assignments(records, driver_edges)
    grouped = assigned.join(records).map(lambda kv: (kv[1][0][0], (kv[1][0][1], kv[1][1]))).groupByKey()
    schema = dedup_schema()
    rows = grouped.map(lambda kv: conform(merged_row(kv[0], kv[1]), schema))
    return spark.createDataFrame(rows, schema, verifySchema=False)


def run_dedup(spark, events_path: str, output: str, overwrite: bool = False) -> dict[str, int]:
    """`eventwire spark dedup`: read records (Parquet), write merged events; {reports, events} counted."""
    from pyspark.errors import AnalysisException
    from pyspark.sql import functions as F

    try:
        df = spark.read.parquet(events_path)
    except AnalysisException as exc:
        raise SparkJobError(f"cannot read {events_path}: {_first_line(exc)}") from None
    missing = {"article_id", "event_id", "date", "location"} - set(df.columns)
    if missing:
        raise SparkJobError(f"{events_path} is not a table of event records (no {', '.join(sorted(missing))})")
    try:
        write_partitioned(dedup_dataframe(spark, df), output, overwrite)
    except AnalysisException as exc:
        raise SparkJobError(f"cannot write {output}: {_first_line(exc)}") from None
    try:
        done = spark.read.parquet(literal_path(output))
    except AnalysisException as exc:
        if "UNABLE_TO_INFER_SCHEMA" in str(exc):
            return {"events": 0, "reports": 0}
        raise SparkJobError(f"cannot read back {output}: {_first_line(exc)}") from None
    row = done.agg(F.count(F.lit(1)).alias("events"), F.sum("source_count").alias("reports")).first()
    return {"events": int(row["events"] or 0), "reports": int(row["reports"] or 0)}
