"""What the database can hold: every value on its way into a row passes here, on SQLite and PostgreSQL alike.

Nothing an article or a record says may make its storage fail. The two databases refuse different things --
PostgreSQL an integer above 2**31-1 in an `integer` column, a NUL character in text, NaN in JSON, a string
longer than its `varchar(n)`; SQLite an integer above 2**63-1, a lone surrogate (which UTF-8 cannot encode),
a null in a NOT NULL column where a float was NaN -- so the rules here are the stricter of the two, and a
record stores the same on both:

    integer column   a whole number within the column's range (32 bits; 64 for BigInteger), else null
    float column     a finite number, else null
    text column      NUL characters and lone surrogates become U+FFFD (one character for one, so offsets into
                     an article's text stay right); over its length, the start is kept and a hash of the whole
                     ends it, so two long URLs or keys stay two (a short code column is cut instead)
    date column      a date, or a `YYYY-MM-DD...` string that is one, else null
    JSON column      the same for every string inside; NaN and infinities become null; an integer beyond 64
                     bits becomes null (JSON readers, and Python's own int-to-text, stop somewhere)

An event record's value that cannot be held is nulled in the record as well as in its column (the two must
agree: queries read the column, the API the record) and named in the record's `flags`
("fatalities_unstorable", see records.unstorable_flag). A NOT NULL column whose value is nulled takes what a
missing value gives, or its default.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import math
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, Date, DateTime, Float, Integer, String, Table

from eventwire.records import unstorable_flag
from eventwire.storage.columns import EVENT_COLUMNS, EVIDENCE_COLUMNS, get_path

INT32 = (-(2**31), 2**31 - 1)  # PostgreSQL `integer`
INT64 = (-(2**63), 2**63 - 1)  # PostgreSQL `bigint`, SQLite INTEGER
HASH_CHARS = 16  # hex digits of the hash that ends a shortened string: 64 bits, no collision among real keys
HASHED_MIN_LENGTH = 32  # a shorter column (a country code, a status) is cut: a hash would not fit beside a start
_UNENCODABLE = re.compile("[\x00\ud800-\udfff]")  # NUL, and surrogates (a pair never reaches here as two halves
#                                                   except from a broken source: either half alone is unencodable)
_REPLACEMENT = "\ufffd"


# -- single values -------------------------------------------------------------------------------------------
def clean_text(text: str) -> str:
    """NUL characters and lone surrogates as U+FFFD; the length is unchanged."""
    return _UNENCODABLE.sub(_REPLACEMENT, text) if _UNENCODABLE.search(text) else text


def shorten(text: str, length: int) -> str:
    """At most `length` characters: the start and a hash of the whole (the same text always gives the same
    result, so a shortened URL or key still finds its row), or for a short column only the start."""
    if len(text) <= length:
        return text
    if length < HASHED_MIN_LENGTH:
        return text[:length]
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:HASH_CHARS]
    return f"{text[:length - HASH_CHARS - 1]}~{digest}"


def as_int(value: Any, bounds: tuple[int, int] = INT32) -> int | None:
    """A whole number within `bounds` (a float that is whole counts; True and False do not), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float):
        if not math.isfinite(value) or not value.is_integer():
            return None
        value = int(value)
    if isinstance(value, int) and bounds[0] <= value <= bounds[1]:
        return value
    return None


def as_float(value: Any) -> float | None:
    """A finite number as a float (an integer too large for a float is none), else None."""
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        return None
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if math.isfinite(number) else None


def as_date(value: Any) -> dt.date | None:
    """A date, from a date, a datetime or a string that starts `YYYY-MM-DD`, else None."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def as_text(value: Any, length: int | None = None) -> str | None:
    """A storable string: cleaned and, for a column of `length`, shortened. A number is written as text;
    anything else (a list, a mapping) is no text."""
    if isinstance(value, float):
        value = str(value) if math.isfinite(value) else None
    elif isinstance(value, int) and not isinstance(value, bool):
        value = str(value) if as_int(value, INT64) is not None else None  # not thousands of digits
    if not isinstance(value, str):
        return None
    value = clean_text(value)
    return shorten(value, length) if length else value


def json_value(value: Any, path: str = "", problems: list[str] | None = None) -> Any:
    """A value JSON can carry on both databases: strings cleaned, NaN, infinities and integers beyond 64 bits
    nulled (their dotted paths added to `problems`), dates as ISO text, tuples as lists, other objects as
    their text. Mapping keys are cleaned too."""
    if isinstance(value, str):  # the checks in the order of how common each kind is in a record
        return clean_text(value)
    if isinstance(value, dict):
        return {clean_text(str(k)): json_value(v, _join(path, str(k)), problems) for k, v in value.items()}
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int):
        if as_int(value, INT64) is None:
            _note(problems, path)
            return None
        return value
    if isinstance(value, (float, Decimal)):
        number = as_float(value)
        if number is None:
            _note(problems, path)
        return number
    if isinstance(value, Mapping):
        return {clean_text(str(k)): json_value(v, _join(path, str(k)), problems) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_value(v, path, problems) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return clean_text(str(value))


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _note(problems: list[str] | None, path: str) -> None:
    if problems is not None and path not in problems:
        problems.append(path)


# -- columns and rows ------------------------------------------------------------------------------------------
def column_value(column_type: Any, value: Any) -> Any:
    """`value` as the column type can hold it, or None when it cannot be held."""
    if value is None:
        return None
    if isinstance(column_type, Boolean):
        return value if isinstance(value, bool) else None
    if isinstance(column_type, Integer):  # BigInteger is an Integer
        return as_int(value, INT64 if isinstance(column_type, BigInteger) else INT32)
    if isinstance(column_type, Float):
        return as_float(value)
    if isinstance(column_type, DateTime):
        return value if isinstance(value, dt.datetime) else None
    if isinstance(column_type, Date):
        return as_date(value)
    if isinstance(column_type, String):  # Text is a String without a length
        return as_text(value, column_type.length)
    if isinstance(column_type, JSON):
        return json_value(value)
    return value


def _column_fitter(column_type: Any) -> Any:
    """column_value(column_type, .) as one function chosen once (fit_row runs for every row of a bulk write)."""
    if isinstance(column_type, Boolean):
        return lambda value: value if isinstance(value, bool) else None
    if isinstance(column_type, Integer):
        bounds = INT64 if isinstance(column_type, BigInteger) else INT32
        return lambda value: as_int(value, bounds)
    if isinstance(column_type, Float):
        return as_float
    if isinstance(column_type, DateTime):
        return lambda value: value if isinstance(value, dt.datetime) else None
    if isinstance(column_type, Date):
        return as_date
    if isinstance(column_type, String):
        length = column_type.length
        return lambda value: as_text(value, length)
    if isinstance(column_type, JSON):
        return json_value
    return lambda value: value


_NO_DEFAULT = object()


@functools.cache
def _row_fitters(table: Table) -> dict[str, tuple[Any, Any]]:
    """column name -> (its fitter, the default a NOT NULL column takes when its value cannot be held)."""
    out = {}
    for column in table.c:
        default = column.default.arg if not column.nullable and column.default is not None \
            and column.default.is_scalar else _NO_DEFAULT
        out[column.key] = (_column_fitter(column.type), default)
    return out


def fit_row(table: Table, values: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """A row of `table` made storable, and the columns whose value could not be held (nulled). Keys that are no
    column of the table (bind parameters such as "b_id") pass as they are. A NOT NULL column that would be
    null takes its default."""
    out, nulled = dict(values), []
    fitters = _row_fitters(table)
    for key, value in values.items():
        if value is None:
            continue
        fitter = fitters.get(key)
        if fitter is None:
            continue
        fitted = fitter[0](value)
        if fitted is None:
            nulled.append(key)
            if fitter[1] is not _NO_DEFAULT:
                fitted = fitter[1]
        out[key] = fitted
    return out, nulled


def storable_row(table: Table, values: dict[str, Any]) -> dict[str, Any]:
    """fit_row's row, for values our own code made (an article's, a review's): what cannot be held is null."""
    return fit_row(table, values)[0]


# -- event records ---------------------------------------------------------------------------------------------
def storable_record(record: dict[str, Any], events_table: Table, sources_table: Table) -> dict[str, Any]:
    """A copy of an event record that every backend stores as it is: the JSON made storable, and each value
    that a column repeats (models.EventRow, EventSourceRow) one its column can hold -- else null, in the record
    and the column, with the record flagged `<path>_unstorable`. `record` itself is not changed."""
    problems: list[str] = []
    rec = json_value(record, "", problems)  # a new dict: the caller's record is left as it was
    if not isinstance(rec, dict):
        rec = {}
    for c, column_type in _repeated_columns(events_table, sources_table):
        raw = get_path(rec, c.path)
        if raw is None or isinstance(raw, (dict, list)) and c.whole is not None:
            continue  # nothing there; or a value built from more than the path (the allies' names)
        try:
            value = c.read(rec)
        except (TypeError, ValueError, OverflowError):
            value = None
        if column_value(column_type, value) is None:
            _set_path(rec, c.path, None)
            _note(problems, c.path)
    flags = rec.get("flags")
    flags = [f for f in flags if isinstance(f, str)] if isinstance(flags, list) else []
    rec["flags"] = flags + [unstorable_flag(p) for p in problems if unstorable_flag(p) not in flags]
    return rec


@functools.cache
def _repeated_columns(events_table: Table, sources_table: Table) -> tuple:
    """(columns.Column, its SQL type) for every column that repeats a record value."""
    return tuple((c, events_table.c[name].type) for name, c in EVENT_COLUMNS.items()) + \
        tuple((c, sources_table.c[name].type) for name, c in EVIDENCE_COLUMNS.items())


def _set_path(rec: dict[str, Any], path: str, value: Any) -> None:
    """Set an existing dotted path (get_path found a value there, so every step is a mapping)."""
    *steps, last = path.split(".")
    cur = rec
    for step in steps:
        cur = cur[step]
    cur[last] = value
