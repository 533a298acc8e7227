"""Articles for the long-run benchmarks (memory.py, workers.py): the example articles cycled to any number,
each made unique by a closing line of made-up names, so that a long run keeps meeting new words (as a news feed
does) and a vocabulary that grows with them shows."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "batch.jsonl"
SYLLABLES = ("ka", "ro", "mi", "tsu", "ven", "dal", "or", "ish", "bu", "zen", "qa", "lio", "mar", "tek", "sun", "yo")


def made_up_name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def articles(n: int, seed: int = 13) -> Iterator[dict]:
    """`n` SCHEMA input dicts: the examples in turn, ids and closing lines made unique."""
    base = [json.loads(line) for line in EXAMPLES.read_text(encoding="utf-8").splitlines() if line.strip()]
    rng = random.Random(seed)
    for i in range(n):
        art = dict(base[i % len(base)])
        art["id"] = f"{art['id']}-{i}"
        art["text"] += (f"\n\nReporting by {made_up_name(rng)} {made_up_name(rng)} in {made_up_name(rng)}; "
                        f"editing by {made_up_name(rng)} {made_up_name(rng)}.")
        yield art
