"""The record every stage exchanges (see SCHEMA.md): Article in, Event out.

Events are small typed objects; `to_dict()` gives the SCHEMA JSON and `from_dict()` reads it back, so the
store, the exports, the HTTP API and the Spark job all carry exactly the same fields.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from eventwire.taxonomy import (ACLED_EVENT_TYPES, ACLED_SUB_TO_TYPE, DATE_PRECISIONS, MODALITIES,  # noqa: F401
                                PLOVER_EVENTS)


def _clean(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if not k.startswith("_")}


@dataclass
class Actor:
    """Who acts. `name` is canonical (the same for every alias); `text` is the words in the article."""

    name: str
    text: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-3
    sector: str | None = None  # GOV MIL REB INS COP SPY CVL IGO PTY UAF ...
    inter: int | None = None  # ACLED inter code 1-8
    cameo: str | None = None  # CAMEO actor code, e.g. "TURMIL"
    known: bool = True  # False when the catalogue did not know the actor and the record is a best guess

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Actor | None:
        if not d:
            return None
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in names})


@dataclass
class Place:
    """Where. Precision follows ACLED geo_precision: 1 the town, 2 near a town / part of a region, 3 a region."""

    name: str
    lat: float
    lon: float
    country: str | None  # ISO3
    text: str | None = None
    geonameid: int | None = None
    admin1: str | None = None
    precision: int = 1
    feature: str | None = None  # "country", "admin1", "admin2", "city", "supplement", ...

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Place | None:
        if not d:
            return None
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in names})


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
class Evidence:
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Plover:
    event: str
    mode: str | None = None
    context: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Event:
    """One event, as SCHEMA.md specifies it. Extra fields (trigger, extractor version) are additions."""

    article_id: str
    event_type: str | None
    sub_event_type: str | None
    plover: Plover
    evidence: Evidence
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
    confidence: float = 0.5
    trigger: str | None = None
    trigger_start: int | None = None
    same_as: str | None = None  # event_id of an earlier event of the same article that this one refers back to
    event_id: str = ""

    def __post_init__(self) -> None:
        if not self.event_id:
            self.event_id = make_event_id(self.article_id, self.evidence.start, self.trigger_start,
                                          self.plover.event, self.sub_event_type)

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "event_id": self.event_id,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "plover": self.plover.to_dict(),
            "cameo": self.cameo,
            "actor1": self.actor1.to_dict() if self.actor1 else None,
            "actor2": self.actor2.to_dict() if self.actor2 else None,
            "assoc_actor1": [a.to_dict() for a in self.assoc_actor1],
            "assoc_actor2": [a.to_dict() for a in self.assoc_actor2],
            "location": self.location.to_dict() if self.location else None,
            "date": self.date,
            "date_precision": self.date_precision,
            "date_text": self.date_text,
            "fatalities": self.fatalities,
            "fatalities_text": self.fatalities_text,
            "modality": self.modality,
            "evidence": self.evidence.to_dict(),
            "confidence": round(float(self.confidence), 3),
            "trigger": self.trigger,
            "trigger_start": self.trigger_start,
            "same_as": self.same_as,
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        p = d.get("plover") or {}
        if isinstance(p, str):
            p = {"event": p}
        ev = d.get("evidence") or {"text": "", "start": 0, "end": 0}
        return cls(
            article_id=str(d.get("article_id", "")),
            event_id=d.get("event_id") or "",
            event_type=d.get("event_type"),
            sub_event_type=d.get("sub_event_type"),
            plover=Plover(event=p.get("event"), mode=p.get("mode"), context=list(p.get("context") or [])),
            cameo=d.get("cameo"),
            actor1=Actor.from_dict(d.get("actor1")),
            actor2=Actor.from_dict(d.get("actor2")),
            assoc_actor1=[a for a in (Actor.from_dict(x) for x in d.get("assoc_actor1") or []) if a],
            assoc_actor2=[a for a in (Actor.from_dict(x) for x in d.get("assoc_actor2") or []) if a],
            location=Place.from_dict(d.get("location")),
            date=d.get("date"),
            date_precision=d.get("date_precision") or "day",
            date_text=d.get("date_text"),
            fatalities=d.get("fatalities"),
            fatalities_text=d.get("fatalities_text"),
            modality=d.get("modality") or "asserted",
            evidence=Evidence(text=ev.get("text", ""), start=int(ev.get("start", 0)), end=int(ev.get("end", 0))),
            confidence=float(d.get("confidence", 0.5)),
            trigger=d.get("trigger"),
            trigger_start=d.get("trigger_start"),
            same_as=d.get("same_as"),
        )


def make_event_id(article_id: str, start: int, trigger_start: int | None, plover: str | None,
                  sub: str | None) -> str:
    """Stable for the same input and version: a hash of where the event sits and what it is."""
    key = f"{article_id}|{start}|{trigger_start}|{plover}|{sub}"
    return "ew-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


@dataclass
class Article:
    """SCHEMA input: id, text, optional published date and provenance."""

    id: str
    text: str
    published: dt.date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None

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
