"""Driving the portal in headless Chromium: Django answers Chromium's requests in-process.

Chromium's requests to http://testserver are routed to Django's test client (the pages), to
the static-file finders (CSS, the admin's assets) and to MEDIA_ROOT (uploads), so the tests
see the test's own transaction without a live server (which would flush the seeded
database). Playwright's sync API calls route handlers from a greenlet of the test's thread
with an event loop running: Django refuses ORM calls there unless DJANGO_ALLOW_ASYNC_UNSAFE
is set, and would open a second connection (another context) unless handed the test's.
"""

import json
import mimetypes
import os
import re
import shutil
from contextlib import contextmanager
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.db import connections
from django.test import Client

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(settings.BASE_DIR)
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / ".local" / "screenshots" / "portal"
# WCAG 2.2 A and AA (2.5.8: targets of 24 px) and axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]

needs_chromium = [
    pytest.mark.browser,
    pytest.mark.skipif(shutil.which(CHROMIUM) is None, reason=f"{CHROMIUM} is not installed"),
]
needs_axe = pytest.mark.skipif(not AXE.exists(), reason="axe-core is not installed: run `npm ci`")


class DjangoRouter:
    """Answers every request Chromium makes to http://testserver, and counts them."""

    def __init__(self, client=None):
        self.client = client or Client()
        self.requests = []  # (path, bytes)
        self.connection = connections["default"]

    def __call__(self, route):
        # Playwright calls this from its own greenlet (same thread, other context): hand it the
        # test's connection, which holds the test's transaction.
        connections["default"] = self.connection
        parts = urlsplit(route.request.url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        self.client.cookies.update(SimpleCookie(route.request.headers.get("cookie", "")))
        status, headers, body = self.answer(route.request.method, parts.path, path)
        self.requests.append((path, len(body)))
        route.fulfill(status=status, headers=headers, body=body)

    def answer(self, method, bare_path, path):
        for prefix, find in ((settings.STATIC_URL, finders.find), (settings.MEDIA_URL, self._media)):
            if bare_path.startswith(prefix):
                found = find(bare_path[len(prefix) :])
                if not found:
                    return 404, {}, b""
                kind = mimetypes.guess_type(found)[0] or "application/octet-stream"
                return 200, {"Content-Type": kind}, Path(found).read_bytes()
        response = self.client.get(path) if method == "GET" else self.client.head(path)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        headers = dict(response.items())
        for cookie in response.cookies.values():
            headers["Set-Cookie"] = cookie.output(header="").strip()
        return response.status_code, headers, body

    @staticmethod
    def _media(name):
        file = Path(settings.MEDIA_ROOT) / name
        return str(file) if file.exists() else None


@contextmanager
def browser_tab(router, *, width=360, javascript=True):
    from playwright.sync_api import sync_playwright

    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                context = browser.new_context(
                    viewport={"width": width, "height": 740}, java_script_enabled=javascript
                )
                tab = context.new_page()
                tab.route(re.compile(r"^http://testserver/"), router)
                yield tab
            finally:
                browser.close()
    finally:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


def axe_violations(tab, context=None):
    """axe-core's violations on the open page, as (rule id, impact, first target) tuples."""
    tab.evaluate(AXE.read_text(encoding="utf-8"))
    options = json.dumps({"runOnly": {"type": "tag", "values": AXE_TAGS}})
    target = json.dumps(context) if context else "document"
    result = tab.evaluate(f"axe.run({target}, {options})")
    return [
        (v["id"], v["impact"], v["nodes"][0]["target"], v["nodes"][0]["failureSummary"][:200])
        for v in result["violations"]
    ]


def screenshot(tab, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
