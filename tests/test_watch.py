"""`eventwire watch`: conditional polls, new entries ingested once, failures recorded and backed off, entries
retried then given up, a crash or a kill -9 in the middle losing and duplicating nothing, the CLI."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from eventfactory import make_event
from eventwire.records import ArticleResult
from eventwire.sources.fetch import Fetcher
from eventwire.sources.watch import FeedList, Watcher, WatchSettings, format_duration, parse_duration, quote
from eventwire.storage.store import Store
from feedserver import FeedServer

SPANISH = ("Los combatientes del grupo armado se enfrentaron con las fuerzas del gobierno en las afueras de la "
           "ciudad durante la noche del jueves, según un grupo de vigilancia local que pidió no ser nombrado.")
EVERY = 600.0


class OneEventEach:
    """A stand-in for the Pipeline: one event per article, at once. `crash_after` raises Crash (a stand-in for
    the process dying: not an Exception, so nothing catches it) when that many articles went through."""

    def __init__(self, crash_after: int | None = None):
        self.crash_after = crash_after
        self.seen: list[str] = []

    def pipe(self, articles):
        for a in articles:
            if self.crash_after is not None and len(self.seen) >= self.crash_after:
                raise Crash
            self.seen.append(a.url)
            yield ArticleResult(article=a, events=[make_event(str(a.id))])


class Crash(BaseException):
    pass


class Clock:
    def __init__(self):
        self.t = dt.datetime(2026, 1, 5, 12, 0, 0)

    def __call__(self) -> dt.datetime:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += dt.timedelta(seconds=seconds)


@pytest.fixture
def site():
    with FeedServer() as s:
        yield s


PG_URL = os.environ.get("EVENTWIRE_TEST_PG_URL")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=[
    pytest.mark.postgres, pytest.mark.skipif(not PG_URL, reason="EVENTWIRE_TEST_PG_URL is not set")])])
def store(request, tmp_path):
    """The watcher's store tests run on SQLite, and on PostgreSQL when there is one."""
    if request.param == "sqlite":
        s = Store(f"sqlite:///{tmp_path / 'watch.db'}")
        yield s
        s.close()
        return
    from storebackends import wipe

    wipe(PG_URL)
    s = Store(PG_URL)
    yield s
    s.close()
    wipe(PG_URL)


@pytest.fixture
def fetcher():
    with Fetcher(allow_private=True, timeout=2) as f:
        yield f


def watcher(store, fetcher, pipeline=None, clock=None, seed=7, **settings):
    lines: list[str] = []
    w = Watcher(store, pipeline or OneEventEach(), fetcher, WatchSettings(every=EVERY, **settings),
                rng=random.Random(seed), log=lines.append, **({"now": clock} if clock else {}))
    w.lines = lines
    return w


def page_hits(site, prefix="/a/"):
    return sum(n for path, n in site.hits.items() if path.startswith(prefix))


def stored_urls(store) -> list[str]:
    from sqlalchemy import select

    from eventwire.storage.models import ArticleRow

    with store._read() as s:
        return list(s.execute(select(ArticleRow.url)).scalars())


# -- conditional requests ---------------------------------------------------------------------------------
def test_the_fetcher_sends_validators_and_reports_a_304(site, fetcher):
    url = site.add_feed("world")
    site.publish("world", 2)
    first = fetcher.fetch(url)
    assert first.status == 200 and not first.not_modified and first.etag == '"v1"' and first.last_modified
    again = fetcher.fetch(url, etag=first.etag, last_modified=first.last_modified)
    assert again.not_modified and again.data == b"" and again.etag == '"v1"'
    assert (site.conditional, site.not_modified) == (1, 1)
    site.publish("world", 1)
    changed = fetcher.fetch(url, etag=first.etag)
    assert changed.status == 200 and changed.etag == '"v2"' and b"world-3" in changed.data


def test_a_second_poll_gets_a_304_and_reads_nothing(site, store, fetcher):
    url = site.add_feed("world")
    links = site.publish("world", 4)
    w = watcher(store, fetcher)
    first = w.poll(url)
    assert (first.status, first.new, first.seen) == ("ok", 4, 4)
    assert sorted(stored_urls(store)) == sorted(links)
    second = w.poll(url)
    assert (second.status, second.new, second.seen) == ("not-modified", 0, None)
    assert site.not_modified == 1 and page_hits(site) == 4  # no page fetched again
    state = store.feed_state(url)
    assert state.articles_added == 4 and state.last_status == "not-modified" and state.etag == '"v1"'
    assert re.fullmatch(r"\S+Z feed=\S+ status=ok new=4 known=0 seen=4 took=\S+s next=\S+Z", w.lines[0])
    assert "status=not-modified new=0" in w.lines[1]


def test_new_entries_are_ingested_once_and_stored_pages_are_not_fetched_again(site, store, fetcher):
    url = site.add_feed("world")
    site.publish("world", 3)
    w = watcher(store, fetcher)
    w.poll(url)
    fresh = site.publish("world", 2)
    third = w.poll(url)
    assert (third.status, third.new, third.known, third.seen) == ("ok", 2, 3, 5)
    assert page_hits(site) == 5 and all(site.hits[u.split(site.base)[1]] == 1 for u in fresh)
    assert len(stored_urls(store)) == len(set(stored_urls(store))) == 5
    assert store.feed_state(url).articles_added == 5 and store.stats()["articles"] == 5


def test_last_modified_alone_makes_polls_conditional_too(site, store, fetcher):
    url = site.add_feed("sport", kind="atom", etag=False)
    site.publish("sport", 2)
    w = watcher(store, fetcher)
    assert w.poll(url).new == 2
    state = store.feed_state(url)
    assert state.etag is None and state.last_modified
    assert w.poll(url).status == "not-modified" and site.not_modified == 1


def test_the_same_article_in_two_feeds_is_stored_once(site, store, fetcher):
    a, b = site.add_feed("world"), site.add_feed("region")
    [link] = site.publish("world", 1)
    item = site.pages[link.split(site.base)[1]]
    site.feeds["region"].items.insert(0, item)
    site.feeds["region"].version += 1
    w = watcher(store, fetcher)
    assert (w.poll(a).new, w.poll(b).new, w.poll(b).known) == (1, 0, 0)
    assert store.stats()["articles"] == 1
    assert store.feed_state(a).articles_added + store.feed_state(b).articles_added == 1


# -- failures, backoff, retries -----------------------------------------------------------------------------
def test_a_failing_feed_is_recorded_and_backed_off_exponentially_then_recovers(site, store, fetcher):
    url = site.add_feed("world")
    site.publish("world", 1)
    clock = Clock()
    w = watcher(store, fetcher, clock=clock, jitter=0.1, max_backoff=EVERY * 5)
    assert w.poll(url).status == "ok"
    site.fail("/world.rss", 503)
    waits = []
    for _ in range(4):
        clock.t = store.feed_state(url).next_poll_at
        assert w.due([url]) == ([url], None)
        result = w.poll(url)
        assert result.status == "error" and "HTTP 503" in result.error
        waits.append((result.next_poll_at - clock.t).total_seconds())
        assert w.due([url])[0] == [] and w.due([url], once=True)[0] == []  # backing off, even for cron
    assert EVERY * 2 * 0.9 <= waits[0] <= EVERY * 2 * 1.1
    assert EVERY * 4 * 0.9 <= waits[1] <= EVERY * 4 * 1.1
    assert all(EVERY * 5 * 0.9 <= x <= EVERY * 5 * 1.1 for x in waits[2:])  # capped at max_backoff
    state = store.feed_state(url)
    assert (state.consecutive_failures, state.failures, state.polls) == (4, 4, 5)
    assert state.last_status == "error" and "HTTP 503" in state.last_error and state.etag == '"v1"'
    assert "status=error" in w.lines[-1] and 'error="' in w.lines[-1]

    site.clear_failures()
    site.publish("world", 1)
    clock.t = state.next_poll_at
    back = w.poll(url)
    assert (back.status, back.new) == ("ok", 1)
    state = store.feed_state(url)
    assert state.consecutive_failures == 0 and state.last_success_at == clock.t and state.failures == 4
    assert EVERY * 0.9 <= (state.next_poll_at - clock.t).total_seconds() <= EVERY * 1.1


@pytest.mark.parametrize("mode, words", [("reset", "url"), ("garbage", "not a readable RSS/Atom feed"),
                                         (404, "HTTP 404")])
def test_every_kind_of_feed_failure_is_an_error_that_keeps_the_validators(site, store, fetcher, mode, words):
    url = site.add_feed("world")
    site.publish("world", 2)
    w = watcher(store, fetcher)
    w.poll(url)
    site.publish("world", 1)
    site.fail("/world.rss", mode)
    bad = w.poll(url)
    assert bad.status == "error" and (words in bad.error or words == "url")
    state = store.feed_state(url)
    assert state.etag == '"v1"' and state.consecutive_failures == 1 and state.articles_added == 2


def test_the_jitter_is_seeded_and_stays_in_bounds():
    def delays(seed):
        w = Watcher(None, None, None, WatchSettings(every=100, jitter=0.2, max_backoff=1000), rng=random.Random(seed))
        return [w.delay_after(n) for n in (0, 0, 0, 1, 2, 3, 10)]

    a, b, c = delays(1), delays(1), delays(2)
    assert a == b and a != c
    assert len(set(a[:3])) == 3  # feeds polled together drift apart
    for d, base in zip(a, (100, 100, 100, 200, 400, 800, 1000)):
        assert base * 0.8 <= d <= base * 1.2
    no_jitter = Watcher(None, None, None, WatchSettings(every=100, jitter=0), rng=random.Random(1))
    assert [no_jitter.delay_after(n) for n in (0, 1, 2)] == [100, 200, 400]


def test_an_entry_page_that_fails_is_retried_even_when_the_feed_is_unchanged(site, store, fetcher):
    url = site.add_feed("world")
    links = site.publish("world", 3)
    site.fail("/a/world-2", 500, times=1)
    w = watcher(store, fetcher)
    first = w.poll(url)
    assert (first.new, first.failed) == (2, 1) and "1 entries failed" in first.error
    state = store.feed_state(url)
    assert list(state.retry_links) == [links[1]] and state.retry_links[links[1]]["attempts"] == 1
    assert state.last_status == "ok" and state.consecutive_failures == 0  # a feed read is not a failed poll
    assert any("entry=" in ln and "attempt=1/3" in ln for ln in w.lines)
    second = w.poll(url)
    assert (second.status, second.new) == ("not-modified", 1)
    assert store.feed_state(url).retry_links == {} and sorted(stored_urls(store)) == sorted(links)


def test_an_entry_that_keeps_failing_is_given_up_and_not_fetched_again(site, store, fetcher):
    url = site.add_feed("world")
    [bad, good] = site.publish("world", 2)
    site.fail("/a/world-1", 500)
    w = watcher(store, fetcher)
    for _ in range(3):
        w.poll(url)
    assert site.hits["/a/world-1"] == 3
    state = store.feed_state(url)
    assert state.retry_links == {} and bad in state.skip_links
    assert any("gave-up" in ln for ln in w.lines)
    site.publish("world", 1)
    later = w.poll(url)
    assert (later.new, later.skipped, later.known) == (1, 1, 1) and site.hits["/a/world-1"] == 3
    assert stored_urls(store) and bad not in stored_urls(store)


def test_an_entry_with_nothing_to_store_is_read_once(site, store, fetcher):
    url = site.add_feed("world")
    [spanish] = site.publish("world", 1, text=lambda n: SPANISH)
    site.publish("world", 1)
    w = watcher(store, fetcher)
    first = w.poll(url)
    assert (first.new, first.skipped) == (1, 1)
    site.publish("world", 1)
    again = w.poll(url)
    assert (again.new, again.skipped, again.known) == (1, 1, 1)
    assert site.hits[spanish.split(site.base)[1]] == 1
    assert store.feed_state(url).skip_links == [spanish]


def test_a_page_is_watched_too_and_stored_once(site, store, fetcher):
    item_text = ("Fighters clashed with government forces near Homs on Thursday, and at least nine people were "
                 "killed in the fighting, a local monitoring group said in a statement issued late in the evening.")
    url = site.add_page("/story.html", f"<html><head><title>Homs</title></head><body><article><p>{item_text}</p>"
                                       "</article></body></html>".encode())
    w = watcher(store, fetcher)
    first = w.poll(url)
    assert (first.status, first.new, first.seen) == ("ok", 1, 1)
    second = w.poll(url)
    assert (second.new, second.known) == (0, 1) and store.stats()["articles"] == 1


def test_a_feed_url_with_credentials_logs_in_and_is_stored_and_logged_without_them(site, store, fetcher):
    url = site.add_feed("private")
    site.publish("private", 2)
    site.require_login("/private.rss", "reader", "s3cret")
    with_login = url.replace("http://", "http://reader:s3cret@")
    w = watcher(store, fetcher)
    first = w.poll(with_login)
    assert (first.status, first.new, first.url) == ("ok", 2, url)
    assert site.authorizations[-1].startswith("Basic ")
    assert w.poll(with_login).status == "not-modified"
    assert [s.url for s in store.feed_states()] == [url] and w.due([with_login])[0] == []
    assert not any("s3cret" in line for line in w.lines)
    site.publish("private", 1)
    wrong = w.poll(with_login.replace("s3cret", "wrong"))
    assert wrong.status == "error" and "HTTP 401" in wrong.error and "wrong" not in wrong.error
    assert "wrong" not in w.lines[-1] and "wrong" not in (store.feed_state(url).last_error or "")


def test_entries_left_when_the_feed_deadline_runs_out_wait_for_the_next_poll(store):
    with FeedServer(page_delay=0.3) as site, Fetcher(allow_private=True, timeout=2, feed_deadline=1.0) as fetcher:
        url = site.add_feed("world")
        links = site.publish("world", 8)
        w = watcher(store, fetcher)
        first = w.poll(url)
        assert first.new < 8 and first.deferred == 8 - first.new - first.failed and first.deferred > 0
        assert "left for the next poll" in first.error and f"deferred={first.deferred}" in w.lines[-1]
        waiting = store.feed_state(url).retry_links
        assert len(waiting) >= first.deferred and all(v["attempts"] <= 1 for v in waiting.values())
        for _ in range(10):
            if not store.feed_state(url).retry_links:
                break
            w.poll(url)
        assert sorted(stored_urls(store)) == sorted(links) and store.feed_state(url).skip_links == []
        assert not any("gave-up" in line for line in w.lines)


# -- crashes and restarts -------------------------------------------------------------------------------------
def _consistent(store) -> int:
    """Articles stored, after checking each has all its events and the feeds' counts add up to them."""
    from sqlalchemy import func, select

    from eventwire.storage.models import ArticleRow, EventSourceRow

    with store._read() as s:
        rows = s.execute(select(ArticleRow.event_count, func.count(EventSourceRow.id))
                         .join(EventSourceRow, EventSourceRow.article_id == ArticleRow.id, isouter=True)
                         .group_by(ArticleRow.id, ArticleRow.event_count)).all()
    urls = stored_urls(store)
    assert all(expected == found for expected, found in rows), "an article lost some of its events"
    assert len(urls) == len(set(urls)), "an article was stored twice"
    assert sum(f.articles_added for f in store.feed_states()) == len(rows), "feed counts and articles disagree"
    return len(rows)


def test_a_crash_in_the_middle_of_a_feed_loses_and_duplicates_nothing(site, store, fetcher):
    url = site.add_feed("world")
    links = site.publish("world", 10)
    with pytest.raises(Crash):
        watcher(store, fetcher, pipeline=OneEventEach(crash_after=4)).poll(url)
    assert _consistent(store) == 4
    state = store.feed_state(url)
    assert state.etag is None and state.polls == 0  # the poll was never recorded

    restarted = watcher(store, fetcher)
    again = restarted.poll(url)
    assert (again.status, again.new, again.known) == ("ok", 6, 4)  # read in full, not a 304
    assert site.not_modified == 0
    assert _consistent(store) == 10 and sorted(stored_urls(store)) == sorted(links)
    assert restarted.poll(url).status == "not-modified"


def test_a_poll_the_database_refuses_is_logged_and_the_watcher_goes_on(site, store, fetcher, monkeypatch):
    url = site.add_feed("world")
    site.publish("world", 1)
    w = watcher(store, fetcher)

    def broken(*args, **kwargs):
        raise RuntimeError("database is locked")

    monkeypatch.setattr(store, "finish_poll", broken)
    result = w.poll(url)
    assert result.status == "error" and "database is locked" in result.error and "status=error" in w.lines[-1]
    assert w.due([url])[0] == []  # held back in memory, as the store could not take the schedule
    monkeypatch.undo()
    w._held.clear()
    assert w.poll(url).status == "ok" and _consistent(store) == 1


# -- the loop ---------------------------------------------------------------------------------------------
def test_stop_ends_the_loop_after_the_current_feed(site, store, fetcher):
    url = site.add_feed("world")
    site.publish("world", 2)
    w = watcher(store, fetcher)
    feeds = FeedList([url], w.lines.append)
    t = threading.Thread(target=w.run, args=(feeds,))
    t.start()
    deadline = time.time() + 10
    while not w.lines and time.time() < deadline:
        time.sleep(0.02)
    w.stop("test")
    t.join(5)
    assert not t.is_alive() and w.stop_reason == "test"
    assert store.feed_state(url).articles_added == 2


def test_the_feed_list_skips_comments_reports_bad_lines_and_follows_changes(tmp_path):
    f = tmp_path / "feeds.txt"
    f.write_text("# world news\nhttps://a.example/feed.rss\n\nftp://b.example/x  # old\nhttps://c.example/atom # ok\n"
                 "https://a.example/feed.rss\n")
    log: list[str] = []
    feeds = FeedList([str(f), "https://d.example/rss"], log.append)
    assert feeds.urls() == ["https://a.example/feed.rss", "https://c.example/atom", "https://d.example/rss"]
    assert len(log) == 1 and "line=4" in log[0] and "not an http(s) URL" in log[0]
    f.write_text("https://e.example/new\n")
    os.utime(f, (time.time() + 5, time.time() + 5))
    assert feeds.urls() == ["https://e.example/new", "https://d.example/rss"]
    f.unlink()
    assert feeds.urls() == ["https://e.example/new", "https://d.example/rss"]  # kept, and said so
    assert "keeping the list read before" in log[-1]


def test_durations_and_log_values():
    assert [parse_duration(x) for x in ("90s", "15m", "1.5h", "1d", "30")] == [90, 900, 5400, 86400, 30]
    for bad in ("15 minutes", "", "m", "-5m"):
        with pytest.raises(ValueError, match="not a duration"):
            parse_duration(bad)
    assert [format_duration(x) for x in (900, 3600, 90, 86400, 2.5)] == ["15m", "1h", "90s", "1d", "2.5s"]
    assert quote("https://x.example/feed?a=1") == "https://x.example/feed?a=1"
    assert quote('HTTP 503 "busy"') == '"HTTP 503 \\"busy\\""'


# -- the command line -------------------------------------------------------------------------------------
def test_cli_feeds_prints_the_health_records(site, store, fetcher, tmp_path):
    from click.testing import CliRunner

    from eventwire.cli import cli

    url = site.add_feed("world")
    site.publish("world", 2)
    broken = site.add_feed("broken")
    site.fail("/broken.rss", 500)
    w = watcher(store, fetcher)
    w.poll(url)
    w.poll(broken)
    res = CliRunner().invoke(cli, ["feeds", "--db", store.url, "--format", "json"])
    assert res.exit_code == 0, res.output
    rows = {r["url"]: r for r in json.loads(res.output)}
    assert rows[url]["articles_added"] == 2 and rows[url]["last_status"] == "ok"
    assert rows[broken]["consecutive_failures"] == 1 and "HTTP 500" in rows[broken]["last_error"]
    assert rows[url]["last_success_at"].endswith("Z")
    table = CliRunner().invoke(cli, ["feeds", "--db", store.url], env={"COLUMNS": "250"})
    assert table.exit_code == 0 and "HTTP 500" in table.output and "2 feeds, 2 articles added, 1 failing" in table.output
    missing = CliRunner().invoke(cli, ["feeds", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 2 and "no database" in missing.output


def test_cli_watch_refuses_a_missing_feed_list_and_bad_options(tmp_path):
    from click.testing import CliRunner

    from eventwire.cli import cli

    res = CliRunner().invoke(cli, ["watch", str(tmp_path / "nope.txt"), "--db", str(tmp_path / "w.db")])
    assert res.exit_code == 2 and "no such file" in res.output and not (tmp_path / "w.db").exists()
    empty = tmp_path / "empty.txt"
    empty.write_text("# nothing yet\n")
    res = CliRunner().invoke(cli, ["watch", str(empty), "--db", str(tmp_path / "w.db")])
    assert res.exit_code == 2 and "no feed to watch" in res.output
    res = CliRunner().invoke(cli, ["watch", "https://x.example/rss", "--every", "soon"])
    assert res.exit_code == 2 and "not a duration" in res.output


def _eventwire() -> str:
    return str(Path(sys.executable).with_name("eventwire"))


def _run(*args, timeout=300):
    return subprocess.run([_eventwire(), *args], capture_output=True, text=True, timeout=timeout,
                          stdin=subprocess.DEVNULL)


def test_cli_watch_once_polls_records_and_then_gets_a_304(site, tmp_path):
    url = site.add_feed("world")
    site.publish("world", 3)
    site.add_feed("down")
    site.fail("/down.rss", 503)
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# test feeds\n{url}\nnot a url\n{site.feed_url('down')}\n")
    db = f"sqlite:///{tmp_path / 'once.db'}"
    first = _run("watch", str(feeds), "--db", db, "--once", "--allow-private", "--seed", "1")
    assert first.returncode == 0, first.stderr
    assert re.search(r"feed=\S+/world.rss status=ok new=3 known=0 seen=3 ", first.stderr), first.stderr
    assert re.search(r"feed=\S+/down.rss status=error .*HTTP 503", first.stderr)
    assert "line=3 status=error" in first.stderr and "watch status=stopped" in first.stderr
    second = _run("watch", str(feeds), "--db", db, "--once", "--allow-private")
    assert second.returncode == 0 and "status=not-modified new=0" in second.stderr
    assert "down.rss" not in second.stderr.split("status=start", 1)[1]  # backing off: skipped by --once
    health = {r["url"]: r for r in json.loads(_run("feeds", "--db", db, "--format", "json").stdout)}
    assert health[url]["articles_added"] == 3 and health[url]["polls"] == 2
    assert health[site.feed_url("down")]["consecutive_failures"] == 1
    s = Store(db)
    assert s.stats()["articles"] == 3 and s.stats()["events"] > 0
    s.close()


@pytest.mark.slow
def test_sigterm_stops_a_running_watch_after_the_current_feed(site, tmp_path):
    url = site.add_feed("world")
    site.publish("world", 2)
    db = f"sqlite:///{tmp_path / 'term.db'}"
    proc = subprocess.Popen([_eventwire(), "watch", url, "--db", db, "--every", "1h", "--allow-private"],
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    lines = []
    for line in proc.stderr:
        lines.append(line)
        if "feed=" in line:
            break
    proc.send_signal(signal.SIGTERM)
    _, rest = proc.communicate(timeout=30)
    assert proc.returncode == 0, "".join(lines) + rest
    assert "status=stopping signal=SIGTERM" in rest and "watch status=stopped signal=SIGTERM" in rest


@pytest.mark.slow
def test_kill_9_in_the_middle_of_a_watch_then_a_restart_loses_and_duplicates_nothing(tmp_path):
    with FeedServer(page_delay=0.1) as site:
        quick, slow = site.add_feed("quick"), site.add_feed("slow")
        site.publish("quick", 6)
        site.publish("slow", 40)
        feeds = tmp_path / "feeds.txt"
        feeds.write_text(f"{quick}\n{slow}\n")
        db = f"sqlite:///{tmp_path / 'kill.db'}"
        proc = subprocess.Popen([_eventwire(), "watch", str(feeds), "--db", db, "--every", "1h", "--allow-private"],
                                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 120
        while page_hits(site, "/a/slow-") < 15 and time.time() < deadline and proc.poll() is None:
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(30)
        assert proc.returncode == -signal.SIGKILL
        store = Store(db)
        assert _consistent(store) == 6  # the quick feed was done, the slow one cut short
        assert store.feed_state(slow).etag is None and store.feed_state(quick).etag is not None
        store.close()

        again = _run("watch", str(feeds), "--db", db, "--once", "--allow-private")
        assert again.returncode == 0, again.stderr
        assert re.search(r"quick.rss status=not-modified", again.stderr)
        assert re.search(r"slow.rss status=ok new=40 known=0 seen=40", again.stderr), again.stderr
        store = Store(db)
        assert _consistent(store) == 46 and set(stored_urls(store)) == site.served
        assert store.feed_state(slow).articles_added == 40
        store.close()


def test_cli_watch_once_exits_1_when_every_feed_failed(site, tmp_path, monkeypatch):
    from click.testing import CliRunner

    import eventwire.cli
    from eventwire.cli import cli

    monkeypatch.setattr(eventwire.cli, "_pipeline", lambda *a, **kw: OneEventEach())
    monkeypatch.setattr(Watcher, "install_signal_handlers", lambda self: None)  # not in the test runner
    down = site.add_feed("down")
    site.fail("/down.rss", 500)
    db = str(tmp_path / "down.db")
    res = CliRunner().invoke(cli, ["watch", down, "--db", db, "--once", "--allow-private"])
    assert res.exit_code == 1 and "status=error" in res.output and "HTTP 500" in res.output
    site.publish("down", 1)
    up = site.add_feed("up")
    site.publish("up", 1)
    res = CliRunner().invoke(cli, ["watch", down, up, "--db", db, "--once", "--allow-private"])
    assert res.exit_code == 0 and "up.rss status=ok new=1" in res.output  # down is backing off: skipped
    assert "down.rss" not in res.output.split("status=start", 1)[1]
