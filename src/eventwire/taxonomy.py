"""The coding taxonomies (ACLED types and sub-types, PLOVER categories, modalities, date precisions), read from
`data/taxonomy.yaml` once at import: they are fixed facts every stage and the review API check codes against."""

from __future__ import annotations

from pathlib import Path

from eventwire.lang import LanguageDataError, read_yaml

TAXONOMY_FILE = Path(__file__).parent / "data" / "taxonomy.yaml"


def _load(path: Path = TAXONOMY_FILE) -> dict:
    raw = read_yaml(path)
    for key in ("acled", "plover", "modalities", "date_precisions"):
        if key not in (raw or {}):
            raise LanguageDataError(path, None, f"missing {key!r}")
    return raw


_RAW = _load()
ACLED_EVENT_TYPES: tuple[str, ...] = tuple(_RAW["acled"])
ACLED_SUB_TO_TYPE: dict[str, str] = {sub: t for t, subs in _RAW["acled"].items() for sub in subs}
PLOVER_EVENTS: tuple[str, ...] = tuple(_RAW["plover"])
MODALITIES: tuple[str, ...] = tuple(_RAW["modalities"])
DATE_PRECISIONS: tuple[str, ...] = tuple(_RAW["date_precisions"])


def check_code(kind: str, value: str | None, path: Path | str, line: int | None = None) -> None:
    """Raise LanguageDataError when `value` is not a known code of `kind` (acled_type, acled_sub, plover)."""
    if value is None:
        return
    known = {"acled_type": ACLED_EVENT_TYPES, "acled_sub": ACLED_SUB_TO_TYPE, "plover": PLOVER_EVENTS}[kind]
    if value not in known:
        raise LanguageDataError(path, line, f"unknown {kind.replace('_', ' ')} code {value!r}")
