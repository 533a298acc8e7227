"""The permissions of the files eventwire writes through a temporary file and a rename (exports, the user's
actor catalogue, the gazetteer index). tempfile.mkstemp makes its file private (0600), which is right while
it is being written, but the finished file is the user's: it gets the mode any new file of theirs gets (0666
less their umask), or keeps the mode of the file it replaces. The database and the secrets are not written
this way and stay private."""

from __future__ import annotations

import os
from pathlib import Path

NEW_FILE_MODE = 0o666  # what open() asks for; the umask then takes bits away


def current_umask() -> int:
    """The process's umask, read without changing it where Linux shows it (os.umask can only be read by
    setting it, which would race with other threads creating files)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def give_final_mode(tmp: str | Path, path: str | Path) -> None:
    """Before `tmp` is renamed to `path`: the mode of the file it replaces, else that of a new file."""
    try:
        mode = Path(path).stat().st_mode & 0o777
    except FileNotFoundError:
        mode = NEW_FILE_MODE & ~current_umask()
    os.chmod(tmp, mode)
