"""Aggregates from the stats rollups (migration 0008): what Store.aggregate answers without counting events.

A date range is cut into whole years, whole months and single days, each read from its grain, so a query reads
at most a few thousand rollup rows whatever the number of events. Filters the rollups do not hold (region, actor,
bounding box, evidence words, minimum fatalities) are left to the events table (Store.aggregate falls back); top
actors over the days at the ends of a range come from the events table too (the actor rollups stop at months).
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

from sqlalchemy import and_, false, func, or_, select

from eventwire.storage.columns import _date
from eventwire.storage.limits import clean_text
from eventwire.storage.models import EventRow, StatsActorRollupRow, StatsDayRow, StatsRollupRow

# the filters a rollup answers, and the value each has when it filters nothing
ROLLUP_FILTERS = {"country": None, "date_from": None, "date_to": None, "event_type": None, "sub_event_type": None,
                  "modality": "asserted", "include_rejected": False, "status": None}
NO_FILTER = {"admin1": None, "bbox": None, "actor": None, "text": None, "min_fatalities": None,
             "include_merged": False}
FIRST_DAY, LAST_DAY = dt.date(1, 1, 1), dt.date(9999, 12, 31)


def answerable(filters: dict[str, Any]) -> bool:
    """Whether the rollups hold the answer for these Store filters."""
    return all(k in ROLLUP_FILTERS or (k in NO_FILTER and not v and v != 0) for k, v in filters.items())


def _month_end(d: dt.date) -> dt.date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def _next_day(d: dt.date) -> dt.date | None:
    return d + dt.timedelta(days=1) if d < LAST_DAY else None


def split_range(date_from: dt.date | None, date_to: dt.date | None) -> list[tuple[str, str, str]]:
    """(grain, first period, last period) ranges that together hold the days from date_from to date_to: single
    days at the ends, whole months, whole years between; [("a", "", "")] (all time, undated events too) with no
    bound; [] for an empty range."""
    if date_from is None and date_to is None:
        return [("a", "", "")]
    lo, hi = date_from or FIRST_DAY, date_to or LAST_DAY
    if lo > hi:
        return []
    parts = []
    # the first whole month starts at or after lo, the last one ends at or before hi
    month_lo = lo if lo.day == 1 else _next_day(_month_end(lo))
    month_hi = hi if hi == _month_end(hi) else hi.replace(day=1) - dt.timedelta(days=1)
    if month_lo is None or month_hi < month_lo:
        return [("d", lo.isoformat(), hi.isoformat())]
    if lo < month_lo:
        parts.append(("d", lo.isoformat(), (month_lo - dt.timedelta(days=1)).isoformat()))
    if month_hi < hi:
        parts.append(("d", _next_day(month_hi).isoformat(), hi.isoformat()))
    year_lo = month_lo.year if month_lo.month == 1 else month_lo.year + 1
    year_hi = month_hi.year if month_hi.month == 12 else month_hi.year - 1
    if year_hi < year_lo:
        return [*parts, ("m", f"{month_lo:%Y-%m}", f"{month_hi:%Y-%m}")]
    if month_lo.year < year_lo:
        parts.append(("m", f"{month_lo:%Y-%m}", f"{month_lo.year:04d}-12"))
    if month_hi.year > year_hi:
        parts.append(("m", f"{month_hi.year:04d}-01", f"{month_hi:%Y-%m}"))
    return [*parts, ("y", f"{year_lo:04d}", f"{year_hi:04d}")]


class Rollups:
    """Store.aggregate from the rollups (a mixin: uses the Store's read sessions and its filters)."""

    def _aggregate_rollups(self, top: int, **filters: Any) -> dict[str, Any]:
        from eventwire.storage.queries import _type_condition

        f = {**ROLLUP_FILTERS, **{k: clean_text(v) if isinstance(v, str) else v for k, v in filters.items()}}
        date_from, date_to = _date(f["date_from"]) if f["date_from"] else None, \
            _date(f["date_to"]) if f["date_to"] else None
        parts = split_range(date_from, date_to)

        def dims(table, with_types: bool = True) -> list:
            conds = []
            if f["status"]:
                conds.append(table.status == f["status"])
            elif not f["include_rejected"]:
                conds.append(table.status == "active")
            if f["modality"]:
                conds.append(table.modality == f["modality"])
            if with_types and f["country"]:
                conds.append(table.country == f["country"].upper())
            if with_types and f["event_type"]:
                conds.append(_type_condition(f["event_type"], table=table))
            if with_types and f["sub_event_type"]:
                conds.append(_type_condition(f["sub_event_type"], table.sub_event_type, table=table))
            return conds

        def periods(table, grains: str) -> Any:
            return or_(false(), *(and_(table.grain == g, table.period.between(lo, hi)) for g, lo, hi in parts if g in grains))

        types: dict[Any, list[int]] = {}
        countries: dict[Any, list[int]] = {}
        actors: dict[str, list[int]] = {}
        days: dict[str, list[int]] = {}
        r, a = StatsRollupRow, StatsActorRollupRow
        n, dead = func.sum(r.events), func.sum(r.fatalities)
        with self._read() as s:
            if not parts:
                rows, day_rows, actor_rows = [], [], []
            else:
                rows = s.execute(select(r.country, r.event_type, n, dead).where(*dims(r), periods(r, "aym"))
                                 .group_by(r.country, r.event_type)).all()
                rows += s.execute(select(r.country, r.event_type, n, dead).where(*dims(r), periods(r, "d"))
                                  .group_by(r.country, r.event_type)).all() if any(p[0] == "d" for p in parts) \
                    else []
                lo, hi = (date_from or FIRST_DAY).isoformat(), (date_to or LAST_DAY).isoformat()
                if f["country"] or f["event_type"] or f["sub_event_type"]:  # the timeline of these only
                    day_range = [] if parts == [("a", "", "")] else [r.period.between(lo, hi)]
                    day_rows = s.execute(select(r.period, n, dead).where(*dims(r), r.grain == "d", *day_range)
                                         .group_by(r.period)).all()
                else:
                    t = StatsDayRow
                    day_range = [] if parts == [("a", "", "")] else [t.day.between(lo, hi)]
                    day_rows = s.execute(select(t.day, func.sum(t.events), func.sum(t.fatalities))
                                         .where(*dims(t, with_types=False), *day_range).group_by(t.day)).all()
                actor_rows = s.execute(select(a.actor, func.sum(a.events), func.sum(a.fatalities))
                                       .where(*dims(a), periods(a, "aym")).group_by(a.actor)).all()
                for _, first, last in (p for p in parts if p[0] == "d"):  # actors of single days: the events'
                    day_filters = {**filters, "date_from": first, "date_to": last}
                    actor_rows += [(name, events, fatalities) for actor1, actor2, events, fatalities in s.execute(
                        self._filtered(select(EventRow.actor1, EventRow.actor2, func.count(EventRow.id),
                                              func.coalesce(func.sum(EventRow.fatalities), 0)), **day_filters)
                        .group_by(EventRow.actor1, EventRow.actor2))
                        for name in {actor1, actor2} - {None, ""}]

        def add(table: dict, key: Any, events: int, fatalities: int) -> None:
            cell = table.setdefault(key, [0, 0])
            cell[0] += int(events or 0)
            cell[1] += int(fatalities or 0)

        for country, etype, events, fatalities in rows:
            add(types, etype or None, events, fatalities)
            add(countries, country or None, events, fatalities)
        for name, events, fatalities in actor_rows:
            add(actors, name, events, fatalities)
        for day, events, fatalities in day_rows:
            add(days, day, events, fatalities)

        def ranked(table: dict, limit: int | None = None) -> list[tuple[Any, list[int]]]:
            rows = sorted(((k, v) for k, v in table.items() if v[0]), key=lambda kv: (-kv[1][0], str(kv[0])))
            return rows[:limit] if limit else rows

        return {
            "events": sum(v[0] for v in types.values()), "fatalities": sum(v[1] for v in types.values()),
            "by_day": [{"date": d, "events": v[0], "fatalities": v[1]} for d, v in sorted(days.items()) if d and v[0]],
            "undated": days.get("", [0])[0],
            "by_type": [{"event_type": k, "events": v[0], "fatalities": v[1]} for k, v in ranked(types)],
            "by_country": [{"country": k, "events": v[0], "fatalities": v[1]} for k, v in ranked(countries, top)],
            "by_actor": [{"actor": k, "events": v[0], "fatalities": v[1]} for k, v in ranked(actors, top)],
        }
