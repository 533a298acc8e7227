"""Reading the catalogue's files into plain records, checking them on the way.

Facts about real actors live in `data/` (language-independent): `countries.tsv`, `actors/groups.yaml`,
`igos.yaml`, `people.yaml`, `state_forces.yaml` and `sectors.yaml` (the sector codes allowed). English words live
in `lang/en/actors/`: `generics.yaml` (gunmen, villagers ...) and `words.yaml` (place nouns, locative words).

A malformed entry, an unknown key or sector code, the same alias twice in one entry or the same word twice in a
list of words gives a `CatalogueError` naming the file and the line. Each entry read from a file keeps its
place in `_file` / `_line`, so that the Catalogue's own checks (unknown country, unknown actor ...) can name it too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from eventwire.extraction.actors.entries import STATE_SECTORS, Country
from eventwire.lang import LanguageData, LanguageDataError, read_tsv, read_yaml

DATA_DIR = Path(__file__).parents[2] / "data"
ACTORS_DIR = DATA_DIR / "actors"
COUNTRIES_TSV = DATA_DIR / "countries.tsv"
GENERICS_FILE = "actors/generics.yaml"  # in the language folder
WORDS_FILE = "actors/words.yaml"  # in the language folder
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# the keys an entry of each catalogue file may have
NAMED_FIELDS = frozenset({"name", "aliases", "country", "sector", "inter", "cameo", "parent"})
PERSON_FIELDS = frozenset({"person", "aliases", "state", "actor"})
STATE_NAMED_FIELDS = frozenset({"country", "sector", "name", "aliases"})


class CatalogueError(LanguageDataError):
    """A data file of the catalogue is missing, malformed or inconsistent. From a file, the message starts with
    `file:line:`; for records built in code (no file) it is the bare message."""

    def __init__(self, message: str, path: Path | str | None = None, line: int | None = None):
        if path is None:
            ValueError.__init__(self, message)
            self.path, self.line = None, None
        else:
            super().__init__(path, line, message)


def entry_error(d: Any, message: str) -> CatalogueError:
    """An error about one entry, naming its file and line when it was read from a file."""
    if isinstance(d, dict) and d.get("_file"):
        return CatalogueError(message, d["_file"], d.get("_line"))
    return CatalogueError(message)


@dataclass(frozen=True)
class Sources:
    """Everything a Catalogue is built from, as read from the files (or made in code, for tests)."""

    countries: dict[str, Country]
    state_forces: dict
    groups: list[dict]
    igos: list[dict]
    people: list[dict]
    generics: dict
    place_nouns: frozenset[str]  # after "Syria's" these make the country a place ("Syria's north")
    locative_words: frozenset[str]  # a bare country name after one of these is a place ("fighting in Syria")
    place_after: frozenset[str]  # right after a bare country name these make it a place ("the Syria border")


def load_countries(path: Path = COUNTRIES_TSV) -> dict[str, Country]:
    """countries.tsv as ISO3 -> Country (also used by the geoparser)."""
    out: dict[str, Country] = {}
    try:
        rows = read_tsv(path, columns=("iso3", "iso2", "name"), unique="iso3")
    except OSError as exc:
        raise CatalogueError(f"cannot read the country table: {exc.strerror or exc}", path) from exc
    def lst(row: dict, key: str) -> tuple[str, ...]:
        return tuple(x.strip() for x in (row.get(key) or "").split("|") if x.strip())

    for row in rows:
        out[row["iso3"]] = Country(iso3=row["iso3"], iso2=row["iso2"], name=row["name"], aliases=lst(row, "aliases"),
                                   adjectives=lst(row, "adjectives"), demonyms=lst(row, "demonyms"),
                                   capital=(row.get("capital") or "").strip(), cameo=row.get("cameo") or row["iso3"])
    return out


def read_catalogue_yaml(path: Path) -> tuple[Any, yaml.Node | None]:
    """A catalogue YAML file (duplicate keys refused) and its node tree, for line numbers."""
    try:
        data = read_yaml(path)
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except OSError as exc:
        raise CatalogueError(f"cannot read actor data file: {exc.strerror or exc}", path) from exc
    except LanguageDataError as exc:  # the same error, as the catalogue's own kind
        where = f"{exc.path}:{exc.line}" if exc.line else exc.path
        raise CatalogueError(str(exc)[len(where) + 2:], exc.path, exc.line) from None
    return data, node


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _entries(items: Any, node: yaml.Node | None, path: Path, fields: frozenset[str], sectors: Iterable[str],
             required: Sequence[str]) -> list[dict]:
    """A list of catalogue entries, each checked and stamped with its file and line."""
    if items is None:
        return []
    if not isinstance(items, list) or not isinstance(node, yaml.SequenceNode):
        raise CatalogueError("expected a list of entries", path, _line(node) if node is not None else None)
    sectors = frozenset(sectors)
    out = []
    for d, item in zip(items, node.value):
        line = _line(item)
        if not isinstance(d, dict):
            raise CatalogueError(f"an entry must be a mapping, not {d!r}", path, line)
        unknown = sorted(set(d) - fields)
        if unknown:
            raise CatalogueError(f"unknown key(s) {', '.join(map(repr, unknown))} (known: {', '.join(sorted(fields))})",
                                 path, line)
        for key in required:
            if not isinstance(d.get(key), str) or not d[key].strip():
                raise CatalogueError(f"entry {d!r} needs a {key!r} string", path, line)
        if "sector" in d and d["sector"] is not None and d["sector"] not in sectors:
            raise CatalogueError(f"unknown sector code {d['sector']!r} (known: {', '.join(sorted(sectors))})",
                                 path, line)
        _check_aliases(d, item, path, line)
        out.append({**d, "_file": str(path), "_line": line})
    return out


def _check_aliases(d: dict, item: yaml.Node, path: Path, line: int) -> None:
    aliases = d.get("aliases", [])
    if aliases is None:
        return
    if not isinstance(aliases, list):
        raise CatalogueError("'aliases' must be a list", path, line)
    nodes = next((v.value for k, v in item.value if k.value == "aliases" and isinstance(v, yaml.SequenceNode)), [])
    seen: dict[str, int] = {}
    for alias, node in zip(aliases, nodes):
        at = _line(node)
        if not isinstance(alias, str) or not alias.strip():
            raise CatalogueError(f"alias {alias!r} must be a non-empty string", path, at)
        if alias in seen:
            raise CatalogueError(f"duplicate alias {alias!r} in one entry", path, at)
        seen[alias] = at


def _unique_words(node: yaml.Node, path: Path) -> None:
    """No word twice in any list of words of a file (a second copy is a slip, and would hide an edit)."""
    if isinstance(node, yaml.SequenceNode):
        if all(isinstance(item, yaml.ScalarNode) for item in node.value):
            seen: dict[str, int] = {}
            for item in node.value:
                if item.value in seen:
                    raise CatalogueError(f"duplicate word {item.value!r} (first on line {seen[item.value]})", path,
                                         _line(item))
                seen[item.value] = _line(item)
        for item in node.value:
            _unique_words(item, path)
    elif isinstance(node, yaml.MappingNode):
        for _, value in node.value:
            _unique_words(value, path)


def read_sectors(path: Path) -> frozenset[str]:
    data, _ = read_catalogue_yaml(path)
    if not isinstance(data, dict) or not data:
        raise CatalogueError("expected a mapping of sector code -> description", path)
    return frozenset(data)


def read_named(path: Path, sectors: Iterable[str]) -> list[dict]:
    """groups.yaml, igos.yaml or another file of named actors."""
    data, node = read_catalogue_yaml(path)
    return _entries(data, node, path, NAMED_FIELDS, sectors, required=("name",))


def read_people(path: Path) -> list[dict]:
    data, node = read_catalogue_yaml(path)
    people = _entries(data, node, path, PERSON_FIELDS, (), required=("person",))
    for d in people:
        if bool(d.get("state")) == bool(d.get("actor")):
            raise entry_error(d, f"{d['person']!r} needs either 'state' (ISO3/SECTOR) or 'actor'")
    return people


def read_state_forces(path: Path) -> dict:
    data, node = read_catalogue_yaml(path)
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        raise CatalogueError("expected a mapping", path)
    _unique_words(node, path)
    for key in ("sectors", "nouns"):
        if not isinstance(data.get(key), dict):
            raise CatalogueError(f"missing mapping {key!r}", path)
    named_node = next((v for k, v in node.value if k.value == "named"), None)
    data = dict(data)
    data["named"] = _entries(data.get("named"), named_node, path, STATE_NAMED_FIELDS, STATE_SECTORS,
                             required=("country", "sector"))
    return data


def read_generics(path: Path, sectors: Iterable[str]) -> dict:
    data, node = read_catalogue_yaml(path)
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        raise CatalogueError("expected a mapping", path)
    _unique_words(node, path)
    sectors = frozenset(sectors)
    nodes = {k.value: v for k, v in node.value}
    for key in ("generics", "guess_rules"):
        items = data.get(key) or []
        item_nodes = nodes[key].value if key in nodes and isinstance(nodes[key], yaml.SequenceNode) else []
        for d, item in zip(items, item_nodes):
            sector = d.get("sector") if isinstance(d, dict) else None
            if sector is not None and sector not in sectors:
                raise CatalogueError(f"unknown sector code {sector!r}", path, _line(item))
    return data


def read_sources(language: LanguageData | None = None, data_dir: Path | None = None,
                 extra_groups: Iterable[Path] = ()) -> Sources:
    """The catalogue's files: facts from `data_dir` (default: the package's data/), words from `language`.
    `extra_groups` are more files of named actors in the format of groups.yaml, read after it."""
    language = language if language is not None else LanguageData()
    data_dir = Path(data_dir) if data_dir is not None else DATA_DIR
    actors_dir = data_dir / "actors"
    sectors = read_sectors(actors_dir / "sectors.yaml")
    groups = read_named(actors_dir / "groups.yaml", sectors)
    for path in extra_groups:
        groups += read_named(Path(path), sectors)
    lists = language.word_lists(WORDS_FILE, known=("place_nouns", "locative_words", "place_after"))
    return Sources(countries=load_countries(data_dir / "countries.tsv"),
                   state_forces=read_state_forces(actors_dir / "state_forces.yaml"),
                   groups=groups, igos=read_named(actors_dir / "igos.yaml", sectors),
                   people=read_people(actors_dir / "people.yaml"),
                   generics=read_generics(language.path(GENERICS_FILE), sectors),
                   place_nouns=frozenset(lists["place_nouns"]), locative_words=frozenset(lists["locative_words"]),
                   place_after=frozenset(lists["place_after"]))
