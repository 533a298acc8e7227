"""Soak test of `eventwire watch`: the real command against a local news site for minutes, killed with SIGKILL
and restarted again and again, while articles are published and the site fails now and then.

    .venv/bin/python benchmarks/soak.py [--minutes 3] [--feeds 4] [--rate 1.5] [--kill-every 20]

The site (tests/feedserver.py) publishes `rate` articles a second over `feeds` feeds (RSS with ETag, Atom with
Last-Modified only), keeps the newest `window` in each feed, and fails on purpose: a feed answers 503 or
garbage for a few requests, an article page 500 once, a connection is reset. The watcher polls every 3 s
(`--every`) and is SIGKILLed at random moments (mean `kill-every` seconds apart, every fourth stop a SIGTERM),
then started again at once. At the end the failures stop and the last watcher catches up; then:

    served      article links the site put in a feed answer (what the watcher must store)
    stored      articles in the database
    lost        served but never stored (must be 0)
    duplicates  articles stored twice (by URL or by text: must be 0)
    health      the feeds' articles_added sum == articles stored

Measured (2026-12-05, 2-core VM shared with other helpers' jobs, load average 5-7, en_core_web_sm), defaults
(3 min, 4 feeds, 1.5 articles/s, polls every 3 s, seed 15), after the fetch hardening (deadlines) was merged:

    7 SIGKILLs and 2 SIGTERMs (10 starts); faults: 11 page 500s, 7 feed 503s, 4 resets, 1 garbage feed
    published 285, served 285, stored 285, lost 0, duplicates 0, feeds' articles_added sum == 285
    caught up 25.7 s after the publishing stopped (the last restart came 12 s before the end)
    112 feed requests (91 conditional, 21 answered 304); 299 page requests for 285 articles (1.05 each)
    SIGTERM to exit 0.1-2.4 s; watcher RSS 426 MB with the model loaded
(before that merge: 281 of 281 stored, 0 lost, 0 duplicates, caught up in 9.2 s)

10 minutes (--minutes 10, same machine, load from the test suite and a model training alongside), with every
hardening branch merged:

    21 SIGKILLs and 7 SIGTERMs (29 starts); faults: 32 page 500s, 24 feed 503s, 11 resets, 10 garbage feeds
    published 901, served 901, stored 901, lost 0, duplicates 0, feeds' articles_added sum == 901
    caught up 39.6 s after the publishing stopped; 170 feed requests (124 conditional, 26 answered 304);
    973 page requests for 901 articles (1.08 each); SIGTERM to exit 0.0-17.8 s; watcher RSS up to 561 MB
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "src"))

from feedserver import FeedServer  # noqa: E402


def rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


class Publisher(threading.Thread):
    """Publishes articles at `rate` a second over the feeds, and makes the site fail now and then."""

    def __init__(self, site: FeedServer, names: list[str], rate: float, rng: random.Random):
        super().__init__(daemon=True)
        self.site, self.names, self.rate, self.rng = site, names, rate, rng
        self.stopped = threading.Event()
        self.faults: Counter[str] = Counter()

    def run(self) -> None:
        while not self.stopped.wait(self.rng.expovariate(self.rate)):
            name = self.rng.choice(self.names)
            [link] = self.site.publish(name, 1)
            roll = self.rng.random()
            feed_path = self.site.feeds[name].path
            if roll < 0.03:
                self.site.fail(feed_path, 503, times=self.rng.randint(1, 3))
                self.faults["feed 503"] += 1
            elif roll < 0.04:
                self.site.fail(feed_path, "garbage", times=1)
                self.faults["feed garbage"] += 1
            elif roll < 0.05:
                self.site.fail(feed_path, "reset", times=1)
                self.faults["feed reset"] += 1
            elif roll < 0.09:
                self.site.fail(link.split(self.site.base, 1)[1], 500, times=1)
                self.faults["page 500"] += 1


class WatchProcess:
    def __init__(self, args: list[str], log_path: Path):
        self.args, self.log_path = args, log_path
        self.proc: subprocess.Popen | None = None
        self.starts = 0

    def start(self) -> None:
        log = open(self.log_path, "a")  # noqa: SIM115 - handed to the child, closed by the OS with it
        self.proc = subprocess.Popen(self.args, stdin=subprocess.DEVNULL, stdout=log, stderr=log)
        log.close()
        self.starts += 1

    def kill(self) -> float | None:
        rss = rss_mb(self.proc.pid)
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(30)
        return rss

    def term(self) -> float:
        """SIGTERM; the seconds it took to exit."""
        t = time.monotonic()
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(120)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        return time.monotonic() - t


def stored_urls(db: str) -> tuple[list[str], int, int]:
    """(article URLs, distinct content hashes, sum of the feeds' articles_added)."""
    from sqlalchemy import func, select

    from eventwire.storage.models import ArticleRow, FeedRow
    from eventwire.storage.store import Store

    store = Store(db)
    with store._read() as s:
        urls = list(s.execute(select(ArticleRow.url)).scalars())
        hashes = s.execute(select(func.count(func.distinct(ArticleRow.content_hash)))).scalar()
        added = s.execute(select(func.coalesce(func.sum(FeedRow.articles_added), 0))).scalar()
    store.close()
    return urls, hashes, added


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--minutes", type=float, default=3.0)
    ap.add_argument("--feeds", type=int, default=4)
    ap.add_argument("--rate", type=float, default=1.5, help="articles published per second, over all feeds")
    ap.add_argument("--kill-every", type=float, default=20.0, help="mean seconds between two kills")
    ap.add_argument("--every", default="3s")
    ap.add_argument("--window", type=int, default=200, help="entries a feed lists")
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--catch-up", type=float, default=180.0, help="seconds allowed to catch up at the end")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="eventwire-soak-"))
    db = f"sqlite:///{work / 'soak.db'}"
    exe = str(Path(sys.executable).with_name("eventwire"))

    with FeedServer(window=args.window, page_delay=0.02) as site:
        names = [f"wire{i}" for i in range(args.feeds)]
        for i, name in enumerate(names):
            site.add_feed(name, kind="atom" if i % 2 else "rss", etag=i % 2 == 0)
            site.publish(name, 5)
        feeds_file = work / "feeds.txt"
        feeds_file.write_text("".join(site.feed_url(n) + "\n" for n in names))
        watch = WatchProcess([exe, "watch", str(feeds_file), "--db", db, "--every", args.every, "--max-backoff", "20s",
                              "--jitter", "0.2", "--allow-private", "--timeout", "5"], work / "watch.log")
        publisher = Publisher(site, names, args.rate, rng)
        t0 = time.monotonic()
        end = t0 + args.minutes * 60
        watch.start()
        publisher.start()
        kills, terms, rss, term_waits = 0, 0, [], []
        while time.monotonic() < end:
            time.sleep(min(rng.expovariate(1 / args.kill_every), max(0.0, end - time.monotonic())))
            if time.monotonic() >= end:
                break
            if (kills + terms) % 4 == 3:
                term_waits.append(watch.term())
                terms += 1
            else:
                got = watch.kill()
                if got:
                    rss.append(got)
                kills += 1
            print(f"  {time.monotonic() - t0:6.1f}s  stop {kills + terms}: {len(site.served)} served, "
                  f"{len(stored_urls(db)[0])} stored", flush=True)
            watch.start()
        publisher.stopped.set()
        publisher.join()
        site.clear_failures()
        published_at_end = site.published
        catch_t = time.monotonic()
        while time.monotonic() - catch_t < args.catch_up:
            urls, _, _ = stored_urls(db)
            if site.served <= set(urls) and len(site.served) == published_at_end:
                break
            time.sleep(1)
        caught_up = time.monotonic() - catch_t
        term_waits.append(watch.term())
        urls, hashes, added = stored_urls(db)

    log = (work / "watch.log").read_text()
    polls = Counter(line.split(" status=", 1)[1].split()[0] for line in log.splitlines()
                    if " feed=" in line and " entry=" not in line and " status=" in line)
    stored = set(urls)
    lost = site.served - stored
    never_served = published_at_end - len(site.served)
    page_hits = sum(n for p, n in site.hits.items() if p.startswith("/a/"))
    feed_hits = sum(n for p, n in site.hits.items() if not p.startswith("/a/"))
    print(f"""
soak of `eventwire watch`: {args.minutes:g} min, {args.feeds} feeds, {args.rate:g} articles/s, polls every {args.every},
{kills} SIGKILLs and {terms} SIGTERMs ({watch.starts} starts), faults injected: {dict(publisher.faults)}

published        {published_at_end}
served           {len(site.served)}   (links in a feed answer; never served: {never_served})
stored           {len(urls)}   (distinct texts: {hashes})
lost             {len(lost)}
duplicates       {len(urls) - len(stored) + len(urls) - hashes}
health           feeds' articles_added sum {added} {'==' if added == len(urls) else '!='} {len(urls)} articles
caught up        {caught_up:.1f} s after the publishing stopped
feed requests    {feed_hits}, of them 304: {site.not_modified} ({site.conditional} conditional)
page requests    {page_hits} for {len(urls)} articles ({page_hits / max(1, len(urls)):.2f} each)
poll log lines   {dict(polls)}
SIGTERM to exit  {', '.join(f'{w:.1f}s' for w in term_waits)}
watcher RSS      {f'{min(rss):.0f}-{max(rss):.0f} MB at the kills' if rss else 'n/a'}
work dir         {work}""")
    if lost:
        print("lost:", sorted(lost)[:10])
    sys.exit(1 if lost or len(urls) != len(stored) or added != len(urls) else 0)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
