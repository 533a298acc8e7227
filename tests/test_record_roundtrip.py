"""Record.from_dict / to_dict (read and written through per-class plans): defaults, conversions and rounding."""

from __future__ import annotations

from eventwire.records import Actor, Event, Place


def test_from_dict_fills_defaults_converts_floats_and_keeps_the_rest():
    event = Event.from_dict({"article_id": 7, "event_type": "Battles", "date_precision": "", "modality": None,
                             "confidence": None, "plover": "ASSAULT", "evidence": {"text": "x", "start": 1, "end": 2},
                             "location": {"name": "Town", "lat": 1, "lon": 2, "country": "SYR"},
                             "actor1": {"name": "A"}, "assoc_actor1": [{"name": "B"}, {}], "unknown": 1})
    assert event.article_id == "7" and event.sub_event_type is None  # missing without default: None
    assert event.date_precision == "day" and event.modality == "asserted"  # empty string: the default
    assert event.confidence == 0.5  # null float: the default
    assert event.location == Place("Town", 1, 2, "SYR") and event.location.precision == 1
    assert event.actor1 == Actor("A") and [a.name for a in event.assoc_actor1] == ["B"]  # empty records dropped
    assert event.flags == [] and event.plover.event == "ASSAULT"


def test_to_dict_rounds_digit_fields_and_writes_nested_records_as_dicts():
    event = Event.from_dict({"article_id": "a", "event_type": None, "confidence": 0.123456, "flags": ["f"],
                             "evidence": {"text": "x", "start": 0, "end": 1}, "actor2": {"name": "B", "inter": 3},
                             "location": {"name": "T", "lat": 1.5, "lon": 2.5, "country": None}})
    d = event.to_dict()
    assert d["confidence"] == 0.123 and d["flags"] == ["f"] and d["actor2"]["inter"] == 3
    assert d["actor2"]["known"] is True and d["location"]["feature"] is None and d["assoc_actor1"] == []
    assert list(d)[:3] == ["article_id", "event_id", "event_type"] and d["event_id"].startswith("ew-")
    assert Event.from_dict(d).to_dict() == d  # a written record reads back as itself
