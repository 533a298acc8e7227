"""Fetching article pages and feeds over HTTP(S), safely.

* Only http and https; a timeout on every phase; a size limit enforced while streaming (not trusting
  Content-Length); only text-like content types (HTML, XML/RSS/Atom, plain text, JSON, CSV).
* No request to a private, loopback, link-local, multicast or reserved address unless `allow_private`:
  the host name is resolved, EVERY address is checked, and the connection goes to a checked address (the
  Host header and TLS server name stay the original host), so a DNS answer that changes between the
  check and the connection cannot smuggle a request inside. Redirects are followed by hand, each hop
  checked the same way.
* Conditional requests (`eventwire watch`): fetch(url, etag=..., last_modified=...) sends If-None-Match and
  If-Modified-Since; a 304 comes back as a Fetched with `not_modified` set and no data, and every Fetched
  carries the response's ETag and Last-Modified for the next request.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from typing import Self
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from eventwire import __version__

DEFAULT_TIMEOUT_S = 20.0
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
USER_AGENT = f"eventwire/{__version__} (conflict event extraction)"
TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "text/xml", "application/xml",
              "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/json",
              "application/x-ndjson", "application/jsonl", "application/json-seq", "text/csv")


class FetchError(RuntimeError):
    """The URL could not be fetched (or was refused); the message says why."""


@dataclass
class Fetched:
    url: str  # the URL asked for
    final_url: str  # after redirects
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


def is_public_address(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Routable on the public internet: not private, loopback, link-local, shared (CGNAT), reserved, ..."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    if ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast or ip.is_reserved \
            or ip.is_unspecified or not ip.is_global:
        return False
    return not (isinstance(ip, ipaddress.IPv6Address) and ip.is_site_local)


def resolve(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FetchError(f"cannot resolve {host}: {exc.strerror or exc}") from None
    out: list[str] = []
    for info in infos:
        addr = info[4][0].split("%", 1)[0]  # drop an IPv6 zone index
        if addr not in out:
            out.append(addr)
    if not out:
        raise FetchError(f"cannot resolve {host}")
    return out


def checked_address(host: str, port: int, allow_private: bool) -> str:
    """An address to connect to for `host`, after checking every address it resolves to."""
    addrs = resolve(host, port)
    if not allow_private:
        for a in addrs:
            if not is_public_address(ipaddress.ip_address(a)):
                raise FetchError(f"refused {host}: it resolves to the non-public address {a} "
                                 "(use --allow-private to fetch from private, loopback or link-local hosts)")
    return addrs[0]


class Fetcher:
    def __init__(self, allow_private: bool = False, timeout: float = DEFAULT_TIMEOUT_S,
                 max_bytes: int = DEFAULT_MAX_BYTES, user_agent: str = USER_AGENT):
        self.allow_private = allow_private
        self.max_bytes = max_bytes
        self._client = httpx.Client(timeout=httpx.Timeout(timeout), follow_redirects=False, trust_env=False,
                                    headers={"User-Agent": user_agent,
                                             "Accept": "text/html,application/xhtml+xml,application/rss+xml,"
                                                       "application/atom+xml,application/xml;q=0.9,text/*;q=0.8"})

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """GET `url`. With `etag` or `last_modified` (from an earlier Fetched), the request is conditional."""
        conditional = {k: v for k, v in (("If-None-Match", etag), ("If-Modified-Since", last_modified)) if v}
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            resp_url, status, headers, data = self._get_once(current, conditional)
            if status in (301, 302, 303, 307, 308) and headers.get("location"):
                current = urljoin(current, headers["location"])
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

    def _get_once(self, url: str, extra_headers: dict[str, str] | None = None) -> tuple[str, int, httpx.Headers, bytes]:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise FetchError(f"{url}: only http and https URLs can be fetched")
        host = parts.hostname
        if not host:
            raise FetchError(f"{url}: no host name")
        port = parts.port or (443 if parts.scheme == "https" else 80)
        addr = checked_address(host, port, self.allow_private)
        # connect to the address we checked; Host header and TLS name stay the real host
        netloc_ip = f"[{addr}]" if ":" in addr else addr
        pinned = urlunsplit((parts.scheme, f"{netloc_ip}:{port}", parts.path or "/", parts.query, ""))
        host_header = host if parts.port is None else f"{host}:{parts.port}"
        if ":" in host and not host.startswith("["):
            host_header = f"[{host}]" if parts.port is None else f"[{host}]:{parts.port}"
        try:
            with self._client.stream("GET", pinned, headers={"Host": host_header, **(extra_headers or {})},
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
                return url, resp.status_code, resp.headers, b"".join(chunks)
        except httpx.TimeoutException:
            raise FetchError(f"{url}: timed out") from None
        except httpx.HTTPError as exc:
            raise FetchError(f"{url}: {type(exc).__name__}: {exc}") from None


def _content_type(header: str) -> tuple[str, str | None]:
    parts = [p.strip() for p in header.split(";")]
    ctype = parts[0].lower() if parts else ""
    charset = None
    for p in parts[1:]:
        if p.lower().startswith("charset="):
            charset = p.split("=", 1)[1].strip("\"' ") or None
    return ctype, charset
