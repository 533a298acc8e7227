"""Reading events: the filters every listing shares, streamed and keyset-paged listings, one event with its
sources, aggregates for the dashboard, and the store's counts."""

from __future__ import annotations

import re
import time
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import orjson
from sqlalchemy import Integer, Text, bindparam, column, false, func, inspect, literal_column, or_, select
from sqlalchemy import cast as sa_cast
from sqlalchemy import text as sa_text
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

from eventwire.storage import rollups
from eventwire.storage.columns import _date
from eventwire.storage.fts_terms import TermCache
from eventwire.storage.limits import INT32, as_int, clean_text
from eventwire.storage.models import ArticleRow, EventRow, EventSourceRow, ReviewRow
from eventwire.storage.values import SourceRef, StoredEvent, _stored
from eventwire.taxonomy import ACLED_EVENT_TYPES, ACLED_SUB_TO_TYPE, PLOVER_EVENTS

BATCH = 500
# a page of events found by evidence words comes from at most this many matching sources, the most recently stored
EVIDENCE_CANDIDATES = 2000
# PostgreSQL's full-text vector of the evidence, a generated column with a GIN index (migration 0009)
EVIDENCE_TSVECTOR = "es.evidence_tsv"
EVIDENCE_TSVECTOR_INDEX = "ix_event_sources_evidence_tsv"
WORD_STATS_TTL_S = 600.0  # how long PostgreSQL's statistics of the evidence's words are kept (Queries._pg_rare_word)


def fts_query(text: str) -> str | None:
    """Words -> an FTS5 query: every word, each as a prefix ("dep" finds "depot"); None when there is no word."""
    words = re.findall(r"\w+", text)
    return " ".join(f'"{w}"*' for w in words) or None


def _type_condition(name: str, column=None, table=EventRow):
    """An ACLED type, sub-type or PLOVER code, any case. A known name becomes an equality on its own column (which
    an index serves); anything else is compared case-insensitively with all three columns. `table`: any with the
    events' three type columns (the stats rollups too)."""
    t = name.strip().lower()
    columns = (table.event_type, table.sub_event_type, table.plover_event)
    for col, names in zip(columns, (ACLED_EVENT_TYPES, ACLED_SUB_TO_TYPE, PLOVER_EVENTS)):
        if column is not None and col.key != column.key:
            continue
        known = next((n for n in names if n.lower() == t), None)
        if known is not None:
            return col == known
    cols = [c for c in columns if column is None or c.key == column.key]
    return or_(*(func.lower(c) == t for c in cols))


# what a brief record holds: the events table's own columns (no JSON read), nested as the SCHEMA record nests them
BRIEF_COLUMNS = ("event_type", "sub_event_type", "plover_event", "cameo", "actor1", "actor2", "country", "admin1",
                 "location", "lat", "lon", "geo_precision", "date", "date_precision", "fatalities", "modality",
                 "confidence")


def _brief_record(row: Any) -> dict[str, Any]:
    """A SCHEMA record's fields that the events table's columns hold, in the record's own shape (a listing's
    rows: what a table or a map of events shows). `row`: the BRIEF_COLUMNS in their order (unpacked by position:
    a Row's attributes by name cost as much as the rest of the page)."""
    (event_type, sub_event_type, plover_event, cameo, actor1, actor2, country, admin1, location, lat, lon,
     geo_precision, date, date_precision, fatalities, modality, confidence) = row
    return {"event_type": event_type, "sub_event_type": sub_event_type,
            "plover": {"event": plover_event} if plover_event else None, "cameo": cameo,
            "actor1": {"name": actor1} if actor1 else None, "actor2": {"name": actor2} if actor2 else None,
            "location": {"name": location, "lat": lat, "lon": lon, "country": country, "admin1": admin1,
                         "precision": geo_precision},
            "date": date.isoformat() if date else None, "date_precision": date_precision,
            "fatalities": fatalities, "modality": modality, "confidence": confidence}


def _spliced_json(row: Any) -> str:
    """StoredEvent.to_dict() without sources as JSON text, from the record's stored text: the record's keys,
    then id, uid, status and source_count (which no SCHEMA record holds, so nothing is given twice)."""
    text = (row.record_text or "{}").rstrip()
    tail = orjson.dumps({"id": row.id, "uid": row.uid, "status": row.status, "source_count": row.source_count}
                        ).decode()  # as json.dumps(ensure_ascii=False) writes them, less its spaces: ~4x faster
    body = text[:-1].rstrip()
    return tail if body == "{" else f"{body}, {tail[1:]}"


def _escape_like(text: str) -> str:
    return re.sub(r"([\\%_])", r"\\\1", text)


class Queries:
    """The Store's read methods (a mixin: uses the Store's read sessions)."""

    def _filtered(self, stmt, **filters: Any):
        """`stmt` with the filters of the query methods; a filter's text is cleaned as stored text is
        (storage/limits.py), so that it reaches the database and finds what was stored."""
        return self._where(stmt, **{k: clean_text(v) if isinstance(v, str) else v for k, v in filters.items()})

    def _where(self, stmt, *, country=None, date_from=None, date_to=None, actor=None, event_type=None,
                  min_fatalities=None, modality: str | None = "asserted", include_rejected=False,
                  include_merged=False, admin1=None, sub_event_type=None, bbox=None, text=None, status=None,
                  text_candidates: int | None = None, plover=None, min_confidence=None,
                  source=None):
        """status: 'rejected' gives only reviewer-rejected events (include_rejected then does not matter).
        bbox: (west, south, east, north) in degrees. text: every word appears in one source's evidence (among
        the `text_candidates` most recently stored matching sources only, when given).
        plover: a PLOVER category, any case. source: an article source (exact name) among the event's reports."""
        if not include_merged:
            stmt = stmt.where(EventRow.merged_into.is_(None))
        if status:
            stmt = stmt.where(EventRow.status == status)
        elif not include_rejected:
            stmt = stmt.where(EventRow.status == "active")
        if admin1:
            stmt = stmt.where(EventRow.admin1 == admin1)  # the exact name, so that the index serves it
        if sub_event_type:
            stmt = stmt.where(_type_condition(sub_event_type, EventRow.sub_event_type))
        if bbox:
            west, south, east, north = (float(v) for v in bbox)
            stmt = stmt.where(EventRow.lat >= south, EventRow.lat <= north)
            # a box across the antimeridian (west > east) is two boxes
            stmt = stmt.where(EventRow.lon.between(west, east) if west <= east
                              else or_(EventRow.lon >= west, EventRow.lon <= east))
        if text:
            stmt = stmt.where(self._evidence_condition(text, text_candidates))
        if modality:
            stmt = stmt.where(EventRow.modality == modality)
        if country:
            stmt = stmt.where(EventRow.country == country.upper())
        if date_from:
            stmt = stmt.where(EventRow.date >= _date(date_from))
        if date_to:
            stmt = stmt.where(EventRow.date <= _date(date_to))
        if actor:
            pat = f"%{_escape_like(actor)}%"
            stmt = stmt.where(or_(EventRow.actor1.ilike(pat, escape="\\"), EventRow.actor2.ilike(pat, escape="\\"),
                                  EventRow.assoc_actors.ilike(pat, escape="\\")))
        if event_type:
            stmt = stmt.where(_type_condition(event_type))
        if plover:
            stmt = stmt.where(_type_condition(plover, EventRow.plover_event))
        if min_confidence is not None:
            stmt = stmt.where(EventRow.confidence >= float(min_confidence))
        if source:
            stmt = stmt.where(select(EventSourceRow.id).join(ArticleRow, ArticleRow.id == EventSourceRow.article_id)
                              .where(EventSourceRow.event_id == EventRow.id, ArticleRow.source == source).exists())
        if min_fatalities is not None:
            # a bound beyond what the column holds matches nothing (and must reach no database: it overflows)
            bound = int(min_fatalities)
            stmt = stmt.where(false() if bound > INT32[1] else EventRow.fatalities >= max(bound, INT32[0]))
        return stmt

    def _has_rollups(self) -> bool:
        """Whether the stats rollups exist (migration 0008 or later)."""
        if not hasattr(self, "_rollups_exist"):
            with self.engine.connect() as conn:
                self._rollups_exist = inspect(conn).has_table("stats_day_totals")
        return self._rollups_exist

    def _has_breakdown_rollups(self) -> bool:
        """Whether the rollups of the dashboard's charts exist (migration 0011 or later)."""
        if not hasattr(self, "_breakdown_rollups_exist"):
            with self.engine.connect() as conn:
                self._breakdown_rollups_exist = inspect(conn).has_table("stats_dyad_rollup")
        return self._breakdown_rollups_exist

    def _has_coarse_rollups(self) -> bool:
        """Whether the coarse rollups of long ranges exist (migration 0012 or later)."""
        if not hasattr(self, "_coarse_rollups_exist"):
            with self.engine.connect() as conn:
                self._coarse_rollups_exist = inspect(conn).has_table("stats_dyad_total")
        return self._coarse_rollups_exist

    def _resolve_bins(self, bins: str, filters: dict[str, Any]) -> str:
        """bins, "auto" made day or month by the range asked for (rollups.pick_bins), a side left open bounded by
        the first or last dated event."""
        if bins != "auto":
            if bins not in rollups.BINS:
                raise ValueError(f"bins must be auto, {', '.join(rollups.BINS)}, not {bins!r}")
            return bins
        lo, hi = (_date(filters[k]) if filters.get(k) else None for k in ("date_from", "date_to"))
        if lo is None or hi is None:
            with self._read() as s:
                # two statements: each is one step along the date index (min and max in one are a scan in SQLite)
                first = s.execute(select(func.min(EventRow.date))).scalar()
                last = s.execute(select(func.max(EventRow.date))).scalar()
            if first is None:
                return "day"
            lo, hi = lo or _date(first), hi or _date(last)
        return rollups.pick_bins(lo, hi) if lo <= hi else "day"

    def _evidence_index(self) -> str | None:
        """The full-text index of the evidence: "fts5" (SQLite at migration 0005 or later), "tsvector"
        (PostgreSQL at migration 0009 or later), or None (words are then found by substring, ILIKE)."""
        if not hasattr(self, "_has_fts"):
            with self.engine.connect() as conn:
                if self.is_sqlite:
                    found = conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'event_sources_fts'")
                else:
                    found = conn.exec_driver_sql("SELECT 1 FROM pg_indexes WHERE indexname = %(name)s",
                                                 {"name": EVIDENCE_TSVECTOR_INDEX})
                self._has_fts = ("fts5" if self.is_sqlite else "tsvector") if found.first() else None
        return self._has_fts

    def _evidence_condition(self, text: str, candidates: int | None = None):
        """Every word of `text` in one source's evidence (each word a prefix: "dep" finds "depot"), through the
        full-text index (SQLite FTS5; PostgreSQL: a tsquery on the GIN index of the evidence's tsvector).
        candidates: only the `candidates` most recently stored matching sources count (what page_events uses:
        a word found in half the store then costs what a rare one does, instead of sorting all its hits)."""
        kind, query = self._evidence_index(), fts_query(text)
        if kind == "fts5" and query:
            query = self._fts_match_query(text)
            found = sa_text("SELECT rowid FROM event_sources_fts WHERE event_sources_fts MATCH :q"
                            + (" ORDER BY rowid DESC LIMIT :k" if candidates else ""))  # FTS5 reads rowid order
            found = found.bindparams(q=query, **({"k": candidates} if candidates else {}))
            return EventRow.id.in_(select(EventSourceRow.event_id).where(
                EventSourceRow.id.in_(found.columns(column("rowid", Integer)))))
        if kind == "tsvector" and query:
            words = " & ".join(f"{w}:*" for w in re.findall(r"\w+", text))
            match = f"{EVIDENCE_TSVECTOR} @@ to_tsquery('simple', :q)"
            if candidates:
                # values written into the statement: a prepared statement's generic plan cannot tell a common word
                # (read the newest sources by id) from a rare one (the GIN index), and psycopg prepares repeats
                rare = self._pg_rare_word(re.findall(r"\w+", text), candidates)
                if rare is None:
                    found = sa_text(f"SELECT es.event_id FROM event_sources AS es WHERE {match} ORDER BY es.id DESC "
                                    "LIMIT :k").bindparams(bindparam("q", words, literal_execute=True),
                                                           bindparam("k", int(candidates), literal_execute=True))
                else:
                    # the rare word through the GIN index alone (a prefix of a common word there collects all its
                    # sources: 0.2 s at 1M), the others checked on those rows; "id + 0": not the newest ids first
                    # by the primary key, which the planner prefers and which reads ~1M rows for a rare word
                    rest = [w for w in re.findall(r"\w+", text) if w.lower() != rare]
                    checks = "".join(f" AND ts_match_vq({EVIDENCE_TSVECTOR}, to_tsquery('simple', :w{i}))"
                                     for i in range(len(rest)))
                    found = sa_text(f"SELECT es.event_id FROM event_sources AS es WHERE {EVIDENCE_TSVECTOR} @@ "
                                    f"to_tsquery('simple', :q){checks} ORDER BY es.id + 0 DESC LIMIT :k"
                                    ).bindparams(bindparam("q", f"{rare}:*", literal_execute=True),
                                                 bindparam("k", int(candidates), literal_execute=True),
                                                 *(bindparam(f"w{i}", f"{w}:*", literal_execute=True)
                                                   for i, w in enumerate(rest)))
                # the sources' events read on the rows found (not by joining event_sources again: 2,000 lookups)
                return EventRow.id.in_(found.columns(column("event_id", Integer)))
            return sa_text(f"EXISTS (SELECT 1 FROM event_sources AS es WHERE es.event_id = events.id AND {match})"
                           ).bindparams(q=words)
        return select(EventSourceRow.id).where(
            EventSourceRow.event_id == EventRow.id,
            *[EventSourceRow.evidence_text.ilike(f"%{_escape_like(w)}%", escape="\\") for w in text.split()]
        ).exists()

    def _fts_match_query(self, text: str) -> str | None:
        """fts_query(text) with short prefixes written as their terms (storage/fts_terms.py: read lazily). An
        in-memory database's one connection (StaticPool) may be in a read already: its query stays as it is."""
        if isinstance(self.engine.pool, StaticPool):
            return fts_query(text)
        if not hasattr(self, "_fts_terms"):
            self._fts_terms = TermCache()
        raw = self.engine.raw_connection()
        try:
            return self._fts_terms.match_query(raw.driver_connection, text)
        finally:
            raw.close()

    def _pg_word_stats(self) -> tuple[float, dict[str, float]]:
        """PostgreSQL: (sources, {lexeme: share of the sources holding it}) of the evidence, from the planner's
        statistics (ANALYZE's most common lexemes; (0, {}) before any), read again every WORD_STATS_TTL_S."""
        now = time.monotonic()
        cached = getattr(self, "_word_stats", None)
        if cached is None or now - cached[0] > WORD_STATS_TTL_S:
            with self.engine.connect() as conn:
                rows = conn.exec_driver_sql(
                    "SELECT u.e, u.f FROM pg_stats, unnest(most_common_elems::text::text[], most_common_elem_freqs) "
                    "AS u(e, f) WHERE schemaname = current_schema() AND tablename = 'event_sources' "
                    "AND attname = 'evidence_tsv'").all()
                sources = conn.exec_driver_sql(
                    "SELECT reltuples FROM pg_class WHERE oid = to_regclass('event_sources')").scalar()
            cached = (now, float(sources or 0), {e: float(f) for e, f in rows if e is not None})
            self._word_stats = cached
        return cached[1], cached[2]

    def _pg_rare_word(self, words: list[str], candidates: int) -> str | None:
        """The rarest of the evidence words (lower case) when it is rare enough that reading its sources through
        the GIN index beats reading the newest sources until `candidates` match: a share below
        sqrt(candidates / sources) / 3, 1.5% at 1M sources and 2,000 candidates (measured there: 1.2% 253 -> 122 ms,
        2% 145 -> 336 ms; a row read by the index costs ~3x one read in id order); None: not rare, or no statistics.
        A word is a prefix: its share is the sum of the lexemes it begins (an unlisted one is rarer than any)."""
        sources, shares = self._pg_word_stats()
        if not shares or sources <= 0 or not words:
            return None
        floor = min(shares.values())

        def share(word: str) -> float:
            return sum(f for e, f in shares.items() if e.startswith(word)) or floor / 2
        rarest = min((w.lower() for w in words), key=share)
        return rarest if share(rarest) < (candidates / sources) ** 0.5 / 3 else None

    def count_events(self, *, use_rollups: bool = True, **filters: Any) -> int:
        """How many events match; from the stats rollups when they hold the filters (a country's year: ~20 rollup
        rows instead of counting 23,000 events at 1M)."""
        if use_rollups and rollups.answerable(filters) and self._has_rollups():
            return self._count_rollups(**filters)
        with self._read() as s:
            return s.execute(self._filtered(select(func.count(EventRow.id)), **filters)).scalar_one()

    def iter_events(self, *, limit: int | None = None, offset: int = 0, with_sources: bool = True,
                    batch_size: int = 1000, newest_first: bool = False, **filters: Any) -> Iterator[StoredEvent]:
        """Matching events by date (oldest first, or newest_first; undated last either way), then id; streamed
        `batch_size` at a time. After the first batch it pages by keyset (page_events), so exporting a million
        events never rescans with OFFSET.
        with_sources: True (sources with their records), "brief" (without: exports), False (none)."""
        by_date = (EventRow.date.desc(), EventRow.id.desc()) if newest_first else (EventRow.date, EventRow.id)
        base = self._filtered(select(EventRow), **filters).order_by(EventRow.date.is_(None), *by_date)
        n = batch_size if limit is None else min(batch_size, limit)
        if n <= 0:
            return
        with self._read() as s:
            rows = list(s.execute(base.offset(offset).limit(n)).scalars())
            srcs = self._sources(s, [r.id for r in rows], brief=with_sources == "brief") if with_sources else {}
        yield from (_stored(r, srcs.get(r.id, [])) for r in rows)
        done = len(rows)
        if len(rows) < n:
            return
        cursor: tuple[str | None, int] | None = (rows[-1].date.isoformat() if rows[-1].date else None, rows[-1].id)
        while cursor is not None and (limit is None or done < limit):
            n = batch_size if limit is None else min(batch_size, limit - done)
            page, cursor = self.page_events(after=cursor, limit=n, newest_first=newest_first,
                                            with_sources=with_sources, text_candidates=None, **filters)
            yield from page
            done += len(page)

    def query_events(self, *, limit: int | None = None, offset: int = 0, **filters: Any) -> list[StoredEvent]:
        return list(self.iter_events(limit=limit, offset=offset, **filters))

    def page_events(self, *, after: tuple[str | None, int] | None = None, limit: int = 100,
                    newest_first: bool = True, with_sources: bool = False,
                    text_candidates: int | None = EVIDENCE_CANDIDATES, form: str = "full",
                    **filters: Any) -> tuple[list[Any], tuple[str | None, int] | None]:
        """One page of matching events by date (undated last), then id, and the cursor of the next page
        (None at the end). A cursor is the (date, id) of the last event handed out: pages stay right while
        events are added, and a deep page costs what the first does (two index-ordered queries, no OFFSET).
        With evidence words (text=), the pages go through the events of the `text_candidates` most recently
        stored matching sources (None: all of them, which for a common word means sorting all its hits).
        form: "full" (StoredEvents with their records), "brief" (StoredEvents whose record holds only what the
        events table's columns hold: BRIEF_FIELDS, no JSON read), or "json" (each event as the JSON text of
        StoredEvent.to_dict() without sources, spliced from the stored record's text: nothing decoded)."""
        if filters.get("text"):
            filters["text_candidates"] = text_candidates
        if form == "full":
            cols: list[Any] = [EventRow]
        elif form in ("brief", "json"):
            cols = [EventRow.id, EventRow.uid, EventRow.status, EventRow.source_count, EventRow.date]
            cols += [getattr(EventRow, c) for c in BRIEF_COLUMNS] if form == "brief" else \
                [sa_cast(EventRow.record, Text).label("record_text")]
        else:
            raise ValueError(f"form must be full, brief or json, not {form!r}")
        desc = newest_first
        order = (EventRow.date.desc(), EventRow.id.desc()) if desc else (EventRow.date, EventRow.id)
        after_date, after_id = (_date(after[0]), int(after[1])) if after else (None, None)
        rows: list[Any] = []

        def fetch(q) -> list[Any]:
            if form == "full":
                return list(s.execute(q).scalars())
            return s.connection().execute(q).all()  # plain rows: the ORM's row handling is a third of a page
        with self._read() as s:
            if after is None or after_date is not None:
                q = self._filtered(select(*cols), **filters).where(EventRow.date.is_not(None))
                if after_date is not None:
                    beyond = EventRow.date < after_date if desc else EventRow.date > after_date
                    same_day = EventRow.id < after_id if desc else EventRow.id > after_id
                    # the bound alone as well: with only the OR, SQLite reads a filtered listing (one country, one
                    # type) from its index without a range and sorts it all (8 s a page at 1M events)
                    q = q.where(EventRow.date <= after_date if desc else EventRow.date >= after_date,
                                or_(beyond, (EventRow.date == after_date) & same_day))
                rows = fetch(q.order_by(*order).limit(limit + 1))
            if len(rows) <= limit:
                q = self._filtered(select(*cols), **filters).where(EventRow.date.is_(None))
                if after is not None and after_date is None:
                    q = q.where(EventRow.id < after_id if desc else EventRow.id > after_id)
                q = q.order_by(EventRow.id.desc() if desc else EventRow.id).limit(limit + 1 - len(rows))
                rows += fetch(q)
            more = len(rows) > limit
            rows = rows[:limit]
            if form == "json":
                page: list[Any] = [_spliced_json(r) for r in rows]
            elif form == "brief":
                page = [StoredEvent(id=r[0], uid=r[1], record=_brief_record(r[5:]), source_count=r[3], status=r[2])
                        for r in rows]
            else:
                srcs = self._sources(s, [r.id for r in rows], brief=with_sources == "brief") if with_sources else {}
                page = [_stored(r, srcs.get(r.id, [])) for r in rows]
        last = rows[-1] if rows else None
        cursor = (last.date.isoformat() if last.date else None, last.id) if more and last else None
        return page, cursor

    def aggregate(self, *, top: int = 20, use_rollups: bool = True, **filters: Any) -> dict[str, Any]:
        """Counts and fatalities of the matching events per day, event type, country and actor (the `top`
        countries and actors with most events), for the dashboard's timeline and summaries. From the stats
        rollups (storage/rollups.py) when they hold the filters; else (or use_rollups=False) three GROUP BYs
        (day; country x type; actor pair) over columns an index covers (models.STATS_COLUMNS), summed here."""
        if use_rollups and rollups.answerable(filters) and self._has_rollups():
            return self._aggregate_rollups(top, **filters)
        n, dead = func.count(EventRow.id), func.coalesce(func.sum(EventRow.fatalities), 0)

        def grouped(s: Session, *cols):
            return s.execute(self._filtered(select(*cols, n, dead), **filters).group_by(*cols)).all()

        def add(table: dict, key: Any, events: int, fatalities: int) -> None:
            cell = table.setdefault(key, [0, 0])
            cell[0] += events
            cell[1] += int(fatalities or 0)

        types: dict[Any, list[int]] = {}
        countries: dict[Any, list[int]] = {}
        actors: dict[str, list[int]] = {}
        with self._read() as s:
            by_day = grouped(s, EventRow.date)
            # country first: SQLite then reads the covering index ix_events_stats_country, not the type index
            for country, etype, events, fatalities in grouped(s, EventRow.country, EventRow.event_type):
                add(types, etype, events, fatalities)
                add(countries, country, events, fatalities)
            for actor1, actor2, events, fatalities in grouped(s, EventRow.actor1, EventRow.actor2):
                for name in {actor1, actor2} - {None, ""}:
                    add(actors, name, events, fatalities)

        def ranked(table: dict, limit: int | None = None) -> list[tuple[Any, list[int]]]:
            rows = sorted(table.items(), key=lambda kv: (-kv[1][0], str(kv[0])))
            return rows[:limit] if limit else rows

        return {
            "events": sum(r[1] for r in by_day), "fatalities": sum(int(r[2] or 0) for r in by_day),
            "by_day": [{"date": d.isoformat(), "events": e, "fatalities": int(f or 0)}
                       for d, e, f in sorted(r for r in by_day if r[0] is not None)],
            "undated": next((r[1] for r in by_day if r[0] is None), 0),
            "by_type": [{"event_type": k, "events": v[0], "fatalities": v[1]} for k, v in ranked(types)],
            "by_country": [{"country": k, "events": v[0], "fatalities": v[1]} for k, v in ranked(countries, top)],
            "by_actor": [{"actor": k, "events": v[0], "fatalities": v[1]} for k, v in ranked(actors, top)],
        }

    def dashboard_stats(self, *, top: int = 20, bins: str = "day", **filters: Any) -> dict[str, Any]:
        """aggregate() and breakdown() in one dict (what /api/stats answers), with the bins of by_day_type used
        ("bins": "auto" resolved); bins="month" makes the timeline (by_day) monthly too, each month named by its
        first day (ten years: 120 rows, not 3,650). From the rollups, the timeline is summed from the rows by type
        instead of being read a second time."""
        bins = self._resolve_bins(bins, filters)
        if rollups.answerable(filters) and self._has_rollups() and self._has_breakdown_rollups():
            charts = self._breakdown_rollups(top, bins=bins, **filters)
            rows = charts["by_day_type"] if bins in ("day", "month") else None
            return {**self._aggregate_rollups(top, by_day_type=rows, **filters), **charts, "bins": bins}
        totals = self.aggregate(top=top, **filters)
        if bins == "month":
            totals["by_day"] = rollups.timeline_in_bins(totals["by_day"], bins)
        return {**totals, **self.breakdown(top=top, bins=bins, **filters), "bins": bins}

    def breakdown(self, *, top: int = 20, use_rollups: bool = True, bins: str = "day",
                  **filters: Any) -> dict[str, Any]:
        """What the dashboard's charts add to `aggregate`: counts and fatalities per day and event type (None: an
        event with a PLOVER category only), and the `top` dyads (two actors, either order, one-sided events left
        out). From the rollups of migrations 0011 and 0012 (storage/rollups.py) when they hold the filters; else
        (or use_rollups=False) two GROUP BYs over covering indexes (models.STATS_COLUMNS).
        bins: by_day_type's rows are days, or bins named by their first day (rollups.in_bins): week_in_month,
        weeks cut at month ends, which a weekly and a monthly chart both sum exactly (ten years are ~640 bins, not
        3,650 days); month; auto: days for a short range, months for a long one (rollups.pick_bins)."""
        bins = self._resolve_bins(bins, filters)
        if use_rollups and rollups.answerable(filters) and self._has_breakdown_rollups():
            return self._breakdown_rollups(top, bins=bins, **filters)
        out = self._breakdown_events(top, **filters)
        out["by_day_type"] = rollups.in_bins(out["by_day_type"], bins)
        return out

    def _breakdown_events(self, top: int, **filters: Any) -> dict[str, Any]:
        """Store.breakdown counted from the events table."""
        n, dead = func.count(EventRow.id), func.coalesce(func.sum(EventRow.fatalities), 0)
        # grouped by an expression, not the column: SQLite then scans a covering index instead of reading every
        # row through the type index (1.6 s -> 0.24 s for 200,000 events, benchmarks/api.py's data)
        etype = func.coalesce(EventRow.event_type, literal_column("''"))  # a literal: PostgreSQL must see the
        # same expression in SELECT and GROUP BY (two bound parameters would differ)
        with self._read() as s:
            def grouped(*cols, where=()):
                return s.execute(self._filtered(select(*cols, n, dead), **filters).where(*where)
                                 .group_by(*cols)).all()

            day_type = grouped(EventRow.date, etype, where=[EventRow.date.is_not(None)])
            pairs = grouped(EventRow.actor1, EventRow.actor2,
                            where=[EventRow.actor1.is_not(None), EventRow.actor2.is_not(None)])
        dyads: dict[tuple[str, str], list[int]] = {}
        for a1, a2, events, fatalities in pairs:
            if a1 and a2 and a1 != a2:
                cell = dyads.setdefault(tuple(sorted((a1, a2))), [0, 0])
                cell[0] += events
                cell[1] += int(fatalities or 0)

        return {
            "by_day_type": [{"date": d.isoformat(), "event_type": t or None, "events": e, "fatalities": int(f or 0)}
                            for d, t, e, f in sorted(day_type, key=lambda r: (r[0], r[1]))],
            "by_dyad": [{"actor1": a, "actor2": b, "events": v[0], "fatalities": v[1]}
                        for (a, b), v in sorted(dyads.items(), key=lambda kv: (-kv[1][0], kv[0]))[:top]],
        }

    def article_sources(self, limit: int = 500) -> list[str]:
        """The article sources (publishers) with most articles, for the dashboard's source filter."""
        with self._read() as s:
            rows = s.execute(select(ArticleRow.source).where(ArticleRow.source.is_not(None), ArticleRow.source != "")
                             .group_by(ArticleRow.source).order_by(func.count(ArticleRow.id).desc(), ArticleRow.source)
                             .limit(limit)).scalars()
            return list(rows)

    def get_event(self, event_id: int | str) -> StoredEvent | None:
        """By id or uid; an event merged into another gives the event it is part of now."""
        with self._read() as s:
            row = None
            if isinstance(event_id, int) or (isinstance(event_id, str) and event_id.isdecimal()):
                # no row has an id the column cannot hold (and a string of thousands of digits is not read)
                number = event_id if isinstance(event_id, int) else int(event_id) if len(event_id) < 20 else None
                row_id = as_int(number, INT32)
                row = s.get(EventRow, row_id) if row_id is not None else None
            elif isinstance(event_id, str):
                row = s.execute(select(EventRow).where(EventRow.uid == event_id)).scalar()
            for _ in range(64):  # follow merges (never deep: targets are never merged themselves)
                if row is None or row.merged_into is None:
                    break
                row = s.get(EventRow, row.merged_into)
            if row is None:
                return None
            return _stored(row, self._sources(s, [row.id]).get(row.id, []))

    def _sources(self, s: Session, event_ids: list[int], brief: bool = False) -> dict[int, list[SourceRef]]:
        """Each event's sources. brief: without the per-article records (what exports need, at a third of
        the cost); SourceRef.record then holds only the report's event_id."""
        out: dict[int, list[SourceRef]] = defaultdict(list)
        src = EventSourceRow
        cols = [src.event_id, src.article_id, src.article_key, src.source_event_id, src.evidence_text,
                src.evidence_start, src.evidence_end, ArticleRow.title, ArticleRow.url, ArticleRow.source,
                ArticleRow.published] + ([] if brief else [src.record])
        for i in range(0, len(event_ids), BATCH):
            chunk = event_ids[i:i + BATCH]
            q = (select(*cols).join(ArticleRow, ArticleRow.id == src.article_id, isouter=True)
                 .where(src.event_id.in_(chunk)).order_by(src.id))
            for r in s.execute(q):
                out[r.event_id].append(SourceRef(
                    article_id=r.article_id, article_key=r.article_key, title=r.title, url=r.url, source=r.source,
                    published=r.published,
                    evidence={"text": r.evidence_text, "start": r.evidence_start, "end": r.evidence_end},
                    record={"event_id": r.source_event_id} if brief else r.record))
        return out

    def stats(self) -> dict[str, int]:
        with self._read() as s:
            def n(stmt):
                return s.execute(stmt).scalar_one()
            return {
                "articles": n(select(func.count(ArticleRow.id))),
                "reports": n(select(func.count(EventSourceRow.id))),
                "events": n(select(func.count(EventRow.id)).where(EventRow.merged_into.is_(None))),
                "asserted_events": n(select(func.count(EventRow.id)).where(
                    EventRow.merged_into.is_(None), EventRow.status == "active", EventRow.modality == "asserted")),
                "reviews": n(select(func.count(ReviewRow.id))),
            }
