"""Fault 2: Elasticsearch is configured but nothing answers; search still works and says so.

    .venv/bin/python bench/faults/search_down.py        # DATABASE_URL as for the tests

A scratch installation (production settings, the demo) runs with ELASTICSEARCH_URL pointing
at a closed port on 127.0.0.1. Passes when the JSON search API and the portal's search page
answer 200 from the embedded engine with their notice, quickly, and /health/ answers 200
"degraded" with the reason.
"""

import json
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from ops.scratch import Scratch, free_port  # noqa: E402
from ops.scratch_template import install  # noqa: E402


def fetch(url):
    started = time.monotonic()
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - http://localhost
        return response.status, response.read().decode(), time.monotonic() - started


def main():
    closed = f"http://127.0.0.1:{free_port()}"
    checks = []
    with tempfile.TemporaryDirectory(prefix="ttnq-fault-search-") as tmp:
        site = Scratch(Path(tmp), env={"ELASTICSEARCH_URL": closed})
        try:
            install(site, demo=True).start()
            status, body, seconds = fetch(site.url + "/api/search/?q=quyen+con+nguoi")
            answer = json.loads(body)
            print(
                f"/api/search/: {status} in {seconds * 1000:.0f} ms, {answer['count']} hits, "
                f"notice: {answer.get('notice')!r}"
            )
            checks += [status == 200, answer["count"] > 0, "Elasticsearch" in answer.get("notice", "")]
            status, html, seconds = fetch(site.url + "/vi/search/?q=quyen+con+nguoi")
            print(
                f"/vi/search/: {status} in {seconds * 1000:.0f} ms, notice shown: {'Elasticsearch' in html}"
            )
            checks += [status == 200, 'class="notice"' in html and "Elasticsearch" in html]
            status, health = site.health()
            print(f"/health/: {status} {health['status']}; search: {health['search']}")
            checks += [
                status == 200,
                health["status"] == "degraded",
                health["search"]["status"] == "degraded",
            ]
        finally:
            site.destroy()
    print("PASS" if all(checks) else "FAIL")
    return 0 if all(checks) else 1


if __name__ == "__main__":
    sys.exit(main())
