"""Language data: the words an analyst reads and edits, one folder per language (`lang/en/`).

Every word list, trigger sense and place word the extractor uses lives in a YAML or TSV file here, never in a
Python literal, so that a second language is a folder and not a fork. All of it is read through one loader,
`LanguageData`, which checks what it reads: a duplicate word in a list, a duplicate key, an unknown family or
an unknown ACLED / PLOVER code gives a `LanguageDataError` naming the file and the line.

A `LanguageData` caches what it has read on itself (not in module globals): the Pipeline owns one per language,
and two pipelines may hold different data in one process.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import yaml

LANG_DIR = Path(__file__).parent
DEFAULT_LANGUAGE = "en"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LanguageDataError(ValueError):
    """A data file that cannot be used as it is; the message starts with `file:line:`."""

    def __init__(self, path: Path | str, line: int | None, message: str):
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {message}")
        self.path, self.line = str(path), line


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _check_keys(node: yaml.Node, path: Path) -> None:
    """Duplicate keys anywhere in a YAML document (PyYAML silently keeps the last one)."""
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        for key, value in node.value:
            k = key.value if isinstance(key, yaml.ScalarNode) else None
            if k is not None:
                if k in seen:
                    raise LanguageDataError(path, _line(key), f"duplicate key {k!r} (first on line {seen[k]})")
                seen[k] = _line(key)
            _check_keys(value, path)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _check_keys(item, path)


def _compose(path: Path) -> tuple[str, yaml.Node | None]:
    """The text and node tree of a YAML file, refusing syntax errors and duplicate keys with the file and line."""
    text = path.read_text(encoding="utf-8")
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise LanguageDataError(path, mark.line + 1 if mark else None, f"not valid YAML: {exc}") from None
    if node is not None:
        _check_keys(node, path)
    return text, node


def read_yaml(path: Path) -> Any:
    """A YAML file, refusing duplicate keys and syntax errors with the file and line. What a file holds is kept
    in the compiled cache under a hash of its text (checked and parsed once, not at every start)."""
    from eventwire.compiled import CompiledCache, content_hash, stat_hash, version

    try:
        data = path.read_bytes()
    except OSError:
        data = b""  # _compose names the file in its error
    key = content_hash([], data.decode("utf-8", "replace"), version("pyyaml"), stat_hash([Path(__file__)]))
    name = f"yaml_{path.stem.replace('-', '_')}_{content_hash([], str(Path(path).resolve()))[:8]}"  # one per file
    return CompiledCache().load_or_build(name, key, lambda: _parse_yaml(path))


def _parse_yaml(path: Path) -> Any:
    text, node = _compose(path)
    return None if node is None else yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader


def word_nodes(path: Path) -> dict[str, list[tuple[str, int]]]:
    """A YAML mapping of list name -> words, each word with its line (for the caller's own checks)."""
    _, root = _compose(path)
    if not isinstance(root, yaml.MappingNode):
        raise LanguageDataError(path, None, "expected a mapping of list name -> words")
    out: dict[str, list[tuple[str, int]]] = {}
    for key, value in root.value:
        out[key.value] = _words_of(value, path, key.value)
    return out


def _words_of(node: yaml.Node, path: Path, name: str) -> list[tuple[str, int]]:
    if not isinstance(node, yaml.SequenceNode):
        raise LanguageDataError(path, _line(node), f"{name!r} must be a list of words")
    words: list[tuple[str, int]] = []
    seen: dict[str, int] = {}
    for item in node.value:
        if not isinstance(item, yaml.ScalarNode) or not str(item.value).strip():
            raise LanguageDataError(path, _line(item), f"{name!r}: every entry must be a word or a phrase")
        word = str(item.value)
        if word in seen:
            raise LanguageDataError(path, _line(item),
                                    f"{name!r}: duplicate word {word!r} (first on line {seen[word]})")
        seen[word] = _line(item)
        words.append((word, _line(item)))
    return words


def read_word_lists(path: Path, known: Iterable[str] | None = None) -> dict[str, tuple[str, ...]]:
    """A file of named word lists: `name: [word, "a phrase", ...]`. `known` limits the names allowed."""
    lists = word_nodes(path)
    if known is not None:
        allowed = set(known)
        text_lines = path.read_text(encoding="utf-8").splitlines()
        for name in lists:
            if name not in allowed:
                line = next((i + 1 for i, t in enumerate(text_lines) if t.startswith(f"{name}:")), None)
                raise LanguageDataError(path, line, f"unknown list {name!r} (known: {', '.join(sorted(allowed))})")
    return {name: tuple(w for w, _ in words) for name, words in lists.items()}


def read_tsv(path: Path, columns: Iterable[str] | None = None,
             unique: str | None = None) -> list[dict[str, str]]:
    """A tab-separated table with a header row; `#` lines are comments. Each row gets `_line`.

    `columns` are required in the header; `unique` names a column whose values may not repeat."""
    text = path.read_text(encoding="utf-8")
    numbered = [(i + 1, line) for i, line in enumerate(text.splitlines())
                if line.strip() and not line.lstrip().startswith("#")]
    if not numbered:
        return []
    reader = csv.DictReader(io.StringIO("\n".join(line for _, line in numbered)), delimiter="\t",
                            quoting=csv.QUOTE_NONE)
    header = reader.fieldnames or []
    missing = [c for c in (columns or ()) if c not in header]
    if missing:
        raise LanguageDataError(path, numbered[0][0], f"missing column(s) {', '.join(missing)}")
    rows: list[dict[str, str]] = []
    seen: dict[str, int] = {}
    for (lineno, _), row in zip(numbered[1:], reader):
        row = {k: (v or "").strip() for k, v in row.items() if k is not None}
        row["_line"] = lineno  # type: ignore[assignment]
        if unique is not None:
            key = row.get(unique, "")
            if key in seen:
                raise LanguageDataError(path, lineno, f"duplicate {unique} {key!r} (first on line {seen[key]})")
            seen[key] = lineno
        rows.append(row)
    return rows


def read_lines(path: Path) -> tuple[str, ...]:
    """A plain list, one entry a line; `#` starts a comment; duplicates are refused."""
    out: list[str] = []
    seen: dict[str, int] = {}
    for i, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line in seen:
            raise LanguageDataError(path, i, f"duplicate entry {line!r} (first on line {seen[line]})")
        seen[line] = i
        out.append(line)
    return tuple(out)


class LanguageData:
    """The data files of one language, read once each and kept on this object."""

    def __init__(self, code: str = DEFAULT_LANGUAGE, root: Path | None = None):
        self.code = code
        self.root = Path(root) if root is not None else LANG_DIR / code
        if not self.root.is_dir():
            raise LanguageDataError(self.root, None, f"no language data for {code!r}")
        self._cache: dict[tuple, Any] = {}

    def path(self, name: str) -> Path:
        p = self.root / name
        if not p.is_file():
            raise LanguageDataError(p, None, "missing language data file")
        return p

    def _cached(self, key: tuple, build: Callable[[], Any]) -> Any:
        if key not in self._cache:
            self._cache[key] = build()
        return self._cache[key]

    def yaml(self, name: str) -> Any:
        return self._cached(("yaml", name), lambda: read_yaml(self.path(name)))

    def word_lists(self, name: str, known: Iterable[str] | None = None) -> dict[str, tuple[str, ...]]:
        known_t = tuple(known) if known is not None else None
        return self._cached(("words", name, known_t), lambda: read_word_lists(self.path(name), known_t))

    def words(self, name: str, key: str) -> frozenset[str]:
        """One list of a word-list file, as a set."""
        lists = self.word_lists(name)
        if key not in lists:
            raise LanguageDataError(self.path(name), None, f"no list {key!r}")
        return frozenset(lists[key])

    def tsv(self, name: str, columns: Iterable[str] | None = None, unique: str | None = None) -> list[dict]:
        cols = tuple(columns) if columns is not None else None
        return self._cached(("tsv", name, cols, unique), lambda: read_tsv(self.path(name), cols, unique))

    def lines(self, name: str) -> tuple[str, ...]:
        return self._cached(("lines", name), lambda: read_lines(self.path(name)))

    def memo(self, key: str, build: Callable[[], Any]) -> Any:
        """Anything derived from the data (a compiled pattern, a matcher), built once per LanguageData."""
        return self._cached(("memo", key), build)
