"""The SCHEMA record as Spark types, derived from the records.Event dataclass, and rows <-> records.

Every field of Event (and of its Actor, Place, Plover, Evidence) becomes a StructField of the matching type:
str -> string, int -> int (long for a `wide` field), float -> double, bool -> boolean, a nested record ->
a struct, a list -> an array. A new Event field appears here without an edit.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from eventwire.records import Actor, Event, FieldType, Place, field_types, is_record
from eventwire.spark.common import ERROR_COLUMN, PARTITION_COLUMN, T, pyspark, require_pyspark

PROVENANCE_COLUMNS = ("cluster_id", "source_count", "sources")  # what `spark dedup` adds to a record


def _scalar_type(ft: FieldType):
    if ft.base is int:
        return T.LongType() if ft.wide else T.IntegerType()
    return {str: T.StringType, float: T.DoubleType, bool: T.BooleanType}[ft.base]()


def spark_type(ft: FieldType):
    """The Spark type of one record field."""
    inner = struct_type(ft.base) if is_record(ft.base) else _scalar_type(ft)
    return T.ArrayType(inner) if ft.many else inner


def struct_type(cls: type):
    """A record class as a StructType, its fields in record order."""
    return T.StructType([T.StructField(ft.name, spark_type(ft)) for ft in field_types(cls)])


def _actor_type():
    return struct_type(Actor)


def _place_type():
    return struct_type(Place)


def record_fields() -> list:
    """The fields of Event.to_dict(), in its order, as Spark fields."""
    require_pyspark()
    return list(struct_type(Event).fields)


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
    rec = {k: v for k, v in row.items() if k not in (ERROR_COLUMN, PARTITION_COLUMN, *PROVENANCE_COLUMNS)}
    if names is not None:
        rec = {k: rec.get(k) for k in names}
    for side in ("assoc_actor1", "assoc_actor2"):
        if rec.get(side) is None:
            rec[side] = []
    plover = rec.get("plover")
    if isinstance(plover, dict) and plover.get("context") is None:
        plover["context"] = []
    return rec


def _plain_record(row: dict[str, Any]) -> dict[str, Any]:
    keep = {k: v for k, v in row.items() if k not in (ERROR_COLUMN, PARTITION_COLUMN, *PROVENANCE_COLUMNS)}
    for side in ("assoc_actor1", "assoc_actor2"):
        if keep.get(side) is None:
            keep[side] = []
    if isinstance(keep.get("plover"), dict) and keep["plover"].get("context") is None:
        keep["plover"]["context"] = []
    return keep
