"""What every Spark module shares: the optional pyspark import, the errors, small helpers."""

from __future__ import annotations

try:  # pyspark is the optional extra eventwire[spark]; `load` and the record helpers work without it
    import pyspark
    from pyspark.sql import types as T
except ImportError:  # pragma: no cover - exercised only without the extra
    pyspark = None
    T = None

INSTALL_HINT = "Spark support needs pyspark and Java 17+: install eventwire[spark] (pip install 'eventwire[spark]')"
PARTITION_COLUMN = "event_date"
ERROR_COLUMN = "error"


class SparkUnavailable(RuntimeError):
    """pyspark or Java is missing; the message says what to install."""


class SparkJobError(RuntimeError):
    """A Spark job cannot run on this input (missing path, unknown format, no text column, ...)."""


def require_pyspark() -> None:
    if pyspark is None:
        raise SparkUnavailable(INSTALL_HINT)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def literal_path(path: str) -> str:
    """A path Spark reads as written: Hadoop would take [ ] { } * ? in it as a glob."""
    return "".join("\\" + c if c in "[]{}*?" else c for c in path)
