"""The command line as a user meets it: the order of `events`, the messages of bad dates, `token list`, the
modes of exported files, tables that fit a terminal and summary lines in good English. A store is filled through
the Python API with events written for these tests; the commands run as real subprocesses."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess

import pytest

from eventfactory import make_event, make_result
from eventwire.storage.store import Store
from test_cli import eventwire_command, run

# (article, date) of the stored events: one a day apart, out of order, and one without a date
DATED = [("p2", "2017-02-03"), ("p1", "2017-02-01"), ("p4", "2017-02-09"), ("p3", "2017-02-05")]


def _fill(path) -> None:
    with Store(str(path)) as store:
        for article, date in DATED:
            store.add_result(make_result(article, [make_event(article, date=date)], published="2017-02-10"))
        undated = make_event("p0", date=None, precision=None, place="Mosul", lat=36.340, lon=43.130,
                             country="IRQ", admin1="Nineveh")
        store.add_result(make_result("p0", [undated], published="2017-02-10"))
        store.run_dedup()


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("polish") / "polish.db"
    _fill(path)
    return path


def _dates(proc) -> list[str | None]:
    assert proc.returncode == 0, proc.stderr
    return [json.loads(line)["date"] for line in proc.stdout.splitlines() if line.strip()]


# -- events --order, and bad dates named by their option ------------------------------------------------------
def test_events_are_newest_first_by_default_and_oldest_first_on_request(db):
    newest = _dates(run("events", "--db", str(db), "--format", "jsonl"))
    assert newest == ["2017-02-09", "2017-02-05", "2017-02-03", "2017-02-01", None]
    assert _dates(run("events", "--db", str(db), "--format", "jsonl", "--order", "newest")) == newest
    oldest = _dates(run("events", "--db", str(db), "--format", "jsonl", "--order", "oldest"))
    assert oldest == ["2017-02-01", "2017-02-03", "2017-02-05", "2017-02-09", None]
    assert _dates(run("events", "--db", str(db), "--format", "jsonl", "--limit", "2")) == ["2017-02-09", "2017-02-05"]
    bad = run("events", "--db", str(db), "--order", "random")
    assert bad.returncode == 2 and "--order" in bad.stderr and "newest" in bad.stderr


@pytest.mark.parametrize("newest_first", [True, False])
def test_iter_events_keeps_its_order_across_pages(db, newest_first):
    """Pages of two: the keyset paging after the first page goes the same way as the first."""
    with Store(str(db)) as store:
        paged = [e.record["date"] for e in store.iter_events(batch_size=2, newest_first=newest_first)]
        whole = [e.record["date"] for e in store.iter_events(batch_size=100, newest_first=newest_first)]
    dated = sorted(d for _, d in DATED)
    assert paged == whole == (dated[::-1] if newest_first else dated) + [None]


@pytest.mark.parametrize("option", ["--from", "--to"])
def test_a_bad_date_is_named_by_its_option(db, option):
    proc = run("events", "--db", str(db), option, "2017-13-01")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert f"'{option}'" in proc.stderr and "'2017-13-01' is not a date (YYYY-MM-DD)" in proc.stderr
    assert "published" not in proc.stderr  # the message of --published, not of this option
    export = run("export", "--db", str(db), "--format", "geojson", option, "soon")
    assert export.returncode == 2 and f"'{option}'" in export.stderr and "'soon' is not a date" in export.stderr


def test_from_after_to_names_both():
    proc = run("events", "--db", "unused.db", "--from", "2017-03-01", "--to", "2017-02-01")
    assert proc.returncode == 2 and "--from is after --to" in proc.stderr


# -- token list ----------------------------------------------------------------------------------------------
def test_token_list_has_a_header_and_says_when_there_are_none(tmp_path):
    db = tmp_path / "tokens.db"
    empty = run("token", "list", "--db", str(db))
    assert empty.returncode == 0, empty.stderr
    assert empty.stdout.splitlines() == ["no tokens (create one: eventwire token create NAME --role ROLE)"]
    assert run("token", "create", "ana\tmaria", "--role", "reviewer", "--db", str(db)).returncode == 0
    assert run("token", "create", "bo", "--db", str(db)).returncode == 0
    assert run("token", "revoke", "2", "--db", str(db)).returncode == 0
    lines = run("token", "list", "--db", str(db)).stdout.splitlines()
    assert lines[0].split("\t") == ["id", "name", "role", "created", "status"]
    rows = [line.split("\t") for line in lines[1:]]
    assert [(r[0], r[1], r[2], r[4]) for r in rows] == [("1", "ana maria", "reviewer", "active"),
                                                        ("2", "bo", "reader", "revoked")]
    assert all(len(r) == 5 and r[3].startswith("20") for r in rows)


# -- exported files are the user's ---------------------------------------------------------------------------
@pytest.fixture
def umask():
    """Sets the umask of this process (and so of the commands it starts) for one test."""
    before = os.umask(0o022)
    yield os.umask
    os.umask(before)


@pytest.mark.parametrize("fmt, name", [("acled-csv", "out.csv"), ("geojson", "out.geojson"),
                                       ("parquet", "out.parquet"), ("plover-jsonl", "out.jsonl")])
@pytest.mark.parametrize("mask", [0o022, 0o002, 0o077])
def test_an_export_gets_the_users_umask_not_0600(db, tmp_path, umask, fmt, name, mask):
    umask(mask)
    out = tmp_path / name
    proc = run("export", "--db", str(db), "--format", fmt, "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~mask
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]  # no temporary file left behind


def test_an_export_over_a_file_keeps_that_files_mode(db, tmp_path, umask):
    out = tmp_path / "shared.csv"
    out.write_text("old\n")
    out.chmod(0o640)
    umask(0o022)
    assert run("export", "--db", str(db), "--format", "acled-csv", "--out", str(out)).returncode == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o640 and out.read_text().startswith("event_id_cnty")


def test_the_umask_is_read_without_being_changed(umask):
    from eventwire.filemodes import current_umask

    umask(0o027)
    assert current_umask() == 0o027 and os.umask(0o027) == 0o027


# -- tables that fit, summaries in good English ----------------------------------------------------------------
LONG_ACTOR = "Military Forces of the Democratic Republic of Congo (2019-) [FARDC]"
ISO_DAY = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def table_of(*args: str, columns: str | None) -> str:
    """The command's stdout when it is not a terminal, $COLUMNS set to `columns` or not set at all."""
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"} | {"NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}
    if columns:
        env["COLUMNS"] = columns
    proc = subprocess.run([*eventwire_command(), *args], capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


@pytest.fixture(scope="module")
def wide_db(tmp_path_factory):
    """Two events whose actor, place and article names are too long for an 80-column row."""
    path = tmp_path_factory.mktemp("wide") / "wide.db"
    with Store(str(path)) as store:
        for article, date in (("[c1] a markup-looking id", "2017-02-09"), ("a2", "2017-02-03")):
            ev = make_event(article, date=date, actor1=LONG_ACTOR, actor2="Allied Democratic Forces (ADF)",
                            place="Beni-Butembo road near Oicha", lat=0.69, lon=29.52, country="COD",
                            admin1="Nord-Kivu", etype="Violence against civilians", sub="Attack", fatalities=12)
            store.add_result(make_result(article, [ev], published="2017-02-10"))
        store.run_dedup()
    return path


@pytest.mark.parametrize("columns, width", [(None, 80), ("100", 100)])
def test_the_events_table_fits_the_width_and_keeps_dates_whole(wide_db, columns, width):
    out = table_of("events", "--db", str(wide_db), "--format", "table", "--order", "oldest", columns=columns)
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= width
    assert ISO_DAY.findall(out) == ["2017-02-03", "2017-02-09"]  # each date whole, on one line
    assert "[FARDC]" in out  # a name in brackets is text, not markup
    assert lines[-1] == "2 events"
    assert table_of("events", "--db", str(wide_db), "--format", "table", "--limit", "1",
                    columns=None).splitlines()[-1] == "1 of 2 events"
    one = table_of("events", "--db", str(wide_db), "--format", "table", "--actor", "nothing of the kind", columns=None)
    assert one.splitlines()[-1] == "0 events"


def test_the_extract_table_fits_and_counts_in_good_english(monkeypatch, capsys):
    from eventwire.report import print_events_table

    monkeypatch.delenv("COLUMNS", raising=False)
    ev = make_event("[c1]", date="2019-03-14", actor1=LONG_ACTOR, etype="Explosions/Remote violence",
                    sub="Air/drone strike", fatalities=3)
    later = make_event("[c1]", date="2019-03-20", modality="future", start=100)
    print_events_table([make_result("[c1]", [ev, later])], show_all=False)
    out = capsys.readouterr().out
    assert max(len(line) for line in out.splitlines()) <= 80
    assert ISO_DAY.findall(out) == ["2019-03-14"] and "[c1]" in out and "Air/drone" in out
    assert "1 event from 1 article (asserted only" in out and "modality" not in out
    print_events_table([make_result("[c1]", [ev, later]), make_result("b", [])], show_all=True)
    out = capsys.readouterr().out
    assert max(len(line) for line in out.splitlines()) <= 80
    assert ISO_DAY.findall(out) == ["2019-03-14", "2019-03-20"] and "future" in out and "modality" in out
    assert out.splitlines()[-1] == "2 events from 2 articles"


def test_counted():
    from eventwire.report import counted

    assert [counted(n, "article") for n in (0, 1, 2)] == ["0 articles", "1 article", "2 articles"]
    assert counted(1, "new event report") == "1 new event report" and counted(3, "child", "children") == "3 children"


# -- progress of extract and geoparse ------------------------------------------------------------------------------
def test_the_article_progress_counts_and_stays_quiet_when_asked(tmp_path):
    import io

    from rich.console import Console

    from eventwire.report import ArticleProgress

    shown = io.StringIO()
    with ArticleProgress(False, "extract", transient=True,
                         console=Console(file=shown, force_terminal=True, width=80)) as progress:
        for _ in range(3):
            progress.advance()
    assert progress.done == 3 and "extract" in shown.getvalue() and "3/?" in shown.getvalue()
    silent = io.StringIO()
    with ArticleProgress(True, "extract", console=Console(file=silent, force_terminal=True)) as progress:
        progress.advance()
    assert progress.done == 1 and silent.getvalue() == ""


@pytest.mark.slow
def test_extract_shows_progress_on_a_terminal_and_keeps_stdout_clean(tmp_path):
    """stderr a terminal (a pseudo-terminal), stdout a pipe: the bar goes to the terminal, the records stay
    JSON lines."""
    import pty

    articles = "".join(json.dumps({"id": f"a{i}", "published": "2021-03-02", "text": (
        f"Gunmen killed {i + 2} villagers in Kaduna, Nigeria, on Monday, police said.")}) + "\n" for i in range(3))
    main, follower = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"} | {"TERM": "xterm"}
    proc = subprocess.Popen([*eventwire_command(), "extract", "--format", "jsonl", "-"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=follower, env=env)
    os.close(follower)
    out, _ = proc.communicate(articles.encode(), timeout=600)
    terminal = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:
            break
        if not chunk:
            break
        terminal += chunk
    os.close(main)
    assert proc.returncode == 0
    records = [json.loads(line) for line in out.decode().splitlines()]
    assert {r["article_id"] for r in records} == {"a0", "a1", "a2"}
    assert b"extract" in terminal and b"3/?" in terminal


def test_the_places_table_fits_80_columns_with_coordinates_whole(monkeypatch, capsys):
    from eventwire.records import Place, PlaceMention
    from eventwire.report import print_places_table

    monkeypatch.delenv("COLUMNS", raising=False)
    congo = Place("Democratic Republic of the Congo", -2.5, 23.5, "COD", text="the Democratic Republic of Congo",
                  precision=3, feature="country")
    town = Place("Mogadishu", 2.0371, 45.3438, "SOM", text="Mogadishu", precision=1, feature="city")
    print_places_table([("04_somalia_suicide_bombing", PlaceMention(congo, 1200, 1232)),
                        ("04_somalia_suicide_bombing", PlaceMention(town, 10, 19, "metonym"))])
    out = capsys.readouterr().out
    assert max(len(line) for line in out.splitlines()) <= 80
    for whole in ("-2.5000", "23.5000", "2.0371", "45.3438", "1200-1232", "metonym", "literal"):
        assert whole in out
