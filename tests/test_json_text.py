"""storage.json_text.loads reads stored JSON exactly as json.loads does (orjson only where the two agree)."""

from __future__ import annotations

import json
import math
import random

import pytest

from eventwire.storage import json_text


def same(a, b) -> bool:
    """Equal values of equal types all the way down (0 vs 0.0 and 1 vs True differ; NaN equals NaN)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        return a == b and math.copysign(1, a) == math.copysign(1, b) or (math.isnan(a) and math.isnan(b))
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return a == b


@pytest.mark.parametrize("text", [
    json.dumps({"fatalities": float("nan"), "confidence": float("inf"), "lat": -float("inf")}),  # json.dumps writes them
    json.dumps({"name": "Abu \ud800 Bakr"}),  # an escaped lone surrogate
    json.dumps({"name": "\udc00"}, ensure_ascii=False),  # a raw one (in a str: UTF-8 cannot carry it)
    json.dumps({"fatalities": 2 ** 64, "inter": -(2 ** 63) - 1, "id": 10 ** 30}),  # orjson would read floats
    json.dumps({"id": 2 ** 64 - 1, "low": -(2 ** 63)}),  # the edges orjson reads exactly
    json.dumps({"text": "case 1234567890123456789 filed", "n": 1}),  # 19 digits in a string: json reads it too
    '{"a": 1, "b": 2, "a": 3}',  # a repeated key: the last value, in the first key's place
    '{"big": 1e400, "tiny": 2.4e-324, "neg0": -0.0, "int0": -0, "e": 1E5}',
    json.dumps({"name": "Kyiv — Київ", "emoji": "😀", "nul": "\x00"}),
    json.dumps({"name": "Kyiv — Київ", "emoji": "😀"}, ensure_ascii=False),
    json.dumps([True, False, None, 0, 1.5, "x", {}, []]),
])
def test_loads_reads_what_json_reads(text):
    assert same(json_text.loads(text), json.loads(text))


def test_loads_reads_random_floats_and_records_exactly():
    rng = random.Random(13)
    values = [rng.uniform(-180, 180) for _ in range(500)] + [rng.random() * 10 ** rng.randint(-300, 300)
                                                            for _ in range(500)]
    record = {"location": {"lat": values[0], "lon": values[1]}, "values": values, "confidence": 0.61,
              "fatalities": 12, "flags": ["fatalities_at_least"], "actor1": {"name": "Police (Chad)"}}
    text = json.dumps(record)
    assert same(json_text.loads(text), json.loads(text))


@pytest.mark.parametrize("text", ['{"a": }', "", '{"a": 1} x', '{"a": "\x01"}'])
def test_loads_refuses_what_json_refuses(text):
    with pytest.raises(json.JSONDecodeError):
        json.loads(text)
    with pytest.raises(json.JSONDecodeError):
        json_text.loads(text)
