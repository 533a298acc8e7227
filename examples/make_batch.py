"""Build examples/batch.jsonl (SCHEMA input lines) from the example articles examples/*.txt.

Each .txt starts with `Key: value` header lines (Title, Published, Source), a blank line, then the body.
The article id is the file name without `.txt`. Run again after editing an example:

    python examples/make_batch.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def read_example(path: Path) -> dict:
    """One example file -> a SCHEMA input object {id, text, published, title, source}."""
    raw = path.read_text(encoding="utf-8")
    head, sep, body = raw.partition("\n\n")
    if not sep:
        raise ValueError(f"{path.name}: no blank line after the header")
    header = {}
    for line in head.splitlines():
        key, colon, value = line.partition(":")
        if not colon:
            raise ValueError(f"{path.name}: header line without a colon: {line!r}")
        header[key.strip().lower()] = value.strip()
    missing = {"title", "published", "source"} - header.keys()
    if missing:
        raise ValueError(f"{path.name}: header lacks {', '.join(sorted(missing))}")
    return {"id": path.stem, "text": body, "published": header["published"], "title": header["title"],
            "source": header["source"]}


def main(out: Path = HERE / "batch.jsonl") -> int:
    paths = sorted(HERE.glob("*.txt"))
    if not paths:
        print(f"no example articles in {HERE}", file=sys.stderr)
        return 1
    with out.open("w", encoding="utf-8") as fh:
        for p in paths:
            fh.write(json.dumps(read_example(p), ensure_ascii=False) + "\n")
    print(f"wrote {len(paths)} articles to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
