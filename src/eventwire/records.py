"""The record every stage exchanges (described in docs/SCHEMA.md): Article in, Event out.

Events are small typed objects; `to_dict()` gives the SCHEMA JSON and `from_dict()` reads it back, so the
store, the exports, the HTTP API and the Spark job all carry exactly the same fields.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import re
from dataclasses import MISSING, asdict, dataclass, field, fields, is_dataclass
from typing import Any

# the taxonomy's names, importable from here as before
from eventwire.taxonomy import (  # noqa: F401
    ACLED_EVENT_TYPES,
    ACLED_SUB_TO_TYPE,
    DATE_PRECISIONS,
    MODALITIES,
    PLOVER_EVENTS,
)

# Modality `background`: an event the article dates (or names by its year) more than this many days before its
# publication is one it recalls, not one of its reporting period (the default of Pipeline(background_days=...))
BACKGROUND_DAYS = 30


# Event.flags: what the record says of its own values. A figure the extractor read but does not believe, or a value
# the store could not hold, is kept out of the field (null) and named here, so that nothing is lost silently.
IMPLAUSIBLE_FATALITIES = "fatalities_implausible"  # the words give a toll above numbers.tsv's ceiling
# the words say people died but not how many ("warplanes killed civilians"): the figure is the fewest they allow
FATALITIES_AT_LEAST = "fatalities_at_least"


def unstorable_flag(path: str) -> str:
    """The flag of a value the store could not hold (an integer beyond its column's range, a date it cannot
    read): "fatalities_unstorable", "location.precision_unstorable"."""
    return f"{path}_unstorable"


# ---------------------------------------------------------------------------------------------------------
# The field list, read from the dataclasses: every other layout (Spark and Parquet schemas, the store's
# columns, exports) is derived from these, so adding a field to a record is one edit here.
# ---------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class FieldType:
    """What one record field holds: `base` is str, int, float, bool or a record class; `many`: a list of them;
    `wide`: an int that may not fit 32 bits (a GeoNames id)."""

    name: str
    base: type
    many: bool = False
    optional: bool = False
    wide: bool = False


_SCALARS = {"str": str, "int": int, "float": float, "bool": bool}


def _field_type(name: str, hint: str, metadata: Any) -> FieldType:
    """A field's annotation (a string under `from __future__ import annotations`) as a FieldType."""
    parts = [p.strip() for p in hint.split("|")]
    optional = "None" in parts
    (core,) = [p for p in parts if p != "None"]
    many = core.startswith("list[")
    if many:
        core = core[len("list["):-1]
    base = _SCALARS.get(core) or globals()[core]
    return FieldType(name=name, base=base, many=many, optional=optional, wide=bool(metadata.get("wide")))


@functools.cache  # per class: from_dict runs for every stored event read, the annotations never change
def field_types(cls: type) -> tuple[FieldType, ...]:
    """The fields of a record class, in record order, with what each holds."""
    return tuple(_field_type(f.name, f.type, f.metadata) for f in fields(cls))


def is_record(base: type) -> bool:
    return is_dataclass(base)


def event_fields() -> list[str]:
    """The top-level keys of an event record (`Event.to_dict()`), in order."""
    return [f.name for f in fields(Event)]


def field_paths(cls: type | None = None, prefix: str = "") -> list[str]:
    """Every leaf of a record as a dotted path ("location.lat", "actor1.name", "assoc_actor1.name", ...)."""
    out = []
    for ft in field_types(cls or Event):
        path = prefix + ft.name
        if is_record(ft.base):
            out += field_paths(ft.base, path + ".")
        else:
            out.append(path)
    return out


@functools.cache  # per class, as field_types: to_dict and from_dict run for every record merged, read or written
def _fields(cls: type) -> tuple:
    return fields(cls)


@functools.cache  # per class: what from_dict needs of each field, worked out once (it runs for every record read)
def _read_plan(cls: type) -> tuple:
    """(name, field, its FieldType, whether it holds a record, whether it has no default) for each field."""
    return tuple((f.name, f, ft, is_record(ft.base), f.default is MISSING and f.default_factory is MISSING)
                 for f, ft in zip(_fields(cls), field_types(cls)))


@functools.cache
def _write_plan(cls: type) -> tuple:
    """(name, digits to round to or None) for each field, for to_dict."""
    return tuple((f.name, f.metadata.get("digits")) for f in _fields(cls))


_PLAIN_TYPES = frozenset({str, int, float, bool, type(None)})  # exactly these types: values as they are


def _plain(value: Any) -> Any:
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, (str, int, float, dict)):  # most values: no dataclass to look for
        return value
    return value.to_dict() if is_dataclass(value) else value


def _default(f: Any) -> Any:
    if f.default is not MISSING:
        return f.default
    if f.default_factory is not MISSING:
        return f.default_factory()
    return MISSING


class Record:
    """to_dict / from_dict by walking the dataclass fields: nested records become dicts, lists of records lists
    of dicts; a field with metadata `digits` is rounded. from_dict ignores unknown keys and fills defaults."""

    def to_dict(self) -> dict[str, Any]:
        out = {}
        for name, digits in _write_plan(type(self)):
            value = getattr(self, name)
            if type(value) not in _PLAIN_TYPES:  # most values are scalars: no call for them
                value = _plain(value)
            if digits is not None and value is not None:
                value = round(float(value), digits)
            out[name] = value
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Any:
        """The record of a dict (None for an empty one). Values are taken as they are, except that nested
        records are read recursively, an empty string where the field has a default string takes the default,
        and a float field with a default is made a float (a null one takes the default). Missing fields take their
        default (else None)."""
        if not d:
            return None
        values: dict[str, Any] = {}
        for name, f, ft, record, no_default in _read_plan(cls):
            if name not in d:
                if no_default and not record:
                    values[name] = None
                continue
            value = d[name]
            if record:
                value = ([r for r in (ft.base.from_dict(v) for v in value or []) if r] if ft.many
                         else ft.base.from_dict(value))
            elif ft.base is str:
                default = _default(f)
                if isinstance(default, str):
                    value = value or default
            elif ft.base is float and not no_default:
                value = _default(f) if value is None else float(value)  # null: a value the store could not hold
            values[name] = value
        return cls._build(values)

    @classmethod
    def _build(cls, values: dict[str, Any]) -> Any:
        return cls(**values)


@dataclass
class Actor(Record):
    """Who acts. `name` is canonical (the same for every alias); `text` is the words in the article."""

    name: str
    text: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-3
    sector: str | None = None  # GOV MIL REB INS COP SPY CVL IGO PTY UAF ...
    inter: int | None = None  # ACLED inter code 1-8
    cameo: str | None = None  # CAMEO actor code, e.g. "TURMIL"
    known: bool = True  # False when the catalogue did not know the actor and the record is a best guess


@dataclass
class Place(Record):
    """Where. Precision follows ACLED geo_precision: 1 the town, 2 near a town / part of a region, 3 a region."""

    name: str
    lat: float
    lon: float
    country: str | None  # ISO3
    text: str | None = None
    geonameid: int | None = field(default=None, metadata={"wide": True})
    admin1: str | None = None
    precision: int = 1
    feature: str | None = None  # "country", "admin1", "admin2", "city", "supplement", ...


@dataclass
class PlaceMention:
    """One resolved place reference in an article (geoparse output): the place plus where and how it is used."""

    place: Place
    start: int
    end: int
    kind: str = "literal"  # literal | metonym | adjective | demonym
    score: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        d = self.place.to_dict()
        d.update(start=self.start, end=self.end, kind=self.kind, score=round(self.score, 3))
        return d


@dataclass
class Evidence(Record):
    """The sentence that reports the event and its character offsets in the article."""

    text: str
    start: int
    end: int

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Evidence:
        d = d or {}
        # an offset the store could not hold comes back as null (storage/limits.py)
        return cls(text=d.get("text", ""), start=int(d.get("start") or 0), end=int(d.get("end") or 0))


@dataclass
class Plover(Record):
    event: str | None
    mode: str | None = None
    context: list[str] = field(default_factory=list)

    @classmethod
    def from_dict(cls, d: dict[str, Any] | str | None) -> Plover:
        """Also reads a bare event code ("ASSAULT") and a missing value (no event)."""
        d = {"event": d} if isinstance(d, str) else (d or {})
        return cls(event=d.get("event"), mode=d.get("mode"), context=list(d.get("context") or []))


@dataclass(kw_only=True)
class Event(Record):
    """One event, as docs/SCHEMA.md describes it. Extra fields (trigger, extractor version) are additions.
    The fields are in the order of the SCHEMA record (keyword-only, so required ones may follow defaults)."""

    article_id: str
    event_id: str = ""
    event_type: str | None
    sub_event_type: str | None
    plover: Plover
    cameo: str | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    assoc_actor1: list[Actor] = field(default_factory=list)
    assoc_actor2: list[Actor] = field(default_factory=list)
    location: Place | None = None
    date: str | None = None
    date_precision: str = "day"
    date_text: str | None = None
    fatalities: int | None = None
    fatalities_text: str | None = None
    modality: str = "asserted"
    evidence: Evidence
    confidence: float = field(default=0.5, metadata={"digits": 3})
    trigger: str | None = None
    trigger_start: int | None = None
    same_as: str | None = None  # event_id of an earlier event of the same article that this one refers back to
    flags: list[str] = field(default_factory=list)  # IMPLAUSIBLE_FATALITIES, unstorable_flag(...)

    def flag(self, name: str) -> None:
        if name not in self.flags:
            self.flags.append(name)

    def unflag(self, name: str) -> None:
        self.flags = [f for f in self.flags if f != name]

    def __post_init__(self) -> None:
        if not self.event_id:
            self.event_id = make_event_id(self.article_id, self.evidence.start, self.trigger_start,
                                          self.plover.event, self.sub_event_type)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        """An event from its SCHEMA dict; an empty dict gives an empty event (no type, no evidence)."""
        d = d or {}
        return super().from_dict({**d, "article_id": str(d.get("article_id", ""))})

    @classmethod
    def _build(cls, values: dict[str, Any]) -> Event:
        values.setdefault("plover", Plover.from_dict(None))
        values.setdefault("evidence", Evidence.from_dict(None))
        return cls(**values)


def make_event_id(article_id: str, start: int, trigger_start: int | None, plover: str | None,
                  sub: str | None) -> str:
    """Stable for the same input and version: a hash of where the event sits and what it is."""
    key = f"{article_id}|{start}|{trigger_start}|{plover}|{sub}"
    return "ew-" + hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]  # any id, broken text too


_SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT_CHARACTER = "\ufffd"


def without_surrogates(value: str) -> str:
    """Text that can be written as UTF-8: each lone surrogate becomes U+FFFD."""
    return _SURROGATE.sub(REPLACEMENT_CHARACTER, value) if _SURROGATE.search(value) else value


@dataclass
class Article:
    """SCHEMA input: id, text, optional published date and provenance."""

    id: str
    text: str
    published: dt.date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None

    def __post_init__(self) -> None:
        # Every input becomes an Article, so this is where text from outside is made encodable: a lone surrogate
        # (a JSON escape like "\ud800", or a str built in Python) cannot be written as UTF-8 and would fail the
        # language pipeline, the content hash and the database with a codec message; it becomes U+FFFD.
        for name in ("id", "text", "title", "url", "source"):
            value = getattr(self, name)
            if isinstance(value, str):
                setattr(self, name, without_surrogates(value))

    @classmethod
    def from_dict(cls, d: dict[str, Any], default_id: str = "") -> Article:
        if not isinstance(d, dict):
            raise ValueError("an article must be a JSON object")
        text = d.get("text")
        if not isinstance(text, str):
            raise ValueError("an article needs a 'text' string")
        return cls(id=str(d.get("id") if d.get("id") is not None else default_id), text=text,
                   published=parse_published(d.get("published")), title=d.get("title"), url=d.get("url"),
                   source=d.get("source"))

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["published"] = self.published.isoformat() if self.published else None
        return d


def parse_published(value: Any) -> dt.date | None:
    """`YYYY-MM-DD` or an ISO datetime (or a date object) -> date; None when absent. Raises ValueError if bad."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        s = value.strip()
        try:
            return dt.date.fromisoformat(s[:10])
        except ValueError:
            pass
        try:
            return dt.datetime.fromisoformat(s.replace("Z", "+00:00")).date()
        except ValueError:
            pass
    raise ValueError(f"published date {value!r} is not YYYY-MM-DD or an ISO datetime")


@dataclass
class ArticleResult:
    """What the pipeline gives back for one article: its events and places, or the error that stopped it."""

    article: Article
    events: list[Event] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None
