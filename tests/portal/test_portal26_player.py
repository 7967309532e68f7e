"""A radio or TV product's player on a phone (360 px): visible, within the screen, and its
transcript beside it (issue 26: the audio player was 0 px high on the station's own products).
"""

import datetime

import pytest
from django.core.files.base import ContentFile
from wagtailmedia.models import get_media_model

from products.models import ProductAttachment
from tests.browser.portal import DjangoRouter, browser_tab, needs_chromium
from tests.factories import make_product
from tests.sample_files import wav_bytes

pytestmark = needs_chromium
WIDTH = 360
TRANSCRIPT = "Người dẫn: Kính thưa quý thính giả, hôm nay chúng ta nói về quyền trẻ em."


def _product_with(kind, name, data):
    media = get_media_model().objects.create(title=f"Tệp {kind}", type=kind, duration=2)
    media.file.save(name, ContentFile(data))
    page = make_product(
        title=f"Bản tin {kind} của Đài",
        language="bdq",
        unit="dai-ptth-kon-tum",
        format="radio-drama" if kind == "audio" else "video",
        transcript=TRANSCRIPT,
        publications=[("radio", datetime.date(2024, 5, 1))],
    )
    page.attachments = [ProductAttachment(media=media)]
    page.save_revision().publish()
    return page


def _box(tab, selector):
    return tab.evaluate(
        f"(() => {{ const r = document.querySelector({selector!r}).getBoundingClientRect();"
        " return {x: r.left, right: r.right, height: r.height, width: r.width}; })()"
    )


@pytest.mark.parametrize(
    "kind, name, data",
    [
        pytest.param("audio", "ban-tin.wav", wav_bytes(seconds=2), id="audio"),
        pytest.param("video", "phong-su.mp4", b"\x00" * 64, id="video"),
    ],
)
def test_player_and_transcript_are_usable_on_a_phone(registers, kind, name, data):
    url = _product_with(kind, name, data).url  # before the tab: its event loop has its own connection
    with browser_tab(DjangoRouter(), width=WIDTH) as tab:
        tab.goto(f"http://testserver{url}")
        player = _box(tab, kind)
        assert player["height"] > 0, f"the {kind} player is {player['height']} px high"
        assert player["x"] >= 0 and player["right"] <= WIDTH, player
        assert tab.evaluate("document.documentElement.scrollWidth") <= WIDTH
        # The transcript comes right after the player (before the body's text), and opens on a tap.
        after_player = f"document.querySelector({kind!r}).closest('.attachment').nextElementSibling"
        assert tab.evaluate(f"{after_player}.className") == "transcript"
        tab.click(".transcript summary")
        transcript = _box(tab, ".transcript p")
        assert transcript["height"] > 0 and transcript["right"] <= WIDTH, transcript
        assert TRANSCRIPT in tab.inner_text(".transcript")
