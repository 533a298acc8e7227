"""`eventwire serve --workers N` and the server's caches: every worker answers, a write made through one worker
(or by another process) shows through all of them at once, ETags and gzip, a clean stop on SIGTERM.

The multi-worker tests start the real command (a subprocess on a free port, two workers over a temporary SQLite
file); the cache tests run two apps in this process over one file, as two workers would."""

from __future__ import annotations

import gzip
import os
import signal
import socket
import subprocess
import sys
import time
import warnings

import httpx
import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from eventfactory import make_event, make_result
from eventwire.serve.app import CONFIG_ENV, ServeConfig, app_from_env, create_app
from eventwire.serve.cache import ChangeWatch, ResponseCache
from eventwire.serve.extract_jobs import ExtractSettings
from eventwire.storage.store import Store

STRIKE = ("Government warplanes bombed a crowded market in the northern town of Kafr Nabl on Monday, killing "
          "eleven civilians and wounding dozens, a local rescue group said.")


def fill(store: Store, n: int, first: int = 0) -> None:
    for i in range(first, first + n):
        ev = make_event(f"w{i}", date=f"2018-03-{1 + i % 28:02d}", fatalities=i, lat=36.0 + i * 0.3, lon=37.0 + i,
                        place=f"Town {i}", start=len(f"Article w{i}. "))
        store.add_result(make_result(f"w{i}", [ev], url=f"https://wire.example/{i}"))
    store.run_dedup()


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "served.db"
    with Store(f"sqlite:///{path}") as store:
        fill(store, 3)
    return path


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


# -- the caches, two apps over one file ----------------------------------------------------------------------
def test_a_write_by_another_process_shows_at_once_in_cached_stats_and_events(db):
    reader_app, writer = create_app(f"sqlite:///{db}"), Store(f"sqlite:///{db}")
    client = TestClient(reader_app)
    first = client.get("/api/stats").json()
    assert client.get("/api/stats").json() == first  # now served from the cache
    assert len(client.get("/api/events").json()["events"]) == 3
    fill(writer, 2, first=3)  # what another worker, or `eventwire ingest`, does
    assert client.get("/api/stats").json() != first
    assert len(client.get("/api/events").json()["events"]) == 5
    writer.close()


def test_a_token_revoked_through_one_worker_is_refused_by_the_other_on_a_private_server(db):
    with Store(f"sqlite:///{db}") as store:
        token = store.create_token("ana", role="reader")
        admin = store.create_token("root", role="admin")
    one, other = TestClient(create_app(f"sqlite:///{db}", private=True)), TestClient(create_app(f"sqlite:///{db}",
                                                                                              private=True))
    assert one.get("/api/events").status_code == 401
    assert one.get("/api/events", headers=auth(token)).status_code == 200
    assert one.get("/api/events", headers=auth(token)).status_code == 200  # cached for this token
    [row] = [t for t in other.get("/api/tokens", headers=auth(admin)).json() if t["name"] == "ana"]
    assert other.delete(f"/api/tokens/{row['id']}", headers=auth(admin)).status_code in (200, 204)
    assert one.get("/api/events", headers=auth(token)).status_code == 401
    assert one.get("/api/events", headers=auth(admin)).status_code == 200


def test_answers_carry_an_etag_the_same_from_every_worker_and_304_when_unchanged(db):
    one, other = TestClient(create_app(f"sqlite:///{db}")), TestClient(create_app(f"sqlite:///{db}"))
    r = one.get("/api/events")
    etag = r.headers["etag"]
    assert other.get("/api/events").headers["etag"] == etag
    not_modified = other.get("/api/events", headers={"If-None-Match": etag})
    assert not_modified.status_code == 304 and not_modified.content == b""
    assert not_modified.headers["x-frame-options"] == "DENY"  # the security headers still come
    with Store(f"sqlite:///{db}") as store:
        fill(store, 1, first=10)
    changed = one.get("/api/events", headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["etag"] != etag and len(changed.json()["events"]) == 4


def test_large_answers_are_gzipped_for_clients_that_accept_it(db):
    client = TestClient(create_app(f"sqlite:///{db}"))
    plain = client.get("/api/events", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    for _ in range(2):  # made, then from the cache
        packed = client.get("/api/events", headers={"Accept-Encoding": "gzip"})
        assert packed.headers["content-encoding"] == "gzip" and packed.json() == plain.json()
        assert "Accept-Encoding" in packed.headers["vary"]
    with client.stream("GET", "/api/events", headers={"Accept-Encoding": "gzip"}) as r:
        sent = b"".join(r.iter_raw())
    assert len(sent) < len(plain.content) and gzip.decompress(sent) == plain.content


def test_errors_and_uncached_routes_pass_through_untouched(db):
    client = TestClient(create_app(f"sqlite:///{db}"))
    for _ in range(2):
        missing = client.get("/api/events/999999")
        assert missing.status_code == 404 and "etag" not in missing.headers and "no event" in missing.json()["detail"]
    assert "etag" not in client.get("/api/health").headers


def test_the_response_cache_keeps_within_its_memory_and_drops_what_is_stale(db):
    with Store(f"sqlite:///{db}") as store:
        watch = ChangeWatch(store)
        assert watch.kind == "sqlite"
        cache = ResponseCache(watch, max_bytes=2500)
        from eventwire.serve.cache import CachedResponse, etag_of

        def entry(mark, size):
            body = b"x" * size
            return CachedResponse(mark=mark, status=200, headers=[], body=body, etag=etag_of(body))

        mark = watch.mark()
        for key in "abc":
            cache.put(key, entry(mark, 1000))
        assert cache.get("a", mark) is None and cache.get("c", mark) is not None  # the oldest went first
        fill(store, 1, first=20)
        assert watch.mark() != mark and cache.get("c", watch.mark()) is None
        watch.bump()
        assert watch.mark()[0] == mark[0] + 1
        watch.close()


def test_the_factory_reads_the_configuration_the_command_passes_down(db, monkeypatch):
    config = ServeConfig(db=f"sqlite:///{db}", private=True, extract=ExtractSettings(max_chars=20, queue=2),
                         cache_mb=1)
    assert ServeConfig.from_env({CONFIG_ENV: config.to_env()}) == config
    monkeypatch.setenv(CONFIG_ENV, config.to_env())
    client = TestClient(app_from_env())
    assert client.get("/api/events").status_code == 401  # private
    ctx = client.app.state.ctx
    assert ctx.extract.max_chars == 20 and ctx.extract_jobs.size == 2
    assert client.app.state.responses.max_bytes == 1024 * 1024


# -- the real command with two workers ---------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(base: str, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        assert time.monotonic() < deadline and proc.poll() is None, "the server did not start"
        time.sleep(0.2)


def one_client_per_worker(base: str, workers: int) -> dict[int, httpx.Client]:
    """Keep-alive clients of one connection each, until every worker holds one (a connection stays with the
    process that accepted it)."""
    found: dict[int, httpx.Client] = {}
    spare: list[httpx.Client] = []
    deadline = time.monotonic() + 60
    while len(found) < workers:
        assert time.monotonic() < deadline, f"only workers {sorted(found)} answered"
        client = httpx.Client(base_url=base, timeout=60, limits=httpx.Limits(max_connections=1))
        pid = client.get("/api/health").json()["worker"]
        if pid in found:
            spare.append(client)  # kept open: its worker then has one more connection to look after
        else:
            found[pid] = client
    for client in spare:
        client.close()
    return found


def alive(pid: int) -> bool:
    """The process runs (a zombie left for a parent that does not reap it counts as ended)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return True


def test_two_workers_answer_see_each_others_writes_and_stop_on_sigterm(db):
    with Store(f"sqlite:///{db}") as store:
        editor = store.create_token("ed", role="editor")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen([sys.executable, "-m", "eventwire.cli", "serve", "--db", str(db), "--port", str(port),
                             "--workers", "2"], stderr=subprocess.PIPE, text=True, start_new_session=True)
    workers: set[int] = set()
    try:
        wait_until_up(base, proc)
        clients = one_client_per_worker(base, 2)
        workers = set(clients)
        assert len(workers) == 2 and proc.pid not in workers
        before = {}
        for pid, client in clients.items():
            for _ in range(2):  # the second answer comes from the worker's cache
                stats, events = client.get("/api/stats"), client.get("/api/events", params={"limit": 100})
                assert stats.status_code == events.status_code == 200
            assert client.get("/api/health").json()["worker"] == pid  # still the same connection
            before[pid] = (stats.json(), len(events.json()["events"]))
        assert len({repr(b) for b in before.values()}) == 1 and before[next(iter(before))][1] == 3
        writer = next(iter(clients.values()))  # one worker writes (and loads the model for it)
        art = {"text": STRIKE, "published": "2019-05-22", "title": "Market bombed", "url": "https://news.example/kn"}
        added = writer.post("/api/articles", json=art, headers=auth(editor))
        assert added.status_code == 201, added.text
        new_ids = set(added.json()["event_ids"])
        assert new_ids
        for client in clients.values():
            client.close()
        # new connections (the old ones may have idled out while the model loaded), one to each worker, each
        # worker's cache holding the answers of before: every one must answer with the write, at once (SQLite's
        # data_version leaves no stale window)
        for pid, client in one_client_per_worker(base, 2).items():
            listed = {e["id"] for e in client.get("/api/events", params={"limit": 100}).json()["events"]}
            stats = client.get("/api/stats").json()
            assert client.get("/api/health").json()["worker"] == pid
            assert new_ids <= listed, f"worker {pid} still serves the old page"
            assert stats != before[pid][0], f"worker {pid} still serves the old stats"
            assert client.get(f"/api/events/{min(new_ids)}").status_code == 200
            client.close()
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:  # the workers too: they hold the stderr pipe open
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
    assert proc.returncode == 0, err
    assert "Traceback" not in err, err
    deadline = time.monotonic() + 10
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(alive(pid) for pid in workers), "a worker outlived the server"
