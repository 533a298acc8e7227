"""The documentation in the repository: the README's links lead somewhere, and docs/SCHEMA.md describes every
field of the record as records.py defines it."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from eventwire.records import Actor, Event, Place

ROOT = Path(__file__).resolve().parents[1]
MARKDOWN_LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
SCHEMA_DOC = ROOT / "docs" / "SCHEMA.md"


def local_links(markdown: Path) -> list[str]:
    """The targets of a Markdown file's links that are not web addresses or anchors (anchors cut off)."""
    targets = MARKDOWN_LINK.findall(markdown.read_text(encoding="utf-8"))
    return [t.split("#", 1)[0] for t in targets if not re.match(r"^[a-z][a-z0-9+.-]*:|^#", t)]


@pytest.mark.parametrize("markdown", [ROOT / "README.md", SCHEMA_DOC, *sorted((ROOT / "examples").glob("*.md"))],
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_every_link_leads_to_a_file_of_the_repository(markdown):
    links = local_links(markdown)
    broken = [t for t in links if not (markdown.parent / t).resolve().exists()]
    assert not broken, f"{markdown.name}: links to nothing: {broken}"
    outside = [t for t in links if not (markdown.parent / t).resolve().is_relative_to(ROOT)]
    assert not outside, f"{markdown.name}: links out of the repository: {outside}"


def test_the_link_check_sees_a_broken_link(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("See [the schema](docs/SCHEMA.md#actor), [a site](https://example.org) and [here](#top).\n")
    assert local_links(page) == ["docs/SCHEMA.md"]


def documented_fields(section: str) -> set[str]:
    """The field names in the first column of the tables under the `section` heading of docs/SCHEMA.md."""
    text = SCHEMA_DOC.read_text(encoding="utf-8")
    start = re.search(rf"^#+ {re.escape(section)}$", text, re.M)
    assert start, f"docs/SCHEMA.md has no section {section!r}"
    following = re.search(r"^#+ ", text[start.end():], re.M)
    body = text[start.end(): start.end() + following.start() if following else None]
    names: set[str] = set()
    for row in re.findall(r"^\| ([^|]+) \|", body, re.M):
        names.update(re.findall(r"`([a-z_0-9]+)`", row))
    return names


@pytest.mark.parametrize("record, section", [(Event, "What comes out: an event"), (Actor, "Actor"),
                                             (Place, "Place")])
def test_the_schema_document_describes_every_field(record, section):
    fields = {f.name for f in dataclasses.fields(record)}
    documented = documented_fields(section)
    assert fields <= documented, f"not in docs/SCHEMA.md: {sorted(fields - documented)}"
    assert documented <= fields, f"in docs/SCHEMA.md but not in records.py: {sorted(documented - fields)}"
