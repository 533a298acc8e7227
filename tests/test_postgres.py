"""The same store tests on a real PostgreSQL server (EVENTWIRE_TEST_PG_URL; .ci/run starts one), plus what
only matters there: two processes migrating at once and concurrent writers of the same article."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest
from sqlalchemy import text

import test_store
from eventfactory import make_event, make_result
from eventwire.storage.store import Store
from storebackends import wipe

PG_URL = os.environ.get("EVENTWIRE_TEST_PG_URL")
pytestmark = [pytest.mark.postgres,
              pytest.mark.skipif(not PG_URL, reason="EVENTWIRE_TEST_PG_URL is not set (no PostgreSQL server; "
                                                    ".ci/run installs and starts one)")]




@pytest.fixture
def store():
    wipe(PG_URL)
    s = Store(PG_URL)
    yield s
    s.close()
    wipe(PG_URL)


# every store test, on PostgreSQL (they take the `store` fixture above)
for _name in dir(test_store):
    if _name.startswith("test_") and callable(getattr(test_store, _name)):
        globals()[_name] = getattr(test_store, _name)
varied = test_store.varied


def test_the_store_really_is_postgresql(store):
    assert store.engine.dialect.name == "postgresql"
    with store.engine.connect() as conn:
        assert "PostgreSQL" in conn.execute(text("select version()")).scalar()


def test_two_processes_opening_a_fresh_database_at_once_migrate_once():
    wipe(PG_URL)
    code = "import sys; from eventwire.storage.store import Store; Store(sys.argv[1]).close(); print('ok')"
    procs = [subprocess.Popen([sys.executable, "-c", code, PG_URL], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(3)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], outs
    s = Store(PG_URL)
    assert s.stats()["articles"] == 0
    s.close()
    wipe(PG_URL)


def test_concurrent_writers_of_one_article_store_it_once(store):
    results, errors = [], []

    def write():
        try:
            s = Store(PG_URL)
            results.append(s.add_result(make_result("same", [make_event("same")], url="https://x.example/same")))
            s.close()
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=write) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    assert sum(not r.duplicate for r in results) == 1
    assert store.stats()["articles"] == 1 and store.stats()["reports"] == 1


def test_evidence_pages_through_a_rare_word_find_what_the_newest_sources_do(store, monkeypatch):
    """A page by evidence words whose rarest word goes through the GIN index alone (the others checked on its
    rows, Queries._pg_rare_word) lists what reading the newest sources in id order lists."""
    texts = ["Gunmen killed five farmers near Mopti.", "Soldiers KILLED two militants in an ambush near Mopti.",
             "Protesters gathered in Mopti square.", "An airstrike killed a commander near the depot.",
             "Militants ambushed a convoy near Mopti and killed three.", "A bomb killed nobody."]
    for i, t in enumerate(texts):
        store.add_result(make_result(f"rw-{i}", [make_event(f"rw-{i}", text=t, date=f"2020-01-{10 + i:02d}",
                                                            start=len(f"Article rw-{i}. "))]))
    questions = ["mopti", "killed mop", "AMBUSH kill mopti", "depot air", "mopti shepherds"]

    def pages(q):
        first, cursor = store.page_events(text=q, limit=2)
        return [e.id for e in first], cursor and [e.id for e in store.page_events(text=q, limit=10, after=cursor)[0]]
    monkeypatch.setattr(store, "_pg_word_stats", lambda: (0.0, {}))  # no statistics: the newest sources first
    assert store._pg_rare_word(["mopti"], 2000) is None
    by_id = {q: pages(q) for q in questions}
    # statistics where every word of the texts is common but "mopti" and "depot" (and words no text holds) rare
    shares = {"killed": 0.5, "ambush": 0.3, "ambushed": 0.2, "airstrike": 0.2, "mopti": 0.001, "depot": 0.002}
    monkeypatch.setattr(store, "_pg_word_stats", lambda: (1_000_000.0, shares))
    assert store._pg_rare_word(["killed", "Mopti"], 2000) == "mopti"
    assert store._pg_rare_word(["killed"], 2000) is None
    assert store._pg_rare_word(["shepherds", "mopti"], 2000) == "shepherds"  # unlisted: rarer than any listed
    assert {q: pages(q) for q in questions} == by_id
    assert by_id["killed mop"][0] and by_id["mopti shepherds"] == ([], None)


def test_the_servers_change_mark_holds_no_transaction_open(store):
    """ChangeWatch reads pg_current_wal_lsn() in autocommit: a transaction left open for the server's life would
    hold back VACUUM's horizon."""
    from eventwire.serve.cache import ChangeWatch

    watch = ChangeWatch(store)
    assert watch.kind == "postgresql"
    first = watch.mark()
    store.add_result(make_result("cw-1", [make_event("cw-1")]))
    assert watch.mark() != first
    with store.engine.connect() as conn:
        open_ones = conn.execute(text("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                                      "AND state = 'idle in transaction'")).scalar()
    watch.close()
    assert open_ones == 0
