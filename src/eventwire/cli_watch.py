"""`eventwire watch` and `eventwire feeds`: polling feeds into the store, and the feeds' health
(eventwire.sources.watch). They register themselves on the `eventwire` group of cli.py, which imports this
module at its end."""

from __future__ import annotations

import json
import random
import sys

import click

from eventwire.cli import _BACKGROUND_OPTION, _DB_HELP, _fetch_options, cli


def _duration(ctx, param, value):  # noqa: ANN001
    from eventwire.sources.watch import parse_duration

    if value is None:
        return None
    try:
        seconds = parse_duration(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None
    if seconds < 1:
        raise click.BadParameter("must be at least 1s")
    return seconds


@cli.command(name="watch")
@click.argument("targets", nargs=-1, required=True, metavar="FEEDS.txt|URL...")
@click.option("--db", envvar="EVENTWIRE_DB", default=None, help=_DB_HELP)
@click.option("--every", default="15m", show_default=True, callback=_duration,
              help="Time between polls of a feed: 90s, 15m, 1h, 1d.")
@click.option("--once", is_flag=True, help="One round, then exit (for cron): every feed is polled, but those "
                                           "backing off after failures.")
@click.option("--jitter", type=click.FloatRange(0, 0.5), default=0.1, show_default=True,
              help="Each wait is drawn from wait * [1 - jitter, 1 + jitter], so feeds drift apart.")
@click.option("--max-backoff", default="24h", show_default=True, callback=_duration,
              help="Longest wait after failures (the wait doubles with each failure in a row).")
@click.option("--seed", type=int, default=None, help="Seed of the jitter (repeatable schedules, for tests).")
@_fetch_options
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True, help="Worker processes.")
@click.option("--model", default=None, help="spaCy model name (default: $EVENTWIRE_SPACY_MODEL or the bundled one).")
@_BACKGROUND_OPTION
def watch_command(targets, db, every, once, jitter, max_backoff, seed, fetch_options, workers, model, background_days):
    """Poll RSS/Atom feeds and pages on a schedule and ingest what is new. FEEDS.txt lists one URL a line
    (# comments; re-read when it changes). Conditional requests (ETag, Last-Modified), backoff on failure, a
    health record per feed (`eventwire feeds`); one log line per poll on stderr. SIGTERM or Ctrl-C stops after
    the current feed; a kill at any moment loses and duplicates nothing."""
    from eventwire.cli import _fail, _open_store, _pipeline
    from eventwire.sources.credentials import without_credentials
    from eventwire.sources.fetch import Fetcher
    from eventwire.sources.formats import is_url
    from eventwire.sources.watch import FeedList, Watcher, WatchLog, WatchSettings, format_duration, quote, stamp
    from eventwire.storage.models import utcnow

    missing = [t for t in targets if not is_url(t) and not _readable(t)]
    if missing:
        _fail(f"{without_credentials(missing[0])}: no such file (give a file of feed URLs, or URLs)")
    log = WatchLog(sys.stderr)
    feeds = FeedList(targets, log)
    if not feeds.urls():
        _fail("no feed to watch: the files list no http(s) URL")
    store = _open_store(db)
    pipeline = _pipeline(model, workers, background_days=background_days)
    settings = WatchSettings(every=every, jitter=jitter, max_backoff=max_backoff)
    with Fetcher(**fetch_options) as fetcher:
        watcher = Watcher(store, pipeline, fetcher, settings, rng=random.Random(seed), log=log)
        watcher.install_signal_handlers()
        log(f"{stamp(utcnow())} watch status=start feeds={len(feeds.urls())} every={format_duration(every)} "
            f"db={quote(store.safe_url)}" + (" once" if once else ""))
        results = watcher.run(feeds, once=once)
        log(f"{stamp(utcnow())} watch status=stopped" + (f" signal={watcher.stop_reason}" if watcher.stop_reason else ""))
    store.close()
    if once and results and all(r.status == "error" for r in results):
        sys.exit(1)


def _readable(path: str) -> bool:
    try:
        with open(path, "rb"):
            return True
    except OSError:
        return False


@cli.command(name="feeds")
@click.option("--db", envvar="EVENTWIRE_DB", default=None, help=_DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def feeds_command(db, fmt):
    """The health of every watched feed: last poll and its status, last success, last error, failures in a
    row, articles added, next poll."""
    from eventwire.cli import _open_store

    store = _open_store(db, must_exist=True)
    states = store.feed_states()
    store.close()
    if fmt == "json":
        json.dump([s.to_dict() for s in states], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    from eventwire.report import _table, counted, table_console
    from eventwire.sources.watch import stamp

    table = _table("feed", "status", "last poll", "last success", "failures", "added", "next poll", "last error",
                   right=("failures", "added"))
    for s in states:
        error = f"{stamp(s.last_error_at)} {s.last_error}" if s.last_error else "-"
        table.add_row(s.url, s.last_status or "never polled", stamp(s.last_poll_at), stamp(s.last_success_at),
                      str(s.consecutive_failures), str(s.articles_added), stamp(s.next_poll_at), error)
    console = table_console()
    console.print(table)
    console.print(f"{counted(len(states), 'feed')}, {counted(sum(s.articles_added for s in states), 'article')} added, "
                  f"{sum(1 for s in states if s.consecutive_failures)} failing")
