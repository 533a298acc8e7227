"""Fuzz of the HTTP API (hypothesis, in-process, no network): random bytes, unicode with lone surrogates, deep
JSON, huge numbers and extreme dates through POST /api/extract and POST /api/articles and the query parameters
of the read routes. Whatever comes in, the answer is never a 5xx, an error is JSON with a string `detail`, and
its status is one the OpenAPI spec documents for that route.

The real pipeline (the session's) runs the texts that pass validation; the examples are few and bounded in
time so that each test stays well under 20 s."""

from __future__ import annotations

import datetime as dt
import json
import warnings
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from eventfactory import make_event, make_result
from eventwire.serve.app import create_app
from eventwire.storage.store import Store

FUZZ = settings(max_examples=40, deadline=dt.timedelta(seconds=10),
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@pytest.fixture(scope="module")
def api(tmp_path_factory, pipeline):
    """(client, token, spec) over a store with two events; the session's pipeline extracts."""
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'fuzz.db'}")
    for key in ("a", "b"):
        store.add_result(make_result(key, [make_event(key, start=len(f"Article {key}. "))],
                                     url=f"https://news.example/{key}"))
    token = store.create_token("fuzz", role="editor")  # POST /api/articles stores: the fuzz reaches the store
    client = TestClient(create_app(store=store, pipeline=pipeline), raise_server_exceptions=False)
    yield client, token, client.get("/openapi.json").json()
    store.close()


def check(api, method: str, route: str | None, response) -> None:
    """No 5xx; an error is JSON with a string detail, with a status the spec documents for the route (if
    given)."""
    _, _, spec = api
    assert response.status_code < 500, (route, response.status_code, response.text[:300])
    if response.status_code >= 400:
        detail = response.json()["detail"]
        assert isinstance(detail, str) and detail, (route, response.text[:300])
        if route is not None:
            assert str(response.status_code) in spec["paths"][route][method]["responses"], (route, response.text)


def post(api, route: str, body: bytes):
    client, token, _ = api
    response = client.post(route, content=body, headers={"Content-Type": "application/json",
                                                         "Authorization": f"Bearer {token}"})
    check(api, "post", route, response)
    return response


# -- what a body may hold -----------------------------------------------------------------------------------------
surrogate_text = st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF), max_size=200)
huge_numbers = st.one_of(st.integers(), st.integers(min_value=10**15, max_value=10**40),
                         st.floats(allow_nan=True, allow_infinity=True))
extreme_dates = st.one_of(st.dates().map(dt.date.isoformat), st.sampled_from(
    ["0000-01-01", "0001-01-01", "9999-12-31", "10000-01-01", "-0001-01-01", "2020-02-30", "2020-13-01", ""]),
    surrogate_text)
json_values = st.recursive(st.none() | st.booleans() | huge_numbers | surrogate_text,
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(surrogate_text, inner,
                                                                                       max_size=4), max_leaves=20)
# texts the pipeline reads: plausible sentences with absurd numbers
sentences = st.builds("{} killed {} people in {} on {}.".format,
                      st.sampled_from(["Gunmen", "Soldiers", "A suicide bomber", "Rebels"]),
                      st.one_of(st.integers(min_value=-10, max_value=10**15), st.sampled_from(
                          ["1e400", "nine hundred trillion", "0x7fffffff", "1,000,000,000,000,000"])),
                      st.sampled_from(["Kabul", "Aleppo", "the town", "Mogadishu"]),
                      st.sampled_from(["Monday", "31 December 9999", "1 January 1", "the year 0"]))


def deep(depth: int, kind: str) -> bytes:
    opening, closing = ("[", "]") if kind == "list" else ('{"text":', "}")
    return (opening * depth + "1" + closing * depth).encode()


bodies = st.one_of(
    st.binary(max_size=300),
    json_values.map(lambda v: json.dumps(v).encode()),
    st.builds(lambda t, p: json.dumps({"text": t, "published": p}).encode(), surrogate_text, extreme_dates),
    st.builds(deep, st.integers(min_value=1, max_value=100_000), st.sampled_from(["list", "dict"])),
)
# well-formed requests whose text the pipeline reads: absurd tolls, dates at the ends of the calendar
articles = st.fixed_dictionaries(
    {"text": st.one_of(sentences, surrogate_text.filter(str.strip).map(lambda t: f"Gunmen killed {t}")),
     "published": st.one_of(st.none(), st.dates().map(dt.date.isoformat),
                            st.sampled_from(["0001-01-01", "9999-12-31"]))})


@pytest.mark.parametrize("route", ["/api/extract", "/api/articles"])
def test_oversized_bodies_get_413(api, route):
    assert post(api, route, json.dumps({"text": "war " * 600_000}).encode()).status_code == 413


@FUZZ
@given(body=bodies)
@example(body=b'{"text": "bad \\ud800 text"}')
@example(body=deep(100_000, "list"))
@pytest.mark.parametrize("route", ["/api/extract", "/api/articles"])
def test_pipeline_routes_survive_any_body(api, route, body):
    post(api, route, body)


@FUZZ
@given(article=articles, title=st.one_of(st.none(), surrogate_text))
@example(article={"text": "Gunmen killed 12 people in Kabul.", "published": "9999-12-31"}, title=None)
@example(article={"text": "Gunmen killed 12 people in Kabul.", "published": "0001-01-01"}, title=None)
@example(article={"text": "Gunmen killed 999999999999999 people in Kabul.", "published": None}, title="\ud800")
@pytest.mark.parametrize("route", ["/api/extract", "/api/articles"])
def test_pipeline_routes_survive_hostile_articles(api, route, article, title):
    if route == "/api/articles":
        article = {**article, "title": title}
    post(api, route, json.dumps(article).encode())


# The storage overflow of issue 15 (defect 2): the store could not hold the toll and the route answered 500. A
# toll beyond any plausible figure is stored as null, with the words and a flag.
def test_ingest_of_an_absurd_toll_is_no_server_error(api):
    client, token, _ = api
    response = post(api, "/api/articles", json.dumps({"text": "Gunmen killed 99999999999999999999999999 people in "
                                                              "Kabul on Monday, police said.",
                                                      "published": "2020-01-01"}).encode())
    assert response.status_code == 201, response.text
    [event_id] = response.json()["event_ids"]
    event = client.get(f"/api/events/{event_id}", headers={"Authorization": f"Bearer {token}"}).json()
    assert (event["fatalities"], event["fatalities_text"]) == (None, "killed 99999999999999999999999999 people")
    assert event["flags"] == ["fatalities_implausible"]


# -- query parameters of the read routes ----------------------------------------------------------------------
READ_ROUTES = ["/api/events", "/api/stats", "/api/export", "/api/meta", "/api/events/{event_id}",
               "/api/articles/{article_id}"]
PARAMS = ["country", "admin1", "bbox", "date_from", "date_to", "actor", "type", "sub_type", "min_fatalities",
          "modality", "q", "review", "limit", "cursor", "order", "sources", "count", "top", "format"]
# raw query values: percent-encoded bytes (invalid UTF-8, encoded surrogates, NUL) as well as text
raw_values = st.one_of(
    st.binary(max_size=40).map(lambda b: quote(b, safe="")),
    surrogate_text.map(lambda t: quote(t.encode("utf-8", "surrogatepass"), safe="")),
    huge_numbers.map(str), extreme_dates.map(lambda d: quote(d.encode("utf-8", "surrogatepass"), safe="")),
    st.sampled_from(["nan,nan,nan,nan", "-1e400,0,1e400,1", "W251bGwsIDFd", "9" * 400, "%00"]))
path_ids = st.one_of(st.integers(min_value=-(10**30), max_value=10**30).map(str), raw_values)


@FUZZ
@given(route=st.sampled_from(READ_ROUTES), query=st.dictionaries(st.sampled_from(PARAMS), raw_values, max_size=4),
       ident=path_ids)
@example(route="/api/events", query={"date_from": "9999-12-31", "date_to": "0001-01-01"}, ident="1")
@example(route="/api/events/{event_id}", query={}, ident="%ED%A0%80")
def test_read_routes_survive_any_query(api, route, query, ident):
    client = api[0]
    path = route.replace("{event_id}", ident).replace("{article_id}", ident)
    url = path + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")
    response = client.get(url)
    # an id that is empty or holds '/', '?' or '#' makes another path, which this route does not answer
    same_route = "{" not in route or (ident and not set(ident) & set("/?#"))
    check(api, "get", route if same_route else None, response)
