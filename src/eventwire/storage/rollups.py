"""Aggregates from the stats rollups (migration 0008): what Store.aggregate answers without counting events.

A date range is cut into whole years, whole months and single days, each read from its grain, so a query reads
at most a few thousand rollup rows whatever the number of events. Filters the rollups do not hold (region, actor,
bounding box, evidence words, minimum fatalities) are left to the events table (Store.aggregate falls back); top
actors over the days at the ends of a range come from the events table too (the actor rollups stop at months).
"""

from __future__ import annotations

import calendar
import datetime as dt
from operator import itemgetter
from typing import Any

from sqlalchemy import BigInteger, Date, and_, cast, false, func, or_, select

from eventwire.storage.columns import _date
from eventwire.storage.limits import clean_text
from eventwire.storage.models import (
    EventRow,
    StatsActorRollupRow,
    StatsBinTypeRow,
    StatsDayRow,
    StatsDayTypeRow,
    StatsDyadRollupRow,
    StatsDyadTotalRow,
    StatsRollupRow,
)

# the filters a rollup answers, and the value each has when it filters nothing
ROLLUP_FILTERS = {"country": None, "date_from": None, "date_to": None, "event_type": None, "sub_event_type": None,
                  "plover": None, "modality": "asserted", "include_rejected": False, "status": None}
NO_FILTER = {"admin1": None, "bbox": None, "actor": None, "text": None, "min_fatalities": None,
             "include_merged": False, "min_confidence": None, "source": None}
FIRST_DAY, LAST_DAY = dt.date(1, 1, 1), dt.date(9999, 12, 31)
BINS = ("day", "week_in_month", "month")  # what by_day_type's rows can be; "auto" picks one by the range
AUTO_DAYS = 100  # bins="auto": days up to a range of this many days (about a quarter), months beyond


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


def bin_start(day: dt.date, bins: str) -> dt.date:
    """The first day of the bin holding `day`: the day itself, the later of its week's Monday and its month's
    first day (week_in_month), or its month's first day."""
    if bins == "month":
        return day.replace(day=1)
    if bins == "week_in_month":
        return max(day - dt.timedelta(days=day.weekday()), day.replace(day=1))
    return day


def _bin_end(day: dt.date, bins: str) -> dt.date:
    """The last day of the bin holding `day` (no date past LAST_DAY is made)."""
    month_end = _month_end(day)
    if bins == "month" or (bins == "week_in_month" and (month_end - day).days <= 6 - day.weekday()):
        return month_end
    return day + dt.timedelta(days=6 - day.weekday()) if bins == "week_in_month" else day


def whole_bins(lo: dt.date, hi: dt.date, bins: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day of the bins lying whole within lo..hi (None: no whole bin): the days outside are the
    partial bins at the ends of the range, read from the days."""
    first = lo if bin_start(lo, bins) == lo else _next_day(_bin_end(lo, bins))
    last = hi if _bin_end(hi, bins) == hi else bin_start(hi, bins) - dt.timedelta(days=1)
    return (first, last) if first is not None and first <= last else None


def pick_bins(date_from: dt.date, date_to: dt.date) -> str:
    """bins="auto": days for a range of up to AUTO_DAYS days, else months."""
    return "day" if (date_to - date_from).days < AUTO_DAYS else "month"


class _Scope:
    """One rollup query's filters: the conditions on a rollup table's dimensions and the periods of its range."""

    def __init__(self, filters: dict[str, Any]):
        f = {**ROLLUP_FILTERS, **{k: clean_text(v) if isinstance(v, str) else v for k, v in filters.items()
                                  if k in ROLLUP_FILTERS}}
        self.f = f
        self.date_from = _date(f["date_from"]) if f["date_from"] else None
        self.date_to = _date(f["date_to"]) if f["date_to"] else None
        self.parts = split_range(self.date_from, self.date_to)
        self.lo = (self.date_from or FIRST_DAY).isoformat()
        self.hi = (self.date_to or LAST_DAY).isoformat()

    @property
    def all_time(self) -> bool:
        return self.parts == [("a", "", "")]

    @property
    def one_row_each(self) -> bool:
        """Whether the conditions fix both status and modality: a row of a rollup whose key is its other columns and
        these two is then the only one of those other columns, and the rows read as they are hold what summing them
        by those columns would (no GROUP BY: SQLite sorted the dashboard's 3,750 bins into a temporary B-tree)."""
        f = self.f
        return bool(f["status"] or not f["include_rejected"]) and bool(f["modality"])

    @property
    def by_type(self) -> bool:
        """Whether a country or a type is asked for (the day totals without them do not answer)."""
        return bool(self.f["country"] or self.f["event_type"] or self.f["sub_event_type"] or self.f["plover"])

    def dims(self, table, with_types: bool = True) -> list:
        from eventwire.storage.queries import _type_condition

        f, conds = self.f, []
        if f["status"]:
            conds.append(table.status == f["status"])
        elif not f["include_rejected"]:
            conds.append(table.status == "active")
        if f["modality"]:
            conds.append(table.modality == f["modality"])
        if with_types and f["country"]:
            conds.append(table.country == f["country"].upper())
        if with_types and f["event_type"] and not hasattr(table, "sub_event_type"):  # stats_day_type: an ACLED
            conds.append(table.event_type == _acled_type(f["event_type"]))  # type only (acled_type_only)
        elif with_types and f["event_type"]:
            conds.append(_type_condition(f["event_type"], table=table))
        if with_types and f["sub_event_type"]:
            conds.append(_type_condition(f["sub_event_type"], table.sub_event_type, table=table))
        if with_types and f["plover"]:
            conds.append(_type_condition(f["plover"], table.plover_event, table=table))
        return conds

    def periods(self, table, grains: str) -> Any:
        # one period as an equality: an index on (grain, period, status, modality, ...) then gives the rows in the
        # order of the columns after them (the dyads' GROUP BY reads ix_stats_dyad_rollup_all in order)
        return or_(false(), *(and_(table.grain == g, table.period == lo if lo == hi else table.period.between(lo, hi))
                              for g, lo, hi in self.parts if g in grains))

    def one_period(self, grains: str) -> bool:
        """Whether periods(table, grains) is a single period (all time, one year or one month)."""
        coarse = [(lo, hi) for g, lo, hi in self.parts if g in grains]
        return len(coarse) == 1 and coarse[0][0] == coarse[0][1]

    def days(self) -> list[tuple[str, str]]:
        """The single days at the ends of the range (first, last), which the actor and dyad rollups do not hold."""
        return [(first, last) for g, first, last in self.parts if g == "d"]

    def acled_type_only(self) -> bool:
        """Whether the only type asked for, if any, is a known ACLED event type (an equality on event_type): what
        stats_day_type, which has no other type column, can answer."""
        f = self.f
        return not (f["country"] or f["sub_event_type"] or f["plover"]) and (
            not f["event_type"] or _acled_type(f["event_type"]) is not None)


def _acled_type(name: str) -> str | None:
    """The ACLED event type of this name, any case (None: not one)."""
    from eventwire.taxonomy import ACLED_EVENT_TYPES

    t = name.strip().lower()
    return next((n for n in ACLED_EVENT_TYPES if n.lower() == t), None)


class Rollups:
    """Store.aggregate and Store.breakdown from the rollups (a mixin: uses the Store's read sessions and its
    filters)."""

    def _aggregate_rollups(self, top: int, by_day_type: list[dict[str, Any]] | None = None,
                           **filters: Any) -> dict[str, Any]:
        """by_day_type: Store.breakdown's rows per day (of the same filters), summed into the timeline instead of
        reading the days again (only the undated events are then read)."""
        scope = _Scope(filters)
        parts, dims, periods = scope.parts, scope.dims, scope.periods
        types: dict[Any, list[int]] = {}
        countries: dict[Any, list[int]] = {}
        actors: dict[str, list[int]] = {}
        r, a = StatsRollupRow, StatsActorRollupRow
        n, dead = _sum(r.events), _sum(r.fatalities)
        with self._read() as s:
            if not parts:
                rows, day_rows, actor_rows = [], [], []
            else:
                rows = s.connection().execute(select(r.country, r.event_type, n, dead).where(*dims(r), periods(r, "aym"))
                                 .group_by(r.country, r.event_type)).all()
                rows += s.connection().execute(select(r.country, r.event_type, n, dead).where(*dims(r), periods(r, "d"))
                                  .group_by(r.country, r.event_type)).all() if scope.days() else []
                if by_day_type is None:
                    day_rows = self._timeline_rows(s, scope)
                else:
                    timeline: dict[str, list[int]] = {}
                    for row in by_day_type:
                        cell = timeline.get(row["date"])
                        if cell is None:
                            timeline[row["date"]] = [row["events"], row["fatalities"]]
                        else:
                            cell[0] += row["events"]
                            cell[1] += row["fatalities"]
                    day_rows = [(d, e, f) for d, (e, f) in timeline.items()]
                    day_rows += self._undated_rows(s, scope) if scope.all_time else []
                actor_rows = s.connection().execute(select(a.actor, _sum(a.events), _sum(a.fatalities))
                                       .where(*dims(a), periods(a, "aym")).group_by(a.actor)).all()
                for first, last in scope.days():  # actors of single days: the events'
                    day_filters = {**filters, "date_from": first, "date_to": last}
                    actor_rows += [(name, events, fatalities) for actor1, actor2, events, fatalities in s.connection().execute(
                        self._filtered(select(EventRow.actor1, EventRow.actor2, func.count(EventRow.id),
                                              func.coalesce(_sum(EventRow.fatalities), 0)), **day_filters)
                        .group_by(EventRow.actor1, EventRow.actor2))
                        for name in {actor1, actor2} - {None, ""}]

        for country, etype, events, fatalities in rows:
            _add(types, etype or None, events, fatalities)
            _add(countries, country or None, events, fatalities)
        for name, events, fatalities in actor_rows:
            _add(actors, name, events, fatalities)
        # one row per day (each source groups by day): no summing; the undated ('') first
        day_rows = sorted(day_rows, key=itemgetter(0))
        return {
            "events": sum(v[0] for v in types.values()), "fatalities": sum(v[1] for v in types.values()),
            "by_day": [{"date": d, "events": e, "fatalities": f or 0} for d, e, f in day_rows if d and e],
            "undated": int(day_rows[0][1] or 0) if day_rows and day_rows[0][0] == "" else 0,
            "by_type": [{"event_type": k, "events": v[0], "fatalities": v[1]} for k, v in _ranked(types)],
            "by_country": [{"country": k, "events": v[0], "fatalities": v[1]} for k, v in _ranked(countries, top)],
            "by_actor": [{"actor": k, "events": v[0], "fatalities": v[1]} for k, v in _ranked(actors, top)],
        }

    def _count_rollups(self, **filters: Any) -> int:
        """Store.count_events from stats_rollup: the sum over the range's years, months and single days (what
        _aggregate_rollups counts as "events")."""
        scope = _Scope(filters)
        if not scope.parts:
            return 0
        r = StatsRollupRow
        grains = "aymd" if scope.days() else "aym"
        with self._read() as s:
            total = s.connection().execute(select(_sum(r.events)).where(*scope.dims(r), scope.periods(r, grains)))
            return int(total.scalar() or 0)

    def _undated_rows(self, s: Any, scope: _Scope) -> list:
        """[('', events, fatalities)] of the undated events."""
        if not scope.by_type:
            t = StatsDayRow
            return s.connection().execute(select(t.day, _sum(t.events), _sum(t.fatalities))
                             .where(*scope.dims(t, with_types=False), t.day == "").group_by(t.day)).all()
        r = StatsRollupRow
        return s.connection().execute(select(r.period, _sum(r.events), _sum(r.fatalities))
                         .where(*scope.dims(r), r.grain == "d", r.period == "").group_by(r.period)).all()

    def _timeline_rows(self, s: Any, scope: _Scope) -> list:
        """(day, events, fatalities) rows of the range, day '' for the undated (all time only): from the day
        totals without a country or type, from the days by type with an ACLED type only (migration 0011), else
        from stats_rollup's day grain."""
        r = StatsRollupRow
        if not scope.by_type:
            t = StatsDayRow
            day_range = [] if scope.all_time else [t.day.between(scope.lo, scope.hi)]
            where = [*scope.dims(t, with_types=False), *day_range]
            if scope.one_row_each:  # key: day, status, modality
                return s.connection().execute(select(t.day, t.events, t.fatalities).where(*where)).all()
            return s.connection().execute(select(t.day, _sum(t.events), _sum(t.fatalities))
                             .where(*where).group_by(t.day)).all()
        if scope.acled_type_only() and self._has_breakdown_rollups():
            t = StatsDayTypeRow
            day_range = [] if scope.all_time else [t.day.between(scope.lo, scope.hi)]
            rows = s.connection().execute(select(t.day, _sum(t.events), _sum(t.fatalities))
                             .where(*scope.dims(t), *day_range).group_by(t.day)).all()
            if scope.all_time:  # stats_day_type holds dated events only
                rows += s.connection().execute(select(r.period, _sum(r.events), _sum(r.fatalities))
                                  .where(*scope.dims(r), r.grain == "d", r.period == "").group_by(r.period)).all()
            return rows
        day_range = [] if scope.all_time else [r.period.between(scope.lo, scope.hi)]
        return s.connection().execute(select(r.period, _sum(r.events), _sum(r.fatalities))
                         .where(*scope.dims(r), r.grain == "d", *day_range).group_by(r.period)).all()

    def _breakdown_rollups(self, top: int, bins: str = "day", **filters: Any) -> dict[str, Any]:
        """Store.breakdown from the rollups of migrations 0011 and 0012: the rows by type per day, week_in_month or
        month (see _rows_by_bin); the dyads from stats_dyad_total (no country or type asked for, 0012) or
        stats_dyad_rollup, those of the single days at the ends of the range from the events (as the actors in
        _aggregate_rollups). Sums, order and (without single days) the top dyads come from the database."""
        scope = _Scope(filters)
        if not scope.parts:
            return {"by_day_type": [], "by_dyad": []}
        # the order of Python's str (code points): PostgreSQL's "C" collation; SQLite's own (BINARY) already is
        ordered = (lambda c: c) if self.is_sqlite else (lambda c: c.collate("C"))
        with self._read() as s:
            by_day_type = self._rows_by_bin(s, scope, bins)
            d = StatsDyadTotalRow if not scope.by_type and self._has_coarse_rollups() else StatsDyadRollupRow
            if d is StatsDyadTotalRow and scope.one_row_each and scope.one_period("aym"):
                # key: grain, period, status, modality, actor_a, actor_b: one row per pair (5,600 of all time)
                n = d.events
                pairs = select(d.actor_a, d.actor_b, n, d.fatalities).where(*scope.dims(d), scope.periods(d, "aym"),
                                                                             n != 0)
            else:
                n = _sum(d.events)
                pairs = (select(d.actor_a, d.actor_b, n, _sum(d.fatalities)).where(*scope.dims(d), scope.periods(d, "aym"))
                         .group_by(d.actor_a, d.actor_b).having(n != 0))
            if not scope.days():  # the database ranks them
                pairs = pairs.order_by(n.desc(), ordered(d.actor_a), ordered(d.actor_b)).limit(top)
            pair_rows = s.connection().execute(pairs).all()
            for first, last in scope.days():
                day_filters = {**filters, "date_from": first, "date_to": last}
                pair_rows += s.connection().execute(
                    self._filtered(select(EventRow.actor1, EventRow.actor2, func.count(EventRow.id),
                                          func.coalesce(_sum(EventRow.fatalities), 0)), **day_filters)
                    .where(EventRow.actor1 != "", EventRow.actor2 != "", EventRow.actor1 != EventRow.actor2)
                    .group_by(EventRow.actor1, EventRow.actor2)).all()
        dyads: dict[tuple[str, str], list[int]] = {}
        for a1, a2, events, fatalities in pair_rows:
            _add(dyads, (a1, a2) if a1 < a2 else (a2, a1), events, fatalities)
        return {
            "by_day_type": by_day_type,
            "by_dyad": [{"actor1": a, "actor2": b, "events": v[0], "fatalities": v[1]}
                        for (a, b), v in sorted(((k, v) for k, v in dyads.items() if v[0]),
                                                key=lambda kv: (-kv[1][0], kv[0]))[:top]],
        }

    def _rows_by_bin(self, s: Any, scope: _Scope, bins: str) -> list[dict[str, Any]]:
        """by_day_type of the range in `bins`: the bins lying whole within the range from a coarse rollup (0012's
        stats_bin_type with no country or type but an ACLED one asked for; else months from stats_rollup's month
        grain), the days of the partial bins at its ends (all of them when no coarse rollup answers) from
        stats_day_type or stats_rollup's day grain, binned in SQL. Ten years are ~22,000 rows of days by type,
        ~3,800 of week_in_month bins, 720 of months."""
        if scope.acled_type_only():
            t = StatsDayTypeRow
            day, where = t.day, [*scope.dims(t)]
        else:
            t = StatsRollupRow
            day, where = t.period, [*scope.dims(t), t.grain == "d", t.period != ""]
        whole = whole_bins(scope.date_from or FIRST_DAY, scope.date_to or LAST_DAY, bins) if bins != "day" else None
        coarse = self._coarse_bins(scope, bins, whole) if whole else None
        if coarse is None:
            whole = None
        out: list[tuple[str, str, int, int]] = []
        if coarse is not None:
            table, period, coarse_where, name, keyed = coarse
            if keyed:
                coarse_rows = s.connection().execute(select(period, table.event_type, table.events, table.fatalities)
                                                     .where(*coarse_where, table.events != 0)).all()
            else:
                n = _sum(table.events)
                coarse_rows = s.connection().execute(
                    select(period, table.event_type, n, _sum(table.fatalities)).where(*coarse_where)
                    .group_by(period, table.event_type).having(n != 0)).all()
            out += coarse_rows if name is None else [(name(p), e, k, f) for p, e, k, f in coarse_rows]
        if whole is None:
            day_range = [] if scope.all_time else [day.between(scope.lo, scope.hi)]
        elif (whole[0].isoformat(), whole[1].isoformat()) == (scope.lo, scope.hi):
            day_range = None  # the coarse rows hold the whole range
        else:
            day_range = [day.between(scope.lo, scope.hi),
                         or_(day < whole[0].isoformat(), day > whole[1].isoformat())]
        if day_range is not None:
            binned = day if bins == "day" else _bin_sql(self.is_sqlite, bins, day)
            n = _sum(t.events)
            out += s.connection().execute(select(binned, t.event_type, n, _sum(t.fatalities)).where(*where, *day_range)
                             .group_by(binned, t.event_type).having(n != 0)).all()
        out.sort(key=itemgetter(0, 1))  # one row per bin and type; the sums are ints already (_sum)
        return [{"date": d, "event_type": e or None, "events": k, "fatalities": f or 0} for d, e, k, f in out]

    def _coarse_bins(self, scope: _Scope, bins: str, whole: tuple[dt.date, dt.date]) -> tuple | None:
        """(table, period column, conditions, bin name of a period (None: the period), whether its rows are one per
        bin and type) of the coarse rollup holding the whole `bins` from whole[0] to whole[1] for the scope's
        filters; None: none does."""
        lo, hi = whole
        if scope.acled_type_only() and self._has_coarse_rollups():
            t = StatsBinTypeRow
            period_range = [] if scope.all_time else [t.period.between(lo.isoformat(), hi.isoformat())]
            # key: bins, period, status, modality, event_type
            return t, t.period, [*scope.dims(t), t.bins == bins[0], *period_range], None, scope.one_row_each
        if bins == "month":
            t = StatsRollupRow
            period_range = [] if scope.all_time else [t.period.between(f"{lo:%Y-%m}", f"{hi:%Y-%m}")]
            return t, t.period, [*scope.dims(t), t.grain == "m", *period_range], lambda p: f"{p}-01", False
        return None


def _bin_sql(is_sqlite: bool, bins: str, day: Any) -> Any:
    """SQL of the bin of an ISO day (text), named by its first day: the later of its week's Monday and its month's
    first day (week_in_month), or its month's first day."""
    if bins == "month":
        return (func.date(day, "start of month") if is_sqlite
                else func.to_char(func.date_trunc("month", cast(day, Date)), "YYYY-MM-DD"))
    if is_sqlite:  # 'weekday 0': the next Sunday (or the day itself), 6 days before it the Monday
        return func.max(func.date(day, "weekday 0", "-6 days"), func.date(day, "start of month"))
    as_date = cast(day, Date)
    return func.to_char(func.greatest(func.date_trunc("week", as_date), func.date_trunc("month", as_date)),
                        "YYYY-MM-DD")


def _sum(col: Any) -> Any:
    """sum() as a BIGINT: PostgreSQL's sum of bigints is a numeric, which reaches Python as a slow Decimal."""
    return cast(func.sum(col), BigInteger)


def _add(table: dict, key: Any, events: int, fatalities: int) -> None:
    cell = table.setdefault(key, [0, 0])
    cell[0] += int(events or 0)
    cell[1] += int(fatalities or 0)


def _ranked(table: dict, limit: int | None = None) -> list[tuple[Any, list[int]]]:
    rows = sorted(((k, v) for k, v in table.items() if v[0]), key=lambda kv: (-kv[1][0], str(kv[0])))
    return rows[:limit] if limit else rows


def timeline_in_bins(by_day: list[dict[str, Any]], bins: str) -> list[dict[str, Any]]:
    """A timeline (rows of date, events, fatalities) summed into `bins`, each named by its first day."""
    cells: dict[str, list[int]] = {}
    for row in by_day:
        _add(cells, bin_start(dt.date.fromisoformat(row["date"]), bins).isoformat(), row["events"], row["fatalities"])
    return [{"date": d, "events": v[0], "fatalities": v[1]} for d, v in sorted(cells.items())]


def in_bins(by_day_type: list[dict[str, Any]], bins: str) -> list[dict[str, Any]]:
    """Rows per day and type summed into `bins`, each named by its first day (bin_start): week_in_month, weeks
    (Monday to Sunday) cut at month ends, which a weekly chart (bins by the Monday of their date) and a monthly one
    (by the month of their date) both sum exactly; or month."""
    if bins == "day":
        return by_day_type
    cells: dict[tuple[str, str], list[int]] = {}
    for row in by_day_type:
        start = bin_start(dt.date.fromisoformat(row["date"]), bins)
        _add(cells, (start.isoformat(), row["event_type"] or ""), row["events"], row["fatalities"])
    return [{"date": d, "event_type": t or None, "events": v[0], "fatalities": v[1]}
            for (d, t), v in sorted(cells.items())]
