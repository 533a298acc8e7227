"""Language check: time per article (ms), and the figures behind the thresholds of lang/en/language_check.yaml.

    .venv/bin/python benchmarks/language.py [--data ../shared/eval/dev] [--limit 0]

English articles come from every *.jsonl of --data (only the texts are read; the examples/ when there are none),
other languages from tests/data/languages/not_english.tsv, English headlines from english_headlines.txt there.
Prints, per length band, the lowest and the 1st percentile of the identifier's probability of English on the
English texts and the highest on the others in Latin script (the script check refuses the rest), the threshold
their geometric middle suggests, and how many texts the configured check gets wrong on each side.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ROOT / "tests" / "data" / "languages"
BANDS = ((0, 5), (5, 12), (12, 25), (25, 50), (50, 100), (100, 10**9))
_WORD = re.compile(r"[^\W\d_]+")


def english_texts(data: Path, limit: int) -> list[str]:
    texts: list[str] = []
    for f in sorted(data.glob("*.jsonl")) if data.is_dir() else []:
        with f.open(encoding="utf-8") as fh:
            found = [json.loads(line).get("text") or "" for line in fh if line.strip()]
        texts += [t for t in found if t.strip()][:limit or None]
    if texts:
        return texts
    print(f"no *.jsonl in {data}: the examples/ articles stand in", file=sys.stderr)
    return [p.read_text(encoding="utf-8").partition("\n\n")[2] for p in sorted((ROOT / "examples").glob("*.txt"))]


def samples() -> tuple[list[str], list[str]]:
    """(texts in other languages, English headlines)."""
    others = [line.split("\t", 1)[1] for line in (LANGUAGES / "not_english.tsv").read_text(encoding="utf-8").splitlines()
              if line.strip() and not line.startswith("#")]
    headlines = [line for line in (LANGUAGES / "english_headlines.txt").read_text(encoding="utf-8").splitlines()
                 if line.strip() and not line.startswith("#")]
    return others, headlines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "eval" / "dev"))
    ap.add_argument("--limit", type=int, default=0, help="Articles per file (0: all).")
    args = ap.parse_args()

    from eventwire.sources.language import LanguageCheck

    t = time.perf_counter()
    check = LanguageCheck()
    check.identifier  # noqa: B018 - the model loads on first use: timed apart
    print(f"identifier loaded in {time.perf_counter() - t:.2f} s")

    english = english_texts(Path(args.data), args.limit)
    others, headlines = samples()
    english += headlines

    times = []
    for text in english:
        t = time.perf_counter()
        check.problem(text)
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    chars = statistics.mean(len(t) for t in english)
    print(f"check: {len(english)} English texts (mean {chars:,.0f} chars): mean {statistics.mean(times):.2f} ms, "
          f"median {times[len(times) // 2]:.2f} ms, p99 {times[int(len(times) * 0.99)]:.2f} ms per article")

    long_articles = [t * (6000 // len(t) + 1) for t in english if len(t) > 1000][:200]
    if long_articles:
        t = time.perf_counter()
        for text in long_articles:
            check.problem(text)
        print(f"check: {len(long_articles)} articles of 6,000+ chars: "
              f"{(time.perf_counter() - t) * 1000 / len(long_articles):.2f} ms per article")

    settings = check.settings
    rows = []  # (words, probability of English, is English)
    for texts, is_english in ((english, True), (others, False)):
        for text in texts:
            head = text[:settings.chars_read]
            if check.latin_share(head) < settings.min_latin_letter_share:
                continue  # refused by its script, whatever the identifier says
            rows.append((len(_WORD.findall(head)), check.identify(head)[1], is_english))
    print(f"\nprobability of English ({'+'.join(settings.identifier_labels)}), by words in the text:")
    print(f"{'words':>10} {'English':>8} {'lowest':>8} {'1st pct':>8} {'others':>7} {'highest':>8}")
    for lo, hi in BANDS:
        en = sorted(p for w, p, e in rows if e and lo <= w < hi)
        ot = sorted(p for w, p, e in rows if not e and lo <= w < hi)
        band = f"{lo}-{hi - 1}" if hi < 10**9 else f"{lo}+"
        print(f"{band:>10} {len(en):>8} {en[0] if en else float('nan'):>8.4f} "
              f"{en[len(en) // 100] if en else float('nan'):>8.4f} {len(ot):>7} {ot[-1] if ot else float('nan'):>8.4f}")
    judged = [r for r in rows if r[0] >= settings.min_words_to_identify]
    lowest_en = min((p for _, p, e in judged if e), default=1.0)
    highest_other = max((p for _, p, e in judged if not e), default=0.0)
    print(f"\ntexts of {settings.min_words_to_identify}+ words: English never below {lowest_en:.4f}, other languages "
          f"never above {highest_other:.4f}; geometric middle {math.sqrt(max(lowest_en, 1e-9) * max(highest_other, 1e-9)):.4f}"
          f" (configured: min_probability {settings.min_probability})")

    refused = [t for t in english if check.problem(t)]
    passed = [t for t in others if not check.problem(t)]
    print(f"configured check: {len(refused)} of {len(english)} English texts refused, "
          f"{len(passed)} of {len(others)} texts in other languages passed")
    for t in (refused + passed)[:10]:
        print(f"  {check.problem(t) or 'passed'}: {t[:100]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
