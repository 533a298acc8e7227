"""`eventwire`: the one command-line entry point. Every subcommand goes through the Python API."""

from __future__ import annotations

import csv
import functools
import gc
import json
import os
import sys
from collections.abc import Iterator

import click

from eventwire.records import BACKGROUND_DAYS, Article, ArticleResult, parse_published
from eventwire.report import counted
from eventwire.sources.read import DEFAULT_MAX_ARTICLE_BYTES, InputError, read_paths


def _fail(message: str, code: int = 2) -> None:
    click.echo(f"eventwire: error: {message}", err=True)
    sys.exit(code)


def _warn(message: str) -> None:
    click.echo(f"eventwire: {message}", err=True)


def _validate_date(ctx, param, value):
    if value is None:
        return None
    try:
        parse_published(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None  # click names the option
    return value


OWN_PROCESS = "own_process"  # key of the click context object that main() gives: the command has the process to itself


def _pipeline(model: str | None, workers: int, **options):
    """A Pipeline, its model loaded now: a missing model fails early with a clear message."""
    # no cyclic garbage collection while the model and the resources load: they are millions of long-lived objects
    # that each collection would walk again (~a third of the start-up over the bare model load); in a process of
    # its own (main), frozen afterwards, so that the collections during the run never walk them either. A threshold
    # of 0 rather than gc.disable(): the model's msgpack reader enables the collector again after each file.
    thresholds = gc.get_threshold()
    gc.set_threshold(0)
    try:
        from eventwire.extraction.pipeline import Pipeline

        pipeline = Pipeline(model=model, workers=workers, **options)
        pipeline.nlp  # noqa: B018
    except Exception as exc:  # noqa: BLE001
        _fail(str(exc))
    finally:
        ctx = click.get_current_context(silent=True)
        if ctx is not None and (ctx.obj or {}).get(OWN_PROCESS):
            gc.freeze()  # not within a caller's process (CliRunner): its garbage would be kept for good
        gc.set_threshold(*thresholds)
    return pipeline


_BACKGROUND_OPTION = click.option(
    "--background-days", type=click.IntRange(0), default=BACKGROUND_DAYS, show_default=True,
    help="An event dated (or named by its year) more than this many days before publication is background: "
         "recalled, not reported, and not counted.")


_MAX_ARTICLE_BYTES_OPTION = click.option(
    "--max-article-bytes", type=click.IntRange(1), default=DEFAULT_MAX_ARTICLE_BYTES, show_default=True,
    help="Longest article (a JSON line, a CSV row, a text file, a page) read; a longer one is reported and skipped, "
         "the others are read. Inputs are read a line or an article at a time, never whole.")


_TYPING_OPTION = click.option(
    "--typing-model/--no-typing-model", "typing_model", default=True, show_default=True,
    envvar="EVENTWIRE_TYPING_MODEL",
    help="Let the typing model (trained on lang/en/typing/corpus/) veto or retype the rules' events; "
         "--no-typing-model codes with the rules alone.")


class _Run:
    """`extract` and `geoparse`: the articles of FILES, read as they are needed, through a Pipeline. Unreadable
    inputs and failed articles are warned about and skipped; when no article at all was usable, the command
    exits 1 (after its output). A progress bar counts the articles while they are read, when stderr is a
    terminal (and is gone once done)."""

    def __init__(self, label: str, files, published: str | None, model: str | None, workers: int,
                 max_article_bytes: int, **options):
        self.label = label
        self.pipeline = _pipeline(model, workers, **options)  # a missing model fails before any reading
        self.items = read_paths(files, published, max_bytes=max_article_bytes)
        self.read = self.usable = self.failures = 0

    def _articles(self) -> Iterator[Article]:
        for item in self.items:
            self.read += 1
            if isinstance(item, InputError):
                self.failures += 1
                _warn(f"skipped: {item}")
            else:
                yield item

    def results(self) -> Iterator[ArticleResult]:
        from eventwire.report import ArticleProgress

        with ArticleProgress(not sys.stderr.isatty(), self.label, transient=True) as progress:
            yield from self._counted(progress)

    def _counted(self, progress) -> Iterator[ArticleResult]:
        for res in self.pipeline.pipe(self._articles()):
            progress.advance()
            if res.error:
                self.failures += 1
                _warn(f"skipped article {res.article.id}: {res.error}")
            else:
                self.usable += 1
                yield res

    def finish(self) -> None:
        if not self.read:
            _fail("no articles in the input: give files, or pipe articles on stdin", 1)
        if not self.usable:
            _fail(_nothing_usable(self.failures), 1)


def _nothing_usable(problems: int) -> str:
    """The message of a run that read nothing it could use (the command then exits 1)."""
    return "no usable article in the input" + (f" ({problems} skipped or failed, see above)" if problems else "")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="eventwire")
def cli() -> None:
    """eventwire: news articles in, conflict event records out (ACLED, PLOVER and CAMEO at once)."""


# ---------------------------------------------------------------------------------------------------------
# extract, geoparse: articles in, records out (nothing stored)
# ---------------------------------------------------------------------------------------------------------
@cli.command()
@click.argument("files", nargs=-1, type=click.Path(allow_dash=True))
@click.option("--published", callback=_validate_date, help="Publication date (YYYY-MM-DD) for inputs without one.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "json", "csv"]), default=None,
              help="Output format; table on a terminal, jsonl otherwise.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True, help="Worker processes.")
@click.option("--model", default=None, help="spaCy model name (default: $EVENTWIRE_SPACY_MODEL or the bundled one).")
@click.option("--all", "show_all", is_flag=True, help="Table/CSV: also show future, hypothetical, negated and background events.")
@_BACKGROUND_OPTION
@_MAX_ARTICLE_BYTES_OPTION
@_TYPING_OPTION
@click.option("--all-articles", is_flag=True,
              help="Parse every article; by default an article without a single word an event can start from "
                   "(a trigger of lang/en/events/triggers.yaml, in any form) is skipped unparsed.")
@click.option("--sentence-gate/--no-sentence-gate", default=True, show_default=True,
              help="Parse only the sentences of an article that hold such a word, and the sentence either side "
                   "of each; names are still found in the whole article. Off with --all-articles.")
@click.option("--ner-everywhere/--gated-ner", default=False, show_default=True,
              help="With the sentence gate: the statistical name finder reads the whole article, or only the "
                   "sentences parsed (the default: the others keep the names of the actor catalogue and the "
                   "gazetteer, and the geoparser scans their capitalised words for places).")
def extract(files, published, fmt, workers, model, show_all, background_days, max_article_bytes, typing_model,
            all_articles, sentence_gate, ner_everywhere):
    """Extract events from articles: FILE.txt is one article, FILE.jsonl many, - (default) reads stdin."""
    from eventwire import report

    if fmt is None:
        fmt = "table" if sys.stdout.isatty() else "jsonl"
    run = _Run("extract", files, published, model, workers, max_article_bytes, background_days=background_days,
               typing_model=typing_model, relevance_gate=not all_articles,
               sentence_gate=sentence_gate and not all_articles, ner_everywhere=ner_everywhere)
    results: list[ArticleResult] = []
    out = sys.stdout
    writer = None
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=report.EVENT_CSV_COLUMNS)
        writer.writeheader()
    for res in run.results():
        if fmt == "jsonl":
            for ev in res.events:
                out.write(ev.to_json() + "\n")
            out.flush()
        elif fmt == "csv":
            for ev in res.events:
                if show_all or ev.modality == "asserted":
                    writer.writerow(report.event_row(ev))
        else:
            results.append(res)
    if fmt == "json":
        json.dump([ev.to_dict() for r in results for ev in r.events], out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "table":
        report.print_events_table(results, show_all)
    run.finish()


@cli.command()
@click.argument("files", nargs=-1, type=click.Path(allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default=None,
              help="Output format; table on a terminal, jsonl otherwise.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True, help="Worker processes.")
@click.option("--model", default=None, help="spaCy model name (default: $EVENTWIRE_SPACY_MODEL or the bundled one).")
@_MAX_ARTICLE_BYTES_OPTION
def geoparse(files, fmt, workers, model, max_article_bytes):
    """Every place named in articles, resolved to coordinates, with offsets and how it is used
    (literal, metonym, adjective, demonym). FILE.txt is one article, FILE.jsonl many, - reads stdin."""
    from eventwire import report

    if fmt is None:
        fmt = "table" if sys.stdout.isatty() else "jsonl"
    run = _Run("geoparse", files, None, model, workers, max_article_bytes, events=False)
    rows = []
    for res in run.results():
        if fmt == "jsonl":
            line = {"article_id": res.article.id, "places": [pm.to_dict() for pm in res.places]}
            sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
            sys.stdout.flush()
        else:
            rows.extend((res.article.id, pm) for pm in res.places)
    if fmt == "table":
        report.print_places_table(rows)
    run.finish()


# ---------------------------------------------------------------------------------------------------------
# ingest, events, export: the event store (eventwire.storage.store; --db or $EVENTWIRE_DB, default ./eventwire.db)
# ---------------------------------------------------------------------------------------------------------
_DB_HELP = "Database URL or SQLite file (default: $EVENTWIRE_DB, else ./eventwire.db)."


def _open_store(db: str | None, must_exist: bool = False):
    """The store; with must_exist, a SQLite file that is not there is an error (reading commands should not
    quietly create an empty database under a mistyped name)."""
    from sqlalchemy.engine import make_url

    from eventwire.storage.store import Store, StoreError, resolve_url

    if must_exist:
        url = make_url(resolve_url(db))
        if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:") \
                and not os.path.exists(url.database):
            _fail(f"no database at {url.database}: run `eventwire ingest ...` first, or give --db")
    try:
        return Store(db)
    except StoreError as exc:
        _fail(str(exc))


def _country_code(ctx, param, value):
    if not value:
        return None
    from eventwire.filters import FilterError, parse_country

    try:
        return parse_country(value)
    except FilterError as exc:
        raise click.BadParameter(str(exc)) from None


def _event_filters(f):
    """The filters `events` and `export` share; the command gets them as one `filters` (EventFilters)."""
    opts = [
        click.option("--db", envvar="EVENTWIRE_DB", default=None, help=_DB_HELP),
        click.option("--country", callback=_country_code, help="ISO3 code or name of the country (SYR, Syria)."),
        click.option("--from", "date_from", callback=_validate_date, help="Events on or after this date."),
        click.option("--to", "date_to", callback=_validate_date, help="Events on or before this date."),
        click.option("--actor", help="Events with this actor on either side (or among the allies); part of a name is enough."),
        click.option("--type", "event_type", help="ACLED event or sub-event type, or PLOVER code (Battles, Air/drone strike, ASSAULT)."),
        click.option("--min-fatalities", type=click.IntRange(0), default=None, help="At least this many reported deaths."),
        click.option("--plover", help="PLOVER category (ASSAULT, PROTEST), also of events with no ACLED type."),
        click.option("--min-confidence", type=click.FloatRange(0, 1), default=None, help="Extraction confidence, 0 to 1."),
        click.option("--source", help="An article source (publisher) that reported the event, its exact name."),
        click.option("--all", "show_all", is_flag=True,
                     help="Also planned, hypothetical, denied, background and reviewer-rejected events."),
        click.option("--limit", type=click.IntRange(1), default=None, help="At most this many events."),
    ]

    @functools.wraps(f)
    def command(country, date_from, date_to, actor, event_type, min_fatalities, plover, min_confidence, source,
                show_all, **rest):
        from eventwire.filters import FilterError, parse_event_filters

        try:
            filters = parse_event_filters(country=country, date_from=date_from, date_to=date_to, actor=actor,
                                          event_type=event_type, min_fatalities=min_fatalities, plover=plover,
                                          min_confidence=min_confidence, source=source,
                                          modality="all" if show_all else "asserted",
                                          review="all" if show_all else "active", date_names=("--from", "--to"))
        except FilterError as exc:
            raise click.UsageError(str(exc)) from None
        return f(filters=filters, **rest)

    for opt in reversed(opts):
        command = opt(command)
    return command


def _fetch_options(f):
    """The options of the commands that fetch URLs; the command gets them as one `fetch_options`, the keyword
    arguments of a Fetcher: `with Fetcher(**fetch_options) as fetcher: ...`."""
    from eventwire.sources import fetch_limits as fetch_mod  # not fetch itself: the HTTP client loads slowly

    opts = [
        click.option("--allow-private", is_flag=True, help="Allow URLs on private, loopback and link-local addresses."),
        click.option("--timeout", type=click.FloatRange(0.1), default=fetch_mod.DEFAULT_TIMEOUT_S, show_default=True,
                     help="Seconds to wait for a connection, or for any data, from a server."),
        click.option("--deadline", type=click.FloatRange(0.1), default=fetch_mod.DEFAULT_DEADLINE_S, show_default=True,
                     help="Seconds one URL may take in all (connect, TLS, headers, body, redirects)."),
        click.option("--feed-deadline", type=click.FloatRange(0.1), default=fetch_mod.DEFAULT_FEED_DEADLINE_S,
                     show_default=True,
                     help="Seconds of fetching for one feed and the pages of its entries; later entries fail."),
        click.option("--max-bytes", type=click.IntRange(1024), default=fetch_mod.DEFAULT_MAX_BYTES, show_default=True,
                     help="Largest page or feed to download."),
    ]

    @functools.wraps(f)
    def command(allow_private, timeout, deadline, feed_deadline, max_bytes, **rest):
        return f(fetch_options={"allow_private": allow_private, "timeout": timeout, "deadline": deadline,
                                "feed_deadline": feed_deadline, "max_bytes": max_bytes}, **rest)

    for opt in reversed(opts):
        command = opt(command)
    return command


@cli.command(name="ingest")
@click.argument("targets", nargs=-1, required=True)
@click.option("--db", envvar="EVENTWIRE_DB", default=None, help=_DB_HELP)
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True, help="Worker processes.")
@click.option("--published", callback=_validate_date, help="Publication date (YYYY-MM-DD) for inputs without one.")
@_fetch_options
@click.option("--error-log", type=click.Path(dir_okay=False), default="eventwire-errors.jsonl", show_default=True,
              help="Where each skipped or failed article is logged (JSON lines; written only when needed).")
@click.option("--no-dedup", is_flag=True, help="Do not re-cluster events after ingesting.")
@click.option("--model", default=None, help="spaCy model name (default: $EVENTWIRE_SPACY_MODEL or the bundled one).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@_BACKGROUND_OPTION
@_MAX_ARTICLE_BYTES_OPTION
@_TYPING_OPTION
def ingest_command(targets, db, workers, published, fetch_options, error_log, no_dedup, model, quiet, background_days,
                   max_article_bytes, typing_model):
    """Read articles into the event store: text, JSONL, CSV and HTML files, RSS/Atom feeds, folders
    (recursively) and http(s) URLs. Articles already stored (same URL or same text) are skipped, so an
    interrupted run can simply be started again."""
    from eventwire.ingest import ErrorLog, ingest
    from eventwire.report import ArticleProgress, ingest_summary_lines
    from eventwire.sources.credentials import without_credentials
    from eventwire.sources.fetch import Fetcher
    from eventwire.sources.read import is_url

    missing = [t for t in targets if t != "-" and not is_url(t) and not os.path.exists(t)]
    if len(missing) == len(targets):
        _fail(f"{without_credentials(missing[0])}: no such file, folder or URL")
    store = _open_store(db)
    pipeline = _pipeline(model, workers, background_days=background_days, typing_model=typing_model)
    log = ErrorLog(error_log)
    with Fetcher(**fetch_options) as fetcher, \
            ArticleProgress(quiet) as progress:
        summary = ingest(targets, store, pipeline, fetcher=fetcher, published=published, dedup=not no_dedup,
                         on_advance=progress.advance, on_total=progress.total, on_problem=log,
                         max_article_bytes=max_article_bytes)
    log.close()
    for line in ingest_summary_lines(summary, store.stats(), log):
        click.echo(line, err=True)
    store.close()
    if not summary.articles and not summary.already_stored:  # nothing stored nor known: nothing usable was read
        problems = summary.errors + summary.not_english + summary.unusable
        _fail(_nothing_usable(problems), 1)


@cli.command(name="events")
@_event_filters
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default=None,
              help="Output format; table on a terminal, jsonl otherwise.")
@click.option("--order", type=click.Choice(["newest", "oldest"]), default="newest", show_default=True,
              help="By event date, newest or oldest first (undated events last either way).")
def events_command(db, filters, limit, fmt, order):
    """List the stored events (after dedup), filtered: --country SYR --from 2017-02-01 --to 2017-02-28 ..."""
    from eventwire import export as export_mod
    from eventwire.report import print_stored_events

    if fmt is None:
        fmt = "table" if sys.stdout.isatty() else "jsonl"
    store = _open_store(db, must_exist=True)
    found = store.iter_events(limit=limit, newest_first=order == "newest", **filters.query())
    if fmt == "table":
        print_stored_events(found, store.count_events(**filters.query()))
    elif fmt == "jsonl":
        for ev in found:
            sys.stdout.write(json.dumps(ev.to_dict(), ensure_ascii=False, default=str) + "\n")
    else:
        export_mod.write_acled_csv(found, sys.stdout)
    store.close()


@cli.command(name="dedup")
@click.option("--db", envvar="EVENTWIRE_DB", default=None, help=_DB_HELP)
@click.option("--full", is_flag=True, help="Re-cluster every report, not only countries with new ones (after "
                                           "an upgrade that changed the dedup rules).")
def dedup_command(db, full):
    """Merge reports of the same event into one event (ingest does this at its end)."""
    store = _open_store(db, must_exist=True)
    summary = store.run_dedup(full=full)
    _warn(f"dedup: {counted(summary.reports, 'report')} clustered, {counted(summary.changed, 'event')} changed, "
          f"{counted(summary.events, 'event')} in all ({summary.seconds:.1f} s)")
    store.close()


@cli.command(name="export")
@_event_filters
@click.option("--format", "fmt", type=click.Choice(["acled-csv", "plover-jsonl", "geojson", "parquet"]),
              required=True, help="ACLED CSV, PLOVER JSON lines, a GeoJSON FeatureCollection, or Parquet.")
@click.option("--out", "out", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              help="Output file (default: stdout).")
def export_command(db, filters, limit, fmt, out):
    """Export the stored events (after dedup and reviews) as ACLED CSV, PLOVER JSONL, GeoJSON or Parquet."""
    from eventwire import export as export_mod

    if fmt == "parquet" and out == "-" and sys.stdout.isatty():
        _fail("Parquet is binary: give --out FILE (or redirect stdout)")
    store = _open_store(db, must_exist=True)
    try:
        n = export_mod.export(store.iter_events(limit=limit, with_sources="brief", **filters.query()), fmt,
                              None if out == "-" else out)
    except OSError as exc:
        _fail(f"cannot write {out}: {exc.strerror or exc}")
    store.close()
    if out != "-":
        _warn(f"{counted(n, 'event')} written to {out}")


# ---------------------------------------------------------------------------------------------------------
# serve: the HTTP API and dashboard (eventwire.serve.app); `token` is in cli_token
# ---------------------------------------------------------------------------------------------------------
@cli.command(name="serve")
@click.option("--db", envvar="EVENTWIRE_DB", default=None, help=_DB_HELP)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0: every interface).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option("--private", is_flag=True, help="Reads need a bearer token too, of any role (writes always do).")
@click.option("--model", default=None, help="spaCy model for /api/extract and /api/articles.")
@click.option("--extract-requires-token", is_flag=True, default=None, envvar="EVENTWIRE_EXTRACT_REQUIRES_TOKEN",
              help="POST /api/extract needs a bearer token (it is open to all otherwise).")
@click.option("--extract-max-chars", type=click.IntRange(1), default=None,
              help="Longest text POST /api/extract takes (default 50000; longer: 413).")
@click.option("--extract-queue", type=click.IntRange(1), default=None,
              help="Extractions in hand at once per worker, running or waiting (default 4; beyond: 429).")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Server processes sharing the port. Each has its own connections, caches and extraction queue "
                   "(and loads its own spaCy model when extracting).")
@click.option("--cache-mb", type=click.FloatRange(0), default=32, show_default=True,
              help="Memory per worker for answers kept until the database changes (0: none kept).")
def serve_command(db, host, port, private, model, extract_requires_token, extract_max_chars, extract_queue, workers,
                  cache_mb):
    """Serve the HTTP API (OpenAPI at /docs) and the web dashboard (at /) over the event store."""
    import uvicorn

    from eventwire.serve.app import CONFIG_ENV, ExtractSettings, ServeConfig, vendor_missing

    extract = ExtractSettings.from_env(requires_token=extract_requires_token, max_chars=extract_max_chars,
                                       queue=extract_queue)
    store = _open_store(db)  # opened here once: a bad URL fails before any worker starts, migrations run once
    config = ServeConfig(db=store.url, private=private, model=model, extract=extract, cache_mb=cache_mb)
    safe_url = store.safe_url
    store.close()
    missing = vendor_missing()
    if missing:
        _warn(f"the dashboard's map libraries are missing ({', '.join(missing)}): run `npm ci` in the source "
              "folder (make demo does it); the API works without them")
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    _warn(f"dashboard: http://{shown}:{port}/   API docs: http://{shown}:{port}/docs   database: "
          f"{safe_url}" + ("   (private: reads need a token)" if private else "")
          + (f"   ({workers} workers)" if workers > 1 else ""))
    os.environ[CONFIG_ENV] = config.to_env()  # the workers build their apps from it (serve.app.app_from_env)
    try:
        uvicorn.run("eventwire.serve.app:app_from_env", factory=True, host=host, port=port, workers=workers,
                    log_level="warning")
    except OSError as exc:
        _fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}")


# ---------------------------------------------------------------------------------------------------------
# spark extract / spark dedup (eventwire.spark, the eventwire[spark] extra) and load (Spark output -> store)
# ---------------------------------------------------------------------------------------------------------
def _spark_module():
    """eventwire.spark with pyspark importable, else a clear message and exit 2."""
    from eventwire import spark as spark_mod

    if spark_mod.pyspark is None:
        _fail(spark_mod.INSTALL_HINT)
    return spark_mod


@cli.group(name="spark")
def spark_group() -> None:
    """Run extraction and dedup on Apache Spark (local mode or a cluster; needs eventwire[spark] and Java 17+)."""


_MASTER_HELP = "Spark master URL, e.g. local[*], local[2], spark://host:7077 (default: spark-submit's, else local[*])."


@spark_group.command(name="extract")
@click.argument("input_path", metavar="INPUT")
@click.argument("output", metavar="OUTPUT")
@click.option("--master", default=None, help=_MASTER_HELP)
@click.option("--format", "fmt", type=click.Choice(["auto", "jsonl", "parquet"]), default="auto", show_default=True,
              help="Input format (auto: from the name).")
@click.option("--partitions", type=click.IntRange(1), default=None,
              help="Tasks to spread the articles over (default: 3 per core, more for large inputs).")
@click.option("--model", default=None, help="spaCy model name (installed on every executor).")
@click.option("--overwrite", is_flag=True, help="Replace OUTPUT if it exists.")
def spark_extract(input_path, output, master, fmt, partitions, model, overwrite):
    """Extract events from INPUT (JSON lines or Parquet of articles, any path Spark reads) into OUTPUT, Parquet
    of SCHEMA records partitioned by event_date; failed articles are rows with `error` set."""
    sp = _spark_module()
    try:
        spark = sp.session(master, app_name="eventwire spark extract")
        n = sp.run_extract(spark, input_path, output, fmt=fmt, model=model, partitions=partitions,
                           overwrite=overwrite)
    except (sp.SparkUnavailable, sp.SparkJobError) as exc:
        _fail(str(exc))
    _warn(f"{counted(n['events'], 'event')}, {counted(n['errors'], 'failed article')} written to {output}")


@spark_group.command(name="dedup")
@click.argument("events", metavar="EVENTS")
@click.argument("output", metavar="OUTPUT")
@click.option("--master", default=None, help=_MASTER_HELP)
@click.option("--overwrite", is_flag=True, help="Replace OUTPUT if it exists.")
def spark_dedup(events, output, master, overwrite):
    """Deduplicate EVENTS (the Parquet of `spark extract`) into OUTPUT: one merged record per event with its
    sources, the same clusters as the store's dedup."""
    sp = _spark_module()
    try:
        spark = sp.session(master, app_name="eventwire spark dedup")
        n = sp.run_dedup(spark, events, output, overwrite=overwrite)
    except (sp.SparkUnavailable, sp.SparkJobError) as exc:
        _fail(str(exc))
    _warn(f"{counted(n['reports'], 'report')} -> {counted(n['events'], 'event')} written to {output}")


@cli.command(name="load")
@click.argument("events", metavar="EVENTS.parquet")
@click.option("--db", envvar="EVENTWIRE_DB", default=None, help=_DB_HELP)
@click.option("--no-dedup", is_flag=True, help="Do not re-cluster events after loading.")
def load_command(events, db, no_dedup):
    """Load Spark output (a Parquet file or directory of event records) into the store. Loading the same
    records again adds nothing; rows of failed articles are counted and skipped."""
    from eventwire.spark import SparkJobError, iter_records

    store = _open_store(db)
    failed = 0

    def records():
        nonlocal failed
        for item in iter_records(events):
            if isinstance(item, tuple):
                failed += 1
            else:
                yield item
    refused: list[str] = []  # records the database would not take (the others are loaded all the same)
    try:
        added = store.add_events(records(), on_refused=lambda _record, message: refused.append(message))
    except SparkJobError as exc:
        _fail(str(exc))
    _warn(f"{counted(len(added), 'new event report')} loaded from {events}"
          + (f"; {counted(failed, 'failed article')} skipped" if failed else "")
          + (f"; {counted(len(refused), 'record')} refused by the database, the first: {refused[0]}" if refused else ""))
    if not no_dedup:
        summary = store.run_dedup()
        _warn(f"dedup: {counted(summary.reports, 'report')} -> {counted(summary.events, 'event')} ({summary.seconds:.1f} s)")
    store.close()


import eventwire.cli_actors  # noqa: E402, F401 - registers `actors`
import eventwire.cli_evaluate  # noqa: E402, F401 - registers `evaluate`
import eventwire.cli_model  # noqa: E402, F401 - registers `model train`
import eventwire.cli_token  # noqa: E402, F401 - registers `token create`, `token list` and `token revoke`
import eventwire.cli_watch  # noqa: E402, F401 - registers `watch` and `feeds` on the group above


def main() -> None:
    try:
        cli(prog_name="eventwire", obj={OWN_PROCESS: True})
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.stderr.close()


if __name__ == "__main__":
    # `python -m eventwire.cli` runs this file as __main__; the commands of cli_*.py register themselves on the
    # group of the module eventwire.cli, so that module's group is the one to run
    from eventwire import cli as registered

    registered.main()
