"""`eventwire evaluate`: an analyst's coded sample against eventwire's records (eventwire.evaluate). It registers
itself on the `eventwire` group of cli.py, which imports this module at its end."""

from __future__ import annotations

import json
import shlex
import subprocess
import sys
from typing import Any

import click

from eventwire.cli import _DB_HELP, _MAX_ARTICLE_BYTES_OPTION, _TYPING_OPTION, _fail, _warn, cli


@cli.command(name="evaluate")
@click.argument("gold", type=click.Path(dir_okay=False, exists=True))
@click.option("--db", envvar="EVENTWIRE_DB", default=None,
              help=_DB_HELP + " The records eventwire stored for the gold articles (the default source).")
@click.option("--articles", "article_files", multiple=True, type=click.Path(allow_dash=True),
              help="Articles to code now instead (text, JSONL, CSV; repeatable): the gold articles among them go "
                   "through the Pipeline, or through --cmd.")
@click.option("--cmd", "command", default=None,
              help="Another extractor to evaluate: a shell command that reads the --articles as JSON lines on "
                   "stdin and writes SCHEMA event records as JSON lines on stdout.")
@click.option("--id-column", default=None, help="The gold CSV's article id column (default: article_id, article, "
                                                "doc_id, id, ...).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--model", default=None, help="spaCy model name for --articles (default: the bundled one).")
@_MAX_ARTICLE_BYTES_OPTION
@_TYPING_OPTION
def evaluate_command(gold, db, article_files, command, id_column, fmt, model, max_article_bytes, typing_model):
    """Score eventwire against GOLD, your own coded sample: an ACLED-style CSV (article id, event_type,
    sub_event_type, actor1, actor2, event_date, latitude, longitude, fatalities ...) or SCHEMA JSON lines with
    article_id. Events are paired within each article; the output gives event precision and recall and the
    accuracy of each field over the pairs (actors through the catalogue's aliases, places within 25 and 161 km).
    A row with an article id and no event_type says that article reports no event."""
    from eventwire.evaluate import EvaluationSettings, Evaluator, GoldError, read_gold

    if command and not article_files:
        raise click.UsageError("--cmd needs --articles: the articles to give the command")
    if db and article_files:
        raise click.UsageError("give --db (stored records) or --articles (code them now), not both")
    settings = EvaluationSettings.load()
    try:
        sample = read_gold(gold, settings, id_column=id_column)
    except GoldError as exc:
        _fail(f"gold file {exc}")
    wanted = set(sample.articles)
    ignored: list[str] = []
    if not article_files:
        from eventwire.cli import _open_store

        store = _open_store(db, must_exist=True)
        system = store.article_records(sample.articles)
        store.close()
        source = f"the store {store.safe_url}"
    else:
        articles = _gold_articles(article_files, wanted, max_article_bytes, ignored)
        if command:
            system = _run_command(command, articles)
            source = f"`{command}`"
        else:
            system = _run_pipeline(articles, model, typing_model)
            source = "the Pipeline"
    if ignored:
        _warn(f"{len(ignored)} articles in --articles are not in the gold file and were not coded")
    if not any(a in system for a in sample.articles):
        _fail(f"none of the {len(sample.articles)} gold articles is in {source} (article ids such as "
              f"{', '.join(map(repr, sample.articles[:3]))}); "
              + ("give the --articles they were coded from" if article_files else
                 "ingest them first, or give --articles"), 1)
    report = Evaluator(_catalogue(), settings).evaluate(sample, system)
    if report.missing_articles:
        _warn(f"{len(report.missing_articles)} gold articles not found in {source}, left out: "
              + ", ".join(report.missing_articles[:5]) + (" ..." if len(report.missing_articles) > 5 else ""))
    if fmt == "json":
        out = report.to_dict()
        out["system"] = source
        json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        _print_report(report, source)


def _catalogue():
    from eventwire.extraction.actors import load_catalogue

    try:
        return load_catalogue()
    except ValueError as exc:  # a broken user catalogue names its file and line
        _fail(str(exc))


def _gold_articles(files, wanted: set[str], max_bytes: int, ignored: list[str]) -> list:
    from eventwire.sources.read import InputError, read_paths

    out = []
    for item in read_paths(files, None, max_bytes=max_bytes):
        if isinstance(item, InputError):
            _warn(f"skipped: {item}")
        elif item.id in wanted:
            out.append(item)
        else:
            ignored.append(item.id)
    return out


def _run_pipeline(articles, model, typing_model) -> dict[str, list[dict[str, Any]]]:
    from eventwire.cli import _pipeline

    pipeline = _pipeline(model, 1, typing_model=typing_model)
    system: dict[str, list[dict[str, Any]]] = {}
    for res in pipeline.pipe(articles):
        if res.error:
            _warn(f"article {res.article.id} failed and is left out: {res.error}")
        else:
            system[res.article.id] = [ev.to_dict() for ev in res.events]
    return system


def _run_command(command: str, articles) -> dict[str, list[dict[str, Any]]]:
    """The command's records by article; every article given to it is present (with no record: no event)."""
    feed = "".join(json.dumps(a.to_dict(), ensure_ascii=False) + "\n" for a in articles)
    try:
        done = subprocess.run(command, shell=True, input=feed, capture_output=True, text=True, check=False)  # noqa: S602 - the user's own command
    except OSError as exc:
        _fail(f"cannot run {command!r}: {exc.strerror or exc}")
    if done.returncode != 0:
        tail = " / ".join(done.stderr.strip().splitlines()[-3:])
        _fail(f"`{command}` exited with status {done.returncode}" + (f": {tail}" if tail else ""), 1)
    system: dict[str, list[dict[str, Any]]] = {a.id: [] for a in articles}
    for n, line in enumerate(done.stdout.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            _fail(f"line {n} of the output of {shlex.quote(command)} is not JSON: {exc.msg}", 1)
        if not isinstance(rec, dict) or str(rec.get("article_id")) not in system:
            _warn(f"line {n} of the command's output has no article_id of the given articles; ignored")
            continue
        system[str(rec["article_id"])].append(rec)
    return system


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


def _print_report(report, source: str) -> None:
    from rich.markup import escape

    from eventwire.report import _table, counted, table_console

    console = table_console()
    console.print(escape(f"gold: {report.gold_path} ({counted(len(report.articles), 'article')})   system: {source}"))
    events = _table("events", "gold", "system", "matched", "precision", "recall", "F1")
    events.add_row("all", str(report.gold_events), str(report.system_events), str(report.matched),
                   _percent(report.precision), _percent(report.recall), _percent(report.f1))
    console.print(events)
    fields = _table("field", "accuracy", "correct", "scored")
    for name, score in report.fields.items():
        fields.add_row(name.replace("_", " "), _percent(score.accuracy), str(score.correct), str(score.scored))
    console.print(fields)
    left = {**{f"gold: {k}": v for k, v in report.gold_skipped.items()},
            **{f"system: {k}": v for k, v in report.system_skipped.items()}}
    if left:
        console.print("not compared: " + "; ".join(f"{v} {k}" for k, v in left.items()))
    worst = [a for a in report.articles if a.missed or a.spurious]
    if worst:
        console.print(escape(f"{counted(len(worst), 'article')} with missed or extra events (details: --format json): "
                             + ", ".join(f"{a.article_id} (-{len(a.missed)} +{len(a.spurious)})" for a in worst[:8])
                             + (" ..." if len(worst) > 8 else "")))
