"""The HTTP server under hostile use: POST /api/extract's size limit, bounded queue and optional token; the
security headers on every response; an OpenAPI spec that documents the errors the server actually sends.

A slow fake pipeline (given through create_app) holds an extraction for as long as a test wants, so the queue
tests wait on events, never on the clock."""

from __future__ import annotations

import contextlib
import re
import subprocess
import sys
import threading
import time
import warnings

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from eventwire.records import ArticleResult
from eventwire.serve.app import ExtractSettings, create_app
from eventwire.storage.store import Store

TEXT = "Gunmen attacked a police station in the town on Monday and the police said that two officers died."


class HeldPipeline:
    """A pipeline that finds no event and, while `hold` is set, waits for `release` before answering."""

    def __init__(self) -> None:
        self.hold, self.started, self.release = False, threading.Event(), threading.Event()
        self.extracted = 0

    def pipe(self, articles):
        for article in articles:
            self.extracted += 1
            self.started.set()
            if self.hold:
                assert self.release.wait(30), "the test never released the extraction"
            yield ArticleResult(article=article)


@pytest.fixture
def store(tmp_path):
    s = Store(f"sqlite:///{tmp_path / 'hard.db'}")
    yield s
    s.close()


@pytest.fixture
def pipeline():
    return HeldPipeline()


def app_client(store, pipeline, **settings) -> TestClient:
    return TestClient(create_app(store=store, pipeline=pipeline, extract=ExtractSettings(**settings)))


@contextlib.contextmanager
def extraction_in_progress(client: TestClient, pipeline: HeldPipeline):
    """Starts one POST /api/extract that the pipeline holds until the block ends; yields its result holder."""
    pipeline.hold = True
    answer: dict = {}
    caller = threading.Thread(target=lambda: answer.update(r=client.post("/api/extract", json={"text": TEXT})))
    caller.start()
    try:
        assert pipeline.started.wait(30), "the extraction did not start"
        yield answer
    finally:
        pipeline.release.set()
        caller.join(30)
    assert answer["r"].status_code == 200, answer["r"].text


# -- POST /api/extract ----------------------------------------------------------------------------------------
def test_extract_text_over_the_limit_gets_413_with_a_clear_message(store, pipeline):
    client = app_client(store, pipeline, max_chars=len(TEXT))
    assert client.post("/api/extract", json={"text": TEXT}).status_code == 200
    r = client.post("/api/extract", json={"text": TEXT + "!"})
    assert r.status_code == 413
    assert re.search(rf"{len(TEXT) + 1}.*limit of {len(TEXT)}", r.json()["detail"])
    assert pipeline.extracted == 1  # the long text never reached the pipeline


def test_the_default_limit_refuses_the_half_million_characters_of_the_report(store, pipeline):
    client = TestClient(create_app(store=store, pipeline=pipeline))
    r = client.post("/api/extract", json={"text": (TEXT + " ") * 5000})  # 500,000 characters
    assert r.status_code == 413 and "50,000" in r.json()["detail"]
    assert pipeline.extracted == 0  # refused before any extraction
    spec = client.get("/openapi.json").json()
    assert spec["components"]["schemas"]["ExtractIn"]["properties"]["text"]["maxLength"] == 50_000


def test_a_full_queue_answers_429_with_retry_after_at_once(store, pipeline):
    client = app_client(store, pipeline, queue=1)
    with extraction_in_progress(client, pipeline):
        r = client.post("/api/extract", json={"text": TEXT})
        assert r.status_code == 429 and "busy" in r.json()["detail"]
        assert int(r.headers["retry-after"]) >= 1
    assert client.post("/api/extract", json={"text": TEXT}).status_code == 200  # the slot is free again


def test_other_routes_answer_while_an_extraction_runs(store, pipeline):
    client = app_client(store, pipeline, queue=1)
    with extraction_in_progress(client, pipeline) as answer:
        for path in ("/api/health", "/api/events", "/api/stats", "/api/meta"):
            assert client.get(path).status_code == 200, path
        assert "r" not in answer  # still running


def test_the_operator_can_require_a_token_for_extract(store, pipeline, monkeypatch):
    token = store.create_token("ana")
    client = app_client(store, pipeline, requires_token=True)
    r = client.post("/api/extract", json={"text": TEXT})
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
    assert client.post("/api/extract", json={"text": TEXT},
                       headers={"Authorization": "Bearer ew_wrong"}).status_code == 401
    assert client.post("/api/extract", json={"text": TEXT},
                       headers={"Authorization": f"Bearer {token}"}).status_code == 200
    assert TestClient(create_app(store=store, pipeline=pipeline)).post(
        "/api/extract", json={"text": TEXT}).status_code == 200  # open unless required
    monkeypatch.setenv("EVENTWIRE_EXTRACT_REQUIRES_TOKEN", "1")
    assert TestClient(create_app(store=store, pipeline=pipeline)).post(
        "/api/extract", json={"text": TEXT}).status_code == 401


def test_serve_takes_the_extract_options_and_sends_the_headers(tmp_path):
    import socket

    import httpx

    db = tmp_path / "s.db"
    token = subprocess.run([sys.executable, "-m", "eventwire.cli", "token", "create", "ana", "--db", str(db)],
                           capture_output=True, text=True, check=True).stdout.strip()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "eventwire.cli", "serve", "--db", str(db), "--port", str(port),
                             "--extract-requires-token", "--extract-max-chars", "20"],
                            stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(f"{base}/api/health", timeout=2)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline and proc.poll() is None, "the server did not start"
                time.sleep(0.2)
        assert httpx.post(f"{base}/api/extract", json={"text": TEXT}).status_code == 401
        r = httpx.post(f"{base}/api/extract", json={"text": TEXT}, headers={"Authorization": f"Bearer {token}"})
        assert r.status_code == 413 and "limit of 20" in r.json()["detail"]
        for path in ("/docs", "/static/index.html", "/api/nothing"):
            assert httpx.get(f"{base}{path}").headers["x-frame-options"] == "DENY", path
    finally:
        proc.terminate()
        proc.communicate(timeout=20)


# -- security headers ------------------------------------------------------------------------------------------
def test_every_response_carries_the_security_headers(store, pipeline):
    client = TestClient(create_app(store=store, pipeline=pipeline, max_body_bytes=100))
    answers = {path: client.get(path) for path in ("/", "/static/index.html", "/static/app.js", "/docs",
                                                   "/openapi.json", "/api/health", "/api/events", "/nowhere",
                                                   "/static/nothing.js", "/api/events/ew-zz")}
    answers["413"] = client.post("/api/extract", content=b"x" * 200, headers={"Content-Type": "application/json"})
    answers["401"] = client.patch("/api/events/1", json={"decision": "accept"})
    answers["405"] = client.delete("/api/events")
    for name, r in answers.items():
        csp = r.headers.get("content-security-policy", "")
        assert "frame-ancestors 'none'" in csp and "unsafe-eval" not in csp, name
        assert r.headers.get("x-frame-options") == "DENY", name
        assert r.headers.get("x-content-type-options") == "nosniff", name
        assert r.headers.get("referrer-policy") == "no-referrer", name
    assert answers["/static/index.html"].headers["content-security-policy"] == \
        answers["/"].headers["content-security-policy"]


def test_an_unexpected_error_is_still_json_with_the_headers(store):
    class BrokenPipeline:
        def pipe(self, articles):
            raise RuntimeError("a bug")

    client = TestClient(create_app(store=store, pipeline=BrokenPipeline()), raise_server_exceptions=False)
    r = client.post("/api/extract", json={"text": TEXT})
    assert r.status_code == 500 and "RuntimeError" in r.json()["detail"] and "a bug" not in r.text
    assert r.headers["x-frame-options"] == "DENY" and "frame-ancestors 'none'" in r.headers["content-security-policy"]


def test_docs_run_their_one_inline_script_by_hash_and_load_nothing_from_outside(store, pipeline):
    import base64
    import hashlib

    docs = TestClient(create_app(store=store, pipeline=pipeline)).get("/docs")
    csp = docs.headers["content-security-policy"]
    scripts = re.findall(r"<script>(.*?)</script>", docs.text, flags=re.DOTALL)
    assert len(scripts) == 1 and "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode()
    assert f"'sha256-{digest}'" in csp
    assert not re.search(r"(src|href)=\"https?://", docs.text) and "connect-src 'self'" in csp


# -- the OpenAPI spec and the errors actually sent -------------------------------------------------------------
def test_every_route_documents_its_errors_with_the_string_detail_actually_sent(store, pipeline):
    client = TestClient(create_app(store=store, pipeline=pipeline))
    spec = client.get("/openapi.json").json()
    schemas = spec["components"]["schemas"]
    assert "HTTPValidationError" not in schemas and schemas["ErrorOut"]["properties"]["detail"]["type"] == "string"
    assert schemas["ValidationErrorOut"]["properties"]["detail"]["type"] == "string"
    for path, operations in spec["paths"].items():
        for method, op in operations.items():
            codes = {int(c) for c in op["responses"]}
            where = f"{method.upper()} {path}"
            if op.get("security"):
                assert {401, 403} <= codes, where
            if "requestBody" in op:
                assert {400, 413, 422} <= codes, where
            if any(p["in"] == "path" for p in op.get("parameters", [])):
                assert 404 in codes, where
            if path != "/api/health":
                assert 503 in codes, where
            for code, answer in op["responses"].items():
                if code[0] in "45":
                    ref = answer["content"]["application/json"]["schema"]["$ref"]
                    assert ref.endswith("/ValidationErrorOut" if code == "422" else "/ErrorOut"), (where, code)
    assert "429" in spec["paths"]["/api/extract"]["post"]["responses"]
    assert "400" in spec["paths"]["/api/events"]["get"]["responses"]

    sent = [("get", "/api/events", {"params": {"cursor": "forged"}}, 400),
            ("get", "/api/events", {"params": {"limit": "many"}}, 422),
            ("get", "/api/events/{event_id}", {"path": "/api/events/99"}, 404),
            ("get", "/api/articles/{article_id}", {"path": "/api/articles/7"}, 404),
            ("patch", "/api/events/{event_id}", {"path": "/api/events/1", "json": {}}, 401),
            ("post", "/api/articles", {"json": {"text": TEXT}}, 401),
            ("post", "/api/extract", {"content": b"{not json", "headers": {"Content-Type": "application/json"}}, 422),
            ("post", "/api/extract", {"json": {"text": "x" * 50_001}}, 413),
            ("post", "/api/extract", {"json": {"txt": TEXT}}, 422),
            ("get", "/api/export", {"params": {"format": "xlsx"}}, 422)]
    for method, route, kw, status in sent:
        r = client.request(method.upper(), kw.pop("path", route), **kw)
        assert r.status_code == status, (route, r.status_code, r.text)
        assert isinstance(r.json()["detail"], str), (route, r.text)
        assert str(status) in spec["paths"][route][method]["responses"], (route, status)
