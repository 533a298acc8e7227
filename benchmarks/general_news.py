"""What the extractor records on general news: the GeoWebNews and LGL texts of the dev sets, local and national
news about places, few of them about political violence. It has no event gold, so it counts what an analyst would
have to read: asserted records with an ACLED type per 100 articles, by sub-type, and the records whose harmed
party is a name the catalogue does not know guessed as an armed group (a private person or a misread place most of
the time). Lower is better only while the conflict sets keep their recall (score.py); read the printed samples.

    .venv/bin/python benchmarks/general_news.py --half a
    .venv/bin/python benchmarks/general_news.py --half a --samples 20 --sub-type "Armed clash"

Reads /work/shared/eval (or --data); nothing is learned from it.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from eventwire.extraction.pipeline import Pipeline  # noqa: E402

DEFAULT_DATA = Path("/work/shared/eval/dev")
GENERAL_SETS = ("geo_gwn.jsonl", "geo_lgl.jsonl")


def articles(data: Path, half: str | None) -> list[dict]:
    out = []
    for name in GENERAL_SETS:
        with (data / name).open(encoding="utf-8") as f:  # (line by line: the texts hold U+2028, which splitlines cuts)
            rows = [json.loads(line) for line in f if line.strip()]
        if half:
            rows = rows[0 if half == "a" else 1::2]  # the scorer's halves: even or odd positions of each file
        out.extend({"id": r["id"], "text": r["text"]} for r in rows)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--half", choices=("a", "b"))
    ap.add_argument("--samples", type=int, default=10, help="evidence sentences printed (default 10)")
    ap.add_argument("--sub-type", help="print samples of this sub-event type only")
    args = ap.parse_args()

    arts = articles(args.data, args.half)
    pipeline = Pipeline(workers=1)
    by_sub: Counter = Counter()
    guessed_armed_harmed = 0
    records = []
    for res in pipeline.pipe(arts):
        for e in res.events:
            if e.modality != "asserted" or not e.event_type:
                continue
            by_sub[e.sub_event_type] += 1
            records.append(e)
            a2 = e.actor2
            if a2 is not None and not a2.known and a2.sector == "UAF" and a2.inter == 3:
                guessed_armed_harmed += 1
    n = len(arts)
    total = sum(by_sub.values())
    print(f"{n} articles, {total} asserted ACLED records ({100 * total / n:.1f} per 100 articles); "
          f"harmed party an unknown name guessed as an armed group: {guessed_armed_harmed}")
    for sub, count in by_sub.most_common():
        print(f"  {count:5d}  {sub}")
    pool = [e for e in records if not args.sub_type or e.sub_event_type == args.sub_type]
    for e in random.Random(0).sample(pool, min(args.samples, len(pool))):
        print(f"- {e.sub_event_type}: {e.evidence.text[:160]!r}")


if __name__ == "__main__":
    main()
