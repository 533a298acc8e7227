"""Parquet: the ACLED CSV columns, typed, plus `record_json`, the whole event record (every Event field)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import IO, Any

from eventwire.batches import batched
from eventwire.export.acled_csv import ACLED_COLUMNS, EVENTWIRE_COLUMNS, acled_row
from eventwire.export.base import as_item, register

RECORD_COLUMN = "record_json"


def _parquet_schema():
    import pyarrow as pa

    ints = {"year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision", "fatalities",
            "timestamp", "eventwire_id", "source_count", "fatalities_reported"}
    floats = {"latitude", "longitude", "confidence"}
    fields = []
    for col in ACLED_COLUMNS + EVENTWIRE_COLUMNS:
        if col == "event_date":
            fields.append(pa.field(col, pa.date32()))
        elif col in ints:
            fields.append(pa.field(col, pa.int64()))
        elif col in floats:
            fields.append(pa.field(col, pa.float64()))
        else:
            fields.append(pa.field(col, pa.string()))
    fields.append(pa.field(RECORD_COLUMN, pa.string()))
    return pa.schema(fields)


@register("parquet", binary=True)
def write_parquet(items: Iterable[Any], fh: IO[bytes], batch_size: int = 5000) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _parquet_schema()
    n = 0
    with pq.ParquetWriter(fh, schema) as writer:
        for chunk in batched(items, batch_size):
            rows = []
            for obj in chunk:
                item = as_item(obj)
                row = {k: (None if v == "" else v) for k, v in acled_row(item).items()}
                row["event_date"] = dt.date.fromisoformat(row["event_date"]) if row["event_date"] else None
                row[RECORD_COLUMN] = json.dumps(item.record, ensure_ascii=False)
                rows.append(row)
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            n += len(rows)
        if n == 0:
            writer.write_table(schema.empty_table())
    return n

