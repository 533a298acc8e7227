"""An ingest writes while 20 reader threads query the same SQLite file: no "database is locked", no error,
and every reader sees a consistent, growing table. Two writers: the real `eventwire ingest` command, and a
process that hammers the store's write path (300 articles, a dedup every 100)."""

from __future__ import annotations

import random
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from eventwire.storage.store import Store

N_ARTICLES = 300
READERS = 20

WRITER = textwrap.dedent("""
    import sys
    sys.path.insert(0, sys.argv[2])
    from eventfactory import make_event, make_result
    from eventwire.storage.store import Store

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


def _readers(url: str, shared: Store, stop: threading.Event, errors: list[str], queries: list[int]):
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
                page = own.query_events(date_from="2000-01-01", limit=25, offset=rng.randrange(0, 50))
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

    return [threading.Thread(target=read, args=(n,)) for n in range(READERS)]


@pytest.mark.slow
def test_the_ingest_command_writing_while_twenty_readers_query(tmp_path):
    """The real `eventwire ingest` (extraction, one transaction per article, dedup at the end) as the writer."""
    folder = tmp_path / "news"
    folder.mkdir()
    towns = ["Al Bab", "Mosul", "Kherson", "Maiduguri", "Mogadishu", "Saraqib"]
    for i in range(80):
        town = towns[i % len(towns)]
        (folder / f"n{i:03d}.txt").write_text(
            f"Title: Report {i}\nPublished: 2021-03-{1 + i % 28:02d}\nURL: https://wire.example/{i}\n\n"
            f"Gunmen attacked a checkpoint in {town} on Monday, killing {i + 2} soldiers, officials said. "
            f"Security forces later clashed with the attackers near {town}, residents told reporters.\n")
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    shared = Store(url)
    errors: list[str] = []
    queries = [0] * READERS
    stop = threading.Event()
    threads = _readers(url, shared, stop, errors, queries)
    exe = Path(sys.executable).with_name("eventwire")
    writer = subprocess.Popen([str(exe), "ingest", str(folder), "--db", url, "-q"], cwd=tmp_path,
                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    for t in threads:
        t.start()
    try:
        _, err = writer.communicate(timeout=600)
    finally:
        stop.set()
        for t in threads:
            t.join(60)
    assert writer.returncode == 0, err
    assert "database is locked" not in err and "errors:   0" in err, err
    assert errors == []
    assert all(q > 0 for q in queries), queries
    assert shared.stats()["articles"] == 80
    print(f"\n{READERS} readers ran {sum(queries)} query rounds during `eventwire ingest` of 80 articles")
    shared.close()


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
    threads = _readers(url, shared, stop, errors, queries)
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
