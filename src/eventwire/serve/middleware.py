"""ASGI middleware of the API."""

from __future__ import annotations

import asyncio
import json


class BodyLimit:
    """Refuses request bodies over `limit` bytes with 413, whether announced by Content-Length or not: the
    body is read (up to the limit) before the app sees it, so a body too large never half-reaches a route."""

    def __init__(self, app, limit: int):
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            return await self.app(scope, receive, send)
        for name, value in scope.get("headers", []):
            if name == b"content-length" and value.isdigit() and int(value) > self.limit:
                return await _too_large(self.limit, send)
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client went away
                return
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > self.limit:
                return await _too_large(self.limit, send)
            if not message.get("more_body"):
                break
        body, replayed = b"".join(chunks), False

        async def replay():
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


async def _too_large(limit: int, send) -> None:
    body = json.dumps({"detail": f"request body over the limit of {limit} bytes"}).encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def security_headers(csp: str) -> list[tuple[str, str]]:
    return [("content-security-policy", csp), ("x-frame-options", "DENY"), ("x-content-type-options", "nosniff"),
            ("referrer-policy", "no-referrer")]


class SecurityHeaders:
    """Adds the browser's security headers to every response (the API's, the dashboard's, the static files',
    /docs', the 404s and the 413s alike): no framing, no MIME sniffing, no referrer, and a Content-Security-Policy
    chosen by path by `csp_for(path)`. A header the app set itself is kept."""

    def __init__(self, app, csp_for):
        self.app, self.csp_for = app, csp_for

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        added = [(name.encode(), value.encode()) for name, value in security_headers(self.csp_for(scope["path"]))]

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers += [(name, value) for name, value in added if name not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class ResponseCaching:
    """GET answers of the paths `cacheable(path)` accepts, kept in `cache` (serve.cache.ResponseCache) while the
    store's change mark stays the same: a repeated question costs a dictionary lookup instead of queries and JSON.
    Every such answer carries an ETag (a hash of its content, the same from every worker); a request whose
    If-None-Match names it gets 304 without a body. Answers of 1 KB or more go gzipped to clients that accept it
    (compressed once per cached answer). The key holds the Authorization header: an answer is only served again
    to the credentials it was made for, and revoking a token is a write, which changes the mark.
    Requests for an answer being made already wait for it instead of making it again (ten dashboards opened at
    once compute the stats once). Any other method under /api/ bumps the mark once it is answered (the write is
    committed by then), unless it was refused with a 4xx."""

    def __init__(self, app, cache, cacheable, cache_control: str = "no-cache"):
        self.app, self.cache, self.cacheable, self.cache_control = app, cache, cacheable, cache_control.encode()
        self._making: dict = {}  # key -> (mark, future of the CachedResponse or None), answers being made

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        method, path = scope["method"], scope["path"]
        if method != "GET":
            if method in ("HEAD", "OPTIONS") or not path.startswith("/api/"):
                return await self.app(scope, receive, send)
            refused = False  # a 4xx changed nothing: callers without a token cannot empty the cache by posting

            async def watch_status(message):
                nonlocal refused
                if message["type"] == "http.response.start":
                    refused = 400 <= message["status"] < 500
                await send(message)

            try:
                return await self.app(scope, receive, watch_status)
            finally:
                if not refused:
                    self.cache.watch.bump()
        if not self.cacheable(path):
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers", []))
        key = (path, scope.get("query_string", b""), headers.get(b"authorization"))
        mark = self.cache.watch.mark()  # read before the answer is made: a write after it makes the entry stale
        entry = self.cache.get(key, mark)
        if entry is None:
            making = self._making.get(key)
            if making is not None and making[0] == mark:
                entry = await asyncio.shield(making[1])  # None: that one failed, or was not a 200
        if entry is None:
            entry = await self._make(key, mark, scope, receive, send)
            if entry is None:  # not a 200: already sent as the app made it
                return
        await self._send(entry, key, headers, send)

    async def _make(self, key, mark, scope, receive, send):
        future = asyncio.get_running_loop().create_future()
        self._making[key] = (mark, future)
        entry = None
        try:
            entry = await self._answer(scope, receive, send, mark)
            if entry is not None:
                self.cache.put(key, entry)
            return entry
        finally:
            if self._making.get(key, (None, None))[1] is future:
                del self._making[key]
            future.set_result(entry)

    async def _answer(self, scope, receive, send, mark):
        """Runs the app and keeps its answer; other statuses than 200 are passed on untouched."""
        from eventwire.serve.cache import CachedResponse, etag_of

        start, chunks = None, []

        async def keep(message):
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
                if start["status"] != 200:
                    await send(message)
            elif start is not None and start["status"] != 200:
                await send(message)
            else:
                chunks.append(message.get("body", b""))

        await self.app(scope, receive, keep)
        if start is None or start["status"] != 200:
            return None
        skip = {b"content-length", b"content-encoding", b"etag", b"cache-control", b"vary"}
        kept = [(k, v) for k, v in start.get("headers", []) if k.lower() not in skip]
        body = b"".join(chunks)
        return CachedResponse(mark=mark, status=200, headers=kept, body=body, etag=etag_of(body))

    async def _send(self, entry, key, headers, send):
        common = [(b"etag", entry.etag), (b"cache-control", self.cache_control),
                  (b"vary", b"Accept-Encoding, Authorization")]
        if entry.etag in [t.strip() for t in headers.get(b"if-none-match", b"").split(b",")]:
            await send({"type": "http.response.start", "status": 304, "headers": common})
            await send({"type": "http.response.body", "body": b""})
            return
        body = entry.body
        extra = []
        if b"gzip" in headers.get(b"accept-encoding", b""):
            packed = self.cache.gzipped(key, entry)
            if packed is not None:
                body, extra = packed, [(b"content-encoding", b"gzip")]
        await send({"type": "http.response.start", "status": entry.status,
                    "headers": [*entry.headers, *common, *extra, (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})
