"""eventwire on Apache Spark: the same extraction and dedup over millions of articles.

    eventwire spark extract articles.jsonl events/ [--master local[*]]     # or Parquet in, any Spark path
    eventwire spark dedup events/ deduped/
    eventwire load events/ --db eventwire.db                               # into the store (no Spark needed)
    python -m eventwire.spark extract IN OUT / spark-submit .../eventwire/spark/submit.py extract IN OUT
                                                                           (the same commands; see the README)

Extraction runs `Pipeline.pipe` (the code path of `eventwire extract`) over each partition; one Pipeline per
Python worker process (spark.extract.ExecutorPipelines), so the spaCy model and the lexicons load once per
executor worker, never per article or per task. Every article that cannot be processed becomes one row with `error`
set (and nothing else but `article_id`), so a bad article never fails the job. The output is Parquet with one
row per SCHEMA record plus `error`, partitioned by `event_date` (the record's `date`; undated events and error
rows land in Spark's null partition, `event_date=__HIVE_DEFAULT_PARTITION__`).

Dedup reproduces `eventwire.dedup.cluster` exactly. That clustering is greedy complete linkage in (date, id)
order, which is sequential, so Spark cannot simply take connected components of similar pairs (chains of
near-misses would snowball). Instead it cuts the problem into independent pieces: blocking by (country, day,
0.25-degree cell) and (country, admin1, day) finds every pair of reports that `dedup.compatible_keys`
accepts; the connected components of that graph (union-find on the driver for up to 2M edges, else
large-star / small-star in Spark) cannot influence each other, because a report only ever joins a cluster
whose every member is compatible with it, i.e. a cluster inside its own component. `dedup.cluster` then runs
per component, and `dedup.merge` builds each cluster's record, so the clusters and records equal the
single-machine ones.

Modules: common (errors, the optional pyspark import), schema (Spark types derived from records.Event; rows
<-> records), io (sessions, reading articles, writing and reading back Parquet), extract (the extraction job),
dedup (blocking, connected components, clustering, merging). Every public name is re-exported here.

The RDD API is used (PySpark classic, not Spark Connect): rows become the same Python dicts the rest of
eventwire exchanges, and no pandas is needed on the executors.
"""

from __future__ import annotations

from eventwire.spark.common import (  # noqa: F401
    ERROR_COLUMN,
    INSTALL_HINT,
    PARTITION_COLUMN,
    SparkJobError,
    SparkUnavailable,
    T,
    literal_path,
    pyspark,
    require_pyspark,
)
from eventwire.spark.dedup import (  # noqa: F401
    DRIVER_CC_MAX_EDGES,
    MAX_CC_ROUNDS,
    _cluster_component,
    _Forest,
    _records,
    block_edges,
    block_entries,
    cluster_assignments,
    connected_components,
    dedup_dataframe,
    is_star_forest,
    merged_row,
    run_dedup,
    union_find_components,
)
from eventwire.spark.extract import (  # noqa: F401
    ARTICLES_PER_TASK,
    EXECUTOR_PIPELINES,
    TASKS_PER_CORE,
    ExecutorPipelines,
    article_from_line,
    article_from_row,
    executor_pipeline,
    extract_dataframe,
    extract_items,
    run_extract,
    summarize,
)
from eventwire.spark.io import (  # noqa: F401
    INPUT_FIELDS,
    LOCAL_CONF,
    detect_format,
    iter_output,
    iter_records,
    read_articles,
    session,
    write_partitioned,
)
from eventwire.spark.schema import (  # noqa: F401
    _actor_type,
    _place_type,
    _plain_record,
    conform,
    dedup_schema,
    error_row,
    event_row,
    event_schema,
    partition_date,
    record_fields,
    record_names,
    record_of,
    spark_type,
    struct_type,
)
