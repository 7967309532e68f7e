"""A feed of 1,000 episodes in under a second: a fixed number of queries, whatever the episode count,
and every item's fields (categories, dates, guid, enclosure) as the syndication framework writes them."""

import io
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.feedgenerator import Rss201rev2Feed

from home.cache import page_cache
from home.podcast_feed import PodcastFeed
from tests.podcasts.conftest import TRANSCRIPT, D, episode, new_media
from tests.podcasts.test_feeds import LANGUAGE_FEED, PROGRAMME_FEED, read

pytestmark = pytest.mark.django_db


def add_episodes(start, stop):
    """Episodes of two programmes, half with a transcript, every fifth a video."""
    for number in range(start, stop):
        video = number % 5 == 0
        media = new_media(
            name=f"so-{number}.mp4" if video else f"so-{number}.mp3", kind="video" if video else "audio"
        )
        episode(
            f"Số {number}",
            format="radio-drama" if number % 3 == 0 else "radio-feature",
            transcript=TRANSCRIPT if number % 2 else "",
            publications=[("radio", D(2024, 1, 1 + number % 28))],
            media=media,
        )


def queries(client, url):
    page_cache().clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_feed_queries_are_the_same_for_3_and_30_episodes(client, registers):
    add_episodes(0, 3)
    for url in (LANGUAGE_FEED, PROGRAMME_FEED):
        client.get(url)  # what every request reads once per process (site, locales)
    few = {url: queries(client, url) for url in (LANGUAGE_FEED, PROGRAMME_FEED)}
    add_episodes(3, 30)
    many = {url: queries(client, url) for url in (LANGUAGE_FEED, PROGRAMME_FEED)}
    assert many == few
    assert len(read(client, LANGUAGE_FEED).entries) == 30


def test_items_carry_categories_dates_guid_and_the_newest_date(client, registers):
    older = episode("Cũ", publications=[("radio", D(2024, 1, 5))], summary="Tóm tắt cũ")
    newer = episode(
        "Mới", format="radio-drama", publications=[("radio", D(2024, 3, 9))], transcript=TRANSCRIPT
    )
    feed = read(client, LANGUAGE_FEED)
    assert [item.title for item in feed.entries] == ["Mới", "Cũ"]
    first, second = feed.entries
    assert [tag.term for tag in first.tags] == [
        "Nỗ lực, thành tựu bảo đảm quyền con người",
        "Kịch truyền thanh",
    ]
    assert [tag.term for tag in second.tags][1] == "Phóng sự phát thanh"
    assert first.id == f"product-{newer.pk}" and second.id == f"product-{older.pk}"
    assert first.guidislink is False
    assert first.published == "Sat, 09 Mar 2024 12:00:00 +0700"
    assert second.published == "Fri, 05 Jan 2024 12:00:00 +0700" and second.summary == "Tóm tắt cũ"
    assert "podcast_transcript" in first and "podcast_transcript" not in second
    newer.refresh_from_db()
    channel = ET.fromstring(client.get(LANGUAGE_FEED).content).find("channel")  # noqa: S314 (our own output)
    assert channel.findtext("lastBuildDate") == newer.last_published_at.strftime(
        "%a, %d %b %Y %H:%M:%S +0000"
    )


def test_an_episode_whose_file_is_missing_is_left_out(client, registers):
    kept = episode("Còn tệp")
    gone = new_media(name="da-mat.mp3")
    episode("Mất tệp", media=gone)
    gone.file.storage.delete(gone.file.name)
    assert [item.title for item in read(client, PROGRAMME_FEED).entries] == [kept.title]


def test_the_feed_is_byte_for_byte_what_djangos_generator_writes(client, registers):
    """``QuickXMLGenerator`` writes what ``SimplerXMLGenerator`` writes: escapes, attributes, empty tags."""
    episode("Luật & quyền <trẻ em> \"số 1\" 'ê'", summary="", transcript=TRANSCRIPT)
    episode("Tóm tắt có ký tự", summary="a < b & c > d; « trích dẫn »", format="radio-drama")
    request = RequestFactory().get(LANGUAGE_FEED)
    with translation.override("bdq"):
        view = PodcastFeed()
        feed = view.get_feed(view.get_object(request), request)
    ours, djangos = io.BytesIO(), io.BytesIO()
    feed.write(ours, "utf-8")
    Rss201rev2Feed.write(feed, djangos, "utf-8")  # RssFeed.write: SimplerXMLGenerator, a write per event
    assert b"&amp; quy\xe1\xbb\x81n &lt;tr\xe1\xba\xbb em&gt;" in djangos.getvalue()
    assert b"<description></description>" not in djangos.getvalue()
    assert ours.getvalue() == djangos.getvalue()
    assert client.get(LANGUAGE_FEED).content == djangos.getvalue()
