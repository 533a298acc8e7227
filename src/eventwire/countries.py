"""The countries of data/countries.tsv (ISO 3166 codes, names, aliases), for everything outside extraction that
names or parses a country: the command-line and API filters, the dashboard's menu."""

from __future__ import annotations

import csv
from pathlib import Path

COUNTRIES_TSV = Path(__file__).with_name("data") / "countries.tsv"


def country_table() -> dict[str, dict[str, str]]:
    """ISO3 code -> the row of countries.tsv (iso3, iso2, name, aliases "a|b", adjectives, demonyms, ...)."""
    with open(COUNTRIES_TSV, encoding="utf-8", newline="") as fh:
        return {row["iso3"]: row for row in csv.DictReader(fh, delimiter="\t")}


def find_country(value: str) -> str | None:
    """ISO3 code, ISO2 code, name or alias (any case) -> ISO3 code; None when no country is called that."""
    v = value.strip()
    table = country_table()
    if v.upper() in table:
        return v.upper()
    folded = v.casefold()
    for iso3, row in table.items():
        if folded == row["iso2"].casefold() or folded == row["name"].casefold():
            return iso3
    for iso3, row in table.items():
        if folded in (a.strip().casefold() for a in (row.get("aliases") or "").split("|") if a.strip()):
            return iso3
    return None
