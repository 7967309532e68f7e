"""Listings by area, format, unit and year: combinable, paginated, bad input a 400."""

import datetime

import pytest

from products import listing
from products.models import ProductPage
from tests.factories import make_product
from tests.portal.conftest import HIDDEN_TITLES

D = datetime.date


def titles(response):
    return [product.title for product in response.context["products"]]


def test_public_listing_is_live_public_newest_first(registers, hidden):
    older = make_product(title="Cũ", publications=[("radio", D(2023, 1, 1))])
    newer = make_product(title="Mới", publications=[("radio", D(2025, 1, 1))])
    products = list(ProductPage.objects.public_listing())
    assert products.index(newer) < products.index(older)
    assert not {p.title for p in products} & set(HIDDEN_TITLES)


def test_filters_combine(client, registers):
    make_product(title="III video 2024", area="III", format="video", publications=[("radio", D(2024, 2, 1))])
    make_product(title="III video 2023", area="III", format="video", publications=[("radio", D(2023, 2, 1))])
    make_product(title="III bài 2024", area="III", format="article", publications=[("radio", D(2024, 3, 1))])
    make_product(title="V video 2024", area="V", format="video", publications=[("radio", D(2024, 4, 1))])
    make_product(title="III video 2024 ĐPTTH", unit="dai-ptth-kon-tum", area="III", format="video")
    response = client.get("/vi/san-pham/?area=III&format=video&year=2024&unit=bao-kon-tum")
    assert response.status_code == 200
    assert titles(response) == ["III video 2024"]
    assert client.get("/vi/san-pham/?area=III").context["products"].paginator.count == 4
    html = response.content.decode()
    assert "/vi/feeds/rss/?area=III&amp;format=video&amp;unit=bao-kon-tum&amp;year=2024" in html
    assert '<option value="III" selected>' in html


def test_unit_section_lists_its_unit_with_filters(client, registers):
    make_product(title="Báo", area="II")
    make_product(title="Đài", unit="dai-ptth-kon-tum", area="II")
    response = client.get("/vi/san-pham/bao-kon-tum/?area=II")
    assert titles(response) == ["Báo"]
    assert 'name="unit"' not in response.content.decode()


def test_listings_are_paginated_with_filters_kept(client, registers):
    for day in range(1, listing.PER_PAGE + 3):
        make_product(title=f"Tin {day:02d}", area="I", publications=[("radio", D(2024, 1, day))])
    first = client.get("/vi/san-pham/bao-kon-tum/?area=I")
    assert len(titles(first)) == listing.PER_PAGE and titles(first)[0] == f"Tin {listing.PER_PAGE + 2:02d}"
    assert 'href="?area=I&amp;page=2"' in first.content.decode()
    second = client.get("/vi/san-pham/bao-kon-tum/?area=I&page=2")
    assert titles(second) == ["Tin 02", "Tin 01"]
    assert '<link rel="canonical" href="http://testserver/vi/san-pham/bao-kon-tum/?area=I&amp;page=2">' in (
        second.content.decode()
    )
    assert client.get("/vi/san-pham/bao-kon-tum/?area=I&page=3").status_code == 404


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("area=XX", "“XX”"),
        ("format=nope", "“nope”"),
        ("unit=khong-co", "“khong-co”"),
        ("year=abc", "“abc”"),
        ("year=1900", "“1900”"),
        ("year=99999", "“99999”"),
        ("page=0", "“0”"),
        ("page=x", "“x”"),
    ],
)
def test_bad_parameters_are_a_400_with_the_reason(client, registers, query, message):
    make_product()
    response = client.get(f"/vi/san-pham/?{query}")
    assert response.status_code == 400
    assert message in response.content.decode()


def test_bad_parameter_message_in_the_readers_language(client, registers):
    response = client.get("/en/san-pham/?area=XX")
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is no “XX” for this filter." in html and '<html lang="en"' in html


def test_empty_listing_has_its_first_page(client, registers):
    response = client.get("/km/san-pham/")
    assert response.status_code == 200
    assert response.context["products"].paginator.count == 0


def test_filters_carried_into_a_language_without_such_products_show_an_empty_listing(client, registers):
    make_product(title="Tin 2024", unit="dai-ptth-kon-tum", publications=[("radio", D(2024, 1, 1))])
    response = client.get("/km/san-pham/?year=2024&unit=dai-ptth-kon-tum")
    assert response.status_code == 200 and response.context["products"].paginator.count == 0
    assert '<option value="2024" selected>2024</option>' in response.content.decode()
