"""Fault 1: PostgreSQL restarts in the middle of traffic; the site recovers by itself.

    .venv/bin/python bench/faults/database_restart.py [--clients 8] [--down 5]

A PostgreSQL server of the script's own (initdb in a temporary folder, so nobody else's
databases are touched) holds a scratch installation with the demo; gunicorn serves it with
production settings (persistent connections checked before use). Clients request a mix of
pages and API calls while the server is stopped for --down seconds and started again.
Passes when: no request fails before the stop; /health/ answers 503 while the database is
down and 200 again after; once /health/ is green, no request fails; nobody restarted gunicorn.
"""

import argparse
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from ops.scratch import PostgresCluster, Scratch  # noqa: E402
from ops.scratch_template import install  # noqa: E402

PATHS = ["/vi/", "/en/", "/vi/san-pham/", "/api/v2/products/?limit=5", "/api/search/?q=quyen+con+nguoi"]


class Traffic:
    def __init__(self, base, clients):
        self.base, self.results, self.stopping = base, [], threading.Event()
        self.threads = [threading.Thread(target=self.client, args=(i,), daemon=True) for i in range(clients)]

    def client(self, number):
        i = number
        while not self.stopping.is_set():
            path = PATHS[i % len(PATHS)]
            i += 1
            started = time.monotonic()
            try:
                with urllib.request.urlopen(self.base + path, timeout=15) as response:  # noqa: S310
                    response.read()
                    status = response.status
            except urllib.error.HTTPError as error:
                status = f"{error.code} {path}"
            except OSError as error:
                status = f"{error} {path}"
            self.results.append((started, time.monotonic(), status))

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        for thread in self.threads:
            thread.join()

    def failures(self, start, end):
        """Requests that started at or after ``start`` and ended before ``end`` and did not get a 200."""
        return [s for began, ended, s in self.results if start <= began and ended < end and s != 200]

    def count(self, start, end):
        return sum(1 for began, ended, _ in self.results if start <= began and ended < end)


def wait_for_health(site, wanted, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status, body = site.health()
        if status == wanted:
            return time.monotonic(), body
        time.sleep(0.2)
    return None, site.health()


def run(clients, down_seconds):
    with tempfile.TemporaryDirectory(prefix="ttnq-fault-db-") as tmp:
        cluster = PostgresCluster().create()
        site = Scratch(Path(tmp) / "site", database_url=cluster.url)
        try:
            install(site, demo=True).start(workers=2, threads=4)
            server_pid = site.server.pid
            with Traffic(site.url, clients) as traffic:
                time.sleep(5)
                stopped_at = time.monotonic()
                cluster.stop()
                down_seen, down_body = wait_for_health(site, 503, timeout=10)
                time.sleep(max(0.0, down_seconds - (time.monotonic() - stopped_at)))
                cluster.start()
                started_at = time.monotonic()
                green_at, _ = wait_for_health(site, 200, timeout=30)
                time.sleep(8)
                ended_at = time.monotonic()
            return report(
                traffic, site, server_pid, stopped_at, started_at, down_seen, down_body, green_at, ended_at
            )
        finally:
            site.destroy()
            cluster.destroy()


def report(traffic, site, server_pid, stopped_at, started_at, down_seen, down_body, green_at, ended_at):
    first = min((r[0] for r in traffic.results), default=stopped_at)
    before = traffic.failures(first, stopped_at)  # answered before the stop
    in_trouble = [
        s for began, ended, s in traffic.results if ended >= stopped_at and began < (green_at or ended_at)
    ]
    during = [s for s in in_trouble if s != 200]  # in flight at the stop, or sent while down
    after = traffic.failures(green_at or ended_at, float("inf"))  # sent once /health/ was green
    answered = traffic.count(first, stopped_at)
    print(f"requests answered before the stop: {answered}, failed {len(before)} {before[:5]}")
    down_for = started_at - stopped_at
    print(
        f"in flight at the stop or sent while down ({down_for:.1f} s): {len(in_trouble)}, "
        f"failed {len(during)}"
    )
    if down_seen:
        print(f"/health/ answered 503 {down_seen - stopped_at:.1f} s after the stop: {down_body['database']}")
    if green_at:
        print(f"/health/ green {green_at - started_at:.1f} s after PostgreSQL started again")
    sent_after = traffic.count(green_at or ended_at, float("inf"))
    print(f"requests sent after recovery: {sent_after}, failed {len(after)}")
    same_server = site.server.poll() is None and site.server.pid == server_pid
    ok = not before and down_seen and green_at and not after and same_server
    if before or after:
        print("server log (tail):", (site.root / "server.log").read_text(errors="replace")[-4000:])
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--down", type=float, default=5.0, help="seconds PostgreSQL stays down")
    args = parser.parse_args()
    return run(args.clients, args.down)


if __name__ == "__main__":
    sys.exit(main())
