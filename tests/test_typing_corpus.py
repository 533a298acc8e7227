"""The typing corpus is well formed: every snippet carries known, consistent codes, and none is repeated."""

import json
from pathlib import Path

import pytest
import yaml

from eventwire import taxonomy

TYPING = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "lang" / "en" / "typing"
CORPUS = TYPING / "corpus"
PENDING = TYPING / "corpus_pending"  # written, not yet trained on: held to the same rules
NON_EVENT_REASONS = {
    "crime", "natural_disaster", "man_made_disaster", "diplomacy", "claim", "past_event",
    "court", "metaphor", "sport", "business", "policy", "other",
}
STYLES = {"wire", "local", "ngo", "headline", "log"}
REGIONS = {
    "africa", "middle_east", "south_asia", "east_asia", "southeast_asia", "europe",
    "latin_america", "north_america", "central_asia", "oceania", "none",
}
FIELDS = {"text", "event_type", "sub_event_type", "plover", "mode", "non_event", "style", "region"}


def _snippets():
    for path in sorted([*CORPUS.glob("*.jsonl"), *PENDING.glob("*.jsonl")]):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                yield f"{path.name}:{number}", line


def _problems(record: dict, modes: dict) -> list[str]:
    problems = []
    if set(record) != FIELDS:
        problems.append(f"fields {sorted(set(record) ^ FIELDS)} missing or unknown")
        return problems
    text = record["text"]
    if not isinstance(text, str) or not 15 <= len(text) <= 600:
        problems.append("text must be 15-600 characters")
    kind, sub = record["event_type"], record["sub_event_type"]
    if kind is None:
        if sub is not None:
            problems.append("sub_event_type without event_type")
        if record["non_event"] not in NON_EVENT_REASONS:
            problems.append("a non-event needs a non_event reason")
    else:
        if taxonomy.ACLED_SUB_TO_TYPE.get(sub) != kind:
            problems.append(f"{sub!r} is not a sub-event type of {kind!r}")
        if record["non_event"] is not None:
            problems.append("an ACLED event has no non_event reason")
    plover = record["plover"]
    if plover is not None and plover not in taxonomy.PLOVER_EVENTS:
        problems.append(f"unknown PLOVER category {plover!r}")
    if record["mode"] is not None and record["mode"] not in modes.get(plover, ()):
        problems.append(f"mode {record['mode']!r} not allowed for {plover!r}")
    if record["style"] not in STYLES:
        problems.append(f"unknown style {record['style']!r}")
    if record["region"] not in REGIONS:
        problems.append(f"unknown region {record['region']!r}")
    return problems


def test_every_snippet_is_well_formed_and_unique():
    modes = yaml.safe_load((TYPING / "modes.yaml").read_text(encoding="utf-8"))
    seen: dict[str, str] = {}
    errors = []
    for where, line in _snippets():
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            errors.append(f"{where}: not JSON ({error})")
            continue
        errors += [f"{where}: {problem}" for problem in _problems(record, modes)]
        key = " ".join(str(record.get("text", "")).lower().split())
        if key in seen:
            errors.append(f"{where}: repeats {seen[key]}")
        seen.setdefault(key, where)
    assert not errors, "\n".join(errors[:40])


@pytest.mark.parametrize("bad, complaint", [
    ({"event_type": "Battles", "sub_event_type": "Grenade"}, "not a sub-event type"),
    ({"event_type": None, "sub_event_type": None, "non_event": None}, "non_event reason"),
    ({"plover": "ATTACK"}, "unknown PLOVER"),
    ({"plover": "CONSULT", "mode": "firearms"}, "not allowed"),
])
def test_the_checker_catches_bad_labels(bad, complaint):
    good = {"text": "Gunmen fired on a police post in the north, officials said.", "event_type": "Battles",
            "sub_event_type": "Armed clash", "plover": "ASSAULT", "mode": "firearms", "non_event": None,
            "style": "wire", "region": "africa"}
    modes = yaml.safe_load((TYPING / "modes.yaml").read_text(encoding="utf-8"))
    assert any(complaint in problem for problem in _problems({**good, **bad}, modes))
