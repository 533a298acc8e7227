"""Compiled resources: what the Pipeline builds from its data files at start-up (the actor catalogue, the
entity-ruler patterns as token hashes, the language identifier's arrays), kept in the cache directory next to
the gazetteer index so that the next process loads it in a few milliseconds instead of building it again.

Each file is named by a key: a hash of the contents of everything it is built from (the data files, eventwire's
own source, the versions of the libraries involved), so an edited data file, or an upgrade, builds a fresh one
on the next run; older files of the same resource are removed then. Files are written to a temporary file and
renamed into place, so concurrent processes never read a half-written file (the last writer wins, with the
same content). A file that cannot be read (truncated, corrupt, from another Python) is built again, and a
cache directory that cannot be written is not fatal: the resource is built in memory, as before.
"""

from __future__ import annotations

import hashlib
import mmap
import os
import pickle
import struct
import sys
import tempfile
from collections.abc import Callable, Iterable
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

from eventwire.filemodes import give_final_mode
from eventwire.geo.index import cache_dir, remove_stale_versions

T = TypeVar("T")

CACHE_FORMAT = 2  # bump when the layout of the compiled files changes
PACKAGE_DIR = Path(__file__).resolve().parent
NO_CACHE_ENV = "EVENTWIRE_NO_COMPILED_CACHE"  # set to 1: build every resource in memory, read and write nothing


def version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "?"


def content_hash(paths: Iterable[Path], *parts: str) -> str:
    """A hash of the contents of `paths` (a missing file counts as absent) and of the strings `parts`."""
    h = hashlib.blake2b(digest_size=10)
    for part in (str(CACHE_FORMAT), sys.version, *parts):
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    for path in paths:
        h.update(str(path).encode("utf-8"))
        try:
            h.update(Path(path).read_bytes())
        except OSError:
            h.update(b"\1missing")
        h.update(b"\0")
    return h.hexdigest()


def stat_hash(paths: Iterable[Path], *parts: str) -> str:
    """A hash of the size and modification time of `paths` and of the strings `parts`: for files that are
    installed, not edited (source, a library's model file, the gazetteer index named by its own fingerprint),
    where reading them all at every start would cost more than what the cache saves."""
    h = hashlib.blake2b(digest_size=10)
    for part in (str(CACHE_FORMAT), sys.version, *parts):
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    for path in paths:
        try:
            st = os.stat(path)
            h.update(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
        except OSError:
            h.update(f"{path}\0missing\0".encode())
    return h.hexdigest()


def package_files(*folders: str, suffixes: tuple[str, ...] = (), exclude: tuple[str, ...] = ()) -> list[Path]:
    """The files under the package folders `folders` (all of the package when none), sorted; `suffixes`
    keeps only those endings, `exclude` drops the folders with these names (a trained model, a corpus)."""
    roots = [PACKAGE_DIR / f for f in folders] if folders else [PACKAGE_DIR]
    out: list[Path] = []
    for root in roots:
        for folder, dirs, files in os.walk(root):
            dirs[:] = sorted(d for d in dirs if d not in exclude and d != "__pycache__")
            out.extend(Path(folder) / f for f in sorted(files) if not suffixes or f.endswith(suffixes))
    return out


def source_hash() -> str:
    """A hash of eventwire's own Python source: a code change may change what a resource is built to."""
    return stat_hash(package_files(suffixes=(".py",)), version("eventwire"))


class CompiledCache:
    """Pickled resources in one folder (default: `<cache dir>/compiled`, see geo.index.cache_dir)."""

    def __init__(self, folder: Path | str | None = None, enabled: bool | None = None):
        self.folder = Path(folder) if folder is not None else cache_dir() / "compiled"
        self.enabled = (os.environ.get(NO_CACHE_ENV, "") in ("", "0")) if enabled is None else enabled

    def path(self, name: str, key: str) -> Path:
        return self.folder / f"{name}-{key}.pickle"

    def load_or_build(self, name: str, key: str, build: Callable[[], T]) -> T:
        """The resource `name` for `key`: read from its file, else built by `build()` and written."""
        if not self.enabled:
            return build()
        path = self.path(name, key)
        try:
            return read(path)
        except FileNotFoundError:
            pass
        except Exception:  # noqa: BLE001 - a truncated or corrupt file is built again, never fatal
            pass
        value = build()
        self.store(name, key, value)
        return value

    def store(self, name: str, key: str, value: object) -> None:
        path = self.path(name, key)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{name}-", suffix=".tmp", dir=str(self.folder))
        except OSError:
            return  # a read-only cache directory: the resource stays in memory only
        try:
            with os.fdopen(fd, "wb") as f:
                write(f, value)
            give_final_mode(tmp, path)
            os.replace(tmp, path)
        except (OSError, pickle.PicklingError, TypeError, AttributeError):
            return
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        remove_stale_versions(path, f"{name}-*.pickle")  # the files of data that changed since


# -- the file format -------------------------------------------------------------------------------------------------
# MAGIC, the length of the pickle, the number of buffers and their (offset, length), the pickle, then the buffers:
# pickle protocol 5 leaves large arrays (numpy) out of the pickle, and reading maps them from the file instead of
# copying them, so that a process starts without reading them and the processes of a batch share their pages.
MAGIC = b"EWCACHE1"
_ALIGN = 64


def write(f, value: object) -> None:
    buffers: list[pickle.PickleBuffer] = []
    data = pickle.dumps(value, protocol=5, buffer_callback=buffers.append)
    raws = [b.raw() for b in buffers]
    head = len(MAGIC) + 16 + 16 * len(raws)
    offset = _aligned(head + len(data))
    spans = []
    for raw in raws:
        spans.append((offset, raw.nbytes))
        offset = _aligned(offset + raw.nbytes)
    f.write(MAGIC + struct.pack("<QQ", len(data), len(raws)))
    for span in spans:
        f.write(struct.pack("<QQ", *span))
    f.write(data)
    for (start, _), raw in zip(spans, raws):
        f.write(b"\0" * (start - f.tell()))
        f.write(raw)


def read(path: Path) -> Any:
    with open(path, "rb") as f:
        if f.read(len(MAGIC)) != MAGIC:
            raise ValueError(f"{path}: not a compiled resource")
        size, count = struct.unpack("<QQ", f.read(16))
        spans = [struct.unpack("<QQ", f.read(16)) for _ in range(count)]
        data = f.read(size)
        if len(data) != size:
            raise ValueError(f"{path}: truncated")
        if not count:
            return pickle.loads(data)
        mapped = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)  # stays open while the arrays use it
    view = memoryview(mapped)
    if any(start + length > len(view) for start, length in spans):
        raise ValueError(f"{path}: truncated")
    return pickle.loads(data, buffers=[view[start:start + length] for start, length in spans])


def _aligned(n: int) -> int:
    return -(-n // _ALIGN) * _ALIGN
