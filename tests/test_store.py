"""The store: schema by migration, one transaction per article, idempotency, dedup, queries and reviews.

Every test here takes the `store` fixture; tests/test_postgres.py runs the same tests on PostgreSQL."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import inspect, select

from eventfactory import MOSUL, make_event, make_result
from eventwire.records import event_fields, field_paths
from eventwire.storage import columns
from eventwire.storage.models import ArticleRow, EventRow, EventSourceRow
from eventwire.storage.store import Store, StoreError, content_hash, resolve_url


@pytest.fixture
def store(tmp_path):
    s = Store(f"sqlite:///{tmp_path / 'events.db'}")
    yield s
    s.close()


def three_reports(store):
    """Three outlets report one battle at Al Bab differently."""
    a = store.add_result(make_result("reuters-1", [make_event("reuters-1", fatalities=12)], url="https://a.example/1"))
    b = store.add_result(make_result("sana-7", [make_event("sana-7", fatalities=9, date="2017-02-10",
                                                          lat=36.42, lon=37.56, actor2=None)],
                                     url="https://b.example/7", source="SANA"))
    c = store.add_result(make_result("local-3", [make_event("local-3", fatalities=None, geo=3, place="Aleppo",
                                                           lat=36.20, lon=37.16)], source="Local Radio"))
    return a, b, c


# -- the record and the columns ----------------------------------------------------------------------------
def test_every_event_field_is_a_column_or_inside_the_stored_record(store):
    paths = columns.column_paths()
    assert set(paths.values()) <= set(field_paths())  # each column reads a field the Event dataclass has
    table_columns = set(EventRow.__table__.c.keys()) | set(EventSourceRow.__table__.c.keys())
    assert set(paths) <= table_columns
    ev = make_event("full", fatalities=3, assoc1=["Free Syrian Army"])
    ev.date_text, ev.same_as = "on Thursday", "ew-0000000000000000"
    ids = store.add_result(make_result("full", [ev])).event_ids
    stored = store.get_event(ids[0])
    assert list(stored.record) == event_fields()  # the JSON record keeps every field, in record order
    assert stored.event == ev
    with store._read() as s:
        row = s.get(EventRow, ids[0])
        for col, path in paths.items():
            if hasattr(row, col) and col not in ("date", "assoc_actors"):
                assert getattr(row, col) == columns.get_path(ev.to_dict(), path), col


# -- opening ----------------------------------------------------------------------------------------------
def test_url_resolution(monkeypatch, tmp_path):
    monkeypatch.delenv("EVENTWIRE_DB", raising=False)
    assert resolve_url(None) == "sqlite:///eventwire.db"
    monkeypatch.setenv("EVENTWIRE_DB", str(tmp_path / "x.db"))
    assert resolve_url(None) == f"sqlite:///{tmp_path / 'x.db'}"
    assert resolve_url("postgresql://u:p@h/db") == "postgresql+psycopg://u:p@h/db"
    assert resolve_url("sqlite:///other.db") == "sqlite:///other.db"


def test_migrations_create_every_table_and_reopening_is_a_no_op(store):
    tables = set(inspect(store.engine).get_table_names())
    assert {"articles", "events", "event_sources", "reviews", "alembic_version"} <= tables
    store.add_result(make_result("a", [make_event("a")]))
    again = Store(store.url)
    assert again.stats()["articles"] == 1
    again.close()


def test_sqlite_runs_in_wal_mode(store):
    if not store.is_sqlite:
        pytest.skip("SQLite only")
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar().lower() == "wal"


def test_a_file_that_is_not_a_database_gives_a_clear_error(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_text("these are my notes, not a database\n" * 50)
    with pytest.raises(StoreError, match="cannot open"):
        Store(str(bad))


def test_processes_opening_a_fresh_sqlite_file_at_once_all_succeed(tmp_path):
    import subprocess
    import sys

    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    code = "import sys; from eventwire.storage.store import Store; s = Store(sys.argv[1]); s.stats(); s.close()"
    procs = [subprocess.Popen([sys.executable, "-c", code, url], stderr=subprocess.PIPE, text=True)
             for _ in range(4)]
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], errors
    fresh = Store(url)
    assert fresh.stats()["articles"] == 0
    fresh.close()


def test_migration_downgrade_and_upgrade_round_trip(store):
    from alembic import command

    from eventwire.storage.store import alembic_config

    cfg = alembic_config()
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "base")
    assert "events" not in inspect(store.engine).get_table_names()
    reopened = Store(store.url)
    assert "events" in inspect(reopened.engine).get_table_names()
    reopened.close()


# -- writing articles -------------------------------------------------------------------------------------
def test_add_result_stores_the_article_its_events_and_their_sources(store):
    ev1, ev2 = make_event("art", fatalities=3), make_event("art", etype="Violence against civilians", sub="Attack",
                                                            start=80, actor2="Civilians", inter2=7)
    added = store.add_result(make_result("art", [ev1, ev2], url="https://news.example/a", title="Clashes"))
    assert not added.duplicate and len(added.event_ids) == 2
    art = store.get_article(added.article_id)
    assert art.url == "https://news.example/a" and art.title == "Clashes" and art.event_count == 2
    assert art.content_hash == content_hash(art.text)
    got = store.get_event(added.event_ids[0])
    assert got.record == ev1.to_dict()
    assert got.source_count == 1 and got.sources[0].url == "https://news.example/a"
    assert got.sources[0].evidence["text"] == ev1.evidence.text
    assert store.get_event(got.uid).id == got.id
    assert store.get_event(10_000) is None


def test_the_same_article_twice_adds_nothing_by_url_or_by_text(store):
    first = store.add_result(make_result("a", [make_event("a")], url="https://x.example/1", text="Fighting in Al Bab."))
    same_url = store.add_result(make_result("b", [make_event("b")], url="https://x.example/1", text="Other text."))
    same_text = store.add_result(make_result("c", [make_event("c")], url="https://x.example/2",
                                             text="Fighting   in\nAl Bab.  "))  # whitespace differs only
    assert same_url.duplicate and same_text.duplicate
    assert same_url.article_id == first.article_id == same_text.article_id
    assert store.stats()["articles"] == 1 and store.stats()["reports"] == 1
    assert store.has_article(url="https://x.example/1")
    assert store.has_article(content_hash=content_hash("Fighting in Al Bab."))
    assert not store.has_article(url="https://x.example/3")
    assert not store.has_article()


def test_an_article_is_stored_all_or_nothing(store, monkeypatch):
    from sqlalchemy.exc import OperationalError

    from eventwire.storage import writes

    good = make_event("art")
    bad = make_event("art", start=50)
    real_source_columns = writes.source_columns

    def failing(rec):  # the article and its events rows are written by now: the sources' insert fails mid-way
        if rec["evidence"]["start"] == 50:
            raise OperationalError("INSERT INTO event_sources", {}, RuntimeError("disk I/O error"))
        return real_source_columns(rec)

    monkeypatch.setattr(writes, "source_columns", failing)
    with pytest.raises(OperationalError):
        store.add_result(make_result("art", [good, bad], url="https://x.example/art"))
    monkeypatch.setattr(writes, "source_columns", real_source_columns)
    assert not store.has_article(url="https://x.example/art")
    assert store.stats() == {"articles": 0, "reports": 0, "events": 0, "asserted_events": 0, "reviews": 0}
    assert store.add_result(make_result("art", [good], url="https://x.example/art")).event_ids  # and it can retry


def test_a_failed_extraction_is_refused(store):
    res = make_result("x", [])
    res.error = "the article is empty"
    with pytest.raises(ValueError, match="not extracted"):
        store.add_result(res)


def test_over_long_values_are_clipped_not_fatal(store):
    long_url = "https://news.example/" + "a" * 3000
    ev = make_event(long_url, actor1="Brigade " * 80, place="Town " * 80)
    added = store.add_result(make_result(long_url, [ev], url=long_url, source="S" * 900))
    art = store.get_article(added.article_id)
    assert len(art.url) == 2048 and len(art.key) == 512 and len(art.source) == 512
    got = store.get_event(added.event_ids[0])
    assert got.record["actor1"]["name"] == "Brigade " * 80  # the record keeps every character
    assert store.query_events(actor="Brigade Brigade")[0].id == got.id
    assert store.add_events([make_event("x" * 1000).to_dict()])


def test_add_events_loads_spark_output_once(store):
    recs = [make_event(f"spark-{i}", lat=30 + i, fatalities=i).to_dict() for i in range(5)]
    ids = store.add_events(recs)
    assert len(ids) == 5
    assert store.add_events(recs) == []
    assert store.stats()["reports"] == 5
    assert store.get_event(ids[2]).record["fatalities"] == 2


# -- dedup ------------------------------------------------------------------------------------------------
def test_dedup_merges_reports_into_one_event_and_keeps_every_source(store):
    a, b, c = three_reports(store)
    store.add_result(make_result("other", [make_event("other", **{**MOSUL, "place": "Mosul"})]))
    summary = store.run_dedup()
    assert summary.reports == 4 and summary.events == 2
    battle = store.get_event(a.event_ids[0])
    assert battle.id == a.event_ids[0]  # the earliest row is the event: ids stay stable
    assert battle.source_count == 3
    assert battle.record["fatalities"] == 9  # ACLED: the most conservative figure
    assert battle.record["location"]["name"] == "Al Bab"  # the most precise place
    assert battle.record["date"] == "2017-02-09"
    assert sorted(s.article_id for s in battle.sources) == sorted([a.article_id, b.article_id, c.article_id])
    assert {s.record["fatalities"] for s in battle.sources} == {12, 9, None}  # nothing thrown away
    # the merged rows are still there and lead to the event
    assert store.get_event(b.event_ids[0]).id == battle.id
    assert store.get_event(c.event_ids[0]).id == battle.id
    assert len(store.query_events()) == 2


def test_dedup_is_idempotent_and_incremental(store):
    a, _, _ = three_reports(store)
    first = store.run_dedup()
    again = store.run_dedup()
    assert again.changed == 0 and again.events == first.events
    late = store.add_result(make_result("late", [make_event("late", fatalities=7)]))
    third = store.run_dedup()
    assert third.changed == 1
    battle = store.get_event(late.event_ids[0])
    assert battle.id == a.event_ids[0] and battle.source_count == 4 and battle.record["fatalities"] == 7


def test_dedup_reclusters_only_countries_with_new_reports(store):
    three_reports(store)
    store.add_result(make_result("m1", [make_event("m1", **{**MOSUL, "place": "Mosul"})]))
    assert store.run_dedup().reports == 4
    assert store.run_dedup().reports == 0  # nothing new: nothing to read
    late = store.add_result(make_result("m2", [make_event("m2", **{**MOSUL, "place": "Mosul"}, fatalities=3)]))
    incremental = store.run_dedup()
    assert (incremental.reports, incremental.changed) == (2, 1)  # Iraq only
    full = store.run_dedup(full=True)
    assert full.changed == 0 and full.reports == 5 and full.events == incremental.events == 2
    assert store.get_event(late.event_ids[0]).source_count == 2


# -- queries ----------------------------------------------------------------------------------------------
@pytest.fixture
def varied(store):
    store.add_result(make_result("s1", [make_event("s1", date="2017-02-03", fatalities=4)]))
    store.add_result(make_result("s2", [make_event("s2", date="2017-02-20", etype="Explosions/Remote violence",
                                                   sub="Air/drone strike", actor1="Military Forces of Russia",
                                                   actor2="Civilians", fatalities=15, lat=35.9, lon=36.6,
                                                   admin1="Idlib", place="Idlib")]))
    store.add_result(make_result("i1", [make_event("i1", date="2017-03-01", actor1="Islamic State",
                                                   actor2="Military Forces of Iraq", **MOSUL)]))
    store.add_result(make_result("f1", [make_event("f1", date="2017-02-25", modality="future", lat=34.0)]))
    store.add_result(make_result("p1", [make_event("p1", date=None, etype=None, sub=None, plover="CONSULT",
                                                   actor1="Government of Turkey", actor2="Government of Russia")]))
    return store


def _places(events):
    return sorted((e.record["article_id"]) for e in events)


def test_query_filters(varied):
    s = varied
    assert _places(s.query_events()) == ["i1", "p1", "s1", "s2"]  # asserted only by default
    assert _places(s.query_events(modality=None)) == ["f1", "i1", "p1", "s1", "s2"]
    assert _places(s.query_events(country="syr")) == ["p1", "s1", "s2"]
    assert _places(s.query_events(date_from="2017-02-01", date_to="2017-02-28")) == ["s1", "s2"]
    assert _places(s.query_events(actor="islamic state")) == ["i1", "s1"]
    assert _places(s.query_events(actor="Russia")) == ["p1", "s2"]
    assert _places(s.query_events(event_type="Battles")) == ["i1", "s1"]
    assert _places(s.query_events(event_type="air/drone strike")) == ["s2"]
    assert _places(s.query_events(event_type="CONSULT")) == ["p1"]
    assert _places(s.query_events(min_fatalities=5)) == ["s2"]
    assert s.count_events(country="SYR") == 3
    assert s.query_events(actor="100%_") == []  # LIKE wildcards are literal


def test_evidence_search_finds_every_word_as_a_prefix_in_one_source(store):
    """SQLite (FTS5) and PostgreSQL (tsvector, via test_postgres) answer alike."""
    texts = ["Gunmen killed five farmers near Mopti.", "Soldiers KILLED two militants in an ambush.",
             "Protesters gathered in the square.", "An airstrike killed a commander near the depot.",
             "Militants ambushed a convoy and killed three.", "A bomb killed nobody."]
    dates = ["2020-01-10", "2020-01-14", "2020-01-12", "2020-01-11", "2020-01-13", "2020-01-09"]
    ids = [store.add_result(make_result(f"ev-{i}", [make_event(f"ev-{i}", text=t, date=d,
                                                                start=len(f"Article ev-{i}. "))]))
           .event_ids[0] for i, (t, d) in enumerate(zip(texts, dates))]
    assert store._evidence_index() in ("fts5", "tsvector")
    killed = [ids[1], ids[4], ids[3], ids[0], ids[5]]  # newest first
    assert [e.id for e in store.query_events(text="killed", newest_first=True)] == killed
    assert [e.id for e in store.query_events(text="AMBUSH kill", newest_first=True)] == [ids[1], ids[4]]
    assert [e.id for e in store.query_events(text="dep air")] == [ids[3]]
    assert store.query_events(text="depot shepherds") == []
    assert store.count_events(text="kill") == 5
    assert store.aggregate(text="killed")["events"] == 5
    page, cursor = store.page_events(text="killed", limit=2)
    assert [e.id for e in page] == killed[:2]
    assert [e.id for e in store.page_events(text="killed", limit=10, after=cursor)[0]] == killed[2:]
    # a page looks at the most recently stored matching sources only (a common word costs what a rare one does)
    recent = [e.id for e in store.page_events(text="killed", limit=10, text_candidates=3)[0]]
    assert recent == [ids[4], ids[3], ids[5]]  # stored last, listed by date
    assert [e.id for e in store.iter_events(text="killed", batch_size=2, newest_first=True)] == killed


def test_query_orders_by_date_with_undated_last_and_pages(varied):
    dates = [e.record["date"] for e in varied.query_events()]
    assert dates == ["2017-02-03", "2017-02-20", "2017-03-01", None]
    page = varied.query_events(limit=2, offset=1)
    assert [e.record["date"] for e in page] == ["2017-02-20", "2017-03-01"]
    assert len(list(varied.iter_events(batch_size=1))) == 4


def test_streaming_in_small_batches_gives_the_same_order_as_one_query(store):
    for i in range(23):
        date = None if i % 7 == 0 else f"2017-02-{1 + i % 3:02d}"  # many ties on a date, some undated
        store.add_result(make_result(f"b{i}", [make_event(f"b{i}", date=date, lat=30 + i)]))
    whole = [e.id for e in store.query_events()]
    assert len(whole) == 23
    assert [e.id for e in store.iter_events(batch_size=4)] == whole
    assert [e.id for e in store.iter_events(batch_size=3, offset=5, limit=11)] == whole[5:16]
    assert [e.id for e in store.iter_events(batch_size=5, limit=0)] == []


# -- reviews ----------------------------------------------------------------------------------------------
def test_reviews_change_the_event_and_are_kept_with_old_and_new_values(store):
    eid = store.add_result(make_result("a", [make_event("a", fatalities=12)])).event_ids[0]
    store.add_review(eid, "fatalities", "edited", 10, reviewer="ana", comment="the later toll")
    store.add_review(eid, "actor1", "accepted", reviewer="ana")
    assert store.get_event(eid).record["fatalities"] == 10
    assert store.query_events(min_fatalities=11) == []
    log = store.reviews(eid)
    assert [(r["field"], r["status"], r["old_value"], r["new_value"]) for r in log] == [
        ("fatalities", "edited", 12, 10), ("actor1", "accepted", log[1]["old_value"], log[1]["old_value"])]
    store.add_review(eid, "location.name", "edited", "Al-Bab town", reviewer="ben")
    assert store.get_event(eid).record["location"]["name"] == "Al-Bab town"


def test_a_rejected_event_leaves_the_table_but_not_the_database(store):
    eid = store.add_result(make_result("a", [make_event("a")])).event_ids[0]
    store.add_review(eid, "event", "rejected", reviewer="ana", comment="a rumour")
    assert store.query_events() == []
    assert [e.id for e in store.query_events(include_rejected=True)] == [eid]
    assert store.get_event(eid).status == "rejected"
    store.add_review(eid, "event", "accepted", reviewer="ben")
    assert [e.id for e in store.query_events()] == [eid]


def test_reviews_survive_a_later_merge(store):
    a, _, _ = three_reports(store)
    store.run_dedup()
    store.add_review(a.event_ids[0], "fatalities", "edited", 11, reviewer="ana")
    store.add_result(make_result("late", [make_event("late", fatalities=2)]))
    store.run_dedup()
    ev = store.get_event(a.event_ids[0])
    assert ev.source_count == 4 and ev.record["fatalities"] == 11


def test_bad_reviews_are_refused(store):
    eid = store.add_result(make_result("a", [make_event("a")])).event_ids[0]
    with pytest.raises(ValueError, match="status"):
        store.add_review(eid, "fatalities", "maybe")
    with pytest.raises(ValueError, match="cannot review"):
        store.add_review(eid, "article_id", "edited", "x")
    with pytest.raises(KeyError):
        store.add_review(999, "fatalities", "edited", 1)


def test_rows_carry_what_dedup_and_queries_need(store):
    store.add_result(make_result("a", [make_event("a", fatalities=5)]))
    with store._read() as s:
        src = s.execute(select(EventSourceRow)).scalar_one()
        ev = s.execute(select(EventRow)).scalar_one()
        art = s.execute(select(ArticleRow)).scalar_one()
    assert (src.country, src.admin1, src.actor1, src.event_type) == ("SYR", "Aleppo", "Islamic State", "Battles")
    assert (ev.country, ev.fatalities, ev.source_count, ev.plover_event) == ("SYR", 5, 1, "ASSAULT")
    assert json.loads(json.dumps(ev.record)) == ev.record and art.key == "a"
