"""The shape the code promises: word lists live in data files, modules stay small, no hidden singletons."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "eventwire"
MAX_WORDS_IN_CODE = 12  # a literal of more words than this is a word list: it belongs in lang/<code>/
MAX_MODULE_LINES = 600
LANGUAGE_CODE_DIRS = ("extraction", "geo", "sources")
WORDLIKE = re.compile(r"^[^\W\d_][^\W_]*(?:[' .-][^\W_]*)*$")  # "gun down", "al-"; not "text/html", "death_verbs"
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts)


def _words_in(node: ast.AST) -> int:
    if isinstance(node, ast.Dict):
        items = [k for k in node.keys if k is not None]
    elif isinstance(node, (ast.List, ast.Set, ast.Tuple)):
        items = node.elts
    else:
        return 0
    return sum(isinstance(i, ast.Constant) and isinstance(i.value, str) and bool(WORDLIKE.match(i.value))
               for i in items)


def word_literals(source: str) -> list[tuple[int, int]]:
    """(line, words) of every list, set, tuple or dict literal holding more than MAX_WORDS_IN_CODE strings."""
    tree = ast.parse(source)
    exports = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Assign)
               and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets)}  # names, not words
    return [(node.lineno, n) for node in ast.walk(tree)
            if id(node) not in exports and (n := _words_in(node)) > MAX_WORDS_IN_CODE]


def test_the_word_list_check_sees_lists_sets_and_dicts():
    many = ", ".join(f"'w{i}'" for i in range(13))
    assert word_literals(f"A = {{{many}}}") == [(1, 13)]
    assert word_literals(f"A = [{many}]") and word_literals(f"A = ({many})")
    assert word_literals("A = {" + ", ".join(f"'k{i}': {i}" for i in range(13)) + "}")
    assert word_literals("A = {'a', 'b', 'c'}") == []
    assert word_literals(f"__all__ = [{many}]") == []  # a module's exported names are not a word list
    assert word_literals("A = (" + ", ".join(f"'list_{i}'" for i in range(13)) + ")") == []  # names of data lists
    assert word_literals("A = (" + ", ".join(f"'text/t{i}'" for i in range(13)) + ")") == []  # not words
    assert word_literals(f"A = [{', '.join(str(i) for i in range(40))}]") == []  # numbers are not words


@pytest.mark.parametrize("path", [p for p in MODULES if p.relative_to(PACKAGE).parts[0] in LANGUAGE_CODE_DIRS],
                         ids=lambda p: str(p.relative_to(PACKAGE)))
def test_language_code_holds_no_word_list(path):
    found = word_literals(path.read_text(encoding="utf-8"))
    assert not found, f"{path.name}: word lists in code at lines {found}; move them to lang/en/"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_modules_stay_small(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_MODULE_LINES, f"{path.relative_to(PACKAGE)} has {lines} lines"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_process_wide_singletons(path):
    """State lives in objects the Pipeline owns: a `lru_cache(maxsize=1)` is a global in disguise."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) == "lru_cache":
            sizes = [k.value.value for k in node.keywords if k.arg == "maxsize" and isinstance(k.value, ast.Constant)]
            assert sizes != [1], f"{path.name}:{node.lineno}: lru_cache(maxsize=1)"
