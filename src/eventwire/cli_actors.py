"""`eventwire actors`: the actors stored events name that the catalogue does not know, and the user catalogue
that adds them (eventwire.actor_growth). It registers itself on the `eventwire` group of cli.py, which imports
this module at its end."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from eventwire.cli import _DB_HELP, _country_code, _fail, _warn, cli

_CATALOGUE_HELP = ("The user catalogue file (default: $EVENTWIRE_CATALOGUE, else ~/.config/eventwire/actors.yaml); "
                   "it overlays the packaged catalogue wherever eventwire loads one.")


def _catalogue_option(f):
    return click.option("--catalogue", "catalogue_file", type=click.Path(dir_okay=False), default=None,
                        help=_CATALOGUE_HELP)(f)


def _load(catalogue_file: str | None):
    from eventwire.extraction.actors import load_catalogue

    try:
        return load_catalogue(user_catalogue=catalogue_file)
    except ValueError as exc:  # CatalogueError: file:line: what is wrong
        _fail(f"actor catalogue: {exc}")


@cli.group(name="actors", invoke_without_command=True)
@click.option("--unresolved", is_flag=True, help="List the actors stored events name that the catalogue did not know.")
@click.option("--db", envvar="EVENTWIRE_DB", default=None, help=_DB_HELP)
@click.option("--limit", type=click.IntRange(1), default=30, show_default=True, help="At most this many actors.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--include-rejected", is_flag=True, help="Also count events a reviewer rejected.")
@_catalogue_option
@click.pass_context
def actors_group(ctx, unresolved, db, limit, fmt, include_rejected, catalogue_file):
    """The actor catalogue and the stored events' actors. `eventwire actors --unresolved`: the actor names
    stored events carry that matched no catalogue entry, most frequent first, each with an example sentence and
    a suggested sector; `eventwire actors add NAME --sector ...` adds one to your catalogue and re-codes the
    stored events that name it."""
    if ctx.invoked_subcommand is not None:
        return
    if not unresolved:
        click.echo(ctx.get_help())
        return
    from eventwire.actor_growth import unresolved_actors
    from eventwire.cli import _open_store

    catalogue = _load(catalogue_file)
    store = _open_store(db, must_exist=True)
    found = unresolved_actors(store.iter_reports(), catalogue, limit=limit, include_rejected=include_rejected)
    store.close()
    if fmt == "json":
        json.dump([a.to_dict() for a in found], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    if not found:
        click.echo("no unresolved actors: every actor of the stored events is in the catalogue")
        return
    from rich.markup import escape

    from eventwire.report import _table, counted, table_console

    table = _table("reports", "actor", "suggested", "example", right=("reports",))
    for a in found:
        suggestion = " ".join(str(x) for x in (a.sector, f"inter {a.inter}" if a.inter else None, a.country) if x)
        example = _shorten(a.example or "-", TABLE_EXAMPLE_CHARS) + (f" [{a.example_article}]" if a.example_article else "")
        table.add_row(str(a.reports), escape(a.name), suggestion, escape(example))
    console = table_console()
    console.print(table)
    console.print(f"{counted(len(found), 'actor')} shown; add one with "
                  "`eventwire actors add NAME --sector SECTOR [--country ISO3] [--alias ...]`")


TABLE_EXAMPLE_CHARS = 90  # the table's example sentence (the JSON gives it whole)


def _shorten(text: str, length: int) -> str:
    return text if len(text) <= length else text[:length - 1].rsplit(" ", 1)[0] + "…"


def _sector(ctx, param, value):
    from eventwire.extraction.actors.data import ACTORS_DIR, read_sectors

    sectors = read_sectors(ACTORS_DIR / "sectors.yaml")
    upper = (value or "").strip().upper()
    if upper not in sectors:
        raise click.BadParameter(f"unknown sector {value!r} (known: {', '.join(sorted(sectors))})")
    return upper


@actors_group.command(name="add")
@click.argument("name")
@click.option("--sector", required=True, callback=_sector, help="Sector code: REB, INS, SEP, MIL, UAF, CRM, PTY, ...")
@click.option("--country", callback=_country_code, help="ISO3 code or name of its home country (none: transnational).")
@click.option("--alias", "aliases", multiple=True, help="Another spelling the news uses (repeatable).")
@click.option("--inter", type=click.IntRange(1, 8), default=None,
              help="ACLED actor type 1-8 (default: from the sector, data/actors/sector_inter.yaml).")
@click.option("--db", envvar="EVENTWIRE_DB", default=None, help=_DB_HELP)
@click.option("--no-recode", is_flag=True, help="Only write the catalogue; leave the stored events as they are.")
@_catalogue_option
def actors_add(name, sector, country, aliases, inter, db, no_recode, catalogue_file):
    """Add NAME to your actor catalogue and re-code the stored events that name it (or an alias): their actor
    takes the catalogue's name, sector, country and ACLED inter, and the events are re-merged (reviews kept)."""
    from eventwire.actor_growth import default_inter
    from eventwire.extraction.actors import CatalogueError, load_catalogue
    from eventwire.extraction.actors.user import user_catalogue_path, with_entry, write_atomically

    name = " ".join(name.split())
    if not name:
        raise click.BadParameter("the name is empty", param_hint="NAME")
    path = user_catalogue_path(catalogue_file)
    catalogue = _load(catalogue_file)
    if name in catalogue.entries:
        _fail(f"{name!r} is already in the catalogue ({_describe(catalogue.entries[name])})")
    known = catalogue.resolve(name)
    if known is not None and known.known and not catalogue.is_generic(known):
        _warn(f"note: the catalogue already reads {name!r} as {known.name!r}; a new entry makes it its own actor")
    if inter is None:
        inter = default_inter(sector)
        if inter is None:
            _fail(f"give --inter for sector {sector} (no default in data/actors/sector_inter.yaml)")
    entry = {"name": name, "country": country, "sector": sector, "inter": inter,
             "aliases": list(dict.fromkeys(a.strip() for a in aliases if a.strip() and a.strip() != name))}
    try:
        text = with_entry(path, entry)
    except OSError as exc:
        _fail(f"cannot read {path}: {exc.strerror or exc}")
    # check the new file as eventwire will read it, before it replaces the old one
    trial = path.with_name(f".{path.name}.check")
    try:
        trial.parent.mkdir(parents=True, exist_ok=True)
        trial.write_text(text, encoding="utf-8")
        catalogue = load_catalogue(user_catalogue=trial)
    except CatalogueError as exc:
        _fail(f"not added: {str(exc).replace(str(trial), str(path))}")
    except OSError as exc:
        _fail(f"cannot write {path}: {exc.strerror or exc}")
    finally:
        if trial.exists():
            trial.unlink()
    try:
        write_atomically(path, text)
    except OSError as exc:
        _fail(f"cannot write {path}: {exc.strerror or exc}")
    _warn(f"added {name} ({_describe(catalogue.entries[name])}) to {path}")
    if not no_recode:
        _recode(catalogue, {name}, db)


@actors_group.command(name="recode")
@click.option("--db", envvar="EVENTWIRE_DB", default=None, help=_DB_HELP)
@_catalogue_option
def actors_recode(db, catalogue_file):
    """Re-code the stored events whose actors the catalogue did not know but your catalogue now names (after an
    edit of the file by hand)."""
    from eventwire.extraction.actors.user import user_catalogue_path, user_entry_names

    path = user_catalogue_path(catalogue_file)
    names = user_entry_names(path)
    if not names:
        _fail(f"no actors in {path}: add one with `eventwire actors add`")
    _recode(_load(catalogue_file), set(names), db)


def _describe(entry) -> str:
    return ", ".join(x for x in (entry.sector, f"inter {entry.inter}" if entry.inter else None,
                                 entry.country or "no country") if x)


def _recode(catalogue, targets: set[str], db: str | None) -> None:
    from sqlalchemy.engine import make_url

    from eventwire.actor_growth import Recoder
    from eventwire.cli import _open_store
    from eventwire.storage.store import resolve_url

    url = make_url(resolve_url(db))
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:") \
            and not os.path.exists(url.database):
        _warn(f"no database at {Path(url.database)}: no stored event to re-code")
        return
    store = _open_store(db)
    recoder = Recoder(catalogue, targets)
    summary = store.recode_reports(recoder)
    if summary.reports:
        store.run_dedup()
    store.close()
    _warn(f"re-coded {recoder.actors} actor mention{'s' if recoder.actors != 1 else ''} in {summary.reports} "
          f"report{'s' if summary.reports != 1 else ''} of {summary.events} event{'s' if summary.events != 1 else ''}"
          + ("; a running `eventwire serve` or `watch` reads the catalogue when it starts" if summary.reports else ""))
