"""The gazetteer: lookups of place names in the index that geo.index builds (see there for the sources).

A `Gazetteer` reads one index file; `Gazetteer.open_default()` opens the index for the current data, building
it first if needed. Whoever needs one opens it once and keeps it (the Pipeline's geoparser does): nothing is
cached in module globals.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

from eventwire.geo.index import ADMIN1, ADMIN2, CITY, CONTINENT, COUNTRY, REGION, ensure_index, index_path
from eventwire.geo.names import normalize, phonetic_key

__all__ = ["ADMIN1", "ADMIN2", "CITY", "CONTINENT", "COUNTRY", "REGION", "Entry", "Gazetteer",
           "open_default_gazetteer"]


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


class IndexKeys:
    """`key in gazetteer.keys`: whether the index has a place under this (normalised or phonetic) name, asked of
    the index file (a primary-key lookup), with the answers of the words asked recently kept."""

    CACHE_SIZE = 100_000

    def __init__(self, gazetteer: Gazetteer, phonetic: bool):
        self._gazetteer = gazetteer
        self._phonetic = int(phonetic)
        self._known: dict[str, bool] = {}

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        hit = self._known.get(key)
        if hit is None:
            hit = self._gazetteer.has_key(key, self._phonetic)
            if len(self._known) >= self.CACHE_SIZE:
                self._known.clear()
            self._known[key] = hit
        return hit


class Gazetteer:
    """Read access to the index. Cheap lookups; the SQLite connection is opened per process (fork-safe)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._con: sqlite3.Connection | None = None
        self._pid = -1
        self._lock = threading.Lock()
        # the names are looked up in the file, not loaded: start-up reads one row, and the processes of a
        # batch share the file's pages in the OS cache instead of each holding a set of 660,000 names
        self.max_words = self._max_words()
        self.keys = IndexKeys(self, phonetic=False)
        self.phonetic_keys = IndexKeys(self, phonetic=True)
        self._entry_cache: dict[int, Entry] = {}
        self._lookup_cache: dict[tuple[str, int], tuple[Entry, ...]] = {}
        self._countries: dict[str, Entry] | None = None
        self._admin1: dict[tuple[str, str], Entry] | None = None

    def _max_words(self) -> int:
        """The most words a name has (stored in the index; for an index built before it was, counted once and
        kept in the compiled cache under the index's name, which changes with its content)."""
        row = self._db().execute("SELECT v FROM meta WHERE k='max_words'").fetchone()
        if row is not None:
            return int(row[0])
        from eventwire.compiled import CompiledCache

        def count() -> int:
            (keys,) = self._db().execute("SELECT v FROM meta WHERE k='keys'").fetchone()
            return max((k.count(" ") + 1 for k in keys.split("\n")), default=1)

        return CompiledCache().load_or_build("gazetteerwords", self._cache_key(), count)

    @classmethod
    def open_default(cls, show_progress: bool = True) -> Gazetteer:
        """The index for the current data files and package versions (built on first use, about a minute)."""
        return cls(ensure_index(show_progress=show_progress))

    def _db(self) -> sqlite3.Connection:
        if self._con is None or self._pid != os.getpid():
            if not Path(self.path).exists() and self.path == index_path():
                # removed since this process chose it (a cache cleared by hand): built again, not a failed article
                self.path = ensure_index(show_progress=False)
            self._con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._pid = os.getpid()
        return self._con

    def has_key(self, key: str, phonetic: int) -> bool:
        with self._lock:
            return self._db().execute("SELECT 1 FROM names WHERE key=? AND phonetic=?",
                                      (key, phonetic)).fetchone() is not None

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

    def town_names(self, countries, min_population: int) -> list[str]:
        """The names of the towns of `countries` (ISO2) with at least `min_population` people."""
        countries = tuple(countries)
        q = (f"SELECT name FROM entries WHERE feature='city' AND population >= ? AND cc IN "
             f"({','.join('?' * len(countries))})")
        with self._lock:
            return [name for (name,) in self._db().execute(q, (min_population, *countries))]

    def _cache_key(self) -> str:
        """Names the compiled-cache files of this index: its name, size and time (an index is never edited)."""
        stat = self.path.stat()
        return f"{self.path.stem.replace('-', '_')}_{stat.st_size}_{stat.st_mtime_ns}"

    def most_populous(self, feature: str, west: float, south: float, east: float, north: float,
                      limit: int) -> list[Entry]:
        """The `limit` most populous places of `feature` (CITY, ADMIN1...) inside the box, most populous first.
        Longitudes are in [-180, 180]; west > east is a box across the antimeridian."""
        lon_test = "lon BETWEEN ? AND ?" if west <= east else "(lon >= ? OR lon <= ?)"
        q = (f"SELECT * FROM entries WHERE feature = ? AND population > 0 AND lat BETWEEN ? AND ? AND {lon_test} "
             f"ORDER BY population DESC, id LIMIT ?")
        with self._lock:
            rows = self._db().execute(q, (feature, south, north, west, east, limit)).fetchall()
        return [Entry(*row[:12], capital=bool(row[12])) for row in rows]

    def _load_tables(self) -> None:
        from eventwire.compiled import CompiledCache

        def read_rows() -> list[tuple]:  # a scan of the whole table: kept in the compiled cache
            with self._lock:
                return self._db().execute("SELECT * FROM entries WHERE feature IN (?, ?)",
                                          (COUNTRY, ADMIN1)).fetchall()

        rows = CompiledCache().load_or_build("gazetteertables", self._cache_key(), read_rows)
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


def open_default_gazetteer() -> Gazetteer:
    """A new Gazetteer on the default index; open it once and keep it."""
    return Gazetteer.open_default()
