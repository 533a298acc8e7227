"""Spark sessions, reading the articles, writing partitioned Parquet, and reading output back without Spark."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from eventwire.spark.common import (
    ERROR_COLUMN,
    PARTITION_COLUMN,
    SparkJobError,
    SparkUnavailable,
    _first_line,
    require_pyspark,
)
from eventwire.spark.schema import _plain_record

INPUT_FIELDS = ("id", "text", "published", "title", "url", "source")

# local mode on a laptop or a CI box: few shuffle partitions, no web UI, no console progress bar
LOCAL_CONF = {"spark.sql.shuffle.partitions": str(max(4, 2 * (os.cpu_count() or 2))), "spark.ui.enabled": "false",
              "spark.ui.showConsoleProgress": "false", "spark.driver.memory": "2g",
              "spark.sql.session.timeZone": "UTC"}

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


def write_partitioned(df, output: str, overwrite: bool = False) -> None:
    """Parquet partitioned by event_date, one file per date (records are small, files stay few)."""
    from pyspark.sql import functions as F

    (df.repartition(F.col(PARTITION_COLUMN)).sortWithinPartitions("article_id", "event_id")
     .write.mode("overwrite" if overwrite else "errorifexists").partitionBy(PARTITION_COLUMN).parquet(output))


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
