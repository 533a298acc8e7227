"""JSON from users, read without trusting it.

`json.loads` recurses once per level of nesting, so a line of a thousand `[` exhausts Python's stack and raises
RecursionError (not a JSONDecodeError) from deep inside the decoder. `loads` here first measures how deep
the text nests, without recursion, and refuses anything deeper than its limit with a `JsonTooDeep` (a ValueError)
that the readers report like any other bad line. The measuring runs in C (a regular expression and itertools):
about as fast as `json.loads` itself on articles, whose nesting is two or three levels.
"""

from __future__ import annotations

import json
import re
from itertools import accumulate
from typing import Any

# A string (its escapes included), or the rest of the text after a quote that is never closed: the brackets
# inside strings do not nest. Unrolled so that a long string is one match, not one per character.
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*(?:"|\Z)', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}

DEFAULT_MAX_DEPTH = 64  # articles nest 2 levels (an object, maybe a list of objects); 64 leaves room for any sane tool


class JsonTooDeep(ValueError):
    """The JSON text nests deeper than the reader accepts."""


def nesting_depth(text: str) -> int:
    """How deeply the arrays and objects of a JSON text nest (0 for a scalar), counted without recursion. On
    broken JSON it is an upper bound of the depth the decoder would reach before giving up."""
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    return max(accumulate(map(_STEP.__getitem__, brackets)), default=0)


def loads(text: str, max_depth: int = DEFAULT_MAX_DEPTH) -> Any:
    """json.loads for untrusted text: JsonTooDeep (a ValueError) for a text nested deeper than `max_depth` instead
    of a RecursionError, json.JSONDecodeError for broken JSON."""
    depth = nesting_depth(text)
    if depth > max_depth:
        raise JsonTooDeep(f"JSON nested {depth} levels deep (at most {max_depth} are read)")
    return json.loads(text)
