"""eventwire on Apache Spark: the same extraction and dedup over millions of articles.

    eventwire spark extract articles.jsonl events/ [--master local[*]]     # or Parquet in, any Spark path
    eventwire spark dedup events/ deduped/
    eventwire load events/ --db eventwire.db                               # into the store (no Spark needed)
    spark-submit --py-files eventwire.zip -m eventwire.spark extract IN OUT  (see the README)

Extraction runs `Pipeline.pipe` (the code path of `eventwire extract`) over each partition; one Pipeline per
Python worker process, cached in a module global, so the spaCy model and the lexicons load once per executor
worker, never per article or per task. Every article that cannot be processed becomes one row with `error`
set (and nothing else but `article_id`), so a bad article never fails the job. The output is Parquet with one
row per SCHEMA record plus `error`, partitioned by `event_date` (the record's `date`; undated events and error
rows land in Spark's null partition, `event_date=__HIVE_DEFAULT_PARTITION__`).

Dedup reproduces `eventwire.dedup.cluster` exactly. That clustering is greedy complete linkage in (date, id)
order, which is sequential, so Spark cannot simply take connected components of similar pairs (chains of
near-misses would snowball). Instead it cuts the problem into independent pieces: blocking by (country, day,
0.25-degree cell) and (country, admin1, day) finds every pair of reports that `dedup.compatible_keys`
accepts; the connected components of that graph (union-find on the driver for up to 2M edges, else
large-star / small-star in Spark) cannot influence each other, because a report only ever joins a cluster
whose every member is compatible with it, i.e. a cluster inside its own component. `dedup.cluster` then runs per component, and
`dedup.merge` builds each cluster's record, so the clusters and records equal the single-machine ones.

The RDD API is used (PySpark classic, not Spark Connect): rows become the same Python dicts the rest of
eventwire exchanges, and no pandas is needed on the executors.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from eventwire import dedup

try:  # pyspark is the optional extra eventwire[spark]; `load` and the record helpers work without it
    import pyspark
    from pyspark.sql import types as T
except ImportError:  # pragma: no cover - exercised only without the extra
    pyspark = None
    T = None

INSTALL_HINT = "Spark support needs pyspark and Java 17+: install eventwire[spark] (pip install 'eventwire[spark]')"
PARTITION_COLUMN = "event_date"
ERROR_COLUMN = "error"
INPUT_FIELDS = ("id", "text", "published", "title", "url", "source")
TASKS_PER_CORE = 3  # small input files are one Spark split: re-spread them so every core has work
ARTICLES_PER_TASK = 2000  # when the input is large: tasks short enough to retry cheaply, long enough to amortise
DRIVER_CC_MAX_EDGES = 2_000_000  # ~300 MB of Python tuples on the driver; beyond that, components in Spark
MAX_CC_ROUNDS = 64  # large-star / small-star needs O(log^2 n) rounds; this is far beyond any real graph


# local mode on a laptop or a CI box: few shuffle partitions, no web UI, no console progress bar
LOCAL_CONF = {"spark.sql.shuffle.partitions": str(max(4, 2 * (os.cpu_count() or 2))), "spark.ui.enabled": "false",
              "spark.ui.showConsoleProgress": "false", "spark.driver.memory": "2g",
              "spark.sql.session.timeZone": "UTC"}


class SparkUnavailable(RuntimeError):
    """pyspark or Java is missing; the message says what to install."""


class SparkJobError(RuntimeError):
    """A Spark job cannot run on this input (missing path, unknown format, no text column, ...)."""


def require_pyspark() -> None:
    if pyspark is None:
        raise SparkUnavailable(INSTALL_HINT)


# ---------------------------------------------------------------------------------------------------------
# Schemas: the SCHEMA record as Spark types (nested structs, arrays of actors)
# ---------------------------------------------------------------------------------------------------------
def _actor_type():
    return T.StructType([
        T.StructField("name", T.StringType()), T.StructField("text", T.StringType()),
        T.StructField("country", T.StringType()), T.StructField("sector", T.StringType()),
        T.StructField("inter", T.IntegerType()), T.StructField("cameo", T.StringType()),
        T.StructField("known", T.BooleanType()),
    ])


def _place_type():
    return T.StructType([
        T.StructField("name", T.StringType()), T.StructField("lat", T.DoubleType()),
        T.StructField("lon", T.DoubleType()), T.StructField("country", T.StringType()),
        T.StructField("text", T.StringType()), T.StructField("geonameid", T.LongType()),
        T.StructField("admin1", T.StringType()), T.StructField("precision", T.IntegerType()),
        T.StructField("feature", T.StringType()),
    ])


def record_fields() -> list:
    """The fields of Event.to_dict(), in its order, as Spark fields."""
    require_pyspark()
    actor = _actor_type()
    return [
        T.StructField("article_id", T.StringType()), T.StructField("event_id", T.StringType()),
        T.StructField("event_type", T.StringType()), T.StructField("sub_event_type", T.StringType()),
        T.StructField("plover", T.StructType([
            T.StructField("event", T.StringType()), T.StructField("mode", T.StringType()),
            T.StructField("context", T.ArrayType(T.StringType()))])),
        T.StructField("cameo", T.StringType()),
        T.StructField("actor1", actor), T.StructField("actor2", actor),
        T.StructField("assoc_actor1", T.ArrayType(actor)), T.StructField("assoc_actor2", T.ArrayType(actor)),
        T.StructField("location", _place_type()),
        T.StructField("date", T.StringType()), T.StructField("date_precision", T.StringType()),
        T.StructField("date_text", T.StringType()), T.StructField("fatalities", T.IntegerType()),
        T.StructField("fatalities_text", T.StringType()), T.StructField("modality", T.StringType()),
        T.StructField("evidence", T.StructType([
            T.StructField("text", T.StringType()), T.StructField("start", T.IntegerType()),
            T.StructField("end", T.IntegerType())])),
        T.StructField("confidence", T.DoubleType()), T.StructField("trigger", T.StringType()),
        T.StructField("trigger_start", T.IntegerType()), T.StructField("same_as", T.StringType()),
    ]


def event_schema():
    """`spark extract` output: a SCHEMA record per row, `error` for articles that failed, `event_date`."""
    return T.StructType(record_fields() + [T.StructField(ERROR_COLUMN, T.StringType()),
                                           T.StructField(PARTITION_COLUMN, T.StringType())])


def dedup_schema():
    """`spark dedup` output: one merged record per event, with the reports it was merged from."""
    source = T.StructType([T.StructField("article_id", T.StringType()), T.StructField("event_id", T.StringType())])
    return T.StructType(record_fields() + [
        T.StructField("cluster_id", T.StringType()), T.StructField("source_count", T.IntegerType()),
        T.StructField("sources", T.ArrayType(source)), T.StructField(PARTITION_COLUMN, T.StringType())])


def record_names() -> list[str]:
    return [f.name for f in record_fields()]


# ---------------------------------------------------------------------------------------------------------
# Rows <-> records (pure: unit-tested without Spark)
# ---------------------------------------------------------------------------------------------------------
def event_row(record: dict[str, Any]) -> dict[str, Any]:
    """One output row from a SCHEMA record: the record, no error, partitioned by its date."""
    row = dict(record)
    row[ERROR_COLUMN] = None
    row[PARTITION_COLUMN] = partition_date(record.get("date"))
    return row


def error_row(article_id: str, message: str) -> dict[str, Any]:
    return {"article_id": article_id, ERROR_COLUMN: message, PARTITION_COLUMN: None}


def partition_date(value: Any) -> str | None:
    """`YYYY-MM-DD` or None: a malformed date must not create a stray partition directory."""
    if not isinstance(value, str) or len(value) < 10:
        return None
    import datetime as dt

    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def conform(value: Any, dtype: Any) -> Any:
    """A Python value shaped to a Spark type (structs as tuples, numbers of the declared kind), so an int
    latitude or a float count can never fail a task; a value that cannot be converted becomes null."""
    if value is None:
        return None
    if isinstance(dtype, T.StructType):
        get = value.get if isinstance(value, dict) else (lambda n: getattr(value, n, None))
        return tuple(conform(get(f.name), f.dataType) for f in dtype.fields)
    if isinstance(dtype, T.ArrayType):
        return [conform(v, dtype.elementType) for v in value] if isinstance(value, (list, tuple)) else None
    try:
        if isinstance(dtype, (T.IntegerType, T.LongType)):
            return int(value)
        if isinstance(dtype, T.DoubleType):
            return float(value)
        if isinstance(dtype, T.BooleanType):
            return bool(value)
    except (TypeError, ValueError):
        return None
    if isinstance(dtype, T.StringType) and not isinstance(value, str):
        return str(value)
    return value


def record_of(row: dict[str, Any]) -> dict[str, Any]:
    """The SCHEMA record of an output row (a Row.asDict(recursive=True) or a pyarrow row dict)."""
    names = record_names() if pyspark is not None else None
    rec = {k: v for k, v in row.items() if k not in (ERROR_COLUMN, PARTITION_COLUMN, "cluster_id", "source_count",
                                                     "sources")}
    if names is not None:
        rec = {k: rec.get(k) for k in names}
    for side in ("assoc_actor1", "assoc_actor2"):
        if rec.get(side) is None:
            rec[side] = []
    plover = rec.get("plover")
    if isinstance(plover, dict) and plover.get("context") is None:
        plover["context"] = []
    return rec


def _short_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def article_from_line(line: str, file: str) -> dict[str, Any] | tuple[str, str] | None:
    """One JSON line -> an article dict for Pipeline.pipe, (article_id, error) when it is not one, or None for a
    blank line. Spark has no line numbers, so an article without an id is named `<file stem>:<text hash>`."""
    if not line.strip():
        return None
    stem = Path(file.rstrip("/")).name.split(".")[0] or "input"
    fallback = f"{stem}:{_short_hash(line)}"
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return fallback, f"not a JSON line: {exc}"
    if not isinstance(obj, dict):
        return fallback, "an article must be a JSON object"
    if obj.get("id") is None:
        obj["id"] = f"{stem}:{_short_hash(str(obj.get('text')))}"
    return obj


def article_from_row(row: dict[str, Any], file: str = "") -> dict[str, Any]:
    """A Parquet/table row -> an article dict; ids and dates of any column type become strings."""
    art = {k: row.get(k) for k in INPUT_FIELDS if row.get(k) is not None}
    if "published" in art and not isinstance(art["published"], str):
        art["published"] = art["published"].isoformat()
    if "id" in art:
        art["id"] = str(art["id"])
    else:
        stem = Path(file.rstrip("/")).name.split(".")[0] or "input"
        art["id"] = f"{stem}:{_short_hash(str(art.get('text')))}"
    return art


# ---------------------------------------------------------------------------------------------------------
# Extraction on the executors
# ---------------------------------------------------------------------------------------------------------
_PIPELINES: dict[Any, Any] = {}  # (model,) -> Pipeline: one per Python worker process, reused across tasks


def executor_pipeline(model: str | None):
    """The worker's Pipeline, built and loaded on first use (Spark reuses Python workers across tasks)."""
    from eventwire.extraction.pipeline import Pipeline

    p = _PIPELINES.get(model)
    if p is None:
        p = Pipeline(model=model, workers=1)
        p.nlp  # noqa: B018 - load the model and the lexicons now, once
        _PIPELINES[model] = p
    return p


def extract_items(items: Iterable[Any], model: str | None = None, pipeline: Any = None) -> Iterator[dict]:
    """Output rows for a stream of inputs: article dicts, or (article_id, error) pairs for unreadable ones.
    Articles go through Pipeline.pipe in the order given; nothing an article does can stop the others."""
    pipeline = pipeline or executor_pipeline(model)
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= pipeline.batch_size:
            yield from _extract_chunk(pipeline, chunk)
            chunk = []
    if chunk:
        yield from _extract_chunk(pipeline, chunk)


def _extract_chunk(pipeline: Any, chunk: list[Any]) -> Iterator[dict]:
    articles = [x for x in chunk if isinstance(x, dict)]
    for x in chunk:
        if isinstance(x, tuple):
            yield error_row(*x)
    try:
        results = list(pipeline.pipe(articles))
    except Exception:  # noqa: BLE001 - the pipeline isolates articles; this is the last line of defence
        results = []
        for art in articles:
            try:
                results.extend(pipeline.pipe([art]))
            except Exception as exc:  # noqa: BLE001
                yield error_row(str(art.get("id")), f"extraction failed: {type(exc).__name__}: {exc}")
    for res in results:
        if res.error:
            yield error_row(res.article.id, res.error)
        else:
            for ev in res.events:
                yield event_row(ev.to_dict())


def _extract_line_partition(model: str | None):
    def run(rows: Iterable[Any]) -> Iterator[dict]:
        items = (article_from_line(r[0], r[1]) for r in rows)
        yield from extract_items((x for x in items if x is not None), model)
    return run


def _extract_row_partition(model: str | None):
    def run(rows: Iterable[Any]) -> Iterator[dict]:
        items = (article_from_row(r.asDict(), r["__file"]) for r in rows)
        yield from extract_items(items, model)
    return run


# ---------------------------------------------------------------------------------------------------------
# The Spark jobs
# ---------------------------------------------------------------------------------------------------------
def session(master: str | None = None, app_name: str = "eventwire", conf: dict[str, str] | None = None):
    """A SparkSession. A local master gets light settings (few shuffle partitions, no UI, this interpreter for
    the Python workers); under spark-submit (no master given) the submitted configuration rules."""
    require_pyspark()
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app_name)
    submitted = bool(os.environ.get("PYSPARK_GATEWAY_PORT"))  # spark-submit started the JVM for us
    if master:
        builder = builder.master(master)
    if (master or "").startswith("local") or (master is None and not submitted):
        # the workers must import eventwire: run them with this interpreter unless told otherwise
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        for k, v in LOCAL_CONF.items():
            builder = builder.config(k, v)
    for k, v in (conf or {}).items():
        builder = builder.config(k, v)
    try:
        spark = builder.getOrCreate()
    except Exception as exc:  # noqa: BLE001 - typically no Java: say so instead of a JVM traceback
        raise SparkUnavailable(f"cannot start Spark ({_first_line(exc)}); it needs Java 17 or newer on the PATH "
                               "(Debian: apt-get install default-jre-headless)") from None
    return spark


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def detect_format(path: str) -> str:
    """jsonl or parquet, from the name (a local directory: from the files in it)."""
    low = path.lower().rstrip("/")
    if low.endswith(".parquet") or low.endswith(".pq"):
        return "parquet"
    if low.endswith((".jsonl", ".json", ".ndjson", ".jsonl.gz", ".json.gz", ".ndjson.gz", ".jsonl.bz2")):
        return "jsonl"
    local = Path(path[len("file://"):] if path.startswith("file://") else path)
    if "://" not in path.replace("file://", "") and local.is_dir():
        names = [p.name.lower() for p in local.rglob("*") if p.is_file() and not p.name.startswith(("_", "."))]
        if names and all(n.endswith(".parquet") for n in names):
            return "parquet"
        if names and all(n.endswith((".jsonl", ".json", ".ndjson", ".gz", ".bz2")) for n in names):
            return "jsonl"
    raise SparkJobError(f"cannot tell the format of {path}: name it .jsonl or .parquet, or give --format")


def read_articles(spark, path: str, fmt: str = "auto"):
    """(RDD of rows, which reader) for the input; a missing path or a table without `text` is a SparkJobError."""
    from pyspark.errors import AnalysisException
    from pyspark.sql import functions as F

    fmt = detect_format(path) if fmt == "auto" else fmt
    try:
        if fmt == "jsonl":
            df = spark.read.text(path).select(F.col("value"), F.input_file_name().alias("__file"))
            return df.rdd.map(lambda r: (r[0], r[1])), "line"
        if fmt == "parquet":
            df = spark.read.parquet(path)
            if "text" not in df.columns:
                raise SparkJobError(f"{path}: the table has no 'text' column (columns: {', '.join(df.columns)})")
            cols = [F.col(c).cast("string").alias(c) if c in ("id", "published") else F.col(c)
                    for c in INPUT_FIELDS if c in df.columns]
            return df.select(*cols, F.input_file_name().alias("__file")).rdd, "row"
    except AnalysisException as exc:
        raise SparkJobError(f"cannot read {path}: {_first_line(exc)}") from None
    raise SparkJobError(f"unknown input format {fmt!r}: use jsonl or parquet")


def _partitions(spark, rdd, requested: int | None) -> int:
    if requested:
        return requested
    cores = spark.sparkContext.defaultParallelism
    return max(TASKS_PER_CORE * cores, rdd.getNumPartitions() * 8)


def extract_dataframe(spark, path: str, fmt: str = "auto", model: str | None = None,
                      partitions: int | None = None):
    """The extraction as a DataFrame (lazy): one row per event record or failed article."""
    rdd, kind = read_articles(spark, path, fmt)
    rdd = rdd.repartition(_partitions(spark, rdd, partitions))
    run = _extract_line_partition(model) if kind == "line" else _extract_row_partition(model)
    schema = event_schema()
    out = rdd.mapPartitions(run).map(lambda d: conform(d, schema))
    return spark.createDataFrame(out, schema, verifySchema=False)


def write_partitioned(df, output: str, overwrite: bool = False) -> None:
    """Parquet partitioned by event_date, one file per date (records are small, files stay few)."""
    from pyspark.sql import functions as F

    (df.repartition(F.col(PARTITION_COLUMN)).sortWithinPartitions("article_id", "event_id")
     .write.mode("overwrite" if overwrite else "errorifexists").partitionBy(PARTITION_COLUMN).parquet(output))


def run_extract(spark, input_path: str, output: str, fmt: str = "auto", model: str | None = None,
                partitions: int | None = None, overwrite: bool = False) -> dict[str, int]:
    """`eventwire spark extract`: write the Parquet and return {events, errors} counted from the output."""
    from pyspark.errors import AnalysisException

    _check_model(model)
    df = extract_dataframe(spark, input_path, fmt, model, partitions)
    try:
        write_partitioned(df, output, overwrite)
    except AnalysisException as exc:
        raise SparkJobError(f"cannot write {output}: {_first_line(exc)}") from None
    return summarize(spark, output)


def summarize(spark, output: str) -> dict[str, int]:
    from pyspark.errors import AnalysisException
    from pyspark.sql import functions as F

    try:
        done = spark.read.parquet(literal_path(output))
    except AnalysisException as exc:
        if "UNABLE_TO_INFER_SCHEMA" in str(exc):  # no input articles: Spark wrote no Parquet file at all
            return {"events": 0, "errors": 0}
        raise SparkJobError(f"cannot read back {output}: {_first_line(exc)}") from None
    row = done.agg(F.count(F.when(F.col(ERROR_COLUMN).isNull(), 1)).alias("events"),
                   F.count(F.col(ERROR_COLUMN)).alias("errors")).first()
    return {"events": int(row["events"]), "errors": int(row["errors"])}


def literal_path(path: str) -> str:
    """A path Spark reads as written: Hadoop would take [ ] { } * ? in it as a glob."""
    return "".join("\\" + c if c in "[]{}*?" else c for c in path)


def _check_model(model: str | None) -> None:
    """Fail on the driver, before any task starts, when the spaCy model is not installed here."""
    import spacy

    from eventwire.extraction import nlp

    name = nlp.model_name(model)
    candidates = (name,) if name else nlp.FALLBACK_MODELS
    if not any(spacy.util.is_package(c) or Path(c).is_dir() for c in candidates):
        raise SparkJobError(f"spaCy model {' or '.join(candidates)} is not installed (on the driver); install it "
                            "on the driver and every executor")


# ---------------------------------------------------------------------------------------------------------
# Dedup: blocking, compatible pairs, components, then eventwire.dedup per component
# ---------------------------------------------------------------------------------------------------------
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
    """A spanning forest (star edges root -> member) of the compatible pairs that meet in one block: the same connectivity as all pairs, with at most one edge per report."""
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


# ---------------------------------------------------------------------------------------------------------
# Reading the output back without Spark (eventwire load, tests)
# ---------------------------------------------------------------------------------------------------------
def iter_output(path: str, batch_size: int = 2000) -> Iterator[dict[str, Any]]:
    """Every row of a Spark output directory (or one Parquet file), as dicts, streamed with pyarrow."""
    import pyarrow.dataset as ds

    try:
        dataset = ds.dataset(path, format="parquet", partitioning="hive")
    except (FileNotFoundError, OSError, ValueError) as exc:
        raise SparkJobError(f"cannot read {path}: {exc}") from None
    for batch in dataset.to_batches(batch_size=batch_size):
        yield from batch.to_pylist()


def iter_records(path: str) -> Iterator[dict[str, Any] | tuple[str, str]]:
    """SCHEMA records of a Spark output; failed articles come as (article_id, error)."""
    for row in iter_output(path):
        if row.get(ERROR_COLUMN):
            yield str(row.get("article_id")), row[ERROR_COLUMN]
        else:
            yield _plain_record(row)


def _plain_record(row: dict[str, Any]) -> dict[str, Any]:
    keep = {k: v for k, v in row.items() if k not in (ERROR_COLUMN, PARTITION_COLUMN, "cluster_id", "sources",
                                                     "source_count")}
    for side in ("assoc_actor1", "assoc_actor2"):
        if keep.get(side) is None:
            keep[side] = []
    if isinstance(keep.get("plover"), dict) and keep["plover"].get("context") is None:
        keep["plover"]["context"] = []
    return keep


# ---------------------------------------------------------------------------------------------------------
# spark-submit entry point: python -m eventwire.spark extract|dedup ...
# ---------------------------------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(prog="eventwire.spark", description="eventwire jobs for spark-submit.")
    sub = ap.add_subparsers(dest="job", required=True)
    ex = sub.add_parser("extract", help="articles (JSONL or Parquet) -> event records (Parquet by event_date)")
    ex.add_argument("input")
    ex.add_argument("output")
    ex.add_argument("--format", choices=["auto", "jsonl", "parquet"], default="auto")
    ex.add_argument("--model", default=None)
    ex.add_argument("--partitions", type=int, default=None)
    ex.add_argument("--overwrite", action="store_true")
    dd = sub.add_parser("dedup", help="event records (Parquet) -> deduplicated events (Parquet by event_date)")
    dd.add_argument("events")
    dd.add_argument("output")
    dd.add_argument("--overwrite", action="store_true")
    for p in (ex, dd):
        p.add_argument("--master", default=None, help="default: what spark-submit gives, else local[*]")
    args = ap.parse_args(argv)
    try:
        spark = session(args.master, app_name=f"eventwire {args.job}")
        if args.job == "extract":
            n = run_extract(spark, args.input, args.output, args.format, args.model, args.partitions,
                            args.overwrite)
            print(f"eventwire: {n['events']} events, {n['errors']} failed articles -> {args.output}",
                  file=sys.stderr)
        else:
            n = run_dedup(spark, args.events, args.output, args.overwrite)
            print(f"eventwire: {n['reports']} reports -> {n['events']} events in {args.output}", file=sys.stderr)
    except (SparkUnavailable, SparkJobError) as exc:
        print(f"eventwire: error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    # spark-submit runs this file as __main__: call the real module, so the functions the tasks run are
    # pickled by reference to eventwire.spark and its per-worker Pipeline cache is one per process
    if sys.path and Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
        sys.path.pop(0)  # eventwire's own modules (events, models, ...) must not shadow top-level ones
    from eventwire.spark import main as _main

    sys.exit(_main())
