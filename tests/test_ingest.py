"""Ingest: every reader, URL fetching with its guard, idempotency, resuming after kill -9, the CLI."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import textwrap
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from eventfactory import make_event
from eventwire.ingest import Ingester, ingest
from eventwire.records import Article, ArticleResult
from eventwire.sources import formats, read
from eventwire.sources.fetch import Fetcher, FetchError
from eventwire.sources.formats import InputError
from eventwire.storage.store import Store

ENGLISH = ("Fighters of the Islamic State clashed with Turkish-backed forces on the outskirts of Al Bab on "
           "Thursday, a monitoring group said. At least nine fighters were killed in the fighting.")
SPANISH = ("Los combatientes del grupo armado se enfrentaron con las fuerzas del gobierno en las afueras de la "
           "ciudad durante la noche del jueves, según un grupo de vigilancia local.")


def page(title: str, body: str, date: str = "2017-02-10") -> bytes:
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | Example Wire</title>
<meta property="og:title" content="{title}"><meta property="og:site_name" content="Example Wire">
<meta property="article:published_time" content="{date}T08:30:00Z"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>{title}</h1><p>{body}</p>
<p>The town has been under siege for weeks, and aid groups say food and fuel are running out for the
civilians who remain inside it, according to local officials who spoke by telephone.</p></article>
<footer>Copyright Example Wire. Subscribe to our newsletter.</footer></body></html>""".encode()


def feed(base: str, paths: list[str]) -> bytes:
    items = "".join(f"<item><title>Story {p}</title><link>{base}{p}</link>"
                    f"<pubDate>Fri, 10 Feb 2017 09:00:00 GMT</pubDate></item>" for p in paths)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Example Wire World</title>'
            f"<link>{base}/</link><description>World news</description>{items}</channel></rss>").encode()


# -- a local web server (127.0.0.1 only) -----------------------------------------------------------------
class Site:
    def __init__(self):
        self.routes: dict[str, tuple[int, str, bytes, dict]] = {}
        self.hits: list[str] = []

    def add(self, path, body, ctype="text/html; charset=utf-8", status=200, headers=None):
        self.routes[path] = (status, ctype, body, headers or {})


@pytest.fixture
def site():
    s = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            s.hits.append(self.path)
            if self.path == "/slow":
                time.sleep(2)
            status, ctype, body, headers = s.routes.get(self.path, (404, "text/plain", b"not found", {}))
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            for k, v in headers.items():
                self.send_header(k, v)
            if "no-length" not in headers:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    s.base = f"http://127.0.0.1:{server.server_address[1]}"
    yield s
    server.shutdown()
    server.server_close()


# -- readers ----------------------------------------------------------------------------------------------
def test_text_files_keep_working_through_read_source(tmp_path):
    f = tmp_path / "bab.txt"
    f.write_text("Title: Clashes\nPublished: 2017-02-10\nURL: https://x.example/b\n\n" + ENGLISH)
    [art] = list(read.read_any(str(f), f.read_bytes()))
    assert (art.title, art.url, str(art.published), art.text) == ("Clashes", "https://x.example/b", "2017-02-10",
                                                                  ENGLISH)


def test_csv_of_articles():
    text = ('id,title,published,url,body\n'
            f'c1,Clashes,2017-02-10,https://x.example/c1,"{ENGLISH}"\n'
            'c2,Bad date,10th of Feb,,"Some text here."\n'
            ',No id,2017-02-11,,"Another, quoted\nmulti-line text."\n')
    items = list(formats.read_csv(text, "news.csv"))
    assert isinstance(items[0], Article) and items[0].id == "c1" and items[0].text == ENGLISH
    assert str(items[0].published) == "2017-02-10" and items[0].url == "https://x.example/c1"
    assert isinstance(items[1], InputError) and "row 3" in str(items[1])
    assert items[2].id == "news:4" and items[2].text == "Another, quoted\nmulti-line text."
    [err] = list(formats.read_csv("title,summary\nx,y\n", "bad.csv"))
    assert isinstance(err, InputError) and "'text' column" in str(err)


def test_html_page_text_title_and_date():
    art = formats.read_html(page("Clashes near Al Bab", ENGLISH), "p.html", url="https://wire.example/p")
    assert art.title == "Clashes near Al Bab" and str(art.published) == "2017-02-10"
    assert ENGLISH[:60] in art.text
    assert "Subscribe" not in art.text and "Sport" not in art.text  # boilerplate is gone
    assert art.url == "https://wire.example/p" and art.source == "Example Wire"
    bad = formats.read_html(b"<html><head><title>x</title></head><body><script>var a = 1;</script></body></html>",
                           "empty.html")
    assert isinstance(bad, InputError) and "no article text" in str(bad)


def test_feed_entries_are_fetched_as_pages(site):
    site.add("/a1", page("First story", ENGLISH))
    site.add("/a2", page("Second story", ENGLISH.replace("nine", "twelve")))
    data = feed(site.base, ["/a1", "/a2", "/missing"])
    with Fetcher(allow_private=True) as f:
        items = list(formats.read_feed(data, "world.rss", fetcher=f))
    assert [type(i).__name__ for i in items] == ["Article", "Article", "InputError"]
    assert items[0].url == f"{site.base}/a1" and items[0].title == "First story"
    assert items[1].source == "Example Wire" and "twelve" in items[1].text
    assert "HTTP 404" in str(items[2])


def test_feed_without_links_uses_the_entries_own_content():
    data = ('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>'
            f'<entry><title>Full text</title><updated>2017-02-10T09:00:00Z</updated>'
            f'<content type="html">&lt;p&gt;{ENGLISH}&lt;/p&gt;</content></entry></feed>').encode()
    [art] = list(formats.read_feed(data, "atom.xml"))
    assert isinstance(art, Article) and "Al Bab" in art.text and str(art.published) == "2017-02-10"
    [err] = list(formats.read_feed(b"this is not a feed at all", "x.rss"))
    assert isinstance(err, InputError)


def test_folders_are_read_recursively_skipping_hidden_and_unknown_files(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    (tmp_path / "a" / "one.txt").write_text(ENGLISH)
    (tmp_path / "a" / "b" / "two.jsonl").write_text(json.dumps({"id": "j1", "text": ENGLISH}) + "\n"
                                                   + json.dumps({"id": "j2", "text": ENGLISH + " Again."}) + "\n")
    (tmp_path / "a" / "b" / "three.html").write_bytes(page("Three", ENGLISH))
    (tmp_path / "a" / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / ".git" / "x.txt").write_text("secret")
    (tmp_path / "a" / ".draft.txt").write_text("draft")
    units = list(read.expand_targets([str(tmp_path)]))
    assert [Path(u.name).name for u in units] == ["one.txt", "three.html", "two.jsonl"]
    assert [u.estimate for u in units] == [1, 1, 2]
    arts = list(read.iter_articles([str(tmp_path)]))
    assert sorted(a.id for a in arts) == ["j1", "j2", "one", "three"]
    [missing] = list(read.expand_targets([str(tmp_path / "nope")]))
    assert isinstance(missing, InputError)


def test_read_any_sniffs_html_and_feeds_without_a_telling_name(site):
    [art] = list(read.read_any("download", page("Sniffed", ENGLISH)))
    assert isinstance(art, Article) and art.title == "Sniffed"
    site.add("/p", page("Linked", ENGLISH))
    with Fetcher(allow_private=True) as f:
        [art] = list(read.read_any("latest", feed(site.base, ["/p"]), fetcher=f))
    assert art.title == "Linked"


# -- fetching ---------------------------------------------------------------------------------------------
def test_private_addresses_are_refused_unless_allowed(site):
    site.add("/p", page("Local", ENGLISH))
    with Fetcher() as f:
        for url in (f"{site.base}/p", site.base.replace("127.0.0.1", "localhost") + "/p"):
            with pytest.raises(FetchError, match="non-public address"):
                f.fetch(url)
    assert site.hits == []  # refused before any connection
    with Fetcher(allow_private=True) as f:
        got = f.fetch(f"{site.base}/p")
    assert got.content_type == "text/html" and b"Local" in got.data


def test_a_redirect_is_checked_like_the_first_request(site):
    site.add("/hop", b"", status=302, headers={"Location": "/p"})
    site.add("/p", page("After hop", ENGLISH))
    with Fetcher(allow_private=True) as f:
        assert b"After hop" in f.fetch(f"{site.base}/hop").data
    site.add("/loop", b"", status=302, headers={"Location": "/loop"})
    with Fetcher(allow_private=True) as f, pytest.raises(FetchError, match="redirects"):
        f.fetch(f"{site.base}/loop")


@pytest.mark.parametrize("path, words", [
    ("/big", "limit"),
    ("/big-unannounced", "limit"),
    ("/image", "unsupported content type image/png"),
    ("/slow", "timed out"),
    ("file:///etc/passwd", "only http and https"),
])
def test_size_limit_content_type_timeout_and_scheme(site, path, words):
    site.add("/big", b"x" * 50_000, ctype="text/plain")
    site.add("/big-unannounced", b"y" * 50_000, ctype="text/plain", headers={"no-length": "1"})
    site.add("/image", b"\x89PNG....", ctype="image/png")
    site.add("/slow", b"late", ctype="text/plain")
    with Fetcher(allow_private=True, max_bytes=10_000, timeout=0.5) as f, pytest.raises(FetchError, match=words):
        f.fetch(path if "://" in path else f"{site.base}{path}")


# -- the ingest loop, with a stand-in extractor ----------------------------------------------------------
class ClashCounter:
    """A stand-in for Pipeline in the orchestration tests: one event per 'clashed' in the text, and a
    failure for any text containing 'MALFORMED'. `delay` slows it down for the kill test."""

    def __init__(self, delay: float = 0.0):
        self.delay = delay
        self.seen: list[str] = []

    def pipe(self, articles):
        for a in articles:
            self.seen.append(a.id)
            time.sleep(self.delay)
            if "MALFORMED" in a.text:
                yield ArticleResult(article=a, error="extraction failed: ValueError: malformed")
                continue
            yield ArticleResult(article=a, events=[make_event(a.id, start=m.start())
                                                   for m in re.finditer("clashed", a.text)])


def corpus(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"story{i:03d}.txt").write_text(
            f"Title: Story {i}\nPublished: 2017-02-10\nURL: https://wire.example/{i}\n\n"
            + ENGLISH.replace("nine", str(i + 2)) + (" They clashed again later." if i % 2 else ""))
    return folder


def test_ingest_counts_skips_errors_and_is_idempotent(tmp_path):
    folder = corpus(tmp_path / "news", 6)
    (folder / "spanish.txt").write_text(SPANISH)
    (folder / "empty.txt").write_text("   \n")
    (folder / "broken.txt").write_text(ENGLISH + " MALFORMED")
    (folder / "copy.txt").write_text((folder / "story001.txt").read_text().replace("wire.example/1", "mirror/1"))
    store = Store(f"sqlite:///{tmp_path / 'db.sqlite'}")
    problems = []
    extractor = ClashCounter()
    s = ingest([str(folder)], store, extractor, on_problem=lambda *p: problems.append(p))
    assert (s.articles, s.not_english, s.unusable, s.errors, s.already_stored) == (6, 1, 1, 1, 1)
    assert s.events == 6 + 3  # one 'clashed' each, a second in the odd ones
    assert s.events_after_dedup is not None
    assert {p[0] for p in problems} == {"skipped", "error"} and len(problems) == 3
    assert any("English" in p[2] for p in problems) and any("malformed" in p[2] for p in problems)

    extractor.seen.clear()
    again = ingest([str(folder)], store, extractor)
    assert (again.articles, again.events, again.already_stored) == (0, 0, 7)
    assert extractor.seen == ["broken"]  # stored articles are not even extracted again
    assert store.stats()["articles"] == 6
    store.close()


def test_the_ingester_stores_a_good_article_and_reports_a_bad_one(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'one.db'}")
    good = Article(id="good", text=ENGLISH + " They clashed again.", url="https://wire.example/good")
    bad = Article(id="bad", text=ENGLISH + " MALFORMED", url="https://wire.example/bad")
    outcomes = list(Ingester(store, ClashCounter()).run([("batch.jsonl", good), ("batch.jsonl", bad)]))
    assert [(o.kind, o.article.id) for o in outcomes] == [("stored", "good"), ("error", "bad")]
    assert outcomes[0].problem is None and len(outcomes[0].added.event_ids) == 2
    assert outcomes[1].problem == "error" and "malformed" in outcomes[1].message
    assert store.has_article(url="https://wire.example/good") and not store.has_article(url="https://wire.example/bad")
    assert store.stats()["articles"] == 1
    store.close()


def test_the_ingester_screens_before_extracting(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'screen.db'}")
    extractor = ClashCounter()
    first = Article(id="first", text=ENGLISH)
    list(Ingester(store, extractor).run([("a.txt", first)]))
    items = [("b.txt", InputError("b.txt: is not UTF-8 text")), ("c.txt", Article(id="es", text=SPANISH)),
             ("d.txt", Article(id="blank", text="  ")), ("e.txt", Article(id="copy", text=ENGLISH))]
    extractor.seen.clear()
    outcomes = list(Ingester(store, extractor).run(items))
    assert [o.kind for o in outcomes] == ["error", "not-english", "unusable", "known"]
    assert [o.problem for o in outcomes] == ["error", "skipped", "skipped", None]
    assert outcomes[1].where == "c.txt [es]" and extractor.seen == []  # nothing reached the extractor
    # without known_by_text the store itself recognises the text, and tells the stored article's id
    [again] = Ingester(store, extractor, known_by_text=False).run([("api", Article(id="copy", text=ENGLISH))])
    assert again.kind == "known" and again.added.duplicate and again.added.article_id is not None
    assert extractor.seen == ["copy"]
    store.close()


def test_an_article_the_database_refuses_fails_alone(tmp_path, monkeypatch):
    folder = corpus(tmp_path / "news", 4)
    store = Store(f"sqlite:///{tmp_path / 'r.db'}")
    real = store.add_result

    def refuse_story_2(result, **kw):
        if result.article.id == "story002":
            raise RuntimeError("disk says no")
        return real(result, **kw)

    monkeypatch.setattr(store, "add_result", refuse_story_2)
    problems = []
    s = ingest([str(folder)], store, ClashCounter(), on_problem=lambda *p: problems.append(p))
    assert (s.articles, s.errors) == (3, 1)
    assert "disk says no" in problems[0][2]
    store.close()


def test_ingest_from_urls_with_allow_private(site, tmp_path):
    site.add("/a", page("A", ENGLISH))
    site.add("/feed", feed(site.base, ["/a", "/b"]), ctype="application/rss+xml")
    site.add("/b", page("B", ENGLISH.replace("nine", "eleven")))
    store = Store(f"sqlite:///{tmp_path / 'u.db'}")
    with Fetcher(allow_private=False) as f:
        s = ingest([f"{site.base}/a"], store, ClashCounter(), fetcher=f)
    assert s.errors == 1 and s.articles == 0
    with Fetcher(allow_private=True) as f:
        s = ingest([f"{site.base}/a", f"{site.base}/feed"], store, ClashCounter(), fetcher=f)
    assert (s.articles, s.already_stored) == (2, 1)  # /a directly and again through the feed
    assert store.has_article(url=f"{site.base}/b")
    store.close()


KILLABLE = textwrap.dedent("""
    import sys
    sys.path.insert(0, sys.argv[3])
    from test_ingest import ClashCounter
    from eventwire.ingest import Ingester, ingest
    from eventwire.storage.store import Store

    store = Store(sys.argv[1])
    s = ingest([sys.argv[2]], store, ClashCounter(delay=float(sys.argv[4])))
    print("done", s.articles)
""")


def _stored_consistently(url: str) -> tuple[int, int]:
    """(articles, reports), after checking that no article is half-written."""
    from sqlalchemy import func, select

    from eventwire.storage.models import ArticleRow, EventSourceRow

    store = Store(url)
    with store._read() as s:
        rows = s.execute(select(ArticleRow.id, ArticleRow.event_count, func.count(EventSourceRow.id))
                         .join(EventSourceRow, EventSourceRow.article_id == ArticleRow.id, isouter=True)
                         .group_by(ArticleRow.id, ArticleRow.event_count)).all()
        urls = s.execute(select(ArticleRow.url)).scalars().all()
    store.close()
    assert all(expected == found for _, expected, found in rows), "an article lost some of its events"
    assert len(urls) == len(set(urls))
    return len(rows), sum(r[2] for r in rows)


@pytest.mark.slow
def test_kill_9_in_the_middle_then_run_again_loses_and_duplicates_nothing(tmp_path):
    folder = corpus(tmp_path / "news", 120)
    url = f"sqlite:///{tmp_path / 'k.db'}"
    script = tmp_path / "run.py"
    script.write_text(KILLABLE)
    args = [sys.executable, str(script), url, str(folder), str(Path(__file__).parent)]
    proc = subprocess.Popen(args + ["0.03"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 120
    stored = 0
    while time.time() < deadline and stored < 25:
        time.sleep(0.05)
        if (tmp_path / "k.db").exists():
            try:
                stored = Store(url).stats()["articles"]
            except Exception:  # noqa: BLE001 - the schema may not be there yet
                stored = 0
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(30)
    assert proc.returncode == -signal.SIGKILL
    articles, _ = _stored_consistently(url)
    assert 25 <= articles < 120  # killed in the middle

    done = subprocess.run(args + ["0"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["done", str(120 - articles)]
    articles, reports = _stored_consistently(url)
    assert articles == 120 and reports == 120 + 60


# -- end to end: the `eventwire ingest` command with the real extraction pipeline ------------------------
def _pipeline_ready() -> str | None:
    try:
        from eventwire.extraction.pipeline import Pipeline  # noqa: F401
    except ImportError as exc:
        return f"the extraction pipeline is not importable: {exc}"
    return None


needs_pipeline = pytest.mark.skipif(_pipeline_ready() is not None, reason=str(_pipeline_ready()))

SAME_BATTLE = [
    ("wire-a", "2017-02-10", "Islamic State fighters clashed with Turkish troops in the Syrian town of Al Bab on "
     "Thursday. Twelve militants were killed in the clashes, a monitoring group said."),
    ("wire-b", "2017-02-10", "Turkish soldiers fought Islamic State militants in Al Bab, in northern Syria, on "
     "Thursday, the Turkish army said. Nine militants were killed in the fighting."),
    ("wire-c", "2017-02-11", "Fierce clashes between Turkish forces and Islamic State broke out in Al Bab in "
     "Syria on Thursday, local residents said, and the fighting went on into the night."),
]


def _ew(*args, cwd=None, timeout=600, env_extra=None):
    exe = Path(sys.executable).with_name("eventwire")
    return subprocess.run([str(exe), *args], capture_output=True, text=True, timeout=timeout, cwd=cwd,
                          stdin=subprocess.DEVNULL, env={**os.environ, **(env_extra or {})})


def _write_articles(folder: Path, items) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, published, body in items:
        (folder / f"{name}.txt").write_text(f"Title: {name}\nPublished: {published}\nSource: {name}\n\n{body}\n")
    return folder


@pytest.mark.slow
@needs_pipeline
def test_cli_ingest_dedups_three_reports_and_a_second_run_adds_nothing(tmp_path):
    folder = _write_articles(tmp_path / "news", SAME_BATTLE)
    (folder / "spanish.txt").write_text(SPANISH)
    db = f"sqlite:///{tmp_path / 'e2e.db'}"
    log = tmp_path / "errors.jsonl"
    first = _ew("ingest", str(folder), "--db", db, "--error-log", str(log), "-q")
    assert first.returncode == 0, first.stderr
    assert "articles: 3 new" in first.stderr and "1 not English" in first.stderr
    assert "English" in log.read_text()
    listed = _ew("events", "--db", db, "--country", "SYR", "--type", "Battles", "--format", "jsonl")
    events = [json.loads(x) for x in listed.stdout.splitlines()]
    battle = max(events, key=lambda e: e["source_count"])
    assert battle["source_count"] == 3, events
    assert battle["fatalities"] == 9  # the most conservative of 12, 9 and none
    assert {s["article_key"] for s in battle["sources"]} == {"wire-a", "wire-b", "wire-c"}

    second = _ew("ingest", str(folder), "--db", db, "-q", "--error-log", str(log), cwd=tmp_path)
    assert second.returncode == 0 and "articles: 0 new (3 stored)" in second.stderr
    assert "3 already stored" in second.stderr
    table = _ew("events", "--db", db, "--format", "table", env_extra={"COLUMNS": "200"})
    assert table.returncode == 0 and "Al B" in table.stdout and "Military Forces of Turkey" in table.stdout


@pytest.mark.slow
@needs_pipeline
def test_cli_ingest_pages_and_feeds_over_http(site, tmp_path):
    site.add("/bab", page("Clashes in Al Bab", SAME_BATTLE[0][2]))
    site.add("/feed.xml", feed(site.base, ["/bab", "/second"]), ctype="application/rss+xml")
    site.add("/second", page("Turkish army statement", SAME_BATTLE[1][2]))
    db = f"sqlite:///{tmp_path / 'web.db'}"
    refused = _ew("ingest", f"{site.base}/bab", "--db", db, "-q", "--error-log", str(tmp_path / "e.jsonl"))
    assert refused.returncode == 1 and "errors:   1" in refused.stderr and site.hits == []
    done = _ew("ingest", f"{site.base}/feed.xml", "--db", db, "-q", "--allow-private", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "articles: 2 new" in done.stderr
    s = Store(db)
    assert s.has_article(url=f"{site.base}/second")
    s.close()


@pytest.mark.slow
@needs_pipeline
def test_cli_ingest_killed_with_sigkill_resumes_without_loss_or_duplicates(tmp_path):
    folder = corpus(tmp_path / "many", 100)
    db_path = tmp_path / "kill.db"
    db = f"sqlite:///{db_path}"
    exe = Path(sys.executable).with_name("eventwire")
    proc = subprocess.Popen([str(exe), "ingest", str(folder), "--db", db, "-q"], stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=tmp_path)
    deadline, stored = time.time() + 300, 0
    while time.time() < deadline and stored == 0 and proc.poll() is None:
        time.sleep(0.1)
        if db_path.exists():
            try:
                stored = Store(db).stats()["articles"]
            except Exception:  # noqa: BLE001 - not migrated yet
                stored = 0
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(30)
    articles, _ = _stored_consistently(db)
    assert 0 < articles < 100, "the run was not killed in the middle"
    again = _ew("ingest", str(folder), "--db", db, "-q", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert f"articles: {100 - articles} new (100 stored)" in again.stderr
    assert _stored_consistently(db)[0] == 100


def test_cli_ingest_of_nothing_that_exists_fails_fast(tmp_path):
    from click.testing import CliRunner

    from eventwire.cli import cli

    res = CliRunner().invoke(cli, ["ingest", str(tmp_path / "nowhere"), "--db", str(tmp_path / "n.db")])
    assert res.exit_code == 2 and "no such file, folder or URL" in res.output
    assert not (tmp_path / "n.db").exists()


def test_ndjson_files_are_json_lines_too(tmp_path):
    f = tmp_path / "feed.ndjson"
    f.write_text(json.dumps({"id": "n1", "text": ENGLISH}) + "\n" + json.dumps({"id": "n2", "text": SPANISH}) + "\n")
    assert [a.id for a in read.iter_articles([str(tmp_path)])] == ["n1", "n2"]
