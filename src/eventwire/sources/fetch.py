"""Fetching article pages and feeds over HTTP(S), safely.

* Only http and https; a timeout on every phase; a size limit enforced while streaming (not trusting
  Content-Length); only text-like content types (HTML, XML/RSS/Atom, plain text, JSON, CSV).
* A deadline on the whole fetch (name resolution, connect, TLS, headers, body, every redirect hop), as the
  per-operation timeouts alone let a server that drips a byte at a time hold a fetch forever: every socket
  operation waits at most for the time left (see DeadlineBackend). And a deadline on a source that leads to
  many fetches (a feed and the pages of its entries): FetchBudget.
* No request to a private, loopback, link-local, multicast or reserved address unless `allow_private`:
  the host name is resolved, EVERY address is checked, and the connection goes to a checked address (the
  Host header and TLS server name stay the original host), so a DNS answer that changes between the
  check and the connection cannot smuggle a request inside. An IPv6 address that carries an IPv4 one
  (6to4, Teredo, NAT64, IPv4-mapped) is judged by that one too. Redirects are followed by hand, each hop
  checked the same way.
* Credentials in a URL are sent as basic auth to that URL's site only (never on a redirect elsewhere), and
  appear in no Fetched and no message (sources.credentials).
* Conditional requests (`eventwire watch`): fetch(url, etag=..., last_modified=...) sends If-None-Match and
  If-Modified-Since; a 304 comes back as a Fetched with `not_modified` set and no data, and every Fetched
  carries the response's ETag and Last-Modified for the next request.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Self
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpcore
import httpx

from eventwire import __version__
from eventwire.sources.credentials import url_credentials, without_credentials
from eventwire.sources.fetch_limits import (  # noqa: F401 - fetch.DEFAULT_* as before
    DEFAULT_DEADLINE_S,
    DEFAULT_FEED_DEADLINE_S,
    DEFAULT_MAX_BYTES,
    DEFAULT_TIMEOUT_S,
)

DEADLINE_SLACK_S = 0.01  # a timeout this close to the deadline is the deadline's (clocks differ by a little)
MAX_REDIRECTS = 5
USER_AGENT = f"eventwire/{__version__} (conflict event extraction)"
TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "text/xml", "application/xml",
              "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/json",
              "application/x-ndjson", "application/jsonl", "application/json-seq", "text/csv")


class FetchError(RuntimeError):
    """The URL could not be fetched (or was refused); the message says why."""


class DeadlineExceeded(FetchError):
    """The fetch ran out of time: its own deadline, or its source's (FetchBudget)."""

    def __init__(self, message: str, url: str):
        super().__init__(message)
        self.url = url


@dataclass
class Fetched:
    url: str  # the URL asked for, without the credentials it may have held
    final_url: str  # after redirects (never with credentials)
    content_type: str  # media type without parameters, lower case ("" when the server sent none)
    charset: str | None
    data: bytes
    status: int = 200
    etag: str | None = None  # the response's validators, to send back on the next request
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        """The server answered 304: nothing changed since the validators sent (`data` is empty)."""
        return self.status == 304

    def text(self) -> str:
        for enc in filter(None, (self.charset, "utf-8")):
            try:
                return self.data.decode(enc)
            except (UnicodeDecodeError, LookupError):
                continue
        return self.data.decode("latin-1")


NAT64_PREFIX = ipaddress.IPv6Network("64:ff9b::/96")  # the well-known prefix: the last 32 bits are an IPv4 host


def is_public_address(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Routable on the public internet: not private, loopback, link-local, shared (CGNAT), reserved, ...

    An IPv6 address that carries an IPv4 one is judged by that IPv4 address too, so 6to4 `2002:7f00:1::1`
    (127.0.0.1) or NAT64 `64:ff9b::a9fe:a9fe` (169.254.169.254) cannot smuggle a request to a private host:
    IPv4-mapped and NAT64 addresses are translations (only the IPv4 host counts, so a public site reached
    through a DNS64 resolver is allowed); a 6to4 or Teredo address must be public AND carry a public IPv4 host."""
    if isinstance(ip, ipaddress.IPv4Address):
        return _is_public(ip)
    carried = carried_ipv4(ip)
    translated = ip.ipv4_mapped is not None or ip in NAT64_PREFIX
    return (translated or _is_public(ip)) and all(_is_public(v4) for v4 in carried)


def carried_ipv4(ip: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses inside an IPv6 one: IPv4-mapped (::ffff:0:0/96), NAT64 (64:ff9b::/96), 6to4
    (2002::/16) and the client of a Teredo address (2001::/32, its bits un-XOR-ed by the ipaddress module)."""
    if ip.ipv4_mapped is not None:
        return [ip.ipv4_mapped]
    if ip in NAT64_PREFIX:
        return [ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)]
    if ip.sixtofour is not None:
        return [ip.sixtofour]
    if ip.teredo is not None:
        return [ip.teredo[1]]
    return []


def _is_public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast or ip.is_reserved \
            or ip.is_unspecified or not ip.is_global:
        return False
    return not (isinstance(ip, ipaddress.IPv6Address) and ip.is_site_local)


def resolve(host: str, port: int, timeout: float | None = None) -> list[str]:
    """The addresses of `host`. With `timeout`, the lookup runs on a helper thread that is abandoned when
    the time is up (getaddrinfo itself cannot be interrupted, and a hostile name server can answer slowly)."""
    if timeout is None:
        return _addresses(host, _getaddrinfo(host, port))
    outcome: list = []
    lookup = threading.Thread(target=lambda: outcome.append(_getaddrinfo(host, port)), daemon=True,
                              name=f"resolve {host}")
    lookup.start()
    lookup.join(timeout)
    if not outcome:
        raise FetchError(f"cannot resolve {host}: no answer within {timeout:.1f} s")
    return _addresses(host, outcome[0])


def _getaddrinfo(host: str, port: int) -> list | FetchError:
    try:
        return socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        return FetchError(f"cannot resolve {host}: {exc.strerror or exc}")
    except (UnicodeError, OSError) as exc:  # a host name IDNA cannot encode, ...
        return FetchError(f"cannot resolve {host}: {exc}")


def _addresses(host: str, infos: list | FetchError) -> list[str]:
    if isinstance(infos, FetchError):
        raise infos
    out: list[str] = []
    for info in infos:
        addr = info[4][0].split("%", 1)[0]  # drop an IPv6 zone index
        if addr not in out:
            out.append(addr)
    if not out:
        raise FetchError(f"cannot resolve {host}")
    return out


def checked_address(host: str, port: int, allow_private: bool, timeout: float | None = None) -> str:
    """An address to connect to for `host`, after checking every address it resolves to."""
    addrs = resolve(host, port, timeout)
    if not allow_private:
        for a in addrs:
            if not is_public_address(ipaddress.ip_address(a)):
                raise FetchError(f"refused {host}: it resolves to the non-public address {a} "
                                 "(use --allow-private to fetch from private, loopback or link-local hosts)")
    return addrs[0]


def site_of(url: str) -> tuple[str, str, int]:
    """(scheme, host, port) of an http(s) URL; FetchError for any other, or one that is not a valid URL."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise FetchError(f"{without_credentials(url)}: not a valid URL (a bad host or port)") from None
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"{without_credentials(url)}: only http and https URLs can be fetched")
    if not parts.hostname:
        raise FetchError(f"{without_credentials(url)}: no host name")
    return parts.scheme, parts.hostname, port or (443 if parts.scheme == "https" else 80)


def same_site(first: str, other: str) -> bool:
    """May credentials given for URL `first` be sent to URL `other`? Only on the same scheme, host and port,
    or to the https site of the same host when `first` was plain http on the default port (an upgrade)."""
    try:
        scheme, host, port = site_of(first)
        other_scheme, other_host, other_port = site_of(other)
    except FetchError:
        return False
    if other_host != host:
        return False
    return (other_scheme, other_port) == (scheme, port) or \
        (scheme, port, other_scheme, other_port) == ("http", 80, "https", 443)


class Deadlines:
    """The end (on the time.monotonic() clock) of the fetch each thread is making. Every socket operation of a
    DeadlineBackend waits at most until then, whatever its own timeout."""

    def __init__(self):
        self._local = threading.local()

    @contextmanager
    def until(self, end: float):
        outer = getattr(self._local, "end", None)
        self._local.end = end if outer is None else min(end, outer)
        try:
            yield
        finally:
            self._local.end = outer

    def left(self) -> float | None:
        """Seconds until the current deadline (None: no deadline on this thread)."""
        end = getattr(self._local, "end", None)
        return None if end is None else end - time.monotonic()

    def bound(self, timeout: float | None, timeout_error: type[Exception]) -> float | None:
        """`timeout`, shortened to the time left; `timeout_error` when none is left."""
        left = self.left()
        if left is None:
            return timeout
        if left <= 0:
            raise timeout_error("the fetch's deadline has passed")
        return left if timeout is None else min(timeout, left)


class DeadlineStream(httpcore.NetworkStream):
    """A connection whose every read, write and TLS handshake ends by the deadline of the fetch using it
    (a kept-alive connection serves later fetches: the deadline is looked up at each operation)."""

    def __init__(self, stream: httpcore.NetworkStream, deadlines: Deadlines):
        self._stream, self._deadlines = stream, deadlines

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, self._deadlines.bound(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, self._deadlines.bound(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(self, ssl_context, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        tls = self._stream.start_tls(ssl_context, server_hostname, self._deadlines.bound(timeout, httpcore.ConnectTimeout))
        return DeadlineStream(tls, self._deadlines)

    def get_extra_info(self, info: str):
        return self._stream.get_extra_info(info)


class DeadlineBackend(httpcore.NetworkBackend):
    """httpcore's blocking network backend with DeadlineStreams: connect, TLS, headers and body all end by
    the fetch's deadline (httpx's timeouts alone are per operation, and a read that gets one byte is a
    success, so a dripping server would never time out)."""

    def __init__(self, deadlines: Deadlines):
        self._backend, self._deadlines = httpcore.SyncBackend(), deadlines

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options=None) -> httpcore.NetworkStream:
        stream = self._backend.connect_tcp(host, port, self._deadlines.bound(timeout, httpcore.ConnectTimeout),
                                           local_address=local_address, socket_options=socket_options)
        return DeadlineStream(stream, self._deadlines)

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options=None) -> httpcore.NetworkStream:
        stream = self._backend.connect_unix_socket(path, self._deadlines.bound(timeout, httpcore.ConnectTimeout),
                                                   socket_options=socket_options)
        return DeadlineStream(stream, self._deadlines)

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


class DeadlineTransport(httpx.HTTPTransport):
    """httpx's transport over a connection pool that uses a DeadlineBackend. (HTTPTransport takes no network
    backend, so its pool is replaced by one built the same way, with httpx's default limits, plus the backend.)"""

    def __init__(self, deadlines: Deadlines):
        super().__init__(trust_env=False)
        limits = httpx.Limits()
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False), max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections, keepalive_expiry=limits.keepalive_expiry,
            network_backend=DeadlineBackend(deadlines))


class Fetcher:
    """Fetches URLs safely (see the module's notes). timeout: seconds per network operation; deadline: seconds
    for a whole fetch, redirects included; feed_deadline: seconds of fetching for one source that leads to
    many fetches (see for_source)."""

    def __init__(self, allow_private: bool = False, timeout: float = DEFAULT_TIMEOUT_S,
                 max_bytes: int = DEFAULT_MAX_BYTES, user_agent: str = USER_AGENT, *,
                 deadline: float = DEFAULT_DEADLINE_S, feed_deadline: float = DEFAULT_FEED_DEADLINE_S):
        self.allow_private = allow_private
        self.max_bytes = max_bytes
        self.deadline, self.feed_deadline = deadline, feed_deadline
        self._deadlines = Deadlines()
        self._client = httpx.Client(timeout=httpx.Timeout(timeout), follow_redirects=False, trust_env=False,
                                    transport=DeadlineTransport(self._deadlines),
                                    headers={"User-Agent": user_agent,
                                             "Accept": "text/html,application/xhtml+xml,application/rss+xml,"
                                                       "application/atom+xml,application/xml;q=0.9,text/*;q=0.8"})

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def for_source(self, name: str, seconds: float | None = None) -> FetchBudget:
        """A fetcher for one source that leads to many fetches (a feed and its entries' pages, a crawl): all
        its fetches together get `seconds` (default: feed_deadline)."""
        return FetchBudget(self, name, self.feed_deadline if seconds is None else seconds)

    def fetch(self, url: str, *, deadline: float | None = None, etag: str | None = None,
              last_modified: str | None = None) -> Fetched:
        """The page at `url`, after at most MAX_REDIRECTS redirects. deadline: seconds for this fetch when
        fewer than the Fetcher's own deadline. With `etag` or `last_modified` (from an earlier Fetched), the
        request is conditional. Raises FetchError (DeadlineExceeded when out of time).
        Credentials in `url` are sent as HTTP basic auth to its own site only, and left out of the Fetched
        and of every message."""
        safe = without_credentials(url)
        credentials = url_credentials(url)
        if credentials is None and safe != url:
            raise FetchError(f"{safe}: the user name and password in the URL cannot be read (a password with '/', "
                             "'?' or '#' in it must be percent-encoded)")
        seconds = self.deadline if deadline is None else min(deadline, self.deadline)
        with self._deadlines.until(time.monotonic() + seconds):
            try:
                return self._follow(safe, credentials, etag, last_modified)
            except DeadlineExceeded:
                raise DeadlineExceeded(f"{safe}: no complete answer within the {seconds:g} s deadline (the server "
                                       "is too slow, or sends its answer a little at a time)", safe) from None

    def _follow(self, url: str, credentials: tuple[str, str] | None, etag: str | None = None,
                last_modified: str | None = None) -> Fetched:
        """`url` (without credentials) and its redirects; `credentials` go to the hops on url's own site."""
        conditional = {k: v for k, v in (("If-None-Match", etag), ("If-Modified-Since", last_modified)) if v}
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            auth = httpx.BasicAuth(*credentials) if credentials and same_site(url, current) else None
            resp_url, status, headers, data = self._get_once(current, auth, conditional)
            if status in (301, 302, 303, 307, 308) and headers.get("location"):
                try:
                    current = without_credentials(urljoin(current, headers["location"]))
                except ValueError:
                    raise FetchError(f"{url}: redirected to an invalid URL") from None
                continue
            if status >= 400:
                raise FetchError(f"{url}: HTTP {status}")
            if status == 304:  # the validators sent still hold, unless the server names new ones
                return Fetched(url=url, final_url=resp_url, content_type="", charset=None, data=b"", status=304,
                               etag=headers.get("etag") or etag,
                               last_modified=headers.get("last-modified") or last_modified)
            ctype, charset = _content_type(headers.get("content-type", ""))
            if ctype and ctype not in TEXT_TYPES and not ctype.startswith("text/"):
                raise FetchError(f"{url}: unsupported content type {ctype} (want HTML, a feed or text)")
            return Fetched(url=url, final_url=resp_url, content_type=ctype, charset=charset, data=data,
                           status=status, etag=headers.get("etag"), last_modified=headers.get("last-modified"))
        raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects")

    def _time_left(self, url: str, slack: float = 0.0) -> float | None:
        """Seconds left for the current fetch; DeadlineExceeded when there are fewer than `slack`."""
        left = self._deadlines.left()
        if left is not None and left <= slack:
            raise DeadlineExceeded(f"{url}: out of time", url)
        return left

    def _get_once(self, url: str, auth: httpx.Auth | None = None, extra_headers: dict[str, str] | None = None,
                  ) -> tuple[str, int, httpx.Headers, bytes]:
        """One GET of `url` (without credentials; `auth` logs in; `extra_headers` e.g. conditional ones)."""
        scheme, host, port = site_of(url)
        parts = urlsplit(url)
        try:
            addr = checked_address(host, port, self.allow_private, timeout=self._time_left(url))
        except FetchError:
            self._time_left(url, DEADLINE_SLACK_S)  # the lookup was cut short by the deadline: say so
            raise
        # connect to the address we checked; Host header and TLS name stay the real host
        netloc_ip = f"[{addr}]" if ":" in addr else addr
        pinned = urlunsplit((scheme, f"{netloc_ip}:{port}", parts.path or "/", parts.query, ""))
        host_header = host if parts.port is None else f"{host}:{parts.port}"
        if ":" in host and not host.startswith("["):
            host_header = f"[{host}]" if parts.port is None else f"[{host}]:{parts.port}"
        try:
            self._time_left(url)
            with self._client.stream("GET", pinned, headers={"Host": host_header, **(extra_headers or {})}, auth=auth,
                                     extensions={"sni_hostname": host}) as resp:
                declared = resp.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > self.max_bytes:
                    raise FetchError(f"{url}: {int(declared):,} bytes is over the {self.max_bytes:,}-byte limit")
                chunks, size = [], 0
                if resp.status_code < 300:
                    for chunk in resp.iter_bytes():
                        size += len(chunk)
                        if size > self.max_bytes:
                            raise FetchError(f"{url}: more than the {self.max_bytes:,}-byte limit")
                        chunks.append(chunk)
                        self._time_left(url)
                return url, resp.status_code, resp.headers, b"".join(chunks)
        except httpx.TimeoutException:
            self._time_left(url, DEADLINE_SLACK_S)  # the deadline ran out, not the operation's own timeout: say so
            raise FetchError(f"{url}: timed out") from None
        except httpx.HTTPError as exc:
            raise FetchError(f"{url}: {type(exc).__name__}: {exc}") from None


class FetchBudget:
    """A fetcher for one source that leads to many fetches (a feed and its entries' pages, a crawl): its
    fetches together take at most `seconds`, so a feed of a thousand slow links cannot hold a batch for
    hours. Once the time is spent, each further fetch fails at once with a message naming the source."""

    def __init__(self, fetcher: Fetcher, name: str, seconds: float):
        self.fetcher, self.name, self.seconds = fetcher, without_credentials(name), seconds
        self.spent = 0.0

    def fetch(self, url: str, *, deadline: float | None = None, etag: str | None = None,
              last_modified: str | None = None) -> Fetched:
        safe = without_credentials(url)
        left = self.seconds - self.spent
        if left <= 0:
            raise DeadlineExceeded(f"{safe}: not fetched: the {self.seconds:g} s feed deadline of {self.name} "
                                   "has run out", safe)
        own = self.fetcher.deadline if deadline is None else min(deadline, self.fetcher.deadline)
        started = time.monotonic()
        try:
            return self.fetcher.fetch(url, deadline=min(left, own), etag=etag, last_modified=last_modified)
        except DeadlineExceeded:
            if left >= own:  # the fetch's own deadline ran out, not this budget
                raise
            raise DeadlineExceeded(f"{safe}: gave up when the {self.seconds:g} s feed deadline of {self.name} "
                                   "ran out", safe) from None
        finally:
            self.spent += time.monotonic() - started

    def for_source(self, name: str, seconds: float | None = None) -> FetchBudget:
        """This budget itself: a source inside a source shares its time."""
        return self


def _content_type(header: str) -> tuple[str, str | None]:
    parts = [p.strip() for p in header.split(";")]
    ctype = parts[0].lower() if parts else ""
    charset = None
    for p in parts[1:]:
        if p.lower().startswith("charset="):
            charset = p.split("=", 1)[1].strip("\"' ") or None
    return ctype, charset
