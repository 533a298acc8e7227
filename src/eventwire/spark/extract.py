"""`eventwire spark extract`: Pipeline.pipe over every partition, one row per record or failed article."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from eventwire.sources import jsontext
from eventwire.spark.common import ERROR_COLUMN, SparkJobError, _first_line, literal_path
from eventwire.spark.io import INPUT_FIELDS, read_articles, write_partitioned
from eventwire.spark.schema import conform, error_row, event_row, event_schema

TASKS_PER_CORE = 3  # small input files are one Spark split: re-spread them so every core has work
ARTICLES_PER_TASK = 2000  # when the input is large: tasks short enough to retry cheaply, long enough to amortise


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
        obj = jsontext.loads(line)
    except ValueError as exc:  # broken JSON, or nested too deep to read safely
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
class ExecutorPipelines:
    """One Pipeline per spaCy model per Python worker process, built on first use.

    Why a per-process cache: Spark runs the tasks of a job in long-lived Python worker processes and unpickles
    the task's functions afresh for every task, so nothing a task builds survives it unless it hangs off an
    imported module. Loading the model and the lexicons takes seconds; doing it per task (or per article) would
    dominate the job. The one instance below is that module-level anchor; the driver never fills it."""

    def __init__(self) -> None:
        self._built: dict[str | None, Any] = {}

    def get(self, model: str | None):
        from eventwire.extraction.pipeline import Pipeline

        p = self._built.get(model)
        if p is None:
            p = Pipeline(model=model, workers=1)
            p.nlp  # noqa: B018 - load the model and the lexicons now, once
            self._built[model] = p
        return p


EXECUTOR_PIPELINES = ExecutorPipelines()


def executor_pipeline(model: str | None):
    """The worker's Pipeline, built and loaded on first use (Spark reuses Python workers across tasks)."""
    return EXECUTOR_PIPELINES.get(model)


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


def _check_model(model: str | None) -> None:
    """Fail on the driver, before any task starts, when the spaCy model is not installed here."""
    import spacy

    from eventwire.extraction import nlp

    name = nlp.model_name(model)
    candidates = (name,) if name else nlp.FALLBACK_MODELS
    if not any(spacy.util.is_package(c) or Path(c).is_dir() for c in candidates):
        raise SparkJobError(f"spaCy model {' or '.join(candidates)} is not installed (on the driver); install it "
                            "on the driver and every executor")
