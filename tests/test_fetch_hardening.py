"""Hostile input to URL fetching: IPv6 addresses that carry a private IPv4 one (SSRF), servers that drip
bytes (deadlines), and credentials in URLs (never stored, logged or sent to another host)."""

from __future__ import annotations

import base64
import ipaddress
import json
import sqlite3
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from eventwire.ingest import ErrorLog, Ingester, ingest
from eventwire.records import Article, ArticleResult
from eventwire.sources.credentials import url_credentials, without_credentials
from eventwire.sources.fetch import (
    DeadlineExceeded,
    Fetcher,
    FetchError,
    carried_ipv4,
    is_public_address,
    same_site,
)
from eventwire.storage.store import Store

ENGLISH = ("Fighters of the Islamic State clashed with Turkish-backed forces on the outskirts of Al Bab on "
           "Thursday, a monitoring group said. At least nine fighters were killed in the fighting.")
DRIP_PAUSE_S = 0.25  # between the bytes of a dripping answer: 1,000 of them would take four minutes


def page(title: str, body: str = ENGLISH) -> bytes:
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta property="article:published_time" content="2017-02-10T08:30:00Z"></head><body>
<article><h1>{title}</h1><p>{body}</p><p>The town has been under siege for weeks, and aid groups say food and
fuel are running out for the civilians who remain inside it, according to local officials.</p></article>
</body></html>""".encode()


def feed(links: list[str]) -> bytes:
    items = "".join(f"<item><title>Story {n}</title><link>{link}</link>"
                    f"<pubDate>Fri, 10 Feb 2017 09:00:00 GMT</pubDate></item>" for n, link in enumerate(links))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Drip Wire</title><link>http://x/</link>'
            f"<description>d</description>{items}</channel></rss>").encode()


class Site:
    """A local web server (127.0.0.1) in a thread. Routes: path -> (status, content type, body, headers).
    /drip-headers and /drip-body* answer one byte at a time; every request's Authorization header is kept."""

    def __init__(self, host: str = "127.0.0.1"):
        self.routes: dict[str, tuple[int, str, bytes, dict]] = {}
        self.requests: list[tuple[str, str | None]] = []  # (path, Authorization header)
        self.logins: dict[str, str] = {}  # path -> the Authorization header it needs
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                site.requests.append((self.path, self.headers.get("Authorization")))
                try:
                    if self.path.startswith("/drip-headers"):
                        self.drip(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Padding: " + b"a" * 1000)
                    elif self.path.startswith("/drip-body"):
                        self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000\r\n\r\n")
                        self.drip(b"<" * 1000)
                    elif self.path in site.logins and self.headers.get("Authorization") != site.logins[self.path]:
                        self.answer(401, "text/plain", b"who are you?", {"WWW-Authenticate": 'Basic realm="wire"'})
                    else:
                        self.answer(*site.routes.get(self.path, (404, "text/plain", b"not found", {})))
                except OSError:  # the client gave up
                    pass

            def drip(self, data: bytes):
                for i in range(len(data)):
                    self.wfile.write(data[i:i + 1])
                    time.sleep(DRIP_PAUSE_S)

            def answer(self, status, ctype, body, headers):
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                for k, v in headers.items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer((host, 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://{host}:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def add(self, path, body, ctype="text/html; charset=utf-8", status=200, headers=None, login=None):
        self.routes[path] = (status, ctype, body, headers or {})
        if login:
            self.logins[path] = "Basic " + base64.b64encode(":".join(login).encode()).decode()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def site():
    s = Site()
    yield s
    s.close()


@pytest.fixture
def other_site():
    """Another host: 127.0.0.2 is loopback too, but a different host name from 127.0.0.1."""
    s = Site("127.0.0.2")
    yield s
    s.close()


class NoEvents:
    """A stand-in for Pipeline: every article goes through, with no events (these tests are about fetching)."""

    def pipe(self, articles):
        for a in articles:
            yield ArticleResult(article=a, events=[])


# -- SSRF: IPv6 forms of IPv4 addresses ---------------------------------------------------------------------
@pytest.mark.parametrize("address, carried", [
    ("2002:7f00:1::1", "127.0.0.1"),  # 6to4 of loopback
    ("2002:a9fe:a9fe::1", "169.254.169.254"),  # 6to4 of the cloud metadata address
    ("2001:0:4136:e378:8000:63bf:80ff:fffe", "127.0.0.1"),  # Teredo: client bits XOR-ed
    ("2001:0:4136:e378:8000:63bf:f5ff:fffe", "10.0.0.1"),
    ("64:ff9b::7f00:1", "127.0.0.1"),  # NAT64 well-known prefix
    ("64:ff9b::a9fe:a9fe", "169.254.169.254"),
    ("::ffff:192.168.1.1", "192.168.1.1"),  # IPv4-mapped
])
def test_ipv6_forms_of_private_ipv4_are_unwrapped_and_refused(address, carried):
    ip = ipaddress.ip_address(address)
    assert carried_ipv4(ip) == [ipaddress.IPv4Address(carried)]
    assert not is_public_address(ip)


@pytest.mark.parametrize("address, public", [
    ("2002:808:808::1", True),  # 6to4 of a public host
    ("64:ff9b::808:808", True),  # what a DNS64 resolver answers for a public IPv4-only site
    ("::ffff:8.8.8.8", True),
    ("2606:4700:4700::1111", True),
    ("8.8.8.8", True),
    ("2002:e000:1::1", False),  # 6to4 of multicast 224.0.0.1
    ("2002:6440:1::1", False),  # 6to4 of shared (CGNAT) 100.64.0.1
    ("2002:0:1::1", False),  # 6to4 of 0.0.0.1
    ("64:ff9b::a00:1", False),  # NAT64 of 10.0.0.1
    ("64:ff9b:1::a00:1", False),  # local-use NAT64 prefix (RFC 8215)
    ("::127.0.0.1", False),  # deprecated IPv4-compatible form
    ("fe80::1", False),
    ("fec0::1", False),
    ("::1", False),
    ("169.254.169.254", False),
])
def test_public_address_rules(address, public):
    assert is_public_address(ipaddress.ip_address(address)) is public


def test_plain_ipv6_carries_no_ipv4():
    assert carried_ipv4(ipaddress.IPv6Address("2606:4700:4700::1111")) == []


@pytest.mark.parametrize("url", ["http://[2002:7f00:1::1]/", "http://[64:ff9b::7f00:1]:8080/x",
                                 "http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/"])
def test_fetcher_refuses_wrapped_loopback_before_connecting(url):
    with Fetcher() as f, pytest.raises(FetchError, match="non-public address"):
        f.fetch(url)


# -- deadlines ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("path", ["/drip-headers", "/drip-body"])
def test_a_dripping_server_is_cut_off_at_the_deadline(site, path):
    url = f"{site.base}{path}"
    started = time.monotonic()
    with Fetcher(allow_private=True, timeout=1, deadline=1.5) as f, pytest.raises(DeadlineExceeded) as err:
        f.fetch(url)
    # the per-read timeout (1 s) never fires: a byte comes every quarter second, for four minutes
    assert f"{url}: no complete answer within the 1.5 s deadline" in str(err.value)
    assert time.monotonic() - started < 30


def test_the_deadline_covers_redirect_hops(site):
    site.add("/hop", b"", status=302, headers={"Location": "/drip-body"})
    with Fetcher(allow_private=True, timeout=1, deadline=1.5) as f, pytest.raises(DeadlineExceeded, match="/hop"):
        f.fetch(f"{site.base}/hop")


def test_a_quick_server_is_not_affected(site):
    site.add("/ok", page("Fine"))
    with Fetcher(allow_private=True, timeout=1, deadline=1.5) as f:
        for _ in range(3):  # the kept-alive connection serves the later fetches, each with its own deadline
            assert b"Fine" in f.fetch(f"{site.base}/ok").data


def test_feed_deadline_stops_the_rest_of_one_feed_but_not_the_batch(site, tmp_path):
    for n in range(3):
        site.add(f"/good{n}", page(f"Good story {n}", ENGLISH.replace("nine", f"{n + 20}")))
    entries = [f"{site.base}/drip-body-1", f"{site.base}/drip-headers-2", f"{site.base}/good0",
               f"{site.base}/good1"]
    site.add("/slow-feed.rss", feed(entries), ctype="application/rss+xml")
    store = Store(f"sqlite:///{tmp_path / 'd.db'}")
    problems = []
    targets = [f"{site.base}/drip-body", f"{site.base}/slow-feed.rss", f"{site.base}/good2"]
    with Fetcher(allow_private=True, timeout=1, deadline=1.0, feed_deadline=1.8) as f:
        summary = ingest(targets, store, NoEvents(), fetcher=f, dedup=False,
                         on_problem=lambda kind, where, message: problems.append(message))
    assert summary.articles == 1 and store.has_article(url=f"{site.base}/good2")  # after the feed, still read
    assert not store.has_article(url=f"{site.base}/good0")
    assert summary.errors == 5, problems
    assert f"{site.base}/drip-body: no complete answer within the 1 s deadline" in problems[0]
    assert f"{site.base}/drip-body-1: no complete answer within the 1 s deadline" in problems[1]
    assert f"{site.base}/drip-headers-2: gave up when the 1.8 s feed deadline of {site.base}/slow-feed.rss ran " \
           "out" in problems[2]
    assert all("the 1.8 s feed deadline" in p and "has run out" in p for p in problems[3:])
    assert not any(path.startswith(("/good0", "/good1")) for path, _ in site.requests)
    store.close()


# -- credentials in URLs -----------------------------------------------------------------------------------
PASSWORD = "s3cret-Pa55"  # noqa: S105 - a test password, looked for in everything stored and shown
LOGIN = ("reader", PASSWORD)


@pytest.mark.parametrize("given, kept", [
    (f"http://reader:{PASSWORD}@wire.example/a?b=1", "http://wire.example/a?b=1"),
    ("https://reader:p@ss@wire.example:8443/x", "https://wire.example:8443/x"),  # "@" in the password
    ("http://reader:pa/ss@wire.example/x", "http://wire.example/x"),  # unencoded "/" in the password
    ("http://reader@wire.example/", "http://wire.example/"),
    ("wire-a: http://u:p1@one.example/x failed, then HTTPS://u:p2@two.example too",
     "wire-a: http://one.example/x failed, then HTTPS://two.example too"),
    ("https://medium.example/@someone/post", "https://medium.example/@someone/post"),  # "@" in a path
    ("https://wire.example:8080/@desk", "https://wire.example:8080/@desk"),
    ("http://wire.example/?from=a@b.example", "http://wire.example/?from=a@b.example"),
    ("http://[::1]:8080/@x", "http://[::1]:8080/@x"),
    ("reports/2017/bab.txt", "reports/2017/bab.txt"),
])
def test_without_credentials(given, kept):
    assert without_credentials(given) == kept


def test_url_credentials_are_percent_decoded():
    assert url_credentials("http://re%40der:p%2Fw%3A@h.example/") == ("re@der", "p/w:")
    assert url_credentials("http://reader@h.example/") == ("reader", "")
    assert url_credentials("http://h.example/@x") is None


@pytest.mark.parametrize("other, same", [
    ("http://wire.example/next", True),
    ("https://wire.example/next", True),  # an upgrade to https on the same host
    ("http://wire.example:8080/next", False),
    ("http://evil.example/next", False),
    ("http://wire.example.evil.example/", False),
])
def test_same_site(other, same):
    assert same_site("http://wire.example/start", other) is same
    assert not same_site("https://wire.example/start", "http://wire.example/start")  # never downgraded


def test_credentials_log_in_to_their_host_and_are_not_kept(site):
    site.add("/private", page("Members only"), login=LOGIN)
    site.add("/hop", b"", status=302, headers={"Location": "/private"})
    good = site.base.replace("://", f"://reader:{PASSWORD}@")
    with Fetcher(allow_private=True) as f:
        got = f.fetch(f"{good}/hop")
        assert b"Members only" in got.data
        assert (got.url, got.final_url) == (f"{site.base}/hop", f"{site.base}/private")
        with pytest.raises(FetchError) as err:
            f.fetch(f"{good}/missing")
    assert str(err.value) == f"{site.base}/missing: HTTP 404"
    sent = base64.b64encode(f"reader:{PASSWORD}".encode()).decode()
    assert site.requests[:2] == [("/hop", f"Basic {sent}"), ("/private", f"Basic {sent}")]


def test_credentials_are_not_sent_on_a_redirect_to_another_host(site, other_site):
    other_site.add("/landing", page("Elsewhere"))
    site.add("/away", b"", status=302, headers={"Location": f"{other_site.base}/landing"})
    with Fetcher(allow_private=True) as f:
        got = f.fetch(site.base.replace("://", f"://reader:{PASSWORD}@") + "/away")
    assert b"Elsewhere" in got.data and got.final_url == f"{other_site.base}/landing"
    assert site.requests[0][1] is not None  # the first host got them...
    assert other_site.requests == [("/landing", None)]  # ...the other did not


def test_credentials_in_a_redirect_location_are_not_used(site, other_site):
    other_site.add("/landing", page("Elsewhere"))
    site.add("/away", b"", status=302, headers={"Location": other_site.base.replace("://", "://x:y@") + "/landing"})
    with Fetcher(allow_private=True) as f:
        got = f.fetch(f"{site.base}/away")
    assert got.final_url == f"{other_site.base}/landing" and other_site.requests == [("/landing", None)]


def test_an_unreadable_password_fails_clearly_without_showing_it(site):
    with Fetcher(allow_private=True) as f, pytest.raises(FetchError) as err:
        f.fetch(site.base.replace("://", "://reader:pa/ss@") + "/private")
    assert "percent-encoded" in str(err.value) and "pa/ss" not in str(err.value)


def _assert_no_password(*texts: str) -> None:
    for text in texts:
        assert PASSWORD not in text and "reader:" not in text, text


def _database_dump(path: Path) -> str:
    con = sqlite3.connect(path)
    try:
        return "\n".join(con.iterdump())
    finally:
        con.close()


def _logged_in(site) -> str:
    return site.base.replace("://", f"://reader:{PASSWORD}@")


def test_ingest_never_stores_or_logs_credentials(site, tmp_path):
    site.add("/private", page("Members only"), login=LOGIN)
    site.add("/feed.rss", feed([f"{_logged_in(site)}/private-2", f"{_logged_in(site)}/gone"]),
             ctype="application/rss+xml", login=LOGIN)
    site.add("/private-2", page("Members only too", ENGLISH.replace("nine", "eleven")), login=LOGIN)
    db = tmp_path / "c.db"
    store = Store(f"sqlite:///{db}")
    log = ErrorLog(str(tmp_path / "errors.jsonl"))
    targets = [f"{_logged_in(site)}/private", f"{_logged_in(site)}/feed.rss", f"{_logged_in(site)}/missing"]
    with Fetcher(allow_private=True) as f:
        summary = ingest(targets, store, NoEvents(), fetcher=f, dedup=False, on_problem=log)
    log.close()
    assert (summary.articles, summary.errors) == (2, 2)
    assert store.has_article(url=f"{site.base}/private") and store.has_article(url=f"{site.base}/private-2")
    # an article posted through the API with credentials in its URL is stored without them too
    posted = Article(id=f"{_logged_in(site)}/posted", text=ENGLISH.replace("nine", "seven"),
                     url=f"{_logged_in(site)}/posted", source=f"{_logged_in(site)}/")
    [outcome] = Ingester(store, NoEvents()).run([("api", posted)])
    assert outcome.kind == "stored" and store.has_article(url=f"{site.base}/posted")
    store.close()
    errors = (tmp_path / "errors.jsonl").read_text()
    assert f"{site.base}/missing: HTTP 404" in errors and f"{site.base}/gone: HTTP 404" in errors
    _assert_no_password(_database_dump(db), errors)


@pytest.mark.slow
def test_cli_ingest_keeps_credentials_out_of_store_stderr_and_api(site, tmp_path):
    """End to end with the real pipeline: `eventwire ingest` of URLs with a password (one of them drips and
    runs out of --deadline); then the stored articles as the HTTP API serves them."""
    from fastapi.testclient import TestClient

    from eventwire.serve.app import create_app

    site.add("/private", page("Members only"), login=LOGIN)
    site.add("/feed.rss", feed([f"{_logged_in(site)}/private-2", f"{_logged_in(site)}/drip-body"]),
             ctype="application/rss+xml", login=LOGIN)
    site.add("/private-2", page("Members only too", ENGLISH.replace("nine", "eleven")), login=LOGIN)
    db = tmp_path / "cli.db"
    exe = Path(sys.executable).with_name("eventwire")
    done = subprocess.run([str(exe), "ingest", f"{_logged_in(site)}/private", f"{_logged_in(site)}/drip-headers",
                           f"{_logged_in(site)}/feed.rss", "--db", f"sqlite:///{db}", "-q", "--allow-private",
                           "--deadline", "2", "--timeout", "1", "--error-log", str(tmp_path / "e.jsonl")],
                          capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "articles: 2 new" in done.stderr and "errors:   2" in done.stderr
    assert f"{site.base}/drip-headers: no complete answer within the 2 s deadline" in done.stderr
    errors = (tmp_path / "e.jsonl").read_text()
    assert f"{site.base}/drip-body: no complete answer within the 2 s deadline" in errors
    _assert_no_password(done.stderr, done.stdout, errors, _database_dump(db))

    client = TestClient(create_app(store_url=f"sqlite:///{db}"))
    served = [client.get(f"/api/articles/{n}") for n in (1, 2)]
    assert [r.status_code for r in served] == [200, 200]
    articles = [r.json() for r in served]
    assert {a["url"] for a in articles} == {f"{site.base}/private", f"{site.base}/private-2"}
    _assert_no_password(*(json.dumps(a) for a in articles))
    events = client.get("/api/events").text
    assert f"{site.base}/private" in events
    _assert_no_password(events)
