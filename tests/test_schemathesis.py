"""Schemathesis against the API's own OpenAPI spec: generated requests (valid and not) never get a 5xx.

Reads run open; writes carry a valid token so that the generated reviews and articles reach the code behind
the token check. The app runs in-process (ASGI) over a store of events built here.
"""

from __future__ import annotations

import tempfile

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from eventfactory import make_event, make_result
from eventwire.api import create_app
from eventwire.store import Store

pytestmark = pytest.mark.slow


def _build_app(folder: str):
    store = Store(f"sqlite:///{folder}/st.db")
    for i, (etype, sub) in enumerate([("Battles", "Armed clash"), ("Protests", "Peaceful protest"),
                                      ("Riots", "Mob violence"), ("Explosions/Remote violence", "Air/drone strike")]):
        key = f"st-{i}"
        ev = make_event(key, etype=etype, sub=sub, date=f"2018-0{i + 1}-1{i}", fatalities=i or None,
                        start=len(f"Article {key}. "))
        store.add_result(make_result(key, [ev], url=f"https://news.example/{key}"))
    store.run_dedup()
    return store, store.create_token("schemathesis"), create_app(store=store)


# schemathesis reads the spec when the module is collected, so the app (and its small database) exist from then
_FOLDER = tempfile.TemporaryDirectory(prefix="eventwire-schemathesis-")
STORE, TOKEN, APP = _build_app(_FOLDER.name)
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@pytest.fixture(scope="module", autouse=True)
def _cleanup():
    yield
    STORE.close()
    _FOLDER.cleanup()


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_request_gets_a_server_error(case):
    # generous: the first extraction loads the spaCy model
    response = case.call(headers={"Authorization": f"Bearer {TOKEN}"}, timeout=120)
    assert response.status_code < 500, (
        f"{case.method} {case.formatted_path} {case.query} {case.body!r} -> {response.status_code}: "
        f"{response.text[:500]}")
