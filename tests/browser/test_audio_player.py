"""An audio file attached to a product plays on its portal page, in headless Chromium.

The page is rendered by Django's test client and the audio file read from MEDIA_ROOT;
Playwright's requests to http://testserver are answered with those bytes. A live server
would flush the seeded test database after the test, and Playwright's route handlers run
where Django's connection (and SQLite's in-memory test database) cannot follow.
"""

import datetime
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.test import Client
from wagtailmedia.models import get_media_model

from products.models import ProductAttachment
from tests.factories import make_product
from tests.sample_files import wav_bytes

CHROMIUM = "/usr/bin/chromium"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        shutil.which(CHROMIUM) is None, reason=f"{CHROMIUM} is not installed (apt-get install chromium)"
    ),
]


def rendered(paths):
    """What Django serves at each path: the page through the test client, media from MEDIA_ROOT."""
    answers = {}
    for path in paths:
        if path.startswith(settings.MEDIA_URL):
            file = Path(settings.MEDIA_ROOT) / path[len(settings.MEDIA_URL) :]
            answers[path] = (200, "audio/wav", file.read_bytes())
        else:
            response = Client().get(path)
            answers[path] = (response.status_code, response["Content-Type"], response.content)
    return answers


def test_uploaded_audio_plays_on_the_product_page(registers):
    from playwright.sync_api import sync_playwright

    media = get_media_model().objects.create(title="Bản tin phát thanh", type="audio", duration=2)
    media.file.save("ban-tin.wav", ContentFile(wav_bytes(seconds=2)))
    page = make_product(
        title="Bản tin tiếng Bahnar",
        language="bdq",
        unit="dai-ptth-kon-tum",
        format="radio-feature",
        publications=[("radio", datetime.date(2024, 5, 1))],
    )
    page.attachments = [ProductAttachment(media=media)]
    page.save_revision().publish()

    answers = rendered([page.url, media.url])
    assert b"<audio controls" in answers[page.url][2]

    def serve(route):
        path = "/" + route.request.url.split("://", 1)[1].split("/", 1)[1]
        status, content_type, body = answers.get(path, (404, "text/plain", b""))
        route.fulfill(status=status, body=body, headers={"Content-Type": content_type})

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--autoplay-policy=no-user-gesture-required",
            ],
        )
        try:
            tab = browser.new_page()
            tab.route("http://testserver/**", serve)
            tab.goto(f"http://testserver{page.url}")
            tab.wait_for_function(
                "document.querySelector('audio') && document.querySelector('audio').readyState >= 1"
            )
            duration = tab.evaluate("document.querySelector('audio').duration")
            assert duration == pytest.approx(2, abs=0.1)
            played = tab.evaluate(
                "document.querySelector('audio').play().then(() => new Promise(r => setTimeout(r, 300)))"
                ".then(() => document.querySelector('audio').currentTime)"
            )
            assert played > 0
        finally:
            browser.close()
