"""A local news site for the watch tests and the soak benchmark: RSS and Atom feeds of article pages, on
127.0.0.1 only, answering conditional requests (ETag and Last-Modified) and failing on demand.

    with FeedServer() as site:
        site.add_feed("world")                   # /world.rss (rss) or add_feed("sport", kind="atom") -> /sport.atom
        links = site.publish("world", 5)         # five new articles, each with its page under /a/...
        site.fail("/world.rss", 503, times=2)    # the next two requests get 503 (times=None: until cleared)
        site.fail("/a/world-3", "reset")         # the connection is closed without an answer
        site.clear_failures()

What it counts: `hits` (path -> requests), `not_modified` (304s sent), `served` (every article link that went
out in a feed answer: what a watcher must end up storing), `conditional` (requests carrying a validator).
The article texts are written here: a few sentence patterns, each article made unique by its number, town
and counts, in English that eventwire accepts.
"""

from __future__ import annotations

import email.utils
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

TOWNS = ["Al Bab", "Aleppo", "Homs", "Idlib", "Mosul", "Kirkuk", "Sanaa", "Taiz", "Benghazi", "Misrata",
         "Kandahar", "Kunduz", "Goma", "Bunia", "Mogadishu", "Kismayo"]
PATTERNS = [
    "Fighters clashed with government forces near {town} on Thursday, and at least {n} people were killed in "
    "the fighting, a local monitoring group said in a statement issued late in the evening.",
    "Protesters gathered in the centre of {town} on Friday to demand the release of {n} detained activists, "
    "and the police used tear gas to disperse the crowd, witnesses told reporters at the scene.",
    "An air strike hit a market on the outskirts of {town} on Saturday, killing {n} civilians and wounding "
    "many others, according to medical workers who spoke to the wire service by telephone.",
    "Unidentified gunmen attacked a checkpoint north of {town} on Sunday, and {n} soldiers died in the "
    "assault before reinforcements arrived, the army said in a short statement.",
]
CLOSING = ("Officials said the number of dead could rise as rescue teams searched the area, and aid groups "
           "warned that food and medicine were running out for the families who remained in the town.")


def article_text(number: int) -> str:
    town = TOWNS[number % len(TOWNS)]
    body = PATTERNS[number % len(PATTERNS)].format(town=town, n=3 + number % 37)
    return f"{body} Report number {number} of the day. {CLOSING}"


@dataclass
class Item:
    link: str
    path: str
    title: str
    text: str
    published: float  # epoch seconds


@dataclass
class Feed:
    name: str
    kind: str  # rss | atom
    items: list[Item] = field(default_factory=list)
    version: int = 0
    modified: float = field(default_factory=time.time)
    etag: bool = True  # False: only Last-Modified
    extra: list[str] = field(default_factory=list)  # raw extra <item>/<entry> XML (e.g. a non-English entry)

    @property
    def path(self) -> str:
        return f"/{self.name}.{'atom' if self.kind == 'atom' else 'rss'}"


class FeedServer:
    def __init__(self, window: int = 50, page_delay: float = 0.0):
        self.window = window  # items a feed lists (the newest)
        self.page_delay = page_delay  # seconds each article page takes to answer
        self.feeds: dict[str, Feed] = {}
        self.pages: dict[str, Item] = {}
        self.raw_pages: dict[str, tuple[str, bytes]] = {}  # path -> (content type, body)
        self.hits: Counter[str] = Counter()
        self.not_modified = 0
        self.conditional = 0
        self.served: set[str] = set()
        self.published = 0
        self._failures: dict[str, list] = {}  # path -> [mode, times left or None]
        self._logins: dict[str, str] = {}  # path -> the Authorization header it requires
        self.authorizations: list[str | None] = []  # the Authorization header of each request to those paths
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None

    # -- content ------------------------------------------------------------------------------------------
    def add_feed(self, name: str, kind: str = "rss", etag: bool = True) -> str:
        with self._lock:
            self.feeds[name] = Feed(name, kind, etag=etag)
        return self.base + self.feeds[name].path

    def feed_url(self, name: str) -> str:
        return self.base + self.feeds[name].path

    def publish(self, name: str, n: int = 1, text=None) -> list[str]:  # noqa: ANN001
        """n new articles at the top of feed `name`; their links. `text(number)` writes a body (default:
        article_text)."""
        links = []
        with self._lock:
            feed = self.feeds[name]
            for _ in range(n):
                self.published += 1
                number = self.published
                path = f"/a/{name}-{number}"
                item = Item(link=self.base + path, path=path, title=f"{name.title()} report {number}",
                            text=(text or article_text)(number), published=time.time())
                feed.items.insert(0, item)
                self.pages[path] = item
                links.append(item.link)
            feed.version += 1
            feed.modified = max(time.time(), feed.modified + 1)  # HTTP dates have whole seconds
        return links

    def add_raw_entry(self, name: str, xml: str) -> None:
        with self._lock:
            feed = self.feeds[name]
            feed.extra.append(xml)
            feed.version += 1
            feed.modified = max(time.time(), feed.modified + 1)

    def add_page(self, path: str, body: bytes, ctype: str = "text/html; charset=utf-8") -> str:
        self.raw_pages[path] = (ctype, body)
        return self.base + path

    def require_login(self, path: str, user: str, password: str) -> None:
        """`path` answers 401 unless the request logs in (HTTP basic auth) as user:password."""
        import base64

        self._logins[path] = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()

    # -- failures -----------------------------------------------------------------------------------------
    def fail(self, path: str, mode: int | str, times: int | None = None) -> None:
        """`path` answers with HTTP status `mode`, or "reset" (closes the connection), "garbage" (a 200 that is
        no feed), "slow" (answers after 3 s); the next `times` requests, or until cleared."""
        with self._lock:
            self._failures[path] = [mode, times]

    def clear_failures(self) -> None:
        with self._lock:
            self._failures.clear()

    def _failure(self, path: str):  # noqa: ANN202
        with self._lock:
            f = self._failures.get(path)
            if f is None:
                return None
            mode, left = f
            if left is not None:
                if left <= 1:
                    del self._failures[path]
                else:
                    f[1] = left - 1
            return mode

    # -- rendering ----------------------------------------------------------------------------------------
    def render(self, feed: Feed) -> tuple[bytes, list[str]]:
        items = feed.items[:self.window]
        if feed.kind == "atom":
            entries = "".join(
                f"<entry><title>{escape(i.title)}</title><link href=\"{escape(i.link)}\"/><id>{escape(i.link)}</id>"
                f"<updated>{_iso(i.published)}</updated><summary>{escape(i.title)}</summary></entry>" for i in items)
            body = (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
                    f"<title>{feed.name.title()} Wire</title><id>{self.base}/{feed.name}</id>"
                    f"<updated>{_iso(feed.modified)}</updated>{entries}{''.join(feed.extra)}</feed>")
        else:
            entries = "".join(
                f"<item><title>{escape(i.title)}</title><link>{escape(i.link)}</link><guid>{escape(i.link)}</guid>"
                f"<pubDate>{email.utils.formatdate(i.published, usegmt=True)}</pubDate></item>" for i in items)
            body = (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
                    f"<title>{feed.name.title()} Wire</title><link>{self.base}/</link>"
                    f"<description>News</description>{entries}{''.join(feed.extra)}</channel></rss>")
        return body.encode("utf-8"), [i.link for i in items]

    @staticmethod
    def page_html(item: Item) -> bytes:
        return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{escape(item.title)}</title>'
                f'<meta property="og:site_name" content="Test Wire"><meta property="article:published_time" '
                f'content="{_iso(item.published)}"></head><body><nav><a href="/">Home</a></nav><article>'
                f"<h1>{escape(item.title)}</h1><p>{escape(item.text)}</p></article>"
                f"<footer>Test Wire</footer></body></html>").encode()

    # -- serving ------------------------------------------------------------------------------------------
    def _answer(self, handler: BaseHTTPRequestHandler) -> None:
        path = handler.path.split("?", 1)[0]
        with self._lock:
            self.hits[path] += 1
        if path in self._logins:
            given = handler.headers.get("Authorization")
            self.authorizations.append(given)
            if given != self._logins[path]:
                return _send(handler, 401, "text/plain", b"log in first", {"WWW-Authenticate": 'Basic realm="feeds"'})
        mode = self._failure(path)
        if mode == "reset":
            handler.close_connection = True
            handler.connection.shutdown(2)
            return
        if mode == "slow":
            time.sleep(3)
        if isinstance(mode, int):
            handler.send_response(mode)
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            return
        feed = next((f for f in self.feeds.values() if f.path == path), None)
        if feed is not None:
            return self._answer_feed(handler, feed, garbage=mode == "garbage")
        if path in self.pages:
            time.sleep(self.page_delay)
            return _send(handler, 200, "text/html; charset=utf-8", self.page_html(self.pages[path]))
        if path in self.raw_pages:
            ctype, body = self.raw_pages[path]
            return _send(handler, 200, ctype, body)
        _send(handler, 404, "text/plain", b"not found")

    def _answer_feed(self, handler: BaseHTTPRequestHandler, feed: Feed, garbage: bool) -> None:
        with self._lock:
            etag = f'"v{feed.version}"' if feed.etag else None
            modified = int(feed.modified)
            body, links = self.render(feed)
        if garbage:
            return _send(handler, 200, "application/rss+xml", b"<html>this is not a feed</html>")
        validators = {"Last-Modified": email.utils.formatdate(modified, usegmt=True)}
        if etag:
            validators["ETag"] = etag
        sent_etag = handler.headers.get("If-None-Match")
        sent_since = handler.headers.get("If-Modified-Since")
        if sent_etag or sent_since:
            with self._lock:
                self.conditional += 1
        if sent_etag is not None and etag is not None:
            fresh = sent_etag == etag
        elif sent_since:
            since = email.utils.parsedate_to_datetime(sent_since).timestamp()
            fresh = modified <= since
        else:
            fresh = False
        if fresh:
            with self._lock:
                self.not_modified += 1
            handler.send_response(304)
            for k, v in validators.items():
                handler.send_header(k, v)
            handler.end_headers()
            return
        ctype = "application/atom+xml" if feed.kind == "atom" else "application/rss+xml"
        _send(handler, 200, ctype, body, validators, after=lambda: self._served(links))

    def _served(self, links: list[str]) -> None:
        with self._lock:
            self.served.update(links)

    # -- lifecycle ----------------------------------------------------------------------------------------
    def start(self) -> FeedServer:
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):  # noqa: N802
                try:
                    site._answer(self)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args):
                pass

        class Server(ThreadingHTTPServer):
            def handle_error(self, request, client_address):  # noqa: ANN001
                if not isinstance(sys.exc_info()[1], ConnectionError):  # a client killed mid-request is expected
                    super().handle_error(request, client_address)

        self._server = Server(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        self.base = f"http://127.0.0.1:{self._server.server_address[1]}"
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def __enter__(self) -> FeedServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def _send(handler, status: int, ctype: str, body: bytes, headers: dict | None = None, after=None) -> None:  # noqa: ANN001
    handler.send_response(status)
    handler.send_header("Content-Type", ctype)
    handler.send_header("Content-Length", str(len(body)))
    for k, v in (headers or {}).items():
        handler.send_header(k, v)
    handler.end_headers()
    handler.wfile.write(body)
    handler.wfile.flush()
    if after:
        after()  # counted once the whole answer is out


def _iso(epoch: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(epoch))
