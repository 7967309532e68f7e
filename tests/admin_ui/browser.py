"""What every browser test of the admin checks, in one place for the other browser tests to reuse.

``watch(tab, site)`` records, for one Playwright tab, the requests to hosts other than the
site's, the console errors and the uncaught page errors, and ``open_quietly``/``Watch.settle``
wait until its requests have settled; ``english_on(tab)`` lists the common
English strings (``ENGLISH_STRINGS``) still visible on the page, in its text or in an input's
placeholder. Screenshots go to ``SCREENSHOTS`` (``var/screenshots/`` unless the environment
variable ``SCREENSHOTS_DIR`` names another folder), which CI keeps as artifacts.
"""

import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SCREENSHOTS = Path(
    os.environ.get("SCREENSHOTS_DIR", Path(__file__).resolve().parents[2] / "var" / "screenshots")
)

# English strings an editor used to meet every day (issue 14); none may be visible in the admin.
ENGLISH_STRINGS = (
    "Save draft",
    "Content",
    "Promote",
    "Collapse all",
    "Images",
    "Documents",
    "Media",
    "Reports",
    "Help",
    "Search all pages",
    "Drag and drop",
    "Duration",
    "Thumbnail",
    "Tags",
    "Page 1 of 1",
)

needs_chromium = pytest.mark.skipif(
    shutil.which(CHROMIUM) is None, reason=f"{CHROMIUM} is not installed (apt-get install chromium)"
)


# How long a tab must have had no request in flight to count as settled. Playwright's
# "networkidle" waits 500 ms of quiet after every page; on the admin and the portal the last
# request (the favicon) starts within 50 ms of the load event and nothing follows it.
QUIET_SECONDS = 0.15
SETTLE_TIMEOUT = 30


class InFlight:
    """The requests of one tab still on their way, to wait until the tab has settled."""

    def __init__(self, tab):
        self.tab, self.requests, self.last = tab, set(), time.monotonic()
        tab.on("request", self.started)
        tab.on("requestfinished", self.done)
        tab.on("requestfailed", self.done)

    def started(self, request):
        self.requests.add(request)
        self.last = time.monotonic()

    def done(self, request):
        self.requests.discard(request)
        self.last = time.monotonic()

    def settle(self, quiet=QUIET_SECONDS):
        """Wait until no request of the tab has been in flight for ``quiet`` seconds: what
        "networkidle" waits for, with a shorter quiet time. Playwright hands a sync caller the
        tab's events while it waits, hence the short waits in the loop."""
        deadline = time.monotonic() + SETTLE_TIMEOUT
        while self.requests or time.monotonic() - self.last < quiet:
            if time.monotonic() > deadline:
                raise TimeoutError(f"requests still in flight: {sorted(r.url for r in self.requests)}")
            self.tab.wait_for_timeout(25)


@dataclass
class Watch:
    site: str
    outside_requests: list = field(default_factory=list)
    console_errors: list = field(default_factory=list)
    in_flight: InFlight | None = None

    def settle(self, quiet=QUIET_SECONDS):
        self.in_flight.settle(quiet)

    def on_request(self, request):
        url = urlsplit(request.url)
        if url.scheme in ("http", "https", "ws", "wss") and url.netloc != self.site:
            self.outside_requests.append(request.url)

    def on_console(self, message):
        if message.type == "error":
            self.console_errors.append(f"{message.text} ({message.location.get('url', '')})")

    def on_page_error(self, error):
        self.console_errors.append(f"uncaught: {error}")


def watch(tab, site_url):
    """Start recording outside requests and console errors of ``tab`` for the site at ``site_url``."""
    recorder = Watch(site=urlsplit(site_url).netloc)
    tab.on("request", recorder.on_request)
    tab.on("console", recorder.on_console)
    tab.on("pageerror", recorder.on_page_error)
    recorder.in_flight = InFlight(tab)
    return recorder


def open_quietly(tab, recorder, url):
    """Open ``url`` in ``tab`` (watched by ``recorder``) and wait until the page has loaded and its
    requests have settled; returns the response."""
    response = tab.goto(url, wait_until="load")
    recorder.settle()
    return response


def english_on(tab, strings=ENGLISH_STRINGS):
    """The strings of ``strings`` visible on the page: its rendered text or input placeholders."""
    visible = tab.evaluate(
        "() => [document.body.innerText,"
        " ...Array.from(document.querySelectorAll('[placeholder]'))"
        ".filter(e => e.offsetParent !== null).map(e => e.placeholder)].join('\\n')"
    )
    return [text for text in strings if text in visible]


def screenshot(tab, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    tab.screenshot(path=str(path), full_page=True)
    return path
