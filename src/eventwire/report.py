"""What the command line prints besides records: tables on a terminal, progress bars and the ingest summary."""

from __future__ import annotations

from typing import Self

from eventwire.records import ArticleResult, Event

# TODO(lead): the event CSV belongs with export/, its columns derived from the Event dataclass (the `records`
# branch derives field lists); until then the columns are listed here by hand.
EVENT_CSV_COLUMNS = ["article_id", "event_id", "date", "date_precision", "event_type", "sub_event_type",
                     "plover", "cameo", "actor1", "actor1_country", "actor2", "actor2_country", "assoc_actor1",
                     "assoc_actor2", "location", "country", "lat", "lon", "geo_precision", "fatalities",
                     "modality", "confidence", "evidence"]


def event_row(ev: Event) -> dict:
    """One row of `eventwire extract --format csv`."""
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


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """"1 article", "2 articles", "0 articles" (`plural` where adding an s is wrong)."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


TABLE_WIDTH_OFF_TERMINAL = 80  # columns of a table printed to a file or a pipe (unless $COLUMNS says otherwise)


def table_console():
    """The Console a table is printed on: as wide as the terminal, or when stdout is not one, $COLUMNS or 80
    (rich alone would take the width of a terminal on stderr or stdin, and print a file too wide to read)."""
    import os
    import sys

    from rich.console import Console

    explicit = os.environ.get("COLUMNS", "").isdigit()
    return Console(width=None if sys.stdout.isatty() or explicit else TABLE_WIDTH_OFF_TERMINAL)


def _table(*columns: str, whole: tuple[str, ...] = (), right: tuple[str, ...] = (), **options):
    """A table of `columns` that fits the console: text columns wrap between words (and break a word longer
    than the column), the `whole` ones (dates, codes) are not broken while the table fits, the `right` ones
    are right-aligned numbers. Add rows with add_row(table, ...): cells are text, never rich markup."""
    from rich import box
    from rich.table import Table

    table = Table(header_style="bold", box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, collapse_padding=True,
                  **options)
    for col in columns:
        table.add_column(col, no_wrap=col in whole, overflow="ellipsis" if col in whole else "fold",
                         justify="right" if col in right else "left")
    return table


def add_row(table, *cells: object) -> None:
    """A row of plain text: a name like "[c1]" or "Forces [2000-]" is printed as it is, not read as markup."""
    from rich.text import Text

    table.add_row(*(Text(str(cell)) for cell in cells))


def print_events_table(results: list[ArticleResult], show_all: bool) -> None:
    """`eventwire extract` on a terminal, in 80 columns if need be: the sub-type names the type too (and an
    event ACLED has no type for shows its PLOVER category there), the modality only matters (and is only
    shown) with --all; the other codes are in the JSON."""
    columns = ["article", "date", "sub-type", "actor1", "actor2", "where", "dead"] + (["modality"] if show_all else [])
    table = _table(*columns, whole=("date", "modality"), right=("dead",))
    n = 0
    for res in results:
        for ev in res.events:
            if not show_all and ev.modality != "asserted":
                continue
            n += 1
            loc = ev.location
            where = f"{loc.name}, {loc.country} (p{loc.precision})" if loc else "-"
            add_row(table, res.article.id, ev.date or "-", ev.sub_event_type or ev.event_type or ev.plover.event or "-",
                    ev.actor1.name if ev.actor1 else "-",
                    ev.actor2.name if ev.actor2 else "-", where, "" if ev.fatalities is None else ev.fatalities,
                    *([ev.modality] if show_all else []))
    console = table_console()
    console.print(table)
    console.print(f"{counted(n, 'event')} from {counted(len(results), 'article')}"
                  + ("" if show_all else " (asserted only; --all shows planned, hypothetical, denied and background ones)"),
                  markup=False)


def print_places_table(rows) -> None:
    """`eventwire geoparse` on a terminal."""
    table = _table("article", "offsets", "text", "kind", "place", "iso3", "lat", "lon", "prec.",
                   whole=("offsets", "kind", "iso3", "lat", "lon"), right=("lat", "lon", "prec."))
    for aid, pm in rows:
        p = pm.place
        add_row(table, aid, f"{pm.start}-{pm.end}", p.text or "", pm.kind, f"{p.name} ({p.feature})",
                p.country or "", f"{p.lat:.4f}", f"{p.lon:.4f}", p.precision)
    table_console().print(table)


def print_stored_events(events, total: int) -> None:
    """`eventwire events` on a terminal."""
    table = _table("id", "date", "sub-type", "actor1", "actor2", "where", "dead", "src", whole=("date",),
                   right=("id", "dead", "src"))
    n = 0
    for ev in events:
        n += 1
        r = ev.record
        loc = r.get("location") or {}
        where = f"{loc.get('name')}, {loc.get('country')}" if loc else "-"
        kind = r.get("sub_event_type") or r.get("event_type") or (r.get("plover") or {}).get("event") or "-"
        add_row(table, ev.id, r.get("date") or "-", kind, (r.get("actor1") or {}).get("name") or "-",
                (r.get("actor2") or {}).get("name") or "-", where,
                "" if r.get("fatalities") is None else r["fatalities"], ev.source_count)
    console = table_console()
    console.print(table)
    console.print(f"{n} of {counted(total, 'event')}" if n < total else counted(n, "event"), markup=False)


class ArticleProgress:
    """A progress bar of articles on stderr: `ingest`'s (`total` and `advance` are ingest()'s callbacks), and
    `extract`'s and `geoparse`'s (articles are read as a stream, so no total: a count, a rate and the time).
    transient: the bar is gone once done (extract's output follows it on the same terminal)."""

    def __init__(self, quiet: bool, label: str = "ingest", transient: bool = False, console=None):
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TaskProgressColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        columns = (TextColumn(f"[bold]{label}"), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
                   TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn())
        self.progress = Progress(*columns, console=console or Console(stderr=True), disable=quiet,
                                 transient=transient)

    def __enter__(self) -> Self:
        self.progress.__enter__()
        self.task = self.progress.add_task("articles", total=None, rate="")
        return self

    def __exit__(self, *exc) -> None:
        self.progress.__exit__(*exc)

    def total(self, n: int) -> None:
        self.progress.update(self.task, total=n)

    def advance(self) -> None:
        self.progress.advance(self.task)
        speed = self.progress.tasks[0].speed
        self.progress.update(self.task, rate=f"{speed:.1f} art/s" if speed else "")

    @property
    def done(self) -> int:
        return int(self.progress.tasks[0].completed)


def ingest_summary_lines(summary, stats: dict, error_log) -> list[str]:
    """What `eventwire ingest` says at its end (IngestSummary, the store's stats, the ingest.ErrorLog)."""
    lines = [f"articles: {summary.articles} new ({stats['articles']} stored)",
             (f"events:   {summary.events} new reports; "
              + (f"{summary.events_after_dedup} events after dedup, {stats['asserted_events']} of them asserted "
                 f"(dedup took {summary.dedup_seconds:.1f} s)"
                 if summary.events_after_dedup is not None else "dedup not run (--no-dedup)")),
             (f"skipped:  {summary.skipped} ({summary.already_stored} already stored, "
              f"{summary.not_english} not English, {summary.unusable} empty or unreadable)")]
    logged = f" (skips and errors are logged in {error_log.path})" if error_log.written else ""
    lines.append(f"errors:   {summary.errors}{logged}")
    lines += [f"  {message}" for message in error_log.first_errors]
    if summary.errors > len(error_log.first_errors):
        lines.append(f"  ... and {summary.errors - len(error_log.first_errors)} more")
    return lines
