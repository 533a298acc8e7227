"""An ingest writes while 20 reader threads query the same SQLite file: no "database is locked", no error,
and every reader sees a consistent, growing table."""

from __future__ import annotations

import random
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from eventwire.store import Store

N_ARTICLES = 300
READERS = 20

WRITER = textwrap.dedent("""
    import sys
    sys.path.insert(0, sys.argv[2])
    from eventfactory import make_event, make_result
    from eventwire.store import Store

    store = Store(sys.argv[1])
    n = int(sys.argv[3])
    for i in range(n):
        day = 1 + i % 28
        events = [make_event(f"a{i}", date=f"2017-02-{day:02d}", fatalities=i % 7, start=k * 100,
                             lat=36.0 + (i % 10) * 0.5 + k * 0.1, lon=37.0 + k)
                  for k in range(3)]
        store.add_result(make_result(f"a{i}", events, url=f"https://wire.example/{i}"))
        if i % 100 == 99:
            store.run_dedup()  # the long write transaction an ingest ends with
    store.run_dedup()
    print("written", n)
""")


@pytest.mark.slow
def test_ingest_writing_while_twenty_readers_query(tmp_path):
    url = f"sqlite:///{tmp_path / 'busy.db'}"
    shared = Store(url)  # like a web server: one Store, many threads
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    writer = subprocess.Popen([sys.executable, str(script), url, str(Path(__file__).parent), str(N_ARTICLES)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    errors: list[str] = []
    queries = [0] * READERS
    stop = threading.Event()

    def read(n: int) -> None:
        rng = random.Random(n)
        own = Store(url) if n % 4 == 0 else shared  # some readers open their own connection pool
        last_articles = 0
        try:
            while not stop.is_set():
                stats = own.stats()
                if stats["articles"] < last_articles:
                    errors.append(f"reader {n}: article count went back from {last_articles} to {stats['articles']}")
                last_articles = stats["articles"]
                page = own.query_events(country="SYR", date_from="2017-02-01", limit=25,
                                        offset=rng.randrange(0, 50))
                for ev in page[:3]:
                    if own.get_event(ev.id) is None:
                        errors.append(f"reader {n}: event {ev.id} listed but not found")
                    if ev.source_count != len({s.article_id for s in ev.sources}):
                        errors.append(f"reader {n}: event {ev.id} half-merged: {ev.source_count} vs sources")
                own.count_events(min_fatalities=3)
                queries[n] += 1
        except Exception as exc:  # noqa: BLE001 - every failure is the finding
            errors.append(f"reader {n}: {type(exc).__name__}: {exc}")
        finally:
            if own is not shared:
                own.close()

    threads = [threading.Thread(target=read, args=(n,)) for n in range(READERS)]
    for t in threads:
        t.start()
    try:
        out, err = writer.communicate(timeout=300)
    finally:
        time.sleep(0.2)
        stop.set()
        for t in threads:
            t.join(60)
    assert writer.returncode == 0, err
    assert "database is locked" not in err
    assert errors == []
    assert all(q > 0 for q in queries), queries
    print(f"\n{READERS} readers ran {sum(queries)} query rounds while {N_ARTICLES} articles were written")
    stats = shared.stats()
    assert stats["articles"] == N_ARTICLES and stats["reports"] == 3 * N_ARTICLES
    shared.close()
