"""`eventwire`: the one command-line entry point. Every subcommand goes through the Python API."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Iterator

import click

from eventwire import ingest
from eventwire.records import Article, ArticleResult, Event, parse_published


def _fail(message: str, code: int = 2) -> None:
    click.echo(f"eventwire: error: {message}", err=True)
    sys.exit(code)


def _warn(message: str) -> None:
    click.echo(f"eventwire: {message}", err=True)


def read_inputs(paths: Iterable[str], published: str | None) -> Iterator[Article | ingest.InputError]:
    """Articles from files and stdin, in order; unreadable inputs become InputErrors in the stream."""
    paths = list(paths) or ["-"]
    for p in paths:
        if p == "-":
            data = sys.stdin.buffer.read()
        else:
            try:
                with open(p, "rb") as fh:
                    data = fh.read()
            except OSError as exc:
                yield ingest.InputError(f"{p}: {exc.strerror or exc}")
                continue
        yield from ingest.read_source(p, data, published=published)


def _validate_date(ctx, param, value):
    if value is None:
        return None
    try:
        parse_published(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None
    return value


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="eventwire")
def cli() -> None:
    """eventwire: news articles in, conflict event records out (ACLED, PLOVER and CAMEO at once)."""


# ---------------------------------------------------------------------------------------------------------
# extract
# ---------------------------------------------------------------------------------------------------------
EVENT_CSV_COLUMNS = ["article_id", "event_id", "date", "date_precision", "event_type", "sub_event_type",
                     "plover", "cameo", "actor1", "actor1_country", "actor2", "actor2_country", "assoc_actor1",
                     "assoc_actor2", "location", "country", "lat", "lon", "geo_precision", "fatalities",
                     "modality", "confidence", "evidence"]


def event_row(ev: Event) -> dict:
    loc = ev.location
    return {
        "article_id": ev.article_id, "event_id": ev.event_id, "date": ev.date, "date_precision": ev.date_precision,
        "event_type": ev.event_type, "sub_event_type": ev.sub_event_type, "plover": ev.plover.event,
        "cameo": ev.cameo,
        "actor1": ev.actor1.name if ev.actor1 else None, "actor1_country": ev.actor1.country if ev.actor1 else None,
        "actor2": ev.actor2.name if ev.actor2 else None, "actor2_country": ev.actor2.country if ev.actor2 else None,
        "assoc_actor1": "; ".join(a.name for a in ev.assoc_actor1),
        "assoc_actor2": "; ".join(a.name for a in ev.assoc_actor2),
        "location": loc.name if loc else None, "country": loc.country if loc else None,
        "lat": loc.lat if loc else None, "lon": loc.lon if loc else None,
        "geo_precision": loc.precision if loc else None, "fatalities": ev.fatalities, "modality": ev.modality,
        "confidence": round(ev.confidence, 2), "evidence": ev.evidence.text,
    }


def print_events_table(results: list[ArticleResult], show_all: bool) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    table = Table(show_lines=False, header_style="bold", expand=False)
    for col in ("article", "date", "type / sub-type", "plover", "actor1", "actor2", "where", "dead", "mod."):
        table.add_column(col, overflow="fold")
    n = 0
    for res in results:
        for ev in res.events:
            if not show_all and ev.modality != "asserted":
                continue
            n += 1
            kind = f"{ev.event_type or '-'} / {ev.sub_event_type or '-'}"
            loc = ev.location
            where = f"{loc.name}, {loc.country} (p{loc.precision})" if loc else "-"
            table.add_row(res.article.id, ev.date or "-", kind, ev.plover.event or "-",
                          ev.actor1.name if ev.actor1 else "-", ev.actor2.name if ev.actor2 else "-", where,
                          "" if ev.fatalities is None else str(ev.fatalities), ev.modality)
    console.print(table)
    console.print(f"{n} events from {len(results)} articles"
                  + ("" if show_all else " (asserted only; --all shows planned, hypothetical and denied ones)"))


@cli.command()
@click.argument("files", nargs=-1, type=click.Path(allow_dash=True))
@click.option("--published", callback=_validate_date, help="Publication date (YYYY-MM-DD) for inputs without one.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "json", "csv"]), default=None,
              help="Output format; table on a terminal, jsonl otherwise.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True, help="Worker processes.")
@click.option("--model", default=None, help="spaCy model name (default: $EVENTWIRE_SPACY_MODEL or the bundled one).")
@click.option("--all", "show_all", is_flag=True, help="Table/CSV: also show future, hypothetical, negated events.")
def extract(files, published, fmt, workers, model, show_all):
    """Extract events from articles: FILE.txt is one article, FILE.jsonl many, - (default) reads stdin."""
    from eventwire.pipeline import Pipeline

    if fmt is None:
        fmt = "table" if sys.stdout.isatty() else "jsonl"
    items = list(read_inputs(files, published))
    single = len(items) == 1
    articles = [a for a in items if isinstance(a, Article)]
    failures = 0
    for bad in (x for x in items if isinstance(x, ingest.InputError)):
        failures += 1
        _warn(f"skipped: {bad}")
    if not items:
        _fail("no input: give files, or pipe articles on stdin")
    try:
        pipeline = Pipeline(model=model, workers=workers)
        pipeline.nlp  # noqa: B018 - fail early with a clear message when the model is missing
    except Exception as exc:  # noqa: BLE001
        _fail(str(exc))

    results: list[ArticleResult] = []
    out = sys.stdout
    writer = None
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=EVENT_CSV_COLUMNS)
        writer.writeheader()
    for res in pipeline.pipe(articles):
        if res.error:
            failures += 1
            _warn(f"skipped article {res.article.id}: {res.error}")
            continue
        if fmt == "jsonl":
            for ev in res.events:
                out.write(ev.to_json() + "\n")
            out.flush()
        elif fmt == "csv":
            for ev in res.events:
                if show_all or ev.modality == "asserted":
                    writer.writerow(event_row(ev))
        else:
            results.append(res)
    if fmt == "json":
        json.dump([ev.to_dict() for r in results for ev in r.events], out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "table":
        print_events_table(results, show_all)
    if single and failures:
        sys.exit(1)


def main() -> None:
    try:
        cli(prog_name="eventwire")
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.stderr.close()


if __name__ == "__main__":
    main()
