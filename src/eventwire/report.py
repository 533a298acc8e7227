"""What the command line prints besides records: tables on a terminal, the ingest progress bar and summary."""

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


def _table(*columns: str, **options):
    from rich.table import Table

    table = Table(header_style="bold", **options)
    for col in columns:
        table.add_column(col, overflow="fold")
    return table


def print_events_table(results: list[ArticleResult], show_all: bool) -> None:
    """`eventwire extract` on a terminal."""
    from rich.console import Console

    console = Console()
    table = _table("article", "date", "type / sub-type", "plover", "actor1", "actor2", "where", "dead", "mod.",
                   show_lines=False, expand=False)
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
                  + ("" if show_all else " (asserted only; --all shows planned, hypothetical, denied and background ones)"))


def print_places_table(rows) -> None:
    """`eventwire geoparse` on a terminal."""
    from rich.console import Console

    table = _table("article", "offsets", "text", "kind", "place", "country", "lat", "lon", "prec.")
    for aid, pm in rows:
        p = pm.place
        table.add_row(aid, f"{pm.start}-{pm.end}", p.text or "", pm.kind, f"{p.name} ({p.feature})",
                      p.country or "", f"{p.lat:.4f}", f"{p.lon:.4f}", str(p.precision))
    Console().print(table)


def print_stored_events(events, total: int) -> None:
    """`eventwire events` on a terminal."""
    from rich.console import Console

    console = Console()
    table = _table("id", "date", "type / sub-type", "actor1", "actor2", "where", "dead", "src", expand=False)
    n = 0
    for ev in events:
        n += 1
        r = ev.record
        loc = r.get("location") or {}
        where = f"{loc.get('name')}, {loc.get('country')}" if loc else "-"
        table.add_row(str(ev.id), r.get("date") or "-",
                      f"{r.get('event_type') or (r.get('plover') or {}).get('event') or '-'} / "
                      f"{r.get('sub_event_type') or '-'}",
                      (r.get("actor1") or {}).get("name") or "-", (r.get("actor2") or {}).get("name") or "-", where,
                      "" if r.get("fatalities") is None else str(r["fatalities"]), str(ev.source_count))
    console.print(table)
    noun = "event" if total == 1 else "events"
    console.print(f"{n} of {total} {noun}" if n < total else f"{n} {noun}")


class IngestProgress:
    """The progress bar of `eventwire ingest` on stderr; `total` and `advance` are ingest()'s callbacks."""

    def __init__(self, quiet: bool):
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

        columns = (TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
                   TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn())
        self.progress = Progress(*columns, console=Console(stderr=True), disable=quiet, transient=False)

    def __enter__(self) -> Self:
        self.progress.__enter__()
        self.task = self.progress.add_task("ingest", total=None, rate="")
        return self

    def __exit__(self, *exc) -> None:
        self.progress.__exit__(*exc)

    def total(self, n: int) -> None:
        self.progress.update(self.task, total=n)

    def advance(self) -> None:
        self.progress.advance(self.task)
        speed = self.progress.tasks[0].speed
        self.progress.update(self.task, rate=f"{speed:.1f} art/s" if speed else "")


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
