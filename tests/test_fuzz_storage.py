"""Fuzz of the store (hypothesis): event records and articles whose values are as hostile as their kinds allow --
integers of any size, NaN and infinities, text with NUL characters and lone surrogates, strings thousands of
characters long, dates at and past the ends of the calendar -- on SQLite and (with EVENTWIRE_TEST_PG_URL)
PostgreSQL. Whatever comes in is stored (as storage/limits.py makes it) or cleanly refused, never an unhandled
exception, and the plain articles and records of the same batch are always kept.

The examples are few and the stores small, so that each test stays within seconds."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventfactory import make_event, make_result
from eventwire.ingest import Ingester
from eventwire.records import Actor, ArticleResult, Event, field_types, is_record
from eventwire.storage import limits
from eventwire.storage.columns import event_columns
from eventwire.storage.models import EventRow, EventSourceRow
from storebackends import BACKENDS, close_store, open_store

FUZZ = settings(max_examples=40, deadline=dt.timedelta(seconds=10),
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):
    s = open_store(request.param, tmp_path)
    yield s
    close_store(request.param, s)


@pytest.fixture
def fresh_ids():
    """Article ids no other example of the test used: the examples share one store."""
    return (f"fuzz-{n}" for n in itertools.count())


# -- hostile values of each kind --------------------------------------------------------------------------------
BROKEN = ["\x00", "\ud800", "\udbff", "\udc00", "\udfff", "\ufffd", "\U0010ffff"]
hostile_text = st.one_of(
    st.text(alphabet=st.characters(exclude_categories=[]), max_size=60),  # every code point, surrogates too
    st.lists(st.one_of(st.sampled_from(BROKEN), st.characters()), max_size=40).map("".join),
    st.builds(lambda c, n: c * n, st.sampled_from(["a", "\x00", "\ud800", "é"]), st.integers(500, 6000)),
)
huge_ints = st.one_of(st.integers(), st.integers(min_value=-(10**40), max_value=10**40), st.sampled_from(
    [2**31 - 1, 2**31, -(2**31), -(2**31) - 1, 2**63 - 1, 2**63, -(2**63) - 1, 10**400]))
any_floats = st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.sampled_from([1e308, -1e308, 5e-324]))
date_texts = st.one_of(
    st.dates().map(dt.date.isoformat), hostile_text,
    st.sampled_from(["0000-01-01", "0001-01-01", "9999-12-31", "10000-01-01", "-0001-01-01", "2020-02-30",
                     "9999-12-31T23:59:59+14:00", "99999-12-31", ""]))
DATE_FIELDS = {"date", "published"}


def kind_strategy(name: str, base: type) -> st.SearchStrategy:
    if name in DATE_FIELDS:
        return date_texts
    return {str: hostile_text, int: huge_ints, float: any_floats, bool: st.booleans()}[base]


def leaf_paths(cls: type, prefix: str = "") -> list[tuple[str, st.SearchStrategy]]:
    """Every scalar leaf of a record class with a strategy of its kind; lists of records (the allies) as lists of
    hostile actors."""
    out = []
    for ft in field_types(cls):
        path = prefix + ft.name
        if is_record(ft.base) and ft.many:
            out.append((path, st.lists(actor_dicts(), max_size=3)))
        elif is_record(ft.base):
            out += leaf_paths(ft.base, path + ".")
        elif ft.many:
            out.append((path, st.lists(hostile_text, max_size=4)))
        else:
            out.append((path, st.one_of(st.none(), kind_strategy(ft.name, ft.base))))
    return out


def actor_dicts() -> st.SearchStrategy:
    return st.fixed_dictionaries({f.name: kind_strategy(f.name, ft.base) if f.name == "name"
                                  else st.one_of(st.none(), kind_strategy(f.name, ft.base))
                                  for f, ft in zip(dataclasses.fields(Actor), field_types(Actor))})


EVENT_LEAVES = dict(leaf_paths(Event))


def set_path(rec: dict, path: str, value) -> None:
    *steps, last = path.split(".")
    for step in steps:
        rec = rec.setdefault(step, {}) if isinstance(rec.get(step), dict) or rec.get(step) is None else rec[step]
    rec[last] = value


@st.composite
def hostile_records(draw, article_id: str) -> dict:
    """A plain event record with a few of its leaves replaced by hostile values of their kind."""
    rec = make_event(article_id, fatalities=3).to_dict()
    for path in draw(st.lists(st.sampled_from(sorted(EVENT_LEAVES)), min_size=1, max_size=8, unique=True)):
        if path != "article_id":
            set_path(rec, path, draw(EVENT_LEAVES[path]))
    rec.pop("event_id")  # the store derives it, as it does for Spark output without one
    return rec


# -- event records without articles (add_events) -------------------------------------------------------------------
@FUZZ
@given(data=st.data())
def test_hostile_records_are_stored_as_limits_make_them_or_refused(store, fresh_ids, data):
    plain_before, plain_after = (make_event(next(fresh_ids)).to_dict() for _ in range(2))
    hostile = data.draw(hostile_records(next(fresh_ids)))
    refused = []
    added = store.add_events([plain_before, hostile, plain_after],
                             on_refused=lambda rec, message: refused.append(message))
    assert len(added) + len(refused) == 3 and len(added) >= 2  # the plain records are always stored
    for event_id in added:
        got = store.get_event(event_id)
        assert got is not None
        got.event  # noqa: B018 - the stored record reads back as an Event
    if len(added) == 3:
        stored = store.get_event(added[1]).sources[0].record
        expected = limits.storable_record(dict(hostile, event_id=stored["event_id"]), EventRow.__table__,
                                          EventSourceRow.__table__)
        assert _same(stored, expected)  # exactly what the limits made of it, on every backend
        with store.engine.connect() as conn:
            row = conn.execute(EventRow.__table__.select().where(EventRow.id == added[1])).mappings().one()
        columns = limits.fit_row(EventRow.__table__, event_columns(expected))[0]
        assert all(_same(row[name], value) for name, value in columns.items())
    store.run_dedup()
    assert store.count_events(modality=None) >= 1


def _same(a, b) -> bool:
    """Equal, NaN aside (none is stored: a NaN here is a failure of the limits), floats to the bit."""
    if isinstance(a, float) and isinstance(b, float):
        assert not math.isnan(a) and not math.isnan(b)
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return a == b


# -- articles with their events (add_result through the Ingester) ------------------------------------------------
class _Extracted:
    """A pipeline stand-in that hands on the results it was given: the store's part is under test."""

    def __init__(self, results: list[ArticleResult]):
        self.results = {id(r.article): r for r in results}

    def pipe(self, articles):
        for art in articles:
            yield self.results[id(art)]


article_dates = st.one_of(st.none(), st.dates(), st.sampled_from([dt.date.min, dt.date.max]))


@FUZZ
@given(data=st.data(), text=hostile_text.filter(str.strip), title=st.one_of(st.none(), hostile_text),
       url=st.one_of(st.none(), hostile_text.map(lambda t: "https://news.example/" + t)),
       source=st.one_of(st.none(), hostile_text), published=article_dates, key=hostile_text)
def test_hostile_articles_are_stored_and_the_batch_goes_on(store, fresh_ids, data, text, title, url, source,
                                                           published, key):
    plain = [make_result(k, [make_event(k)], url=f"https://news.example/{k}") for k in (next(fresh_ids),
                                                                                       next(fresh_ids))]
    hostile = make_result(key, [Event.from_dict(data.draw(hostile_records(key))) for _ in range(2)],
                          text=f"{next(fresh_ids)} {text}", url=url, title=title, source=source, published=None)
    hostile.article.published = published
    results = [plain[0], hostile, plain[1]]
    outcomes = list(Ingester(store, _Extracted(results)).run([("fuzz", r.article) for r in results]))
    assert [o.kind for o in outcomes] == ["stored", outcomes[1].kind, "stored"]
    # nothing an article says makes storing fail: it is stored, known (a URL seen before) or, before the store,
    # refused as no usable text
    assert outcomes[1].kind in ("stored", "known", "unusable", "not-english"), outcomes[1].message
    if outcomes[1].kind == "stored":
        art = store.get_article(outcomes[1].added.article_id)
        assert len(art.text) == len(hostile.article.text)  # cleaned one for one: evidence offsets stay right
        assert art.published == published
        for event_id in outcomes[1].added.event_ids:
            store.get_event(event_id).event  # noqa: B018 - reads back
    store.run_dedup()
