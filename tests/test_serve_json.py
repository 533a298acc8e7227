"""The API's JSON writer (orjson): what json.dumps(default=str, ensure_ascii=False) wrote, for what answers hold."""

from __future__ import annotations

import datetime as dt
import json

from eventwire.serve.routes_events import dumps, event_out
from eventwire.storage.values import SourceRef, StoredEvent


def test_answers_read_back_as_the_stdlib_wrote_them():
    content = {"date": dt.date(2024, 1, 2), "at": dt.datetime(2024, 1, 2, 10, 30), "place": "Sanaʽa — Ṣaʽdah",
               "n": 3, "share": 0.25, "none": None, "nested": [{"a": [1, 2]}, True], 7: "seven"}
    written = dumps(content)
    assert isinstance(written, bytes)
    assert json.loads(written) == json.loads(json.dumps(content, default=str, ensure_ascii=False))
    assert "Sanaʽa — Ṣaʽdah".encode() in written  # UTF-8, not \u escapes
    assert json.loads(written)["at"] == "2024-01-02 10:30:00"  # str() of a datetime, as before


def test_an_event_without_sources_is_its_dict_without_the_sources_key():
    record = {"event_type": "Battles", "date": "2024-01-02", "location": {"country": "YEM"}}
    ev = StoredEvent(id=4, uid="ew-0000000000000004", record=record, source_count=2, status="active")
    expected = ev.to_dict()
    del expected["sources"]
    assert event_out(ev) == expected and list(event_out(ev)) == list(expected)
    source = SourceRef(article_id=1, article_key="k", title=None, url=None, source=None, published=None,
                       evidence={"text": "t", "start": 0, "end": 1}, record={"event_id": "e1"})
    ev.sources = [source]
    assert event_out(ev) == ev.to_dict()
