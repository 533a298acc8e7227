"""The store's dedup run (issue 13): with no review stored the refresh looks none up, reviews stored on any row of a
cluster still reach the merged event, and the garbage collector paused for the run is switched back on after it."""

from __future__ import annotations

import gc

from sqlalchemy import event, text

from eventfactory import make_event
from eventwire import dedup
from eventwire.storage.store import Store


def two_reports_of_one_clash(article: str, fatalities: int) -> dict:
    return make_event(article, date="2017-03-02", country="SYR", lat=33.5, lon=36.3, fatalities=fatalities,
                      text=f"Clash in the town reported by {article}.").to_dict()


def statements_during(store: Store, action) -> list[str]:
    seen: list[str] = []

    def note(conn, cursor, statement, *args):
        seen.append(statement)

    event.listen(store.engine, "before_cursor_execute", note)
    try:
        action()
    finally:
        event.remove(store.engine, "before_cursor_execute", note)
    return seen


def merged_events(store: Store) -> list[tuple]:
    with store.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(
            "SELECT id, fatalities, source_count FROM events WHERE merged_into IS NULL ORDER BY id"))]


def test_a_dedup_without_reviews_looks_none_up(tmp_path):
    store = Store(f"sqlite:///{tmp_path}/s.db")
    try:
        store.add_events([two_reports_of_one_clash("outlet-a", 4), two_reports_of_one_clash("outlet-b", 6)])
        statements = statements_during(store, store.run_dedup)
        assert not [s for s in statements if "FROM reviews" in s and "EXISTS" not in s]
        assert [row[1:] for row in merged_events(store)] == [(4, 2)]  # the lowest toll, both outlets
    finally:
        store.close()


def test_a_review_of_a_merged_row_reaches_the_cluster_event(tmp_path):
    store = Store(f"sqlite:///{tmp_path}/s.db")
    try:
        first, second = store.add_events([two_reports_of_one_clash("outlet-a", 4),
                                          two_reports_of_one_clash("outlet-b", 6)])
        store.add_review(second, "fatalities", "edited", 9)  # a review of the row that is merged away
        statements = statements_during(store, store.run_dedup)
        assert [s for s in statements if "FROM reviews" in s and "EXISTS" not in s]
        assert merged_events(store) == [(first, 9, 2)]
    finally:
        store.close()


def test_cluster_and_run_dedup_leave_the_collector_on(tmp_path):
    reports = [two_reports_of_one_clash("outlet-a", 4), two_reports_of_one_clash("outlet-b", 6)]
    assert [c.ids for c in dedup.cluster(reports)] and gc.isenabled()
    store = Store(f"sqlite:///{tmp_path}/s.db")
    try:
        store.add_events(reports)
        assert store.run_dedup().changed == 1
        assert gc.isenabled()
    finally:
        store.close()
