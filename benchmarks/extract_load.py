"""POST /api/extract under hostile load (issue 15, defect 6), against the real `eventwire serve` on 127.0.0.1.

    .venv/bin/python benchmarks/extract_load.py [--burst 8]

1. the 500,000-character request of the report: how fast it is refused, and the server's memory after it;
2. one extraction at the default limit (50,000 characters of the examples/ articles): its time, and the latency
   of /api/health and /api/events polled while it runs;
3. a burst of concurrent extractions of 10,000 characters: how many are served and how many get 429 at once.

Measured (2026-12-05, 2-core VM shared with other helpers' jobs, load average 5-8), defaults (50,000 characters,
queue of 4), en_core_web_sm:

    server RSS after loading the model                        383 MB
    500,000 characters                                        413 in 0.04 s, RSS unchanged (385 MB)
      (before: 40 s of extraction, 1.1 -> 2.6 GB, the next caller waited 37 s)
    50,000 characters                                         200 in 6.5 s (272 events), RSS 562 MB
      /api/health meanwhile (65 calls)                        p50 14 ms, max 425 ms
      /api/events meanwhile (65 calls)                        p50 19 ms, max 116 ms
    burst of 8 x 10,000 characters                            4 served, 4 got 429 at once (Retry-After 16 s),
                                                              all answered in 3.4 s
"""

from __future__ import annotations

import argparse
import concurrent.futures
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def text_of(chars: int) -> str:
    corpus = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt")))
    return (corpus * (chars // len(corpus) + 1))[:chars]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--burst", type=int, default=8)
    args = ap.parse_args()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as folder:
        proc = subprocess.Popen([sys.executable, "-m", "eventwire.cli", "serve", "--db", f"{folder}/load.db",
                                 "--port", str(port)], stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    httpx.get(f"{base}/api/health", timeout=2)
                    break
                except httpx.TransportError:
                    if time.monotonic() > deadline or proc.poll() is not None:
                        sys.exit("the server did not start")
                    time.sleep(0.2)
            client = httpx.Client(base_url=base, timeout=600)
            client.post("/api/extract", json={"text": text_of(500)})  # loads the model
            print(f"server RSS after loading the model: {rss_mb(proc.pid):.0f} MB")

            start = time.monotonic()
            r = client.post("/api/extract", json={"text": text_of(500_000)})
            print(f"500,000 characters: {r.status_code} in {time.monotonic() - start:.2f} s "
                  f"({r.json()['detail'][:60]}...); RSS {rss_mb(proc.pid):.0f} MB")

            latencies: dict[str, list[float]] = {"/api/health": [], "/api/events": []}
            done = threading.Event()

            def poll() -> None:
                with httpx.Client(base_url=base, timeout=60) as poller:
                    while not done.is_set():
                        for path, times in latencies.items():
                            t0 = time.monotonic()
                            poller.get(path)
                            times.append(time.monotonic() - t0)
                        time.sleep(0.05)

            poller = threading.Thread(target=poll)
            poller.start()
            start = time.monotonic()
            r = client.post("/api/extract", json={"text": text_of(50_000)})
            took = time.monotonic() - start
            done.set()
            poller.join()
            print(f"50,000 characters: {r.status_code} in {took:.1f} s, {len(r.json().get('events', []))} events; "
                  f"RSS {rss_mb(proc.pid):.0f} MB")
            for path, times in latencies.items():
                print(f"  {path} meanwhile: {len(times)} calls, p50 {statistics.median(times) * 1000:.0f} ms, "
                      f"max {max(times) * 1000:.0f} ms")

            start = time.monotonic()
            with concurrent.futures.ThreadPoolExecutor(args.burst) as pool:
                answers = list(pool.map(lambda _: httpx.post(f"{base}/api/extract", timeout=600,
                                                             json={"text": text_of(10_000)}), range(args.burst)))
            codes = [a.status_code for a in answers]
            refused = [a.headers.get("retry-after") for a in answers if a.status_code == 429]
            print(f"burst of {args.burst} x 10,000 characters: {codes.count(200)} served, {codes.count(429)} got 429 "
                  f"(Retry-After {refused}), all done in {time.monotonic() - start:.1f} s; "
                  f"RSS {rss_mb(proc.pid):.0f} MB")
        finally:
            proc.terminate()
            proc.wait(30)


if __name__ == "__main__":
    main()
