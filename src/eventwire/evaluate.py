"""`eventwire evaluate`: an analyst's own coded sample (the gold file) against eventwire's records.

    report = Evaluator(catalogue).evaluate(read_gold("sample.csv"), {article_id: [SCHEMA record, ...]})
    report.to_dict() / report.precision / report.fields["actor1"].accuracy

Only events that happened are compared: gold and system records of another modality (future, denied, ...) and
PLOVER-only records (no ACLED type, which an ACLED-style sample cannot hold) are left out and counted. Within one
article, gold and system events are paired greedily: pairs of the same event family first, then by the number of
fields they agree on (data/evaluation.yaml). Precision is the share of system events paired with a gold event,
recall the share of gold events paired with a system event; the per-field accuracies are over the pairs.

A field the gold file does not code (no such CSV column, an empty cell, no coordinates) is not scored for that
event. Fatalities: a system record's null (the text gives no number) counts as 0, as ACLED codes it.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.geo.distance import haversine_km
from eventwire.lang import read_yaml
from eventwire.taxonomy import ACLED_EVENT_TYPES, ACLED_SUB_TO_TYPE

EVALUATION_FILE = Path(__file__).parent / "data" / "evaluation.yaml"
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")


class GoldError(ValueError):
    """The gold file cannot be read; the message starts with `file:line:` when one line is at fault."""

    def __init__(self, path: Path | str, line: int | None, message: str):
        self.path, self.line, self.reason = str(path), line, message
        super().__init__(f"{path}:{line}: {message}" if line else f"{path}: {message}")


@dataclass(frozen=True)
class EvaluationSettings:
    """data/evaluation.yaml, read once per Evaluator."""

    families: dict[str, str]  # ACLED event type -> its family
    min_agreeing: int
    radii_km: tuple[float, ...]
    csv_columns: dict[str, tuple[str, ...]]  # record field -> header names
    date_formats: tuple[str, ...]
    actor_suffixes: tuple[re.Pattern, ...]

    @classmethod
    def load(cls, path: Path = EVALUATION_FILE) -> EvaluationSettings:
        raw = read_yaml(path)
        families = {t: family for family, types in raw["families"].items() for t in types}
        unknown = sorted(set(families) - set(ACLED_EVENT_TYPES))
        if unknown:
            raise ValueError(f"{path}: unknown ACLED event types in families: {', '.join(unknown)}")
        return cls(families=families, min_agreeing=int(raw["min_agreeing_fields_across_families"]),
                   radii_km=tuple(sorted(float(r) for r in raw["place_radii_km"])),
                   csv_columns={k: tuple(v) for k, v in raw["csv_columns"].items()},
                   date_formats=tuple(raw["date_formats"]),
                   actor_suffixes=tuple(re.compile(p) for p in raw["actor_name_suffixes"]))

    def place_fields(self) -> list[str]:
        return [f"place_{radius:g}km" for radius in self.radii_km]


# -- The coded event: what is compared, from either side -------------------------------------------------
@dataclass(frozen=True)
class CodedEvent:
    """One event as the comparison sees it. `coded` names the fields this side codes (a gold CSV without an
    actor2 column does not code actor2); `where` says where it came from (gold.csv:12, a system event id)."""

    article_id: str
    where: str
    event_type: str
    sub_event_type: str | None = None
    actor1: str | None = None
    actor2: str | None = None
    location: str | None = None
    lat: float | None = None
    lon: float | None = None
    date: dt.date | None = None
    fatalities: int | None = None
    coded: frozenset[str] = frozenset()

    def brief(self) -> dict[str, Any]:
        out = {k: getattr(self, k) for k in ("where", "event_type", "sub_event_type", "actor1", "actor2", "location",
                                             "lat", "lon", "fatalities")}
        return {**out, "date": self.date.isoformat() if self.date else None}


@dataclass
class Gold:
    """The gold file read: its events, the articles it codes (in file order, those coded with no event too),
    and what it left out."""

    path: str
    format: str  # csv | jsonl
    events: list[CodedEvent]
    articles: list[str]
    skipped: dict[str, int] = field(default_factory=dict)  # reason -> count

    def by_article(self) -> dict[str, list[CodedEvent]]:
        out: dict[str, list[CodedEvent]] = {a: [] for a in self.articles}
        for ev in self.events:
            out[ev.article_id].append(ev)
        return out


def _canonical_type(value: str) -> str | None:
    t = value.strip().lower()
    return next((n for n in ACLED_EVENT_TYPES if n.lower() == t), None)


def _canonical_sub(value: str) -> str | None:
    t = value.strip().lower()
    return next((n for n in ACLED_SUB_TO_TYPE if n.lower() == t), None)


def _check_types(event_type: str, sub: str | None, fail) -> tuple[str, str | None]:
    """The ACLED type and sub-type in their exact spelling; `fail(message)` raises for an unknown or a mismatch."""
    canonical = _canonical_type(event_type)
    if canonical is None:
        fail(f"unknown ACLED event type {event_type!r} (known: {', '.join(ACLED_EVENT_TYPES)})")
    if not sub:
        return canonical, None
    canonical_sub = _canonical_sub(sub)
    if canonical_sub is None:
        fail(f"unknown ACLED sub-event type {sub!r}")
    if ACLED_SUB_TO_TYPE[canonical_sub] != canonical:
        fail(f"sub-event type {canonical_sub!r} belongs to {ACLED_SUB_TO_TYPE[canonical_sub]!r}, not {canonical!r}")
    return canonical, canonical_sub


def _coordinates(lat: Any, lon: Any, fail) -> tuple[float | None, float | None]:
    if lat in (None, "") and lon in (None, ""):
        return None, None
    if lat in (None, "") or lon in (None, ""):
        fail("give both latitude and longitude, or neither")
    try:
        la, lo = float(lat), float(lon)
    except (TypeError, ValueError):
        fail(f"latitude and longitude must be numbers, not {lat!r}, {lon!r}")
    if not (-90 <= la <= 90 and -180 <= lo <= 180):
        fail(f"coordinates out of range: latitude {la}, longitude {lo}")
    return la, lo


def _fatalities(value: Any, fail) -> int | None:
    if value in (None, ""):
        return None
    try:
        n = int(str(value).strip()) if not isinstance(value, int) or isinstance(value, bool) else value
    except ValueError:
        n = None
    if isinstance(value, bool) or n is None or n < 0:
        fail(f"fatalities must be a whole number 0 or more, not {value!r}")
    return n


# -- Reading the gold file -------------------------------------------------------------------------------
def read_gold(path: str | Path, settings: EvaluationSettings | None = None, id_column: str | None = None) -> Gold:
    """The gold file: an ACLED-style CSV (a header row; an article id column and event_type required) or SCHEMA
    JSON lines with article_id. A malformed file raises GoldError naming the line and what is wrong."""
    settings = settings or EvaluationSettings.load()
    path = Path(path)
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            head = f.read(4096)
    except OSError as exc:
        raise GoldError(path, None, f"cannot read the gold file: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise GoldError(path, None, "the gold file is not UTF-8 text") from None
    if not head.strip():
        raise GoldError(path, None, "the gold file is empty")
    if path.suffix.lower() in JSONL_SUFFIXES or head.lstrip().startswith("{"):
        if id_column:
            raise GoldError(path, None, "--id-column is for CSV gold files; JSON lines carry article_id")
        return _read_jsonl(path, settings)
    return _read_csv(path, settings, id_column)


def _header_key(name: str) -> str:
    return re.sub(r"[\s.\-]+", "_", (name or "").strip().lower())


def _read_csv(path: Path, settings: EvaluationSettings, id_column: str | None) -> Gold:
    events: list[CodedEvent] = []
    articles: dict[str, None] = {}
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            sample = f.read(8192)
            f.seek(0)
            delimiter = "\t" if sample.split("\n", 1)[0].count("\t") > sample.split("\n", 1)[0].count(",") else ","
            reader = csv.reader(f, delimiter=delimiter, strict=True)
            try:
                header = next(reader)
            except StopIteration:
                raise GoldError(path, 1, "no header row") from None
            columns = _csv_columns(path, header, settings, id_column)
            coded = frozenset(k for k in columns if k not in ("article_id", "notes", "country", "admin1"))
            start = reader.line_num
            for row in reader:
                line = start + 1
                start = reader.line_num
                if not any(cell.strip() for cell in row):
                    continue
                if len(row) != len(header):
                    raise GoldError(path, line, f"{len(row)} fields where the header has {len(header)}")
                values = {k: row[i].strip() for k, i in columns.items()}
                ev = _csv_event(path, line, values, coded, settings)
                articles.setdefault(values["article_id"], None)
                if ev is not None:
                    events.append(ev)
    except csv.Error as exc:
        raise GoldError(path, reader.line_num, f"malformed CSV: {exc}") from None
    except UnicodeDecodeError:
        raise GoldError(path, None, "the gold file is not UTF-8 text") from None
    if not articles:
        raise GoldError(path, None, "no coded rows after the header")
    return Gold(path=str(path), format="csv", events=events, articles=list(articles))


def _csv_columns(path: Path, header: list[str], settings: EvaluationSettings, id_column: str | None) -> dict[str, int]:
    """record field -> column index; the article id and event_type columns are required."""
    keys = [_header_key(h) for h in header]
    out: dict[str, int] = {}
    names = dict(settings.csv_columns)
    if id_column:
        names["article_id"] = (_header_key(id_column),)
    for fld, options in names.items():
        for option in options:
            if option in keys:
                out[fld] = keys.index(option)
                break
    shown = ", ".join(h for h in header if h.strip()) or "(none)"
    if "article_id" not in out:
        wanted = repr(id_column) if id_column else "'article_id' (or " + ", ".join(names["article_id"][1:]) + ")"
        raise GoldError(path, 1, f"missing column {wanted}: the id of the article each event was coded from "
                                 f"(another name: --id-column NAME); the header has: {shown}")
    if "event_type" not in out:
        raise GoldError(path, 1, f"missing column 'event_type'; the header has: {shown}")
    return out


def _csv_event(path: Path, line: int, v: dict[str, str], coded: frozenset[str],
               settings: EvaluationSettings) -> CodedEvent | None:
    def fail(message: str):
        raise GoldError(path, line, message)

    if not v["article_id"]:
        fail("empty article id")
    if not v["event_type"]:
        filled = [k for k in ("sub_event_type", "actor1", "actor2", "date", "lat", "fatalities") if v.get(k)]
        if filled:
            fail(f"no event_type, but {', '.join(filled)} given (a row with an article id alone says the "
                 "article reports no event)")
        return None  # an article coded as reporting no event
    event_type, sub = _check_types(v["event_type"], v.get("sub_event_type"), fail)
    lat, lon = _coordinates(v.get("lat"), v.get("lon"), fail)
    return CodedEvent(article_id=v["article_id"], where=f"{path.name}:{line}", event_type=event_type,
                      sub_event_type=sub, actor1=v.get("actor1") or None, actor2=v.get("actor2") or None,
                      location=v.get("location") or None, lat=lat, lon=lon,
                      date=_gold_date(v.get("date"), settings, fail), fatalities=_fatalities(v.get("fatalities"), fail),
                      coded=coded)


def _gold_date(value: str | None, settings: EvaluationSettings, fail) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        pass
    for fmt in settings.date_formats:
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    fail(f"cannot read the date {value!r} (YYYY-MM-DD, or like 10 February 2017)")


def _read_jsonl(path: Path, settings: EvaluationSettings) -> Gold:
    events: list[CodedEvent] = []
    articles: dict[str, None] = {}
    skipped: dict[str, int] = {}
    try:
        with open(path, encoding="utf-8-sig") as f:
            for line_no, text in enumerate(f, 1):
                if not text.strip():
                    continue
                try:
                    rec = json.loads(text)
                except json.JSONDecodeError as exc:
                    raise GoldError(path, line_no, f"not JSON: {exc.msg} (column {exc.colno})") from None
                ev, reason = _record_event(rec, f"{path.name}:{line_no}", settings,
                                           fail=functools.partial(_fail_at, path, line_no), gold=True)
                articles.setdefault(str(rec["article_id"]).strip(), None)
                if ev is not None:
                    events.append(ev)
                elif reason:
                    skipped[reason] = skipped.get(reason, 0) + 1
    except UnicodeDecodeError:
        raise GoldError(path, None, "the gold file is not UTF-8 text") from None
    if not articles:
        raise GoldError(path, None, "no records")
    return Gold(path=str(path), format="jsonl", events=events, articles=list(articles), skipped=skipped)


def _fail_at(path: Path, line: int, message: str):
    raise GoldError(path, line, message)


_RECORD_FIELDS = ("event_type", "sub_event_type", "actor1", "actor2", "date", "location", "fatalities", "plover")


def _record_event(rec: Any, where: str, settings: EvaluationSettings, fail, gold: bool) -> tuple[CodedEvent | None, str | None]:
    """A SCHEMA record as a CodedEvent, or None and why it is left out. For gold records a malformed value is an
    error (`fail`); a record with nothing but its article_id says the article reports no event."""
    if not isinstance(rec, dict):
        fail("a record must be a JSON object")
    article = rec.get("article_id")
    if article is None or isinstance(article, bool | dict | list) or not str(article).strip():
        fail("missing 'article_id' (the id of the article the event was coded from)")
    article = str(article).strip()
    if gold and not any(k in rec for k in _RECORD_FIELDS):
        return None, None  # an article coded as reporting no event
    if (rec.get("modality") or "asserted") != "asserted":
        return None, "another modality than asserted"
    raw_type = rec.get("event_type")
    if not raw_type:
        return None, "PLOVER-only (no ACLED type)"
    if not isinstance(raw_type, str) or (rec.get("sub_event_type") is not None
                                         and not isinstance(rec.get("sub_event_type"), str)):
        fail("event_type and sub_event_type must be strings")
    event_type, sub = _check_types(raw_type, rec.get("sub_event_type"), fail)
    loc = rec.get("location")
    if loc is not None and not isinstance(loc, dict):
        fail("location must be an object with lat and lon")
    loc = loc or {}
    lat, lon = _coordinates(loc.get("lat"), loc.get("lon"), fail)
    date = rec.get("date")
    if date is not None and not isinstance(date, str):
        fail(f"date must be a YYYY-MM-DD string, not {date!r}")
    coded = frozenset(k for k in ("sub_event_type", "actor1", "actor2", "date", "fatalities") if k in rec) | {"event_type"}
    if lat is not None:
        coded |= {"lat", "lon"}
    fatalities = _fatalities(rec.get("fatalities"), fail)
    return CodedEvent(article_id=article, where=where if gold else str(rec.get("event_id") or where),
                      event_type=event_type, sub_event_type=sub, actor1=_actor_name(rec.get("actor1"), fail),
                      actor2=_actor_name(rec.get("actor2"), fail), location=loc.get("name"), lat=lat, lon=lon,
                      date=_gold_date(date, settings, fail), fatalities=fatalities if fatalities is not None else 0,
                      coded=coded), None


def _actor_name(value: Any, fail) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        return value["name"].strip() or None
    fail(f"an actor must be an object with a name (or a name), not {value!r}")


def system_events(records: Iterable[dict[str, Any]], settings: EvaluationSettings) -> tuple[list[CodedEvent], dict[str, int]]:
    """eventwire's SCHEMA records of one article as CodedEvents (asserted, ACLED-typed only), and counts of those
    left out. Records that refer back to an earlier one of the same event (`same_as`) are merged with it first,
    as the store's dedup merges reports, so that one event told in three sentences is one event."""
    out, skipped = [], {}

    def fail(message: str):
        raise ValueError(message)

    def skip(reason: str, n: int = 1) -> None:
        skipped[reason] = skipped.get(reason, 0) + n

    groups: dict[str, list[dict[str, Any]]] = {}
    for i, rec in enumerate(records):
        if not isinstance(rec, dict):
            skip("unreadable (not a JSON object)")
            continue
        if (rec.get("modality") or "asserted") != "asserted":
            skip("another modality than asserted")
            continue
        groups.setdefault(str(rec.get("same_as") or rec.get("event_id") or f"record {i + 1}"), []).append(rec)
    for key, recs in groups.items():
        if len(recs) > 1:
            from eventwire.dedup import merge

            skip("merged with an earlier record of the same event (same_as)", len(recs) - 1)
            rec = {**merge(recs).to_dict(), "event_id": key}
        else:
            rec = recs[0]
        try:
            ev, reason = _record_event(rec, key, settings, fail, gold=False)
        except ValueError as exc:
            ev, reason = None, f"unreadable ({exc})"
        if ev is not None:
            out.append(ev)
        elif reason:
            skip(reason)
    return out, skipped


# -- Comparing and pairing -------------------------------------------------------------------------------
class ActorNames:
    """Actor names as one key per actor: through the catalogue's aliases ("ISIS", "Daesh" -> Islamic State;
    "Military Forces of Syria (2000-)" -> Military Forces of Syria), else the normalised words."""

    def __init__(self, catalogue: Any, suffixes: tuple[re.Pattern, ...]):
        self.catalogue = catalogue
        self.suffixes = suffixes
        self._keys: dict[str, str] = {}

    def key(self, name: str | None) -> str | None:
        if not name:
            return None
        if name not in self._keys:
            from eventwire.extraction.actors.words import normalise

            bare = name
            for pattern in self.suffixes:
                bare = pattern.sub("", bare)
            actor = self.catalogue.resolve(bare) if self.catalogue is not None else None
            self._keys[name] = normalise(actor.name if actor is not None else bare)
        return self._keys[name]


class Evaluator:
    """Scores system records against a gold sample; owns the settings and the actor-name keys."""

    def __init__(self, catalogue: Any = None, settings: EvaluationSettings | None = None):
        self.settings = settings or EvaluationSettings.load()
        self.actors = ActorNames(catalogue, self.settings.actor_suffixes)

    @property
    def field_names(self) -> list[str]:
        return ["event_type", "sub_event_type", "actor1", "actor2", *self.settings.place_fields(), "date", "fatalities"]

    def compare(self, gold: CodedEvent, system: CodedEvent) -> dict[str, bool | None]:
        """Each field: True (agrees), False (differs) or None (the gold event does not code it)."""
        out: dict[str, bool | None] = {"event_type": gold.event_type == system.event_type}
        out["sub_event_type"] = gold.sub_event_type == system.sub_event_type \
            if "sub_event_type" in gold.coded and gold.sub_event_type else None
        for side in ("actor1", "actor2"):
            out[side] = self.actors.key(getattr(gold, side)) == self.actors.key(getattr(system, side)) \
                if side in gold.coded else None
        distance = None
        if gold.lat is not None and system.lat is not None:
            distance = haversine_km(gold.lat, gold.lon, system.lat, system.lon)
        for radius, name in zip(self.settings.radii_km, self.settings.place_fields()):
            out[name] = None if gold.lat is None else (distance is not None and distance <= radius)
        out["date"] = gold.date == system.date if "date" in gold.coded and gold.date is not None else None
        out["fatalities"] = gold.fatalities == (system.fatalities or 0) \
            if "fatalities" in gold.coded and gold.fatalities is not None else None
        return out

    def pair(self, gold: list[CodedEvent], system: list[CodedEvent]) -> list[tuple[int, int, dict[str, bool | None]]]:
        """Greedy pairing within one article: same family first, then most agreeing fields, then file order.
        Events of different families pair only when enough of their other fields agree."""
        family = self.settings.families
        widest = self.settings.place_fields()[-1]
        others = ("date", widest, "actor1", "actor2", "fatalities")
        candidates = []
        for i, g in enumerate(gold):
            for j, s in enumerate(system):
                fields = self.compare(g, s)
                agreeing = sum(1 for v in fields.values() if v)
                same_family = family.get(g.event_type) == family.get(s.event_type)
                if not same_family and sum(1 for f in others if fields[f]) < self.settings.min_agreeing:
                    continue
                candidates.append((not same_family, -agreeing, i, j, fields))
        candidates.sort(key=lambda c: c[:4])
        used_gold, used_system, pairs = set(), set(), []
        for _, _, i, j, fields in candidates:
            if i in used_gold or j in used_system:
                continue
            used_gold.add(i)
            used_system.add(j)
            pairs.append((i, j, fields))
        return sorted(pairs)

    def evaluate(self, gold: Gold, system: Mapping[str, list[dict[str, Any]]],
                 missing_articles: Iterable[str] = ()) -> Report:
        """The report over the gold articles that `system` has (an article absent from `system` is left out and
        listed; an article present with no record is one where eventwire found no event)."""
        report = Report(fields={f: FieldScore() for f in self.field_names}, gold_path=gold.path, gold_format=gold.format,
                        gold_skipped=dict(gold.skipped))
        report.missing_articles = [a for a in gold.articles if a not in system] + \
            [a for a in missing_articles if a not in gold.articles]
        by_article = gold.by_article()
        for article in gold.articles:
            if article not in system:
                continue
            golds = by_article[article]
            systems, skipped = system_events(system[article], self.settings)
            for reason, n in skipped.items():
                report.system_skipped[reason] = report.system_skipped.get(reason, 0) + n
            pairs = self.pair(golds, systems)
            for _, _, fields in pairs:
                for name, agrees in fields.items():
                    if agrees is not None:
                        report.fields[name].add(agrees)
            paired_gold = {i for i, _, _ in pairs}
            paired_system = {j for _, j, _ in pairs}
            report.articles.append(ArticleScore(
                article_id=article, gold=len(golds), system=len(systems), matched=len(pairs),
                missed=[g.brief() for i, g in enumerate(golds) if i not in paired_gold],
                spurious=[s.brief() for j, s in enumerate(systems) if j not in paired_system],
                differences=[{"gold": golds[i].where, "system": systems[j].where,
                              "fields": sorted(k for k, v in f.items() if v is False)}
                             for i, j, f in pairs if any(v is False for v in f.values())]))
        return report


# -- The report ------------------------------------------------------------------------------------------
@dataclass
class FieldScore:
    correct: int = 0
    scored: int = 0

    def add(self, agrees: bool) -> None:
        self.scored += 1
        self.correct += bool(agrees)

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.scored if self.scored else None


@dataclass
class ArticleScore:
    article_id: str
    gold: int  # events of each side, and how many paired
    system: int
    matched: int
    missed: list[dict[str, Any]]  # gold events not paired, extra system events, and the fields each pair differs on
    spurious: list[dict[str, Any]]
    differences: list[dict[str, Any]]


@dataclass
class Report:
    fields: dict[str, FieldScore]
    gold_path: str = ""
    gold_format: str = ""
    articles: list[ArticleScore] = field(default_factory=list)
    missing_articles: list[str] = field(default_factory=list)
    gold_skipped: dict[str, int] = field(default_factory=dict)
    system_skipped: dict[str, int] = field(default_factory=dict)

    @property
    def gold_events(self) -> int:
        return sum(a.gold for a in self.articles)

    @property
    def system_events(self) -> int:
        return sum(a.system for a in self.articles)

    @property
    def matched(self) -> int:
        return sum(a.matched for a in self.articles)

    @property
    def precision(self) -> float | None:
        return self.matched / self.system_events if self.system_events else None

    @property
    def recall(self) -> float | None:
        return self.matched / self.gold_events if self.gold_events else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)

    def to_dict(self) -> dict[str, Any]:
        def rounded(x: float | None) -> float | None:
            return None if x is None else round(x, 4)

        return {
            "gold": {"path": self.gold_path, "format": self.gold_format, "skipped": self.gold_skipped},
            "articles": len(self.articles), "articles_not_found": self.missing_articles,
            "events": {"gold": self.gold_events, "system": self.system_events, "matched": self.matched,
                       "precision": rounded(self.precision), "recall": rounded(self.recall), "f1": rounded(self.f1),
                       "system_skipped": self.system_skipped},
            "fields": {name: {"accuracy": rounded(s.accuracy), "correct": s.correct, "scored": s.scored}
                       for name, s in self.fields.items()},
            "by_article": [a.__dict__ for a in self.articles],
        }
