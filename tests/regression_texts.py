"""Reading the regression text folders under tests/data/ (no_event/, no_acled_event/): one text per line, `#`
starts a comment line, a line may start with `YYYY-MM-DD | ` to give the article's publication date."""

from __future__ import annotations

from pathlib import Path

import pytest


def regression_cases(folder: Path) -> list:
    """One pytest.param(text, published or None) per text line of the folder's *.txt files, named file:line."""
    cases = []
    for path in sorted(folder.glob("*.txt")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            published, _, text = line.partition(" | ") if " | " in line[:13] else ("", "", line)
            cases.append(pytest.param(text, published or None, id=f"{path.stem}:{number}"))
    return cases
