"""The store's dedup: cluster the reports (eventwire.dedup) and bring the events table in line, incrementally."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import nullcontext

from sqlalchemy import Row, String, Text, bindparam, exists, func, select, text, type_coerce, update
from sqlalchemy.orm import Session

from eventwire import collector, dedup
from eventwire.storage import json_text
from eventwire.storage.bulk import can_copy, indexes_dropped, rollups_in_bulk, touched_ids, update_rows, update_rows_sqlite
from eventwire.storage.columns import event_columns
from eventwire.storage.limits import fit_row, storable_record
from eventwire.storage.models import EventRow, EventSourceRow, ReviewRow, utcnow
from eventwire.storage.reviews import apply_reviews
from eventwire.storage.values import DedupSummary

BATCH = 500
# a run re-merging more events rows than this, and at least a quarter of the table, rebuilds the rollups once from
# the events afterwards (SQLite) instead of subtracting and re-adding the touched rows: on a first dedup ~75% of
# the rows are touched, and two grouped upserts of each cost more than one count of all into empty tables
REBUILD_ROLLUPS_ABOVE = 10_000
REBUILD_SHARE = 4  # touched rows * REBUILD_SHARE >= all rows
# SQLite: a regroup moving more reports than this writes by UPDATE ... FROM a temporary table (one statement for all
# the rows) instead of an UPDATE per row; small runs keep the per-row statements (no temporary table to build)
SET_UPDATES_ABOVE = 1_000
SET_BATCHES = 10  # a set-based refresh writes the merged rows of this many batches by one UPDATE ... FROM
CHUNK_REPORTS = 50_000  # the reports clustered at a time: whole countries, at least this many (but the last chunk)


class DedupRuns:
    """The Store's dedup methods (a mixin: uses the Store's write sessions)."""

    def run_dedup(self, full: bool = False, rebuild_rollups_above: int = REBUILD_ROLLUPS_ABOVE) -> DedupSummary:
        """Cluster the reports (eventwire.dedup) and bring the events table in line: each cluster's event is
        its earliest row (stable ids), the other rows point to it with merged_into, and only clusters whose
        membership changed are re-merged. Incremental: only the countries with reports not yet clustered are
        re-clustered (clusters never cross countries, so this equals a full run); `full=True` re-clusters
        everything (after a change of the dedup rules). `rebuild_rollups_above`: the number of re-merged rows
        above which (if also a quarter of the table) SQLite's rollups are counted afresh once, not row by row.
        Holds the write lock; readers go on."""
        t0 = time.perf_counter()
        src = EventSourceRow.__table__
        # the collector paused for the run: keys, clusters and decoded records are ~10 objects a report
        with collector.paused(), self._write() as s:
            if s.bind.dialect.name == "postgresql":  # one dedup at a time, and no report slips in unclustered
                s.execute(text("LOCK TABLE event_sources IN SHARE ROW EXCLUSIVE MODE"))
            # SQLite: the date as its stored ISO text, which make_key reads (not parsed to a date by a regex first)
            date = type_coerce(EventSourceRow.date, String) if s.bind.dialect.name == "sqlite" else EventSourceRow.date
            cols = (EventSourceRow.id, EventSourceRow.origin_event_id, EventSourceRow.event_id,
                    EventSourceRow.article_id, EventSourceRow.article_key, EventSourceRow.event_type,
                    EventSourceRow.sub_event_type, EventSourceRow.plover_event, EventSourceRow.modality,
                    date.label("date"), EventSourceRow.date_precision, EventSourceRow.lat, EventSourceRow.lon,
                    EventSourceRow.geo_precision, EventSourceRow.country, EventSourceRow.admin1,
                    EventSourceRow.actor1, EventSourceRow.actor2)
            # by country, so the reports are clustered a chunk of whole countries at a time (clusters never cross
            # countries): the rows and keys of one chunk are held at a time, not of the whole table (~3 KB a report)
            query = select(*cols).order_by(EventSourceRow.country)
            if not full:
                countries = [c for c in s.execute(select(EventSourceRow.country).distinct()
                                                  .where(EventSourceRow.dedup_pending)).scalars() if c]
                query = query.where(EventSourceRow.country.in_(countries))
            changed, n_reports = [], 0
            # a Core read (not through the ORM session): plain rows, without the ORM's per-row result work
            for chunk in _country_chunks(s.connection().execute(query) if full or countries else [], CHUNK_REPORTS):
                n_reports += len(chunk)
                changed += _changed_clusters(chunk)
            if changed:  # SQLite: the rollups of the rows re-merged in two set passes, not a trigger run per row
                conn = s.connection()
                touched = sum(len(members) for _, members in changed)
                rebuild = (touched > rebuild_rollups_above and conn.dialect.name == "sqlite" and touched * REBUILD_SHARE
                           >= s.execute(select(func.count()).select_from(EventRow.__table__)).scalar_one())
                ids = nullcontext("1 = 1") if rebuild else touched_ids(conn, (o for _, m in changed for o in m))
                events_indexes = indexes_dropped(conn, ["events"]) if rebuild else nullcontext()
                with ids as where, rollups_in_bulk(conn, where, rebuild=rebuild), events_indexes:
                    self._regroup(s, changed)
            s.connection().execute(update(src).where(src.c.dedup_pending).values(dedup_pending=False))
            n_events = s.execute(select(func.count(EventRow.id)).where(EventRow.merged_into.is_(None))).scalar_one()
        return DedupSummary(reports=n_reports, events=n_events, changed=len(changed),
                            seconds=round(time.perf_counter() - t0, 3))

    def _regroup(self, s: Session, clusters: list[tuple[int, list[int]]]) -> None:
        """Point each cluster's reports at its event (the lowest origin id), mark the other rows merged into
        it, and re-merge those events. Batched: a first dedup of a large table is one pass, not one per event."""
        if not clusters:
            return
        conn = s.connection()
        src, ev = EventSourceRow.__table__, EventRow.__table__
        move = [{"b_origin": o, "b_target": t} for t, members in clusters for o in members]
        merged = [{"b_id": o, "b_into": None if o == t else t} for t, members in clusters for o in members]
        set_based = conn.dialect.name == "sqlite" and len(move) > SET_UPDATES_ABOVE
        if set_based:
            # rows already pointing where they should are not written (a cluster's own event, mostly); updated_at
            # as the per-row UPDATE's onupdate sets it
            now = utcnow()
            update_rows_sqlite(conn, src, [{"origin_event_id": o, "event_id": t} for t, members in clusters
                                           for o in members], match="origin_event_id", compare=("event_id",))
            update_rows_sqlite(conn, ev, [{"id": o, "merged_into": None if o == t else t, "updated_at": now}
                                          for t, members in clusters for o in members], compare=("merged_into",))
            move = []
        for i in range(0, len(move), 10 * BATCH):
            if can_copy(conn):
                # one UPDATE ... FROM a COPY-filled table per batch, not one statement per row: each statement also
                # runs the stats rollups' statement trigger (migration 0008)
                update_rows(conn, src, [{"origin_event_id": m["b_origin"], "event_id": m["b_target"]}
                                        for m in move[i:i + 10 * BATCH]], match="origin_event_id", changed_only=True)
                update_rows(conn, ev, [{"id": m["b_id"], "merged_into": m["b_into"]}
                                       for m in merged[i:i + 10 * BATCH]], changed_only=True)
                continue
            # rows already pointing where they should are not written (a cluster's own event, mostly)
            conn.execute(update(src).where(src.c.origin_event_id == bindparam("b_origin"),
                                           src.c.event_id != bindparam("b_target"))
                         .values(event_id=bindparam("b_target")), move[i:i + 10 * BATCH])
            conn.execute(update(ev).where(ev.c.id == bindparam("b_id"),
                                          ev.c.merged_into.is_distinct_from(bindparam("b_into")))
                         .values(merged_into=bindparam("b_into")), merged[i:i + 10 * BATCH])
        self._refresh(s, [t for t, _ in clusters], set_based)

    def _refresh(self, s: Session, event_ids: list[int], set_based: bool = False) -> None:
        """Recompute events' records from their sources and the reviews of every row merged into them."""
        conn = s.connection()
        ev = EventRow.__table__
        # no review stored at all (a bulk load, mostly): no batch needs to look its reviews up
        any_reviews = s.execute(select(exists().select_from(ReviewRow.__table__))).scalar_one()
        # SQLite: the records' JSON text decoded by json_text.loads (orjson where it reads what json does)
        raw_json = conn.dialect.name == "sqlite"
        record_col = type_coerce(EventSourceRow.record, Text).label("record") if raw_json else EventSourceRow.record
        pending: list[dict] = []  # set_based: merged rows not yet written
        for i in range(0, len(event_ids), BATCH):
            chunk = event_ids[i:i + BATCH]
            sources: dict[int, list] = defaultdict(list)
            for row in conn.execute(select(EventSourceRow.event_id, EventSourceRow.origin_event_id,
                                           EventSourceRow.article_id, EventSourceRow.article_key, record_col)
                                    .where(EventSourceRow.event_id.in_(chunk))
                                    .order_by(EventSourceRow.origin_event_id)):
                sources[row.event_id].append(row)
            reviews: dict[int, list] = defaultdict(list)
            origin_to_event = {r.origin_event_id: e for e, rows in sources.items() for r in rows} if any_reviews else {}
            ids = list(origin_to_event) + chunk if any_reviews else []
            for j in range(0, len(ids), BATCH):
                for r in s.execute(select(ReviewRow).where(ReviewRow.event_id.in_(ids[j:j + BATCH]))).scalars():
                    reviews[origin_to_event.get(r.event_id, r.event_id)].append(r)
            now, params = utcnow(), []
            for event_id in chunk:
                rows = sources.get(event_id)
                if not rows:
                    continue
                records = [json_text.loads(r.record) for r in rows] if raw_json else [r.record for r in rows]
                record, status = dedup.merge(records).to_dict(), "active"
                if event_id in reviews:
                    ordered = sorted(reviews[event_id], key=lambda r: (r.created_at, r.id))
                    record, status = apply_reviews(record, ordered)
                    # a review may have set any value: the merged record passes the limits like a new one (without
                    # reviews it is storable already: merge only picks and combines its sources' stored values)
                    record = storable_record(record, ev, EventSourceRow.__table__)
                articles = {r.article_id if r.article_id is not None else f"key:{r.article_key}" for r in rows}
                params.append({**fit_row(ev, {"b_id": event_id, "status": status, "source_count": len(articles),
                                              "updated_at": now, **event_columns(record)})[0], "record": record})
            if params and can_copy(conn):  # one statement (and trigger run) per batch
                update_rows(conn, ev, [{"id": p.pop("b_id"), **p} for p in params])
            elif set_based:  # written SET_BATCHES batches at a time: fewer temporary tables and statements
                pending += params
                if len(pending) >= SET_BATCHES * BATCH or i + BATCH >= len(event_ids):
                    update_rows_sqlite(conn, ev, [{"id": p.pop("b_id"), **p} for p in pending])
                    pending = []
            elif params:
                cols = [k for k in params[0] if k != "b_id"]
                conn.execute(update(ev).where(ev.c.id == bindparam("b_id"))
                             .values({c: bindparam(c) for c in cols}), params)


def _country_chunks(rows: Iterable[Row], size: int) -> Iterator[list[Row]]:
    """The reports (ordered by country) in lists of whole countries, each of at least `size` rows but the last."""
    chunk: list[Row] = []
    for row in rows:
        if len(chunk) >= size and row.country != chunk[-1].country:
            yield chunk
            chunk = []
        chunk.append(row)
    if chunk:
        yield chunk


def _changed_clusters(rows: list[Row]) -> list[tuple[int, list[int]]]:
    """Cluster the reports `rows` (whole countries) and return the clusters whose membership is not the one
    stored, each as (its event: the lowest origin id, its members' origin ids in order)."""
    current: dict[int, set[int]] = defaultdict(set)  # event id -> origin ids of its sources now
    keys = []
    for r in rows:
        current[r.event_id].add(r.origin_event_id)
        article = r.article_id if r.article_id is not None else f"key:{r.article_key}"
        keys.append(dedup.make_key(
            id=r.origin_event_id, article=article, event_type=r.event_type,
            sub_event_type=r.sub_event_type, plover=r.plover_event, modality=r.modality, date=r.date,
            date_precision=r.date_precision, lat=r.lat, lon=r.lon, precision=r.geo_precision,
            country=r.country, admin1=r.admin1, actor1=r.actor1, actor2=r.actor2))
    return [(min(c.ids), sorted(c.ids)) for c in dedup.cluster(keys) if current.get(min(c.ids)) != set(c.ids)]
