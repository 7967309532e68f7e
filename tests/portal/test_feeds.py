"""RSS and Atom feeds per language, area, format, unit and year: they parse back."""

import datetime
import xml.etree.ElementTree as ET

import pytest

from tests.factories import make_product
from tests.portal.conftest import HIDDEN_TITLES

D = datetime.date
ATOM = "{http://www.w3.org/2005/Atom}"


def rss_titles(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")  # noqa: S314 (our own server's output)
    return channel, [item.findtext("title") for item in channel.iter("item")]


def test_rss_per_language_newest_first_and_parses(client, registers, hidden):
    make_product(title="Cũ", publications=[("radio", D(2023, 1, 1))])
    make_product(title="Mới", summary="Tóm tắt mới", publications=[("radio", D(2025, 1, 1))])
    make_product(title="Bahnar", language="bdq", unit="dai-ptth-kon-tum")
    channel, titles = rss_titles(client, "/vi/feeds/rss/")
    assert titles == ["Mới", "Cũ"]
    assert channel.findtext("language") == "vi"
    assert channel.findtext("link") == "http://testserver/vi/san-pham/"
    item = channel.find("item")
    assert item.findtext("description") == "Tóm tắt mới"
    assert item.findtext("link").startswith("http://testserver/vi/san-pham/bao-kon-tum/")
    assert item.findtext("pubDate").endswith("+0700") and "2025" in item.findtext("pubDate")
    assert not set(titles) & set(HIDDEN_TITLES)
    assert rss_titles(client, "/bdq/feeds/rss/")[1] == ["Bahnar"]


def test_feeds_per_area_unit_format_and_year(client, registers):
    make_product(title="Báo III", area="III", publications=[("radio", D(2024, 1, 1))])
    make_product(title="Đài III", unit="dai-ptth-kon-tum", area="III", format="video")
    make_product(title="Báo V", area="V", publications=[("radio", D(2023, 1, 1))])
    assert rss_titles(client, "/vi/feeds/rss/?area=III")[1] == ["Đài III", "Báo III"]
    assert rss_titles(client, "/vi/feeds/rss/?unit=dai-ptth-kon-tum")[1] == ["Đài III"]
    assert rss_titles(client, "/vi/feeds/rss/?format=video")[1] == ["Đài III"]
    channel, titles = rss_titles(client, "/vi/feeds/rss/?area=III&unit=bao-kon-tum&year=2024")
    assert titles == ["Báo III"]
    assert channel.findtext("link") == "http://testserver/vi/san-pham/?area=III&unit=bao-kon-tum&year=2024"


def test_atom_parses(client, registers):
    make_product(title="Quyền trẻ em", language="en", summary="Children")
    response = client.get("/en/feeds/atom/?area=III")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)  # noqa: S314 (our own server's output)
    assert feed.tag == f"{ATOM}feed"
    assert "Human Rights Communication" in feed.findtext(f"{ATOM}title")
    entry = feed.find(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title") == "Quyền trẻ em"
    assert entry.find(f"{ATOM}link").get("href").startswith("http://testserver/en/san-pham/")


def test_feeds_are_advertised_in_head(client, registers):
    make_product()
    html = client.get("/vi/san-pham/?area=III").content.decode()
    assert '<link rel="alternate" type="application/rss+xml" title="III. ' in html
    assert 'href="/vi/feeds/rss/?area=III"' in html and 'href="/vi/feeds/atom/?area=III"' in html
    home = client.get("/lo/").content.decode()
    assert 'type="application/atom+xml"' in home and 'href="/lo/feeds/rss/"' in home


@pytest.mark.parametrize("query", ["area=XX", "unit=%20", "year=20x4"])
def test_bad_feed_parameter_is_a_400(client, registers, query):
    assert client.get(f"/vi/feeds/rss/?{query}").status_code == 400
