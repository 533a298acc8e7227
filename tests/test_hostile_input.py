"""Hostile input: every defect of issue 15's reading part, through the real `eventwire` command (a subprocess) and
through the Python API. In each case the bad article is reported and the good articles around it keep their
events, exactly those of a clean run.

  * JSON nested a thousand levels deep (json.loads recursed until RecursionError, losing the whole file);
  * text in a language written without spaces (Chinese, Japanese, Thai) passed as English;
  * publication dates at the ends of the calendar (9999-12-31, 0001-01-01) raised inside the date stage;
  * lone surrogates ("\\ud800") failed with a raw codec message;
  * `ingest` exited 0 when nothing usable was read (`extract` did not, for one input only);
  * inputs were read whole into memory (`eventwire extract /dev/zero` grew to 3.4 GB): now a line or an article at
    a time, each at most --max-article-bytes.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.ingest import Ingester
from eventwire.lang import LanguageData, LanguageDataError
from eventwire.records import Article, ArticleResult
from eventwire.sources.formats import read_csv_stream
from eventwire.sources.jsontext import JsonTooDeep, loads, nesting_depth
from eventwire.sources.language import LanguageCheck, is_language_problem
from eventwire.sources.read import InputError, iter_articles, read_paths, read_source
from eventwire.sources.stream import InputStream

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = Path(__file__).resolve().parent / "data" / "languages"
BATCH = ROOT / "examples" / "batch.jsonl"
RUN_TIMEOUT = 600
DEEP_JSON = "[" * 1000 + "]" * 1000  # the reproducer of the issue
DEEP_OBJECT = '{"text": ' * 500 + '"x"' + "}" * 500


def example(article_id: str) -> dict:
    for line in BATCH.read_text(encoding="utf-8").splitlines():
        art = json.loads(line)
        if art["id"] == article_id:
            return art
    raise KeyError(article_id)


GOOD = [example("02_syria_air_strike"), example("16_yemen_marib_clashes")]


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """`eventwire ARGS` from this source tree, its output decoded."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), NO_COLOR="1", PYTHONIOENCODING="utf-8")
    proc = subprocess.run([sys.executable, "-m", "eventwire.cli", *args], input=stdin or b"", capture_output=True,
                          timeout=RUN_TIMEOUT, cwd=cwd or ROOT, env=env)
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode("utf-8", "replace"),
                                       proc.stderr.decode("utf-8", "replace"))


def jsonl(path: Path, lines: list[str | bytes]) -> Path:
    path.write_bytes(b"".join((ln if isinstance(ln, bytes) else ln.encode("utf-8")) + b"\n" for ln in lines))
    return path


def events_by_article(stdout: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for line in stdout.splitlines():
        if line.strip():
            ev = json.loads(line)
            out.setdefault(ev["article_id"], []).append(ev["event_id"])
    return out


@pytest.fixture(scope="module")
def clean_events(pipeline) -> dict[str, list[str]]:
    """The event ids of the good articles, read on their own: what must survive next to bad input."""
    results = pipeline.pipe([Article.from_dict(a) for a in GOOD])
    found = {r.article.id: [e.event_id for e in r.events] for r in results}
    assert all(found.values()), f"the good examples give no events: {found}"
    return found


def assert_no_traceback(proc: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in proc.stderr and "RecursionError" not in proc.stderr, proc.stderr


# -- 1. deeply nested JSON ---------------------------------------------------------------------------------------
def test_the_nesting_depth_is_measured_without_recursion():
    assert nesting_depth('{"text": "[[[ {{ not brackets", "tags": [1, [2, {"a": []}]]}') == 5
    assert nesting_depth('"an unclosed string [[[[') == 0
    assert nesting_depth("42") == 0
    assert nesting_depth("[" * 200_000) == 200_000  # far beyond the stack, counted all the same
    assert loads('{"a": [1, {"b": 2}]}') == {"a": [1, {"b": 2}]}
    with pytest.raises(JsonTooDeep, match="1000 levels"):
        loads(DEEP_JSON)
    with pytest.raises(ValueError):
        loads(DEEP_OBJECT)
    assert loads("[" * 64 + "]" * 64, max_depth=64) is not None


def test_deep_json_lines_are_reported_and_the_others_kept_by_the_readers(tmp_path):
    path = jsonl(tmp_path / "mixed.jsonl", [json.dumps(GOOD[0]), DEEP_JSON, DEEP_OBJECT, json.dumps(GOOD[1])])
    items = list(read_paths([str(path)], None))
    assert [a.id for a in items if isinstance(a, Article)] == [GOOD[0]["id"], GOOD[1]["id"]]
    errors = [str(e) for e in items if isinstance(e, InputError)]
    assert len(errors) == 2 and "line 2" in errors[0] and "line 3" in errors[1]
    assert all("nested" in e for e in errors), errors
    document = tmp_path / "deep.json"
    document.write_text(DEEP_JSON)
    [error] = read_paths([str(document)], None)
    assert isinstance(error, InputError) and "nested 1000 levels" in str(error)


@pytest.mark.parametrize("command", ["extract", "geoparse"])
def test_deep_json_through_the_cli_keeps_the_good_articles(tmp_path, clean_events, command):
    path = jsonl(tmp_path / "mixed.jsonl", [json.dumps(GOOD[0]), DEEP_JSON, json.dumps(GOOD[1])])
    proc = run(command, str(path), "--format", "jsonl")
    assert_no_traceback(proc)
    assert proc.returncode == 0, proc.stderr
    assert "mixed.jsonl line 2" in proc.stderr and "nested" in proc.stderr
    if command == "extract":
        assert events_by_article(proc.stdout) == clean_events
    else:
        places = {json.loads(ln)["article_id"] for ln in proc.stdout.splitlines() if ln.strip()}
        assert places == {a["id"] for a in GOOD}


def test_deep_json_first_on_stdin_keeps_it_json_lines(clean_events):
    stdin = "\n".join([DEEP_OBJECT, json.dumps(GOOD[0]), "not json {", json.dumps(GOOD[1])]).encode()
    proc = run("extract", "-", "--format", "jsonl", stdin=stdin)
    assert_no_traceback(proc)
    assert proc.returncode == 0, proc.stderr
    assert "- line 1: JSON nested" in proc.stderr and "- line 3:" in proc.stderr
    assert events_by_article(proc.stdout) == clean_events


def test_deep_json_through_ingest_stores_the_good_articles(tmp_path, clean_events):
    path = jsonl(tmp_path / "mixed.jsonl", [json.dumps(GOOD[0]), DEEP_JSON, json.dumps(GOOD[1])])
    proc = run("ingest", str(path), "--db", str(tmp_path / "ew.db"), "--quiet", cwd=tmp_path)
    assert_no_traceback(proc)
    assert proc.returncode == 0, proc.stderr
    assert "articles: 2 new" in proc.stderr, proc.stderr
    logged = [json.loads(ln) for ln in (tmp_path / "eventwire-errors.jsonl").read_text().splitlines()]
    assert len(logged) == 1 and "line 2" in logged[0]["message"] and "nested" in logged[0]["message"]


# -- 3. languages the old check took for English ------------------------------------------------------------------
def not_english() -> list[tuple[str, str]]:
    rows = (line.split("\t", 1) for line in (LANGUAGES / "not_english.tsv").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#"))
    return [(code, text) for code, text in rows]


def english_headlines() -> list[str]:
    return [line for line in (LANGUAGES / "english_headlines.txt").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


NO_SPACES = {code: text for code, text in reversed(not_english()) if code in ("zh", "ja", "th")}  # the paragraphs


@pytest.fixture(scope="module")
def check() -> LanguageCheck:
    return LanguageCheck()


def test_every_other_language_is_refused_and_english_kept(check):
    for code, text in not_english():
        problem = check.problem(text)
        assert problem is not None and is_language_problem(problem), f"{code} passed as English: {text}"
    for headline in english_headlines():
        assert check.problem(headline) is None, headline
    for line in BATCH.read_text(encoding="utf-8").splitlines():
        assert check.problem(json.loads(line)["text"]) is None
    assert check.problem("Ceasefire") is None  # too short to judge: passes
    assert "non-Latin" in check.problem(NO_SPACES["zh"][:8])  # but a short Chinese headline is still no English


def test_english_with_place_names_in_another_script_is_english(check):
    text = ("Fighters shelled the old market, \u0633\u0648\u0642 \u0627\u0644\u0647\u0627\u0644, "
            "in Raqqa city on Tuesday, killing two civilians, local activists said.")
    assert check.problem(text) is None


def test_the_thresholds_are_data(tmp_path):
    settings = (ROOT / "src" / "eventwire" / "lang" / "en" / "language_check.yaml").read_text(encoding="utf-8")
    strict = tmp_path / "strict"
    strict.mkdir()
    (strict / "language_check.yaml").write_text(settings.replace("min_probability: 0.002", "min_probability: 0.999"))
    headline = "Drone strike kills militant commander in North Waziristan"
    assert LanguageCheck().problem(headline) is None
    assert "English" in LanguageCheck(LanguageData("en", root=strict)).problem(headline)
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "language_check.yaml").write_text(settings.replace("min_probability: 0.002", "min_probability: high"))
    with pytest.raises(LanguageDataError, match="language_check.yaml"):
        LanguageCheck(LanguageData("en", root=broken))


def test_the_python_api_refuses_text_without_spaces(pipeline, clean_events):
    for text in NO_SPACES.values():
        with pytest.raises(ValueError, match="not in English"):
            pipeline.extract(text, published="2020-01-01")
    results = list(pipeline.pipe([GOOD[0], NO_SPACES["zh"], GOOD[1], NO_SPACES["th"]]))
    assert [bool(r.error) for r in results] == [False, True, False, True]
    assert {r.article.id: [e.event_id for e in r.events] for r in results if not r.error} == clean_events


def test_text_without_spaces_is_reported_by_the_cli(tmp_path, clean_events):
    lines = [json.dumps(GOOD[0])] + [json.dumps({"id": f"in-{code}", "text": text}, ensure_ascii=False)
                                     for code, text in NO_SPACES.items()] + [json.dumps(GOOD[1])]
    proc = run("extract", str(jsonl(tmp_path / "languages.jsonl", lines)), "--format", "jsonl")
    assert_no_traceback(proc)
    assert proc.returncode == 0, proc.stderr
    for code in NO_SPACES:
        assert f"in-{code}" in proc.stderr and "not in English" in proc.stderr, proc.stderr
    assert events_by_article(proc.stdout) == clean_events


# -- 7. dates at the ends of the calendar -------------------------------------------------------------------------
EXTREME_DATES = [dt.date.min, dt.date(1, 1, 5), dt.date(1, 12, 31), dt.date(9999, 12, 25), dt.date.max]
DATE_PHRASES = ["last year", "next year", "next month", "last month", "tomorrow", "yesterday", "last week",
                "next week", "this weekend", "the coming months", "5000 years ago", "99999999999 days ago",
                "3 months ago", "in December", "next December", "last Monday", "next Monday", "3 March",
                "March 3, 9999", "the day after tomorrow", "December 9999", "later this month"]
CALENDAR_ARTICLE = ("Gunmen killed three soldiers in an attack on a checkpoint near Kandahar, Afghanistan last year. "
                    "The next day, and again 99999999999 days later, they attacked on Monday. Talks will resume next "
                    "December. The 2008 attack was recalled. More fighting is expected next week and two days later.")


def test_phrases_that_leave_the_calendar_stay_unresolved(pipeline):
    finder = pipeline.date_finder
    for published in EXTREME_DATES:
        for phrase in DATE_PHRASES:
            res = finder.resolve(phrase, published)  # must not raise
            assert res is None or isinstance(res.date, dt.date)
    assert finder.resolve("next month", dt.date.max) is None
    assert finder.resolve("last year", dt.date.min) is None
    assert finder.resolve("99999999999 days ago", dt.date(2020, 1, 1)) is None
    assert finder.resolve("last year", dt.date(2020, 1, 1)).date == dt.date(2019, 7, 1)  # the ordinary case stands


def test_articles_published_at_the_ends_of_the_calendar_keep_their_events(pipeline):
    for published in ("9999-12-31", "0001-01-01", "9999-12-25"):
        events = pipeline.extract(CALENDAR_ARTICLE, published=published)
        assert events, published
        for ev in events:
            assert ev.date is None or dt.date.fromisoformat(ev.date), ev.date


def test_extreme_dates_through_the_cli(tmp_path, clean_events):
    lines = [json.dumps(GOOD[0]), json.dumps({"id": "far-future", "text": CALENDAR_ARTICLE, "published": "9999-12-31"}),
             json.dumps({"id": "year-one", "text": CALENDAR_ARTICLE, "published": "0001-01-01"}), json.dumps(GOOD[1])]
    proc = run("extract", str(jsonl(tmp_path / "calendar.jsonl", lines)), "--format", "jsonl")
    assert_no_traceback(proc)
    assert proc.returncode == 0 and "skipped" not in proc.stderr, proc.stderr
    found = events_by_article(proc.stdout)
    assert found.pop("far-future") and found.pop("year-one")
    assert found == clean_events


# -- 7. lone surrogates -------------------------------------------------------------------------------------------
def test_lone_surrogates_become_replacement_characters(pipeline, clean_events):
    art = Article(id="a\ud800", text="Gunmen \udcff killed three soldiers near Kandahar on Monday.", title="t\udfff")
    assert (art.id, art.title) == ("a\ufffd", "t\ufffd") and "\ufffd" in art.text
    assert Article(id="ok", text="a pair is kept: \U0001f600").text.endswith("\U0001f600")
    events = pipeline.extract("Gunmen killed three soldiers \ud800 near Kandahar, Afghanistan on Monday.",
                              published="2020-01-01")
    assert events and "\ufffd" in events[0].evidence.text
    from_json = json.loads('{"id": "escaped", "text": "Rebels \\ud800 attacked the town of Marib on Sunday."}')
    results = list(pipeline.pipe([GOOD[0], from_json, "\udc80" * 40, GOOD[1]]))
    assert results[1].error is None and "\ufffd" in results[1].article.text
    assert results[2].error is not None and "codec" not in results[2].error
    assert {r.article.id: [e.event_id for e in r.events] for r in (results[0], results[3])} == clean_events


def test_lone_surrogates_through_the_cli_and_ingest(tmp_path, clean_events):
    escaped = '{"id": "escaped", "text": "Rebels \\ud800 attacked the town of Marib, Yemen on Sunday.", "title": "\\udfff"}'
    path = jsonl(tmp_path / "surrogates.jsonl", [json.dumps(GOOD[0]), escaped, json.dumps(GOOD[1])])
    proc = run("extract", str(path), "--format", "jsonl")
    assert_no_traceback(proc)
    assert proc.returncode == 0 and "codec" not in proc.stderr, proc.stderr
    found = events_by_article(proc.stdout)
    assert {k: v for k, v in found.items() if k != "escaped"} == clean_events
    stored = run("ingest", str(path), "--db", str(tmp_path / "ew.db"), "--quiet", cwd=tmp_path)
    assert_no_traceback(stored)
    assert stored.returncode == 0 and "articles: 3 new" in stored.stderr, stored.stderr


# -- 7. exit codes when nothing usable was read ---------------------------------------------------------------------
def test_nothing_usable_exits_1_and_something_usable_exits_0(tmp_path):
    chinese = jsonl(tmp_path / "zh.jsonl", [json.dumps({"id": "zh", "text": NO_SPACES["zh"]}, ensure_ascii=False)])
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    only_bad = jsonl(tmp_path / "bad.jsonl", [DEEP_JSON, "not json", json.dumps({"id": "blank", "text": " "})])
    good = jsonl(tmp_path / "good.jsonl", [json.dumps(GOOD[0])])
    for inputs in ([chinese], [empty], [chinese, empty]):
        proc = run("ingest", *map(str, inputs), "--db", str(tmp_path / "ew.db"), "--quiet", cwd=tmp_path)
        assert_no_traceback(proc)
        assert proc.returncode == 1 and "no usable article" in proc.stderr, (inputs, proc.stderr)
    for command in ("extract", "geoparse"):
        proc = run(command, str(only_bad), str(chinese), "--format", "jsonl")
        assert_no_traceback(proc)
        assert proc.returncode == 1 and "no usable article in the input (4 skipped" in proc.stderr, proc.stderr
    mixed = run("ingest", str(chinese), str(good), "--db", str(tmp_path / "ew.db"), "--quiet", cwd=tmp_path)
    assert mixed.returncode == 0 and "articles: 1 new" in mixed.stderr, mixed.stderr
    again = run("ingest", str(good), "--db", str(tmp_path / "ew.db"), "--quiet", cwd=tmp_path)
    assert again.returncode == 0, again.stderr  # already stored is usable: a second run is no failure
    proc = run("extract", str(only_bad), str(good), "--format", "jsonl")
    assert proc.returncode == 0 and events_by_article(proc.stdout), proc.stderr


# -- 7. reading a line or an article at a time ----------------------------------------------------------------------
class EndlessZeros:
    """A binary stream that never ends (like /dev/zero), counting what was asked of it."""

    def __init__(self):
        self.given = 0
        self.largest_read = 0

    def _give(self, n: int) -> bytes:
        n = 65536 if n is None or n < 0 else n
        self.given += n
        self.largest_read = max(self.largest_read, n)
        return b"\0" * n

    def read(self, n: int = -1) -> bytes:
        return self._give(n)

    def readline(self, limit: int = -1) -> bytes:
        return self._give(limit)


def test_an_endless_input_is_read_no_further_than_the_limit():
    zeros = EndlessZeros()
    [error] = read_source("zero.txt", InputStream(zeros, max_bytes=1000))
    assert isinstance(error, InputError) and "binary" in str(error)
    assert zeros.given <= 65536  # a look at the start, not the device
    letters = InputStream(b"a" * 5000, max_bytes=1000)
    [error] = read_source("long.txt", letters)
    assert "longer than 1000 bytes (--max-article-bytes)" in str(error)


def test_the_stream_reads_lines_with_a_limit_and_looks_ahead_without_consuming():
    data = b"first\n" + b"x" * 50 + b"\nthird\n" + b"y" * 10 + b"\n" + b"last"
    stream = InputStream(data, max_bytes=10)
    assert stream.head(3) == b"fir" and stream.head(8) == b"first\nxx"
    assert list(stream.lines()) == [(1, b"first\n"), (2, None), (3, b"third\n"), (4, b"y" * 10 + b"\n"), (5, b"last")]
    stream = InputStream(b"abc\ndef", max_bytes=10)
    stream.head(5)
    assert stream.readline(100) == b"abc\n" and stream.read(100) == b"def" and stream.document() == b""


def test_over_long_lines_and_rows_are_reported_and_the_others_kept(tmp_path):
    long_text = "Troops advanced on the town. " * 200  # about 6 KB: over the 4 KB limit below
    path = jsonl(tmp_path / "mixed.jsonl", [json.dumps(GOOD[0]), json.dumps({"id": "long", "text": long_text}),
                                            json.dumps(GOOD[1])])
    items = list(read_paths([str(path)], None, max_bytes=4096))
    assert [a.id for a in items if isinstance(a, Article)] == [GOOD[0]["id"], GOOD[1]["id"]]
    [error] = [e for e in items if isinstance(e, InputError)]
    assert "mixed.jsonl line 2: longer than 4 KiB" in str(error)

    one, two = (" ".join(a["text"].split())[:300] for a in GOOD)
    rows = [b"id,title,text", f'short1,One,"{one}"'.encode(), f'long,Two,"{long_text}"'.encode(), b"bad\xff,x,y",
            f'short2,Three,"{two}"'.encode()]
    table = tmp_path / "news.csv"
    table.write_bytes(b"\n".join(rows) + b"\n")
    items = list(iter_articles([str(table)], max_bytes=4096))
    assert [a.id for a in items if isinstance(a, Article)] == ["short1", "short2"]
    errors = [str(e) for e in items if isinstance(e, InputError)]
    assert len(errors) == 2 and "line 3" in errors[0] and "longer than 4 KiB" in errors[0]
    assert "line 4" in errors[1] and "not UTF-8" in errors[1]


def test_a_csv_row_over_the_limit_is_dropped_to_its_end():
    """A quoted field over many lines that grows past the limit, or holds a bad line, loses its whole row and
    nothing after it: the reader finds the end of the row by the quotes."""
    many_lines = "\n".join(["a line of the story"] * 100)
    data = (b'id,text\na,"first"\nb,"' + many_lines.encode() + b'"\nc,"second"\nd,"x\n' + b"y" * 500
            + b'\nz"\ne,"third ""quoted"""\nf,' + b"w" * 600 + b'\ng,"bad \xff byte"\nh,last\n')
    items = list(read_csv_stream(InputStream(data, max_bytes=400), "news.csv"))
    assert [(a.id, a.text) for a in items if isinstance(a, Article)] == [
        ("a", "first"), ("c", "second"), ("e", 'third "quoted"'), ("h", "last")]
    errors = [str(e) for e in items if isinstance(e, InputError)]
    assert errors == ["news.csv line 3: a row longer than 400 bytes (--max-article-bytes)",
                      "news.csv line 104: the row's line 105 is longer than 400 bytes (--max-article-bytes)",
                      "news.csv line 108: longer than 400 bytes (--max-article-bytes)",
                      "news.csv line 109: not UTF-8 text"]


class OneByOne:
    """A stand-in for Pipeline that extracts nothing and takes its input one article at a time."""

    def pipe(self, articles):
        for art in articles:
            yield ArticleResult(article=art)


def test_ingest_reports_a_long_run_of_skipped_articles_as_it_goes(tmp_path):
    """Articles refused before extraction wait for the results around them (input order), but not without
    bound: 998 blank articles between two good ones are reported while the input is still being read."""
    from eventwire.storage.store import Store

    consumed = 0

    def items():
        nonlocal consumed
        for i in range(1000):
            consumed += 1
            yield "in.jsonl", Article(id=f"a{i}", text=GOOD[0]["text"] if i in (0, 999) else " ")

    store = Store(f"sqlite:///{tmp_path / 'run.db'}")
    outcomes = []
    for outcome in Ingester(store, OneByOne()).run(items()):
        outcomes.append(outcome)
        assert consumed <= len(outcomes) + Ingester.BACKLOG + 2, (consumed, len(outcomes))
    store.close()
    assert [o.article.id for o in outcomes] == [f"a{i}" for i in range(1000)]
    assert [o.kind for o in outcomes] == ["stored"] + ["unusable"] * 998 + ["known"]


def test_the_cli_streams_with_a_per_article_limit(tmp_path, clean_events):
    proc = run("extract", "/dev/zero")
    assert_no_traceback(proc)
    assert proc.returncode == 1 and "binary" in proc.stderr, proc.stderr
    big = tmp_path / "big.txt"
    big.write_bytes(b"The convoy was attacked. " * 100_000)  # 2.5 MB
    long_line = json.dumps({"id": "long", "text": "Troops advanced on the town. " * 100_000})  # 2.9 MB
    path = jsonl(tmp_path / "mixed.jsonl", [json.dumps(GOOD[0]), long_line, json.dumps(GOOD[1])])
    proc = run("extract", str(big), str(path), "--max-article-bytes", "1000000", "--format", "jsonl")
    assert_no_traceback(proc)
    assert proc.returncode == 0, proc.stderr
    assert "big.txt: longer than 976.6 KiB" in proc.stderr and "mixed.jsonl line 2: longer than" in proc.stderr
    assert events_by_article(proc.stdout) == clean_events
    stored = run("ingest", str(path), "--max-article-bytes", "1000000", "--db", str(tmp_path / "ew.db"), "--quiet",
                 cwd=tmp_path)
    assert stored.returncode == 0 and "articles: 2 new" in stored.stderr and "line 2: longer than" in stored.stderr
