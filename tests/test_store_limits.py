"""Nothing an article or a record says may make its storage fail (issue 15): storage/limits.py on its own, and
the store on SQLite and (with EVENTWIRE_TEST_PG_URL) PostgreSQL given absurd numbers, NUL characters, lone
surrogates, dates at the ends of the calendar and over-long strings."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError, OperationalError

from eventfactory import make_event, make_result
from eventwire.ingest import Ingester
from eventwire.records import IMPLAUSIBLE_FATALITIES, Article, ArticleResult, Event, unstorable_flag
from eventwire.sources.fingerprint import content_hash
from eventwire.storage import limits, writes
from eventwire.storage.models import ArticleRow, EventRow, EventSourceRow
from storebackends import BACKENDS, close_store, open_store


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):
    s = open_store(request.param, tmp_path)
    yield s
    close_store(request.param, s)


def stored_row(store, table, **where):
    with store.engine.connect() as conn:
        return conn.execute(select(table).filter_by(**where)).mappings().one()


# -- limits.py on its own ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, cleaned", [
    ("plain", "plain"), ("a\x00b", "a\ufffdb"), ("x\ud800y", "x\ufffdy"), ("\udfff", "\ufffd"),
    ("pair \ud83d\ude00 halves", "pair \ufffd\ufffd halves"), ("\U0001F600 whole", "\U0001F600 whole"),
])
def test_clean_text_replaces_what_no_database_takes_one_for_one(text, cleaned):
    assert limits.clean_text(text) == cleaned
    assert len(limits.clean_text(text)) == len(text)  # evidence offsets into the text stay right
    limits.clean_text(text).encode("utf-8")  # and UTF-8 can write it


def test_a_long_string_keeps_its_start_and_a_hash_of_the_whole():
    a, b = "https://x.example/" + "a" * 3000, "https://x.example/" + "a" * 2999 + "b"
    short_a, short_b = limits.shorten(a, 2048), limits.shorten(b, 2048)
    assert len(short_a) == len(short_b) == 2048
    assert short_a != short_b  # two long URLs that differ only at the end stay two
    assert short_a == limits.shorten(a, 2048)  # and the same URL always gives the same key
    assert short_a.startswith("https://x.example/aaaa")
    assert limits.shorten("SYRIA", 3) == "SYR"  # a code column is too short for a hash: cut
    assert limits.shorten("short", 64) == "short"


@pytest.mark.parametrize("value, bounds, expected", [
    (5, limits.INT32, 5), (2**31 - 1, limits.INT32, 2**31 - 1), (2**31, limits.INT32, None),
    (-(2**31), limits.INT32, -(2**31)), (-(2**31) - 1, limits.INT32, None), (2**40, limits.INT64, 2**40),
    (10**30, limits.INT64, None), (7.0, limits.INT32, 7), (7.5, limits.INT32, None), (math.nan, limits.INT32, None),
    (True, limits.INT32, None), ("12", limits.INT32, None), (None, limits.INT32, None),
])
def test_as_int_keeps_whole_numbers_the_column_holds(value, bounds, expected):
    assert limits.as_int(value, bounds) == expected


@pytest.mark.parametrize("value, expected", [
    (1.5, 1.5), (3, 3.0), (math.nan, None), (math.inf, None), (-math.inf, None), (10**400, None), ("1.5", None),
    (False, None),
])
def test_as_float_keeps_finite_numbers(value, expected):
    assert limits.as_float(value) == expected


@pytest.mark.parametrize("value, expected", [
    ("2017-02-09", dt.date(2017, 2, 9)), ("9999-12-31", dt.date(9999, 12, 31)), ("0001-01-01", dt.date(1, 1, 1)),
    ("2017-02-09T10:00:00Z", dt.date(2017, 2, 9)), ("0000-01-01", None), ("10000-01-01", None),
    ("2020-02-30", None), ("-0001-01-01", None), ("", None), (20170209, None),
    (dt.datetime(2020, 1, 2, 3, 4), dt.date(2020, 1, 2)),
])
def test_as_date_reads_only_real_dates(value, expected):
    assert limits.as_date(value) == expected


def test_json_values_are_made_storable_and_named():
    problems: list[str] = []
    got = limits.json_value({"a\x00": "b\ud800", "n": math.nan, "big": 10**30, "ok": 2**40, "when": dt.date(2020, 1, 2),
                             "list": [1, math.inf, (2, 3)], "deep": {"x": -(10**20)}, "odd": {1, 2} and object},
                            "", problems)
    assert got["a\ufffd"] == "b\ufffd" and got["n"] is None and got["big"] is None and got["ok"] == 2**40
    assert got["when"] == "2020-01-02" and got["list"] == [1, None, [2, 3]] and got["deep"] == {"x": None}
    assert isinstance(got["odd"], str)
    assert problems == ["n", "big", "list", "deep.x"]


def test_storable_record_nulls_and_flags_what_its_columns_cannot_hold():
    rec = make_event("a", fatalities=12).to_dict()
    rec.update(fatalities=10**30, date="0000-01-01", confidence=math.nan, date_text="on \x00 Monday")
    rec["location"]["lat"], rec["evidence"]["start"] = "north", 2**31
    got = limits.storable_record(rec, EventRow.__table__, EventSourceRow.__table__)
    assert rec["fatalities"] == 10**30  # the caller's record is left as it was
    assert (got["fatalities"], got["date"], got["confidence"], got["location"]["lat"], got["evidence"]["start"]) \
        == (None, None, None, None, None)
    assert got["date_text"] == "on \ufffd Monday"
    assert sorted(got["flags"]) == sorted(unstorable_flag(p) for p in
                                          ("fatalities", "date", "confidence", "location.lat", "evidence.start"))
    assert Event.from_dict(got).evidence.start == 0  # the record still reads back


def test_storable_record_keeps_a_plain_record_as_it_is():
    rec = make_event("a", fatalities=12).to_dict()
    assert limits.storable_record(rec, EventRow.__table__, EventSourceRow.__table__) == rec


def test_content_hash_takes_lone_surrogates():
    # hashed as the text an Article keeps: each lone surrogate as U+FFFD
    assert content_hash("bad \ud800 text") == content_hash("bad \ufffd text") != content_hash("bad text")
    assert content_hash("bad \ud800 text") == content_hash("bad  \ud800\ntext")


# -- the store: absurd numbers --------------------------------------------------------------------------------------
@pytest.mark.parametrize("toll", [10**30, 2**63, 2**31, -(2**31) - 1])
def test_a_toll_no_column_holds_is_stored_as_null_and_flagged(store, toll):
    ev = make_event("absurd", fatalities=toll)
    plain = make_event("absurd", start=60, fatalities=4, date="2017-03-01")  # another day: another event
    added = store.add_result(make_result("absurd", [ev, plain]))
    assert len(added.event_ids) == 2  # the article and all its events are stored
    absurd, plain = (store.get_event(i) for i in added.event_ids)
    assert absurd.record["fatalities"] is None and absurd.record["fatalities_text"] == f"{toll} killed"
    assert absurd.record["flags"] == [unstorable_flag("fatalities")]
    assert stored_row(store, EventRow, id=absurd.id)["fatalities"] is None
    assert plain.record["fatalities"] == 4 and plain.record["flags"] == []
    assert store.run_dedup().reports == 2
    assert [e.id for e in store.query_events(min_fatalities=1)] == [plain.id]
    assert store.query_events(min_fatalities=10**30) == []


def test_the_largest_toll_the_column_holds_is_kept(store):
    added = store.add_result(make_result("big", [make_event("big", fatalities=2**31 - 1)]))
    assert store.get_event(added.event_ids[0]).record["fatalities"] == 2**31 - 1


def test_an_extracted_implausible_toll_is_stored_with_its_flag(store, pipeline):
    art = Article(id="toll", text="Gunmen killed 99999999999999999999999999 people in Kabul on Monday, police said.",
                  published=dt.date(2020, 1, 1))
    [outcome] = Ingester(store, pipeline).run([("test", art)])
    assert outcome.kind == "stored", outcome.message
    [event] = [store.get_event(i) for i in outcome.added.event_ids]
    assert event.record["fatalities"] is None
    assert event.record["fatalities_text"] == "killed 99999999999999999999999999 people"
    assert event.record["flags"] == [IMPLAUSIBLE_FATALITIES]


def test_ids_beyond_any_row_find_nothing(store):
    for big in (2**31, 10**30, "9" * 30, "9" * 5000):
        assert store.get_event(big) is None
    assert store.get_article(10**30) is None
    assert store.reviews(10**30) == []
    assert store.revoke_token(10**30) is False
    with pytest.raises(KeyError):
        store.add_review(10**30, "fatalities", "rejected")


# -- the store: characters no database takes --------------------------------------------------------------------
def test_nul_and_lone_surrogates_are_stored_as_replacement_characters(store):
    text = "Gunmen\x00 attacked \ud800 the town of Al Bab."
    ev = make_event("bad\x00id\udfff", actor1="Islamic\x00State", text="Gunmen\x00 attacked \ud800 the town.")
    result = make_result("bad\x00id\udfff", [ev], text=text, url="https://x.example/\ud800\x00",
                         title="Title \ud83d with \x00", source="Wire\udc00")
    added = store.add_result(result)
    art = store.get_article(added.article_id)
    assert art.text == "Gunmen\ufffd attacked \ufffd the town of Al Bab." and len(art.text) == len(text)
    assert (art.key, art.url, art.title, art.source) == (
        "bad\ufffdid\ufffd", "https://x.example/\ufffd\ufffd", "Title \ufffd with \ufffd", "Wire\ufffd")
    got = store.get_event(added.event_ids[0])
    assert got.record["actor1"]["name"] == "Islamic\ufffdState"
    assert got.record["evidence"]["text"] == "Gunmen\ufffd attacked \ufffd the town."
    assert got.sources[0].evidence["text"] == "Gunmen\ufffd attacked \ufffd the town."
    assert store.has_article(url="https://x.example/\ud800\x00")  # the same URL is known again
    assert store.add_result(result).duplicate
    store.run_dedup()
    # a filter's text is cleaned as stored text is: it reaches every database and finds what was stored
    assert [e.id for e in store.query_events(actor="Islamic\x00State")] == [got.id]
    assert [e.id for e in store.query_events(text="attacked \ud800")] == [got.id]
    for hostile in ("\x00zz", "zz\ud800", "q\x00\udfff" * 100):  # found nowhere: none counts
        for name in ("actor", "country", "admin1", "event_type", "sub_event_type", "text"):
            assert store.count_events(**{name: hostile}) == 0


def test_a_token_name_with_characters_no_database_takes(store):
    issued = store.issue_token("ana\x00\ud800")
    assert issued["name"] == "ana\ufffd\ufffd" and store.check_token(issued["token"]) == "ana\ufffd\ufffd"
    assert store.check_token("ew_\ud800\x00") is None


def test_a_review_with_characters_and_numbers_no_database_takes(store):
    added = store.add_result(make_result("r", [make_event("r", fatalities=3)]))
    event_id = added.event_ids[0]
    store.add_review(event_id, "fatalities", "edited", new_value=2**40, reviewer="ana\x00lyst",
                     comment="bad \ud800 comment")
    store.add_review(event_id, "date_text", "edited", new_value="on \x00 Monday")
    got = store.get_event(event_id)
    assert got.record["fatalities"] is None and unstorable_flag("fatalities") in got.record["flags"]
    assert store.reviews(event_id)[0]["new_value"] == 2**40  # the review keeps what the analyst wrote
    store.add_review(event_id, "fatalities", "edited", new_value=10**30)  # no JSON reader takes it: null
    assert store.reviews(event_id)[-1]["new_value"] is None and store.get_event(event_id).record["fatalities"] is None
    assert got.record["date_text"] == "on \ufffd Monday"
    assert [(r["reviewer"], r["comment"]) for r in store.reviews(event_id)][0] == ("ana\ufffdlyst", "bad \ufffd comment")


# -- the store: long strings ------------------------------------------------------------------------------------
def test_long_urls_stay_apart_and_are_known_again(store):
    a, b = "https://x.example/" + "a" * 3000, "https://x.example/" + "a" * 2999 + "b"
    first = store.add_result(make_result("a", [make_event("a")], url=a))
    second = store.add_result(make_result("b", [make_event("b")], url=b))
    assert not first.duplicate and not second.duplicate and first.article_id != second.article_id
    assert len(store.get_article(first.article_id).url) == 2048
    assert store.has_article(url=a) and store.has_article(url=b)
    again = store.add_result(make_result("a2", [make_event("a2")], text="Another text.", url=a))
    assert again.duplicate and again.article_id == first.article_id


def test_long_keys_and_names_are_stored(store):
    key = "k" * 5000
    ev = make_event(key, actor1="A" * 4000, country="SYRIA", place="P" * 3000, etype="T" * 200, cameo="1" * 50)
    added = store.add_result(make_result(key, [ev]))
    row = stored_row(store, EventRow, id=added.event_ids[0])
    assert (len(row["actor1"]), row["country"], len(row["event_type"]), row["cameo"]) == (256, "SYR", 64, "1" * 8)
    assert store.get_event(added.event_ids[0]).record["actor1"]["name"] == "A" * 4000  # the record keeps it all
    assert store.add_events([dict(ev.to_dict(), event_id="e" * 3000)]) != []


# -- the store: the ends of the calendar ------------------------------------------------------------------------
@pytest.mark.parametrize("date, stored", [
    ("9999-12-31", dt.date(9999, 12, 31)), ("0001-01-01", dt.date(1, 1, 1)), ("0000-01-01", None),
    ("10000-01-01", None), ("2020-02-30", None), ("yesterday", None),
])
def test_event_dates_at_the_ends_of_the_calendar(store, date, stored):
    added = store.add_result(make_result("d", [make_event("d", date=date, precision="month")],
                                         published="9999-12-31"))
    got = store.get_event(added.event_ids[0])
    assert stored_row(store, EventRow, id=got.id)["date"] == stored
    assert got.record["date"] == (date if stored else None)
    assert (unstorable_flag("date") in got.record["flags"]) is (stored is None)
    assert store.get_article(added.article_id).published == dt.date(9999, 12, 31)
    store.run_dedup()
    assert store.count_events(date_from="9999-12-01") == (1 if stored and stored.year == 9999 else 0)


def test_reports_at_the_end_of_the_calendar_are_deduplicated(store):
    for key in ("a", "b"):
        store.add_result(make_result(key, [make_event(key, date="9999-12-31", precision="month")]))
    assert store.run_dedup().events == 1


# -- errors are errors, not duplicates -------------------------------------------------------------------------
def test_a_conflict_other_than_the_articles_is_an_error_not_a_duplicate(store):
    [ext_id] = store.add_events([make_event("external").to_dict()])
    result = make_result("clash", [make_event("clash")])
    taken = f"{content_hash(result.article.text)}/{result.events[0].event_id}"
    with store.engine.begin() as conn:  # an earlier row holds the source key the article's event will need
        conn.execute(update(EventSourceRow).where(EventSourceRow.origin_event_id == ext_id).values(source_key=taken))
    with pytest.raises(IntegrityError):
        store.add_result(result)
    assert not store.has_article(content_hash=content_hash(result.article.text))


class _Extracted:
    """A pipeline stand-in that hands the store the results given (the store's errors are the subject here)."""

    def __init__(self, results: dict[str, ArticleResult]):
        self.results = results

    def pipe(self, articles):
        for art in articles:
            yield self.results[art.id]


def test_an_article_the_database_refuses_is_an_error_and_the_batch_goes_on(store):
    [ext_id] = store.add_events([make_event("external").to_dict()])
    results = {k: make_result(k, [make_event(k)], url=f"https://x.example/{k}") for k in ("one", "two", "three")}
    taken = f"{content_hash(results['two'].article.text)}/{results['two'].events[0].event_id}"
    with store.engine.begin() as conn:
        conn.execute(update(EventSourceRow).where(EventSourceRow.origin_event_id == ext_id).values(source_key=taken))
    outcomes = list(Ingester(store, _Extracted(results)).run([(k, r.article) for k, r in results.items()]))
    assert [o.kind for o in outcomes] == ["stored", "error", "stored"]
    assert "IntegrityError" in outcomes[1].message
    assert store.stats()["articles"] == 2


def test_a_record_refused_in_a_batch_costs_only_itself(store, monkeypatch):
    real = writes.source_columns

    def refuse_one(rec):
        if rec["article_id"] == "refused":
            raise OperationalError("INSERT INTO event_sources", {}, RuntimeError("refused"))
        return real(rec)

    monkeypatch.setattr(writes, "source_columns", refuse_one)
    records = [make_event(k).to_dict() for k in ("a", "refused", "b")]
    refused = []
    added = store.add_events(records, on_refused=lambda rec, message: refused.append((rec["article_id"], message)))
    assert len(added) == 2 and [r[0] for r in refused] == ["refused"] and "refused" in refused[0][1]
    with pytest.raises(ValueError, match="1 event record"):
        store.add_events([make_event(k).to_dict() for k in ("c", "refused")])
    assert store.stats()["reports"] == 3  # "c" was stored before the error was raised
    monkeypatch.setattr(writes, "source_columns", real)
    assert len(store.add_events(records)) == 1  # loading again adds only what was refused


def test_every_stored_article_row_keeps_its_hash_of_the_original_text(store):
    result = make_result("h", [make_event("h")], text="Text with \ud800 in it.")
    added = store.add_result(result)
    row = stored_row(store, ArticleRow, id=added.article_id)
    assert row["content_hash"] == content_hash("Text with \ud800 in it.")
    assert store.add_result(make_result("h2", [], text="Text with \ud800 in it.")).duplicate
