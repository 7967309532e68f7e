"""Podcast feeds per language and per programme (unit × format), read back by feedparser."""

import xml.etree.ElementTree as ET

import feedparser
import pytest

from tests.factories import make_product
from tests.podcasts.conftest import AUDIO, HIDDEN_TITLES, TRANSCRIPT, D, episode, new_media

pytestmark = pytest.mark.django_db
LANGUAGE_FEED = "/bdq/podcasts/rss/"
PROGRAMME_FEED = "/bdq/podcasts/dai-ptth-kon-tum/radio-feature/rss/"


ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"


def explicit_tags(client, url):
    """itunes:explicit of the channel and of each item, as written (feedparser reads only yes/clean)."""
    channel = ET.fromstring(client.get(url).content).find("channel")  # noqa: S314 (our own output)
    return [channel.findtext(f"{ITUNES}explicit")] + [
        item.findtext(f"{ITUNES}explicit") for item in channel.iter("item")
    ]


def read(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/rss+xml")
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    return parsed


def test_programme_feed_has_enclosures_language_itunes_and_transcript(client, registers):
    episode("Quyền trẻ em", transcript=TRANSCRIPT, summary="Phóng sự tiếng Bahnar")
    feed = read(client, PROGRAMME_FEED)
    assert feed.version == "rss20"
    assert feed.feed.language == "bdq"
    assert "Phóng sự phát thanh" in feed.feed.title and "Bahnar" in feed.feed.title
    assert feed.feed.image.href == "http://testserver/static/podcast-artwork.png"
    artwork = client.get("/static/podcast-artwork.png")
    assert artwork.status_code == 200 and artwork["Content-Type"] == "image/png"
    assert explicit_tags(client, PROGRAMME_FEED) == ["false", "false"]  # Apple's spelling
    assert feed.feed.author  # itunes:author: the unit
    assert feed.feed.podcast_guid and feed.feed.podcast_locked == "no"
    assert feed.feed.tags[0].term == "Government"
    [item] = feed.entries
    assert item.title == "Quyền trẻ em" and item.summary == "Phóng sự tiếng Bahnar"
    [enclosure] = item.enclosures
    assert enclosure.href.startswith("http://testserver/media/media/tin-bahnar")
    assert enclosure.length == str(len(AUDIO)) and enclosure.type == "audio/mpeg"
    assert item.itunes_duration == "125"
    assert item.itunes_episodetype == "full"
    assert item.link.startswith("http://testserver/bdq/")
    transcript = item.podcast_transcript
    assert transcript["type"] == "text/plain" and transcript["language"] == "bdq"
    answer = client.get(transcript["url"].removeprefix("http://testserver"))
    assert answer.status_code == 200 and answer["Content-Type"] == "text/plain; charset=utf-8"
    assert answer.content.decode() == TRANSCRIPT
    # The enclosure is what /media/ serves, with the same type and length.
    media = client.get(enclosure.href.removeprefix("http://testserver"))
    assert media["Content-Type"] == enclosure.type and media["Content-Length"] == enclosure.length


def test_language_feed_has_every_programme_and_nothing_else(client, registers):
    episode("Phóng sự Bahnar", publications=[("radio", D(2024, 1, 1))])
    episode("Kịch Bahnar", format="radio-drama", publications=[("radio", D(2024, 2, 1))])
    episode("Phóng sự Xơ Đăng", language="sed")
    make_product(title="Bài viết không có tệp", language="bdq", unit="dai-ptth-kon-tum")
    feed = read(client, LANGUAGE_FEED)
    assert [item.title for item in feed.entries] == ["Kịch Bahnar", "Phóng sự Bahnar"]
    assert feed.feed.language == "bdq"
    assert [item.title for item in read(client, PROGRAMME_FEED).entries] == ["Phóng sự Bahnar"]
    drama = read(client, "/bdq/podcasts/dai-ptth-kon-tum/radio-drama/rss/")
    assert [item.title for item in drama.entries] == ["Kịch Bahnar"]
    assert [item.title for item in read(client, "/sed/podcasts/rss/").entries] == ["Phóng sự Xơ Đăng"]
    assert read(client, "/jra/podcasts/rss/").entries == []
    # No transcript: no podcast:transcript.
    assert "podcast_transcript" not in feed.entries[0]


def test_video_episode_has_a_video_enclosure(client, registers):
    video = new_media(name="phong-su.mp4", data=b"\x00" * 64, kind="video", duration=61.6)
    episode("Phóng sự truyền hình", format="tv-report", media=video)
    [item] = read(client, "/bdq/podcasts/dai-ptth-kon-tum/tv-report/rss/").entries
    assert item.enclosures[0].type == "video/mp4" and item.enclosures[0].length == "64"
    assert item.itunes_duration == "62"


def test_hidden_episodes_never_appear_and_their_transcripts_are_404(client, hidden_episodes):
    episode("Công khai")
    for url in (LANGUAGE_FEED, PROGRAMME_FEED):
        titles = [item.title for item in read(client, url).entries]
        assert titles == ["Công khai"], url
    page = client.get("/bdq/podcasts/").content.decode()
    assert not any(title in page for title in HIDDEN_TITLES)
    for product in hidden_episodes.values():
        product.transcript = TRANSCRIPT
        product.save()
        assert client.get(f"/bdq/podcasts/transcripts/{product.pk}.txt").status_code == 404


def test_transcript_only_in_its_language_and_only_when_there_is_one(client, registers):
    with_text = episode("Có lời", transcript=TRANSCRIPT)
    without = episode("Không lời")
    assert client.get(f"/bdq/podcasts/transcripts/{with_text.pk}.txt").status_code == 200
    assert client.get(f"/vi/podcasts/transcripts/{with_text.pk}.txt").status_code == 404
    assert client.get(f"/bdq/podcasts/transcripts/{without.pk}.txt").status_code == 404


def test_unknown_programme_is_a_404(client, registers):
    assert client.get("/bdq/podcasts/khong-co/radio-feature/rss/").status_code == 404
    assert client.get("/bdq/podcasts/dai-ptth-kon-tum/khong-co/rss/").status_code == 404


def test_directory_lists_the_feeds_and_pages_advertise_them(client, registers):
    product = episode("Phóng sự Bahnar")
    html = client.get("/bdq/podcasts/").content.decode()
    assert f'href="{PROGRAMME_FEED}"' in html and f'href="{LANGUAGE_FEED}"' in html
    assert '<link rel="alternate" type="application/rss+xml" title="Phóng sự phát thanh' in html
    assert f'type="application/rss+xml" title="Podcast" href="{LANGUAGE_FEED}"' in html
    episode_page = client.get(product.url).content.decode()
    assert 'type="application/rss+xml" title="Phóng sự phát thanh' in episode_page
    assert f'href="{PROGRAMME_FEED}"' in episode_page
    assert 'href="/bdq/podcasts/"' in client.get("/bdq/").content.decode()  # the footer links it


def test_feed_queries_do_not_grow_with_episodes(client, registers, django_assert_max_num_queries):
    episode("Số 1")
    client.get(PROGRAMME_FEED)  # warm what every request reads once (site, locales)
    from home.cache import page_cache

    page_cache().clear()
    with django_assert_max_num_queries(12) as few:
        client.get(PROGRAMME_FEED)
    for number in range(2, 12):
        episode(f"Số {number}")
    page_cache().clear()
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(read(client, PROGRAMME_FEED).entries) == 11


def test_feeds_are_cached_for_anonymous_readers(client, registers):
    episode("Số 1")
    assert client.get(PROGRAMME_FEED)["X-Page-Cache"] == "miss"
    assert client.get(PROGRAMME_FEED)["X-Page-Cache"] == "hit"
    episode("Số 2")  # a publish purges: the new episode is in the next answer
    assert len(read(client, PROGRAMME_FEED).entries) == 2


def test_every_episode_links_to_its_own_page(client, registers):
    products = [episode(f"Số {n}", publications=[("radio", D(2024, 1, n))]) for n in range(1, 4)]
    products.append(episode("Kịch", format="radio-drama", publications=[("radio", D(2024, 2, 1))]))
    links = {item.title: item.link for item in read(client, LANGUAGE_FEED).entries}
    assert links == {product.title: f"http://testserver{product.url}" for product in products}
    for link in links.values():
        assert client.get(link.removeprefix("http://testserver")).status_code == 200
