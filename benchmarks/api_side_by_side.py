"""benchmarks/api.py's queries asked of two servers in turn: a change and the tree before it under the same load.

    .venv/bin/python benchmarks/api_side_by_side.py --before-src /work/main/src --before-db old-copy.db \\
        --after-src src --after-db benchmarks/out/api-1000000.db [--runs 15]

Each side is `python -m eventwire.cli serve --cache-mb 0 --workers 1` of its own sources on its own database (a
SQLite file or a PostgreSQL URL: a change with a migration needs a copy of the data at each schema, e.g. CREATE
DATABASE b TEMPLATE a). Every query is asked of both, alternately, `--runs` times after one warm-up each; p50 and
p95 per side. On a machine shared with other jobs the load moves figures by half within minutes: asked in turn,
both sides see the same load. Figures: benchmarks/api.py's docstring.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from api import QUERIES  # noqa: E402


def serve(src: str, db: str) -> tuple[subprocess.Popen, str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "eventwire.cli", "serve", "--db", db, "--port", str(port),
                             "--cache-mb", "0", "--workers", "1"], env={**os.environ, "PYTHONPATH": src},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return proc, f"http://127.0.0.1:{port}"


def wait_ready(client: httpx.Client, timeout_s: float = 300) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            if client.get("/api/health").status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    sys.exit("a server did not start")


def page_50(client: httpx.Client) -> str:
    path = "/api/events?limit=100"
    for _ in range(49):
        path = f"/api/events?limit=100&cursor={client.get(path).json()['next_cursor']}"
    return path


def timed_url(path: str, k: int) -> str:
    """A stats request of its own for each run (the server keeps slow stats for a minute), as api.py asks."""
    if "top=" in path:
        return path.replace("top=100", f"top={100 + k}")
    return f"{path}{'&' if '?' in path else '?'}top={20 + k}" if path.startswith("/api/stats") else path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--before-src", required=True)
    ap.add_argument("--before-db", required=True)
    ap.add_argument("--after-src", required=True)
    ap.add_argument("--after-db", required=True)
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--middle", type=int, default=500_000, help="the id asked for by 'event by id'")
    args = ap.parse_args()
    sides = {"before": serve(args.before_src, args.before_db), "after": serve(args.after_src, args.after_db)}
    try:
        clients = {name: httpx.Client(base_url=base, timeout=120) for name, (_, base) in sides.items()}
        for client in clients.values():
            wait_ready(client)
        print(f"{'query':40} {'before p50':>10} {'p95':>7} {'after p50':>10} {'p95':>7}")
        for label, path in QUERIES:
            paths = {name: (page_50(c) if path is None else path).replace("{middle}", str(args.middle))
                     for name, c in clients.items()}
            times: dict[str, list[float]] = {name: [] for name in clients}
            for k in range(args.runs + 1):
                for name in (["before", "after"] if k % 2 else ["after", "before"]):
                    t0 = time.perf_counter()
                    r = clients[name].get(timed_url(paths[name], k))
                    ms = (time.perf_counter() - t0) * 1000
                    assert r.status_code == 200, (name, label, r.status_code, r.text[:200])
                    if k:
                        times[name].append(ms)
            row = []
            for name in ("before", "after"):
                t = sorted(times[name])
                row += [statistics.median(t), t[min(len(t) - 1, int(round(0.95 * len(t))) - 1)]]
            print(f"{label:40} {row[0]:10.1f} {row[1]:7.1f} {row[2]:10.1f} {row[3]:7.1f}", flush=True)
    finally:
        for proc, _ in sides.values():
            proc.terminate()
        for proc, _ in sides.values():
            proc.wait(timeout=30)


if __name__ == "__main__":
    main()
