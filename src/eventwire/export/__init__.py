"""Exports of the event table: ACLED CSV, PLOVER JSON lines, a GeoJSON FeatureCollection, Parquet.

Each takes stored events (StoredEvent: the record after dedup and reviews, its id, its sources) or plain
SCHEMA records / records.Event, and streams them to a file, so an export of a large table never holds it in
memory. Writing to a path goes through a temporary file and a rename: a crash never leaves a half-written
export behind.

Every format is one module here that registers its writer (export.base.register); adding a format is adding
a module and naming it in FORMAT_MODULES.
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
from collections.abc import Iterable
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from eventwire.countries import COUNTRIES, country_name, iso_numeric  # noqa: F401
from eventwire.export.acled_csv import (  # noqa: F401
    ACLED_COLUMNS,
    CIVILIANS_INTER,
    DISORDER_TYPE,
    EVENTWIRE_COLUMNS,
    TIME_PRECISION,
    acled_row,
    interaction,
    write_acled_csv,
)
from eventwire.export.base import BINARY_FORMATS, WRITERS, Item, register  # noqa: F401
from eventwire.export.geojson import geojson_feature, write_geojson  # noqa: F401
from eventwire.export.parquet import write_parquet  # noqa: F401
from eventwire.export.plover_jsonl import plover_record, write_plover_jsonl  # noqa: F401
from eventwire.filemodes import give_final_mode

FORMAT_MODULES = ("acled_csv", "plover_jsonl", "geojson", "parquet")  # imported above, each registers itself
FORMATS = tuple(sorted(WRITERS, key=lambda f: FORMAT_MODULES.index(WRITERS[f].__module__.rsplit(".", 1)[1])))


@contextmanager
def _atomic(path: Path, binary: bool):
    """A file that appears under its name only once it is complete."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with (os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="")) as fh:
            yield fh
        give_final_mode(tmp, path)  # the user's umask, not mkstemp's 0600: an export is meant to be shared
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def export(items: Iterable[Any], fmt: str, out: str | Path | IO | None = None) -> int:
    """Write events in `fmt` to a path, an open file, or stdout (None). Returns how many were written."""
    if fmt not in WRITERS:
        raise ValueError(f"unknown export format {fmt!r}: choose from {', '.join(FORMATS)}")
    binary = fmt in BINARY_FORMATS
    writer = WRITERS[fmt]
    if out is None or out == "-":
        if binary:
            return writer(items, sys.stdout.buffer)
        return writer(items, sys.stdout)
    if isinstance(out, (str, Path)):
        with _atomic(Path(out), binary) as fh:
            return writer(items, fh)
    if binary and isinstance(out, io.TextIOBase):
        raise ValueError(f"{fmt} is binary: give a file opened in binary mode")
    return writer(items, out)
