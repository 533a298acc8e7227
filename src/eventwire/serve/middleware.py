"""ASGI middleware of the API."""

from __future__ import annotations

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
