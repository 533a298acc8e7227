"""The user's own catalogue: named actors an analyst added (`eventwire actors add`), in the format of
data/actors/groups.yaml, read after the packaged files wherever a catalogue is loaded.

Where it lives: $EVENTWIRE_CATALOGUE, else $XDG_CONFIG_HOME/eventwire/actors.yaml (~/.config/eventwire/actors.yaml).
An edit by hand is fine: the file is checked like the packaged ones (a mistake names the file and line).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import yaml

from eventwire.filemodes import give_final_mode

USER_CATALOGUE_ENV = "EVENTWIRE_CATALOGUE"
USER_CATALOGUE_NAME = "actors.yaml"

HEADER = """\
# eventwire: your own actors, read after the packaged catalogue (format of eventwire's data/actors/groups.yaml).
#   name     canonical name; aliases  other spellings; country  ISO3 or null; sector  REB INS SEP MIL UAF CRM PTY ...
#   inter    ACLED actor type (1 state forces, 2 rebels, 3 political militia, 4 identity militia, 5 rioters,
#            6 protesters, 7 civilians, 8 external/other forces)
# `eventwire actors add` appends here; after an edit by hand, `eventwire actors recode` re-codes the stored events.
"""


def user_catalogue_path(explicit: str | Path | None = None) -> Path:
    """The user catalogue's path (whether or not it exists yet)."""
    if explicit:
        return Path(explicit).expanduser()
    if os.environ.get(USER_CATALOGUE_ENV):
        return Path(os.environ[USER_CATALOGUE_ENV]).expanduser()
    config = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return Path(config) / "eventwire" / USER_CATALOGUE_NAME


def entry_text(entry: dict[str, Any]) -> str:
    """One catalogue entry as a line of YAML (flow style, as in groups.yaml)."""
    keys = ("name", "country", "sector", "inter", "aliases")
    ordered = {k: entry[k] for k in keys if k in entry}
    return "- " + yaml.safe_dump(ordered, default_flow_style=True, sort_keys=False, allow_unicode=True, width=10_000)


def with_entry(path: Path, entry: dict[str, Any]) -> str:
    """The text of the user catalogue with `entry` appended (the file's own text, comments included, kept)."""
    old = path.read_text(encoding="utf-8") if path.exists() else HEADER
    if old and not old.endswith("\n"):
        old += "\n"
    return old + entry_text(entry)


def write_atomically(path: Path, text: str) -> None:
    """Replace the file in one step, so that a crash leaves the old file or the new one, never half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".actors-", suffix=".yaml", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        give_final_mode(tmp, path)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def user_entry_names(path: Path) -> list[str]:
    """The canonical names the user catalogue defines (none when it does not exist)."""
    if not path.exists():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return [d["name"] for d in data if isinstance(d, dict) and isinstance(d.get("name"), str)]
