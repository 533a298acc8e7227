"""Fuzzing the readers: random bytes, deep JSON, lone surrogates and dates at the ends of the calendar, through
every reader and the stages they feed. Whatever the input, the answer is articles and InputErrors (or a clean
ValueError from the API), never an unhandled exception. Bounded in examples and time, derandomised (the same
examples on every run), no network.
"""

from __future__ import annotations

import datetime as dt
import json
import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.records import Article, parse_published
from eventwire.sources import jsontext
from eventwire.sources.read import InputError, read_any, read_source
from eventwire.sources.stream import InputStream

FAST = settings(max_examples=150, deadline=dt.timedelta(seconds=5), derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SLOW = settings(max_examples=25, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

SUFFIXES = [".jsonl", ".json", ".txt", ".csv", ".ndjson", ".html", ".xml", ".rss", ""]
SURROGATES = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
TEXT_WITH_SURROGATES = st.lists(st.one_of(st.characters(), SURROGATES), max_size=200).map("".join)
BRACKETS = st.lists(st.sampled_from("[]{}"), min_size=1, max_size=3000).map("".join)


def deep(depth: int, opener: str = "[") -> str:
    closer = {"[": "]", "{": "}"}[opener]
    inner = '{"text": "x"}'
    if opener == "{":
        return '{"a": ' * depth + inner + "}" * depth
    return opener * depth + inner + closer * depth


@st.composite
def jsonl_documents(draw) -> bytes:
    """JSON lines, some good, some deep, some broken, some raw bytes."""
    lines = draw(st.lists(st.one_of(
        st.builds(lambda t: json.dumps({"id": "a", "text": t}), st.text(max_size=80)).map(str.encode),
        st.integers(0, 3000).map(lambda d: deep(d).encode()),
        st.integers(0, 3000).map(lambda d: deep(d, "{").encode()),
        BRACKETS.map(str.encode),
        st.binary(max_size=200),
        TEXT_WITH_SURROGATES.map(lambda t: json.dumps({"text": t}).encode()),
    ), max_size=8))
    return b"\n".join(lines)


def check_items(items: list) -> None:
    assert all(isinstance(x, Article | InputError) for x in items), items
    for art in (x for x in items if isinstance(x, Article)):
        for value in (art.id, art.text, art.title, art.url, art.source):
            if isinstance(value, str):
                value.encode("utf-8")  # no lone surrogate left in an article


# -- readers ------------------------------------------------------------------------------------------------------
@FAST
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(SUFFIXES), limit=st.integers(1, 4000))
def test_random_bytes_through_every_reader(data, suffix, limit):
    check_items(list(read_source(f"in{suffix}", InputStream(data, limit))))
    check_items(list(read_any(f"in{suffix}", InputStream(data, limit))))
    check_items(list(read_source("-", InputStream(data, limit))))


@FAST
@given(document=jsonl_documents(), limit=st.integers(16, 100_000))
def test_json_lines_of_any_depth_and_bytes(document, limit):
    for name in ("in.jsonl", "-", "in.ndjson"):
        check_items(list(read_any(name, InputStream(document, limit))))
    check_items(list(read_source("in.json", InputStream(document, limit))))


@FAST
@given(text=st.one_of(BRACKETS, st.integers(0, 5000).map(deep), st.text(max_size=300)))
def test_the_json_loader_never_recurses_out(text):
    try:
        value = jsontext.loads(text)
    except ValueError:
        return  # broken JSON, or nested too deep: a clean error
    assert jsontext.nesting_depth(text) <= jsontext.DEFAULT_MAX_DEPTH
    json.dumps(value)


@FAST
@given(rows=st.lists(st.lists(st.one_of(st.text(max_size=40), st.binary(max_size=40).map(
    lambda b: b.decode("latin-1")), st.just('"'), st.just("\n")), max_size=5), max_size=12),
    limit=st.integers(1, 600))
def test_csv_of_any_shape(rows, limit):
    lines = ["id,title,text"] + [",".join(cells) for cells in rows]
    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    check_items(list(read_any("in.csv", InputStream(data, limit))))


@SLOW
@given(depth=st.integers(0, 5000), tag=st.sampled_from(["div", "p", "item", "entry"]), junk=st.binary(max_size=100))
def test_deeply_nested_markup_through_the_page_and_feed_readers(depth, tag, junk):
    page = b"<html><body>" + f"<{tag}>".encode() * depth + b"Rebels attacked the town." + junk + b"</body></html>"
    feed = b'<?xml version="1.0"?><rss><channel><item><description>' + f"<{tag}>".encode() * depth + junk \
        + b"</description></item></channel></rss>"
    for name, data in (("page.html", page), ("feed.rss", feed), ("download", page), ("download", feed)):
        check_items(list(read_any(name, InputStream(data))))


# -- surrogates and dates, into the stages --------------------------------------------------------------------------
@FAST
@given(text=TEXT_WITH_SURROGATES, title=st.one_of(st.none(), TEXT_WITH_SURROGATES))
def test_surrogates_never_reach_past_the_article(text, title):
    art = Article(id=text[:10], text=text, title=title)
    check_items([art])
    from eventwire.sources.language import default_check

    problem = default_check().problem(art.text)
    assert problem is None or problem.strip()


@FAST
@given(published=st.one_of(st.dates(), st.text(alphabet=string.digits + "-:TZ+", max_size=30), st.text(max_size=30)),
       text=st.text(max_size=40))
def test_any_published_value_is_a_date_or_an_input_error(published, text):
    line = json.dumps({"id": "d", "text": text, "published": str(published)}).encode()
    items = list(read_source("dates.jsonl", InputStream(line)))
    check_items(items)
    try:
        parse_published(str(published))
    except ValueError:
        assert isinstance(items[0], InputError)


DATE_WORDS = ["last year", "next year", "next month", "last month", "tomorrow", "yesterday", "last week",
              "next week", "this weekend", "the coming months", "earlier this month", "later this year",
              "in December", "next December", "last Monday", "on Friday", "3 March", "March 3, 2016"]


@FAST
@given(published=st.one_of(st.none(), st.dates()), phrase=st.one_of(
    st.sampled_from(DATE_WORDS),
    st.builds(lambda n, unit: f"{n} {unit} ago", st.integers(0, 10**15), st.sampled_from(["days", "weeks", "months", "years"])),
    st.builds(lambda n: f"{n} days later", st.integers(0, 10**12)),
    st.builds(lambda y, m, d: f"{d}/{m}/{y}", st.integers(0, 99999), st.integers(0, 20), st.integers(0, 40)),
    st.text(max_size=30)))
def test_date_phrases_resolve_or_stay_unresolved(pipeline, published, phrase):
    res = pipeline.date_finder.resolve(phrase, published)
    assert res is None or isinstance(res.date, dt.date)


@SLOW
@given(published=st.one_of(st.none(), st.sampled_from([dt.date.min, dt.date.max]), st.dates()),
       junk=TEXT_WITH_SURROGATES, phrase=st.sampled_from(DATE_WORDS))
def test_the_pipeline_keeps_going_on_hostile_articles(pipeline, published, junk, phrase):
    text = (f"Gunmen killed three soldiers at a checkpoint near Kandahar, Afghanistan {phrase}, officials said. "
            f"{junk} The next day and 99999999999 days later, fighting resumed in the city.")
    results = list(pipeline.pipe([Article(id="hostile", text=text, published=published), "\ud800" * 30]))
    assert len(results) == 2
    for res in results:
        assert res.error is None or ("codec" not in res.error and "failed" not in res.error), res.error
        for ev in res.events:
            json.dumps(ev.to_dict())
            assert ev.date is None or dt.date.fromisoformat(ev.date)
