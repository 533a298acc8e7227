"""SQLite's evidence search with prefixes written as the index's terms (storage/fts_terms.py): the same events as
the plain prefix query, also after writes that add terms a cached prefix did not have, and after deletes."""

from __future__ import annotations

import pytest

from eventfactory import make_event, make_result
from eventwire.storage import fts_terms
from eventwire.storage.queries import fts_query
from eventwire.storage.store import Store

TEXTS = ["Gunmen killed five farmers near Mopti.", "Soldiers KILLED two militants in an ambush.",
         "Protesters gathered in the square.", "An airstrike killed a commander near the depot.",
         "Militants ambushed a convoy and killed three.", "A bomb killed nobody.",
         "Rebels attacked the depot at dawn.", "Attackers fired on a market, killing four."]
QUERIES = ["killed", "kill", "KILL amb", "dep air", "att", "attack depot", "ki", "zzzq", "militant killed",
           "Gunmen", "killing market", "élan", "a_b", "kill 4"]


@pytest.fixture
def store(tmp_path):
    s = Store(f"sqlite:///{tmp_path / 'events.db'}")
    yield s
    s.close()


def add(store, key: str, text: str, date: str) -> int:
    event = make_event(key, text=text, date=date, start=len(f"Article {key}. "))
    return store.add_result(make_result(key, [event])).event_ids[0]


def plain(store, text: str, **kw):
    """The listing as the plain prefix query gives it (no terms written out)."""
    cache = store._fts_terms if hasattr(store, "_fts_terms") else None
    store._fts_terms = type("Plain", (), {"match_query": staticmethod(lambda _conn, t: fts_query(t))})()
    try:
        return [e.id for e in store.page_events(text=text, limit=100, **kw)[0]]
    finally:
        if cache is None:
            del store._fts_terms
        else:
            store._fts_terms = cache


def listed(store, text: str, **kw):
    return [e.id for e in store.page_events(text=text, limit=100, **kw)[0]]


def test_prefixes_written_as_terms_find_what_the_prefix_finds(store):
    for i, t in enumerate(TEXTS):
        add(store, f"ev-{i}", t, f"2020-01-{10 + i:02d}")
    for q in QUERIES:
        assert listed(store, q) == plain(store, q), q
        assert listed(store, q, text_candidates=2) == plain(store, q, text_candidates=2), q
    query = store._fts_match_query("KILL amb ki élan")
    assert query == '("killed" OR "killing") AND ("ambush" OR "ambushed") AND "ki"* AND "élan"*'


def test_a_term_written_after_its_prefix_was_looked_up_is_found(store, monkeypatch):
    monkeypatch.setattr(fts_terms, "REFRESH_S", 0.0)
    first = add(store, "a", "Gunmen killed five farmers near Mopti.", "2020-01-10")
    assert listed(store, "kill") == [first]
    assert store._fts_match_query("kill") == '("killed")'
    later = add(store, "b", "Killings were reported near the border.", "2020-01-11")  # a new term of "kill"
    assert listed(store, "kill") == [later, first] == plain(store, "kill")
    assert store.count_events(text="killings") == 1
    # a review that rejects an event, and a dedup run, leave the search as the plain query has it
    store.add_reviews(later, [("event", "rejected", None)], reviewer="t", comment="not an event")
    assert listed(store, "kill") == [first] == plain(store, "kill")
    assert listed(store, "kill", include_rejected=True) == [later, first]
    store.run_dedup()
    assert listed(store, "kill") == plain(store, "kill")


def test_too_many_terms_stay_a_prefix(store, monkeypatch):
    monkeypatch.setattr(fts_terms, "MAX_TERMS", 2)
    for i, t in enumerate(["kill killed killing killings", "killer"]):
        add(store, f"ev-{i}", t, f"2020-02-{10 + i:02d}")
    assert store._fts_match_query("kill") == '"kill"*'
    assert store._fts_match_query("killi") == '("killing" OR "killings")'
    assert listed(store, "kill") == plain(store, "kill") and len(listed(store, "kill")) == 2


def test_a_word_with_no_term_matches_nothing():
    assert fts_terms.expandable("Marib") and not fts_terms.expandable("ab") and not fts_terms.expandable("élan")
    assert not fts_terms.expandable("a_b") and fts_terms._upper_bound("kill") == "kilm"


def test_an_in_memory_store_searches_with_the_plain_prefixes():
    memory = Store("sqlite://")
    try:
        first = add(memory, "a", "Gunmen killed five farmers near Mopti.", "2020-01-10")
        assert memory._fts_match_query("kill Mopti") == fts_query("kill Mopti")
        assert listed(memory, "kill Mopti") == [first]
    finally:
        memory.close()


def test_stale_terms_are_looked_up_again_at_most_once_in_a_while(store, monkeypatch):
    first = add(store, "a", "Gunmen killed five farmers near Mopti.", "2020-01-10")
    assert store._fts_match_query("kill") == '("killed")'
    later = add(store, "b", "Killings were reported near the border.", "2020-01-11")
    # written since the lookup, which was a moment ago: the plain prefix (which finds the new term too)
    assert store._fts_match_query("kill") == '"kill"*'
    assert listed(store, "kill") == [later, first] == plain(store, "kill")
    clock = [fts_terms.time.monotonic() + fts_terms.REFRESH_S + 1]
    monkeypatch.setattr(fts_terms.time, "monotonic", lambda: clock[0])
    assert store._fts_match_query("kill") == '("killed" OR "killings")'
    assert listed(store, "kill") == [later, first]
