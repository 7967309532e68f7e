"""/api/v2/products/ filters take register slugs; a slug the registers do not hold is a 400."""

import datetime

import pytest

from tests.factories import make_product

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(registers):
    upr = make_product(
        title="UPR chu kỳ IV",
        area="II",
        format="video",
        task="3.3",
        topics=[registers.topic["upr"]],
        publications=[("facebook", datetime.date(2024, 5, 1))],
    )
    radio = make_product(
        title="Phóng sự phát thanh",
        unit="dai-ptth-kon-tum",
        language="bdq",
        area="III",
        format="radio-feature",
        topics=[registers.topic["evfta"], registers.topic["trade-unions"]],
    )
    plain = make_product(title="Tin thường", area="I", format="news")
    return {"upr": upr, "radio": radio, "plain": plain}


def ids(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.content)
    return {item["id"] for item in response.json()["items"]}


@pytest.mark.parametrize(
    "query,expected",
    [
        ("area=II", {"upr"}),
        ("area=II,III", {"upr", "radio"}),
        ("area=II&area=I", {"upr", "plain"}),
        ("unit=dai-ptth-kon-tum", {"radio"}),
        ("unit=bao-kon-tum&area=I", {"plain"}),
        ("format=video", {"upr"}),
        ("format=radio-feature,news", {"radio", "plain"}),
        ("channel=facebook", {"upr"}),
        ("topic=upr", {"upr"}),
        ("topics=evfta", {"radio"}),
        ("topics=trade-unions,upr", {"upr", "radio"}),
        ("task=3.3", {"upr"}),
        ("language=bdq", {"radio"}),
    ],
)
def test_register_filters_take_slugs(client, catalogue, query, expected):
    found = ids(client, f"/api/v2/products/?limit=100&{query}")
    assert found & {p.pk for p in catalogue.values()} == {catalogue[name].pk for name in expected}


def test_topics_slug_from_the_issue_is_not_a_500(client, catalogue):
    """Seen in issue 12: ?topics=<slug> raised ValueError (500)."""
    assert ids(client, "/api/v2/products/?topics=upr") == {catalogue["upr"].pk}


@pytest.mark.parametrize(
    "name,value",
    [
        ("area", "VI"),
        ("unit", "khong-co"),
        ("format", "sach"),
        ("channel", "myspace"),
        ("topic", "khong-co"),
        ("topics", "upr,khong-co"),
        ("task", "9.9"),
        ("language", "xx"),
        ("area", ""),
        ("unit", "a" * 500),
    ],
)
def test_unknown_slug_is_a_bad_request_with_a_message(client, catalogue, name, value):
    response = client.get(f"/api/v2/products/?{name}={value}")
    assert response.status_code == 400
    message = response.json()["message"]
    assert name in message


def test_too_many_values_in_one_filter_is_a_bad_request(client, catalogue):
    response = client.get("/api/v2/products/?topic=" + ",".join(["upr"] * 60))
    assert response.status_code == 400
    assert "topic" in response.json()["message"]


def test_format_json_still_chooses_the_renderer(client, catalogue):
    response = client.get("/api/v2/products/?format=json&area=II")
    assert response.status_code == 200
    assert {item["id"] for item in response.json()["items"]} == {catalogue["upr"].pk}


def test_pages_endpoint_takes_the_same_slugs_for_products(client, catalogue):
    found = ids(client, "/api/v2/pages/?type=products.ProductPage&area=II&topics=upr")
    assert found == {catalogue["upr"].pk}


def test_register_filters_need_the_product_type_on_the_pages_endpoint(client, catalogue):
    response = client.get("/api/v2/pages/?area=II")
    assert response.status_code == 400
    assert "products.ProductPage" in response.json()["message"]


@pytest.mark.parametrize(
    "query",
    [
        "first_published=abc",
        "first_published=2024-02-30",
        "publications=abc",
        "body=abc",
        "first_published_at=not-a-date",
        "id=abc",
        "show_in_menus=maybe",
    ],
)
def test_field_filters_with_bad_values_are_bad_requests(client, catalogue, query):
    response = client.get(f"/api/v2/pages/?type=products.ProductPage&{query}")
    assert response.status_code == 400, response.content
    assert response.json()["message"]


def test_field_filter_on_a_plain_field_still_works(client, catalogue):
    assert ids(client, "/api/v2/products/?first_published=2024-05-01") == {catalogue["upr"].pk}
