"""Deduplication: several articles report one event; group their records into one event with all its sources.

Pure functions over event records (records.Event, SCHEMA dicts, or the compact `DedupKey`), no database:
the store calls `cluster()` on its rows and the Spark job can call it per partition with the same result.

Two reports are the same event (`compatible`) when all of these hold:
  * same modality, and the same ACLED event type (Protests and Riots count as one family: a protest that
    turned violent is reported both ways); sub-event types equal, missing on one side, or in one family of
    types that reporters confuse (air strike / shelling, IED / suicide bomb / grenade, ...). Events with no
    ACLED type (PLOVER only) need the same PLOVER event.
  * dates overlap with one day's slack at day precision (a week is +-3 days, a month its calendar month);
    year-precision and undated events are never merged (too vague to tell one event from another).
  * same country, and places within 25 km; when either place is a region (precision 3) the two must lie in
    the same admin1 region instead. Events without a place are never merged.
  * actors do not contradict: on each side the names are equal or one is missing or "unidentified"; for
    battles the sides may be swapped (who attacked whom is reported both ways).

Two events of the SAME article (an extractor often reports the clash and, a sentence later, its death toll)
follow the same rules except that their dates must be equal: one text dates its events consistently, so a
day's difference there is a real difference, not reporting noise.

Clustering is greedy complete linkage, so chains of near-misses do not snowball (daily clashes in one town
stay one event a day): events are visited in (date, id) order and each joins the nearest existing cluster
whose every member it is compatible with; otherwise it starts a cluster. Candidates come from
blocks keyed by (country, day, 0.25-degree grid cell) and (country, admin1, day), so the work is near linear.
Clusters never cross countries: partitioning by country gives the same clusters as one global run.

`merge()` turns a cluster's records into the event's records.Event: the most conservative credible fatality
figure (ACLED's rule: the lowest figure reported), the most precise place and date, a confidence-weighted
vote on the type, and the union of allied actors.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from eventwire import collector
from eventwire.geo.distance import haversine_km
from eventwire.records import FATALITIES_AT_LEAST, IMPLAUSIBLE_FATALITIES, Event

MAX_DISTANCE_KM = 25.0
DAY_SLACK = 1
CELL_DEG = 0.25  # 27.8 km of latitude: a 25 km neighbour is always in an adjacent cell
LON_CELLS = round(360 / CELL_DEG)  # longitude cells wrap at the antimeridian

TYPE_FAMILIES = ({"Protests", "Riots"},)
SUB_TYPE_FAMILIES = (
    {"Air/drone strike", "Shelling/artillery/missile attack"},
    {"Remote explosive/landmine/IED", "Suicide bomb", "Grenade"},
    {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    {"Violent demonstration", "Mob violence"},
    {"Attack", "Abduction/forced disappearance", "Sexual violence"},
)
SYMMETRIC_TYPES = {"Battles"}
WILDCARD_ACTOR_PREFIXES = ("unidentified", "unknown")
PRECISION_HALF_WIDTH = {"day": 0, "week": 3}


@dataclass(slots=True)
class DedupKey:
    """What dedup compares, flat and small: one per event. `id` is the caller's handle for the event
    (an event_id, a database row id); `article` tells which article reported it."""

    id: Any
    article: Any
    event_type: str | None
    sub_event_type: str | None
    plover: str | None
    modality: str
    date: int | None  # proleptic Gregorian ordinal
    date_precision: str
    lat: float | None
    lon: float | None
    precision: int
    country: str | None
    admin1: str | None
    actor1: str | None  # lower-cased canonical name
    actor2: str | None


@dataclass
class Cluster:
    """One real-world event: the ids of the records that report it, in visit order (`ids[0]` first seen)."""

    ids: list[Any] = field(default_factory=list)
    indices: list[int] = field(default_factory=list)  # positions in the input

    def __len__(self) -> int:
        return len(self.ids)


# -- building keys -----------------------------------------------------------------------------------------
def _lower(name: Any) -> str | None:
    return name.strip().lower() if isinstance(name, str) and name.strip() else None


def _ordinal(value: Any) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().toordinal()
    if isinstance(value, dt.date):
        return value.toordinal()
    try:
        return dt.date.fromisoformat(str(value)[:10]).toordinal()
    except ValueError:
        return None


def _coordinate(value: Any, bound: float) -> float | None:
    """A latitude or longitude on the globe; anything else (NaN, 1e308, a string) places nothing."""
    try:
        number = float(value) if value is not None and not isinstance(value, bool) else None
    except (TypeError, ValueError, OverflowError):
        return None
    return number if number is not None and -bound <= number <= bound else None


def make_key(id: Any, article: Any, event_type: str | None, sub_event_type: str | None, plover: str | None,
             modality: str | None, date: Any, date_precision: str | None, lat: float | None, lon: float | None,
             precision: int | None, country: str | None, admin1: str | None, actor1: str | None,
             actor2: str | None) -> DedupKey:
    """A key from plain values (a database row, a Spark row): names and dates are normalised here."""
    return DedupKey(id=id, article=article, event_type=event_type, sub_event_type=sub_event_type, plover=plover,
                    modality=modality or "asserted", date=_ordinal(date), date_precision=date_precision or "day",
                    lat=_coordinate(lat, 90.0), lon=_coordinate(lon, 180.0),
                    precision=int(precision or 1), country=country or None, admin1=_lower(admin1),
                    actor1=_lower(actor1), actor2=_lower(actor2))


def key_of(item: Event | dict[str, Any] | DedupKey, id: Any = None) -> DedupKey:
    """The DedupKey of an Event, a SCHEMA dict, or a key (returned as is)."""
    if isinstance(item, DedupKey):
        return item
    d = item.to_dict() if isinstance(item, Event) else item
    loc = d.get("location") or {}
    plover = d.get("plover")
    plover = plover.get("event") if isinstance(plover, dict) else plover
    return make_key(id=d.get("event_id") if id is None else id, article=d.get("article_id"),
                    event_type=d.get("event_type"), sub_event_type=d.get("sub_event_type"), plover=plover,
                    modality=d.get("modality"), date=d.get("date"), date_precision=d.get("date_precision"),
                    lat=loc.get("lat"), lon=loc.get("lon"), precision=loc.get("precision"),
                    country=loc.get("country"), admin1=loc.get("admin1"),
                    actor1=(d.get("actor1") or {}).get("name"), actor2=(d.get("actor2") or {}).get("name"))


# -- the pairwise rule -------------------------------------------------------------------------------------
def date_interval(k: DedupKey) -> tuple[int, int] | None:
    """The days an event's date may stand for, or None when it is too vague to merge on."""
    if k.date is None:
        return None
    if k.date_precision in PRECISION_HALF_WIDTH:
        w = PRECISION_HALF_WIDTH[k.date_precision]
        return k.date - w, k.date + w
    if k.date_precision == "month":
        d = dt.date.fromordinal(k.date)
        # the month's own last day, not "the day before the next month": December 9999 has no next month
        last = d.replace(day=calendar.monthrange(d.year, d.month)[1])
        return d.replace(day=1).toordinal(), last.toordinal()
    return None


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    return haversine_km(lat1, lon1, lat2, lon2)


def _same_family(a: str, b: str, families: tuple[set[str], ...]) -> bool:
    return any(a in f and b in f for f in families)


def types_compatible(a: DedupKey, b: DedupKey) -> bool:
    if a.modality != b.modality:
        return False
    if a.event_type is None or b.event_type is None:
        return a.event_type is None and b.event_type is None and a.plover is not None and a.plover == b.plover
    if a.event_type != b.event_type:
        return _same_family(a.event_type, b.event_type, TYPE_FAMILIES)
    sa, sb = a.sub_event_type, b.sub_event_type
    return sa is None or sb is None or sa == sb or _same_family(sa, sb, SUB_TYPE_FAMILIES)


def dates_compatible(a: DedupKey, b: DedupKey) -> bool:
    ia, ib = date_interval(a), date_interval(b)
    if ia is None or ib is None:
        return False
    return ia[0] - DAY_SLACK <= ib[1] and ib[0] - DAY_SLACK <= ia[1]


def places_compatible(a: DedupKey, b: DedupKey) -> bool:
    if a.lat is None or b.lat is None or a.country is None or a.country != b.country:
        return False
    if a.precision >= 3 or b.precision >= 3:
        return a.admin1 is not None and a.admin1 == b.admin1
    return distance_km(a.lat, a.lon, b.lat, b.lon) <= MAX_DISTANCE_KM


def _side_ok(x: str | None, y: str | None) -> bool:
    return x is None or y is None or x == y or x.startswith(WILDCARD_ACTOR_PREFIXES) \
        or y.startswith(WILDCARD_ACTOR_PREFIXES)


def actors_compatible(a: DedupKey, b: DedupKey) -> bool:
    if _side_ok(a.actor1, b.actor1) and _side_ok(a.actor2, b.actor2):
        return True
    return a.event_type in SYMMETRIC_TYPES and _side_ok(a.actor1, b.actor2) and _side_ok(a.actor2, b.actor1)


def compatible(a: Event | dict | DedupKey, b: Event | dict | DedupKey) -> bool:
    """Could these two records report the same event?"""
    return compatible_keys(key_of(a), key_of(b))


# -- clustering --------------------------------------------------------------------------------------------
def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / CELL_DEG), math.floor(lon / CELL_DEG) % LON_CELLS


def _mergeable(k: DedupKey) -> bool:
    return k.lat is not None and k.lon is not None and k.country is not None and date_interval(k) is not None \
        and (k.event_type is not None or k.plover is not None)


def _sort_key(k: DedupKey) -> tuple:
    iv = date_interval(k)
    return (iv[0] if iv else -1, iv[1] if iv else -1, str(k.id))


def _neighbour_cells(lat: float, lon: float) -> list[tuple[int, int]]:
    """The grid cells that hold every point within MAX_DISTANCE_KM of (lat, lon)."""
    dlat = MAX_DISTANCE_KM / 110.5  # a degree of latitude is 110.6-111.7 km: err on the wide side
    edge = min(89.0, abs(lat) + dlat)
    dlon = min(180.0, MAX_DISTANCE_KM / (111.0 * math.cos(math.radians(edge))))
    rows = range(math.floor((lat - dlat) / CELL_DEG), math.floor((lat + dlat) / CELL_DEG) + 1)
    first, last = math.floor((lon - dlon) / CELL_DEG), math.floor((lon + dlon) / CELL_DEG)
    if last - first + 1 >= LON_CELLS:
        cols: Iterable[int] = range(LON_CELLS)
    elif first >= 0 and last < LON_CELLS:
        cols = range(first, last + 1)  # no wrap at the antimeridian (nearly always): no set to build
    else:
        cols = sorted({c % LON_CELLS for c in range(first, last + 1)})
    return [(r, c) for r in rows for c in cols]


def cluster(events: Iterable[Event | dict[str, Any] | DedupKey]) -> list[Cluster]:
    """Group records that report the same event. Every input is in exactly one Cluster (most alone)."""
    with collector.paused():
        return _cluster(events)


def _cluster(events: Iterable[Event | dict[str, Any] | DedupKey]) -> list[Cluster]:
    keys = [key_of(e) for e in events]
    spans = [date_interval(k) for k in keys]
    order = sorted(range(len(keys)), key=lambda i: (spans[i] or (-1, -1), str(keys[i].id)))
    clusters: list[Cluster] = []
    members: list[list[int]] = []  # per cluster: input indices
    cluster_of: list[int] = [-1] * len(keys)
    grid: dict[tuple, list[int]] = defaultdict(list)  # (country, day, ci, cj) -> indices, places at precision 1-2
    admin_all: dict[tuple, list[int]] = defaultdict(list)  # (country, admin1, day) -> indices
    admin_region: dict[tuple, list[int]] = defaultdict(list)  # same, precision-3 places only
    grid_get, admin_all_get, admin_region_get = grid.get, admin_all.get, admin_region.get

    for i in order:
        k = keys[i]
        span = spans[i]
        # _mergeable(k), with the span already at hand
        if span is None or k.lat is None or k.lon is None or k.country is None \
                or (k.event_type is None and k.plover is None):
            cluster_of[i] = len(clusters)
            clusters.append(Cluster(ids=[k.id], indices=[i]))
            members.append([i])
            continue
        lo, hi = span
        days = range(lo - DAY_SLACK, hi + DAY_SLACK + 1)
        candidates: set[int] = set()
        country, admin1 = k.country, k.admin1
        regional = k.precision >= 3
        if regional:
            if admin1 is not None:
                for d in days:
                    found = admin_all_get((country, admin1, d))
                    if found:
                        candidates.update(found)
        else:
            cells = _neighbour_cells(k.lat, k.lon)
            for d in days:
                for ci, cj in cells:
                    found = grid_get((country, d, ci, cj))
                    if found:
                        candidates.update(found)
                if admin1 is not None:
                    found = admin_region_get((country, admin1, d))
                    if found:
                        candidates.update(found)

        best: tuple | None = None
        tried: set[int] = set()
        for j in candidates:
            c = cluster_of[j]
            if c in tried:
                continue
            tried.add(c)
            # every candidate is mergeable, so its span is known: the pairwise rule without recomputing dates
            if not all(_compatible_spans(k, span, keys[m], spans[m]) for m in members[c]):
                continue
            anchor = keys[members[c][0]]
            score = (_gap_km(k, anchor), abs(k.date - anchor.date), c)
            if best is None or score < best:
                best = score
        if best is None:
            c = len(clusters)
            clusters.append(Cluster())
            members.append([])
        else:
            c = best[2]
        clusters[c].ids.append(k.id)
        clusters[c].indices.append(i)
        members[c].append(i)
        cluster_of[i] = c

        if regional:
            if admin1 is not None:
                for d in range(lo, hi + 1):
                    admin_all[(country, admin1, d)].append(i)
                    admin_region[(country, admin1, d)].append(i)
        else:
            own_cell = _cell(k.lat, k.lon)
            for d in range(lo, hi + 1):
                if admin1 is not None:
                    admin_all[(country, admin1, d)].append(i)
                grid[(country, d) + own_cell].append(i)
    return clusters


def _compatible_spans(a: DedupKey, span_a: tuple[int, int], b: DedupKey, span_b: tuple[int, int]) -> bool:
    """compatible_keys(a, b) for two mergeable keys whose date intervals are given (the cheap tests first)."""
    if a.article is not None and a.article == b.article \
            and (a.date != b.date or a.date_precision != b.date_precision):
        return False
    if span_a[0] - DAY_SLACK > span_b[1] or span_b[0] - DAY_SLACK > span_a[1]:
        return False
    return types_compatible(a, b) and places_compatible(a, b) and actors_compatible(a, b)


def compatible_keys(a: DedupKey, b: DedupKey) -> bool:
    if a.article is not None and a.article == b.article \
            and (a.date != b.date or a.date_precision != b.date_precision):
        return False
    return types_compatible(a, b) and dates_compatible(a, b) and places_compatible(a, b) \
        and actors_compatible(a, b)


def _gap_km(a: DedupKey, b: DedupKey) -> float:
    if a.precision >= 3 or b.precision >= 3:
        return MAX_DISTANCE_KM  # same region: as far as a match can be
    return distance_km(a.lat, a.lon, b.lat, b.lon)


# -- merging -----------------------------------------------------------------------------------------------
_DATE_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


def _conf(r: dict[str, Any]) -> float:
    try:
        return float(r.get("confidence") or 0.0)
    except (TypeError, ValueError):
        return 0.0


def _vote(values: list[tuple[Any, float]]) -> Any:
    """The value with the most confidence behind it (ties: the first seen)."""
    weight: Counter = Counter()
    first: dict[Any, int] = {}
    for n, (v, w) in enumerate(values):
        if v is None:
            continue
        weight[v] += max(w, 0.01)
        first.setdefault(v, n)
    if not weight:
        return None
    return max(weight, key=lambda v: (weight[v], -first[v]))


def conservative_fatalities(records: list[dict[str, Any]]) -> tuple[int | None, str | None]:
    """ACLED's rule: when reports differ, the most conservative credible figure (the lowest reported). A figure that
    is only the fewest its words allow ("killed civilians" 2, flagged fatalities_at_least) gives way to any
    figure a report told."""
    figures = [(r["fatalities"], r.get("fatalities_text"), FATALITIES_AT_LEAST in (r.get("flags") or []))
               for r in records if isinstance(r.get("fatalities"), int) and not isinstance(r.get("fatalities"), bool)
               and r["fatalities"] >= 0]
    if not figures:
        return None, None
    told = [f for f in figures if not f[2]] or figures
    return min(told, key=lambda f: f[0])[:2]


def _union_actors(lists: Iterable[list[dict] | None], exclude: set[str]) -> list[dict]:
    out, seen = [], set(exclude)
    for actors in lists:
        for a in actors or []:
            name = (a or {}).get("name")
            if name and name.lower() not in seen:
                seen.add(name.lower())
                out.append(a)
    return out


def _merged_flags(recs: list[dict[str, Any]], merged: dict[str, Any]) -> list[str]:
    """Every report's flags, once each; an implausible toll is no longer a flag of the event when another report
    gave a figure that stands (then its words are kept for the event when no report did)."""
    flags: list[str] = []
    for r in recs:
        for f in r.get("flags") or []:
            if isinstance(f, str) and f not in flags:
                flags.append(f)
    if any(r.get("fatalities") == merged.get("fatalities") and FATALITIES_AT_LEAST not in (r.get("flags") or [])
           for r in recs):
        flags = [f for f in flags if f != FATALITIES_AT_LEAST]  # a report told the figure
    if merged.get("fatalities") is not None:
        flags = [f for f in flags if f != IMPLAUSIBLE_FATALITIES]
    elif IMPLAUSIBLE_FATALITIES in flags:
        merged["fatalities_text"] = next((r.get("fatalities_text") for r in recs
                                          if IMPLAUSIBLE_FATALITIES in (r.get("flags") or [])), None)
    return flags


def merge(records: list[dict[str, Any] | Event]) -> Event:
    """The record of one event from the records of its sources (first = representative on ties)."""
    recs = [r.to_dict() if isinstance(r, Event) else r for r in records]
    if not recs:
        raise ValueError("merge() needs at least one record")
    if len(recs) == 1:
        return Event.from_dict(recs[0])
    confs = [_conf(r) for r in recs]  # once per record: every choice below weighs by it
    conf_of = confs.__getitem__
    rep = recs[max(range(len(recs)), key=conf_of)]  # the first of the most confident, as max(recs, key=_conf)
    out = dict(rep)

    etype = _vote([(r.get("event_type"), c) for r, c in zip(recs, confs)])
    out["event_type"] = etype
    same_type = [i for i, r in enumerate(recs) if r.get("event_type") == etype]
    out["sub_event_type"] = _vote([(recs[i].get("sub_event_type"), confs[i]) for i in same_type])
    typed = recs[max(same_type, key=conf_of)] if same_type else rep
    out["plover"], out["cameo"] = typed.get("plover"), typed.get("cameo")

    placed = [i for i, r in enumerate(recs) if r.get("location")]
    if placed:
        best = min(placed, key=lambda i: (int(recs[i]["location"].get("precision") or 1), -confs[i]))
        out["location"] = recs[best]["location"]

    dated = [r for r in recs if r.get("date")]
    if dated:
        best = min(dated, key=lambda r: (_DATE_RANK.get(r.get("date_precision") or "day", 3), r["date"]))
        out["date"], out["date_precision"], out["date_text"] = best["date"], best.get("date_precision"), \
            best.get("date_text")

    out["fatalities"], out["fatalities_text"] = conservative_fatalities(recs)
    out["flags"] = _merged_flags(recs, out)

    for side in ("actor1", "actor2"):
        if not out.get(side):
            out[side] = next((r[side] for r in recs if r.get(side)), None)
    named = {((out.get(s) or {}).get("name") or "").lower() for s in ("actor1", "actor2")} - {""}
    out["assoc_actor1"] = _union_actors((r.get("assoc_actor1") for r in [rep] + recs), named)
    out["assoc_actor2"] = _union_actors((r.get("assoc_actor2") for r in [rep] + recs),
                                        named | {a["name"].lower() for a in out["assoc_actor1"]})

    # independent reports raise the belief that the event happened (noisy-or), never to certainty
    miss = 1.0
    for c in confs:
        miss *= 1.0 - min(max(c, 0.0), 1.0)
    out["confidence"] = round(min(0.99, 1.0 - miss), 3)
    return Event.from_dict(out)
