"""`eventwire token create|list|revoke`: the API tokens of the store (eventwire.storage.tokens). The group
registers itself on the `eventwire` group of cli.py, which imports this module at its end."""

from __future__ import annotations

import click

from eventwire.cli import _DB_HELP, _fail, _open_store, _warn, cli
from eventwire.roles import DEFAULT_ROLE, ROLES

TOKEN_LIST_COLUMNS = ("id", "name", "role", "created", "status")


@cli.group(name="token")
def token_group() -> None:
    """API tokens, each with a role: reader (reads of a `serve --private` server), reviewer (reviews), editor
    (ingest), admin (tokens over the API); each role may do what the ones before it may."""


@token_group.command(name="create")
@click.argument("name", required=False)
@click.option("--role", type=click.Choice(ROLES), default=DEFAULT_ROLE, show_default=True,
              help="What the token may do; each role includes the ones before it.")
@click.option("--db", envvar="EVENTWIRE_DB", default=None, help=_DB_HELP)
def token_create(name, role, db):
    """Create a token for NAME (the reviewer its changes are recorded under; default: your login name) and
    print it. Only its hash is stored: keep it, it cannot be shown again."""
    if name is None:
        import getpass

        try:
            name = getpass.getuser()
        except (KeyError, OSError):
            name = "analyst"
    store = _open_store(db)
    try:
        click.echo(store.create_token(name, role=role))
    except ValueError as exc:
        _fail(str(exc))
    store.close()
    _warn(f"a {role} token for {name.strip()}: keep it, it is not shown again")


def token_lines(tokens: list[dict]) -> list[str]:
    """What `token list` prints: a header and one tab-separated line a token, or one line saying there are
    none. A name's tabs and line breaks are shown as spaces, so each token stays one line of five columns."""
    if not tokens:
        return ["no tokens (create one: eventwire token create NAME --role ROLE)"]
    return ["\t".join(TOKEN_LIST_COLUMNS)] + [
        f"{t['id']}\t{' '.join(t['name'].split())}\t{t['role']}\t{t['created_at']}\t{'revoked' if t['revoked'] else 'active'}"
        for t in tokens]


@token_group.command(name="list")
@click.option("--db", envvar="EVENTWIRE_DB", default=None, help=_DB_HELP)
def token_list(db):
    """The tokens (id, name, role, created, status: active or revoked); never the tokens themselves."""
    store = _open_store(db)
    for line in token_lines(store.tokens()):
        click.echo(line)
    store.close()


@token_group.command(name="revoke")
@click.argument("token_id", type=click.IntRange(1))
@click.option("--db", envvar="EVENTWIRE_DB", default=None, help=_DB_HELP)
def token_revoke(token_id, db):
    """Revoke token TOKEN_ID (see `eventwire token list`)."""
    store = _open_store(db)
    if not store.revoke_token(token_id):
        _fail(f"no live token {token_id}")
    store.close()
    _warn(f"token {token_id} revoked")
