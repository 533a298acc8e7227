"""The per-article records (event_sources) read and re-coded as a whole: what eventwire coded from each article
(`eventwire evaluate --db`), the reports an actor-listing walks (`eventwire actors --unresolved`), and the
re-coding of their actors after the catalogue grew (`eventwire actors add`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, select, update

from eventwire.storage.columns import source_columns
from eventwire.storage.limits import fit_row, storable_record
from eventwire.storage.models import ArticleRow, EventRow, EventSourceRow

BATCH = 500


@dataclass(frozen=True)
class Report:
    """One article's report of one event, as stored: the record as that article gave it, and the status of the
    event it now belongs to (active, or rejected by a reviewer)."""

    source_id: int
    event_id: int
    article_key: str
    evidence_text: str | None
    record: dict[str, Any]
    status: str


@dataclass(frozen=True)
class RecodeSummary:
    reports: int  # reports whose record changed
    events: int  # events re-merged from them


class SourceRecords:
    """The Store's methods over the per-article records (a mixin: uses the Store's sessions and dedup refresh)."""

    def article_records(self, keys: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
        """The records eventwire coded from each of these articles (SCHEMA article ids), as extracted (before
        dedup and reviews). An article stored with no event maps to []; an article the store does not have is
        absent."""
        keys = list(dict.fromkeys(str(k) for k in keys))
        out: dict[str, list[dict[str, Any]]] = {}
        with self._read() as s:
            for i in range(0, len(keys), BATCH):
                chunk = keys[i:i + BATCH]
                for key in s.execute(select(ArticleRow.key).where(ArticleRow.key.in_(chunk))).scalars():
                    out.setdefault(key, [])
                for key, record in s.execute(select(EventSourceRow.article_key, EventSourceRow.record)
                                             .where(EventSourceRow.article_key.in_(chunk))
                                             .order_by(EventSourceRow.id)):
                    out.setdefault(key, []).append(record)
        return out

    def iter_reports(self, batch_size: int = BATCH) -> Iterator[Report]:
        """Every stored report, in the order they were stored, a batch at a time."""
        after = 0
        while True:
            with self._read() as s:
                rows = s.execute(select(EventSourceRow.id, EventSourceRow.event_id, EventSourceRow.article_key,
                                        EventSourceRow.evidence_text, EventSourceRow.record, EventRow.status)
                                 .join(EventRow, EventRow.id == EventSourceRow.event_id)
                                 .where(EventSourceRow.id > after).order_by(EventSourceRow.id)
                                 .limit(batch_size)).all()
            if not rows:
                return
            for r in rows:
                yield Report(source_id=r.id, event_id=r.event_id, article_key=r.article_key,
                             evidence_text=r.evidence_text, record=r.record, status=r.status)
            after = rows[-1].id

    def recode_reports(self, recode: Callable[[dict[str, Any]], dict[str, Any] | None],
                       batch_size: int = BATCH) -> RecodeSummary:
        """Give every report the record `recode(record)` returns (None: unchanged), update its columns, mark it
        for the next dedup, and re-merge the events it belongs to (their reviews are applied again on top). Each
        batch is one transaction; run `run_dedup()` afterwards, as changed actors may change the clusters."""
        src = EventSourceRow.__table__
        changed_reports, changed_events = 0, set()
        after = 0
        while True:
            with self._write() as s:
                rows = s.execute(select(EventSourceRow.id, EventSourceRow.event_id, EventSourceRow.record)
                                 .where(EventSourceRow.id > after).order_by(EventSourceRow.id)
                                 .limit(batch_size)).all()
                if not rows:
                    break
                after = rows[-1].id
                params, events = [], set()
                for r in rows:
                    new = recode(r.record)
                    if new is None or new == r.record:
                        continue
                    new = storable_record(new, EventRow.__table__, src)
                    params.append(fit_row(src, {"b_id": r.id, "record": new, "dedup_pending": True,
                                                **source_columns(new)})[0])
                    events.add(r.event_id)
                if params:
                    cols = [k for k in params[0] if k != "b_id"]
                    s.connection().execute(update(src).where(src.c.id == bindparam("b_id"))
                                           .values({c: bindparam(c) for c in cols}), params)
                    self._refresh(s, sorted(events))
                    changed_reports += len(params)
                    changed_events |= events
        return RecodeSummary(reports=changed_reports, events=len(changed_events))
