"""Products under Wagtail privacy (password, login, groups; on the product or an ancestor) are
not public: never in the archive search, in either engine; a restriction added or removed
updates the index at once. (Issue 12: they were found with their title and snippet.)"""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, PageViewRestriction

import search.indexing
from products.models import ProductPage
from tests.search.helpers import committed, find, import_rows, publish

pytestmark = pytest.mark.django_db
SECRET = "Tài liệu mật Sa Thầy về Bơ̆n"


def set_privacy(client, page, **form):
    with committed():
        response = client.post(f"/admin/pages/{page.pk}/privacy/", form)
    assert response.status_code == 200
    assert response.json()["step"] == "set_privacy_done"


def public_answers(client, q="tai lieu mat sa thay"):
    api = client.get("/api/search/", {"q": q}).json()
    page = client.get("/vi/search/", {"q": q}).content.decode()
    return api, page


@pytest.mark.parametrize(
    "form",
    [
        {"restriction_type": "password", "password": "bí-mật-123"},
        {"restriction_type": "login"},
    ],
)
def test_a_restricted_product_leaves_the_search_and_returns_when_lifted(admin_client, client, form):
    product = publish(title=SECRET, summary="Nội dung chỉ dành cho người có mật khẩu.")
    api, html = public_answers(client)
    assert [r["id"] for r in api["results"]] == [product.pk]
    set_privacy(admin_client, product, **form)
    api, html = public_answers(client)
    assert api["count"] == 0 and api["results"] == []
    assert "Tài liệu mật" not in html and "mật khẩu" not in html
    assert find("", filters={"language": "vi"}).count == 0  # not even browsing finds it
    set_privacy(admin_client, product, restriction_type="none")
    api, _html = public_answers(client)
    assert [r["id"] for r in api["results"]] == [product.pk]


def test_a_restriction_on_an_ancestor_takes_every_product_below(admin_client, client):
    inside = [publish(title=f"{SECRET} {n}", unit="cong-an-tinh") for n in range(2)]
    outside = publish(title=f"{SECRET} công khai", unit="bao-kon-tum")
    section = Page.objects.get(pk=inside[0].get_parent().pk)
    set_privacy(admin_client, section, restriction_type="login")
    assert {r["id"] for r in public_answers(client)[0]["results"]} == {outside.pk}
    index_page = section.get_parent()  # the locale's products index: everything under it
    set_privacy(admin_client, index_page, restriction_type="password", password="x-y-z-1")
    assert public_answers(client)[0]["count"] == 0
    with committed():
        PageViewRestriction.objects.filter(page=index_page).delete()
    assert {r["id"] for r in public_answers(client)[0]["results"]} == {outside.pk}  # the section still is


def test_a_group_restriction_is_not_public_either(client):
    product = publish(title=SECRET)
    with committed():
        restriction = PageViewRestriction.objects.create(
            page=product, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.set([Group.objects.first()])
    assert public_answers(client)[0]["count"] == 0


def test_restricted_products_are_never_sent_to_elasticsearch(monkeypatch, admin_client):
    sent, removed = [], []

    class Recorder:
        def write(self, pairs, gone):
            sent.extend(doc["page_id"] for doc, _analysis in pairs)
            removed.extend(gone)

    monkeypatch.setattr(search.indexing, "configured_engine", Recorder)
    product = publish(title=SECRET)
    assert sent == [product.pk]
    set_privacy(admin_client, product, restriction_type="login")
    assert removed == [product.pk]
    with committed():
        ProductPage.objects.get(pk=product.pk).save_revision().publish()  # republishing a restricted one
    assert sent == [product.pk] and removed == [product.pk, product.pk]


def test_the_search_lists_what_the_portal_lists_beside_a_thousand_restrictions(client, tmp_path):
    """Issue 25: one definition of "public" (``products.visibility``), the portal's. The search
    had its own (Wagtail's ``.public()``: one ``OR`` per restriction, which SQLite refuses past
    1,000), so an archive with over a thousand restricted products could no longer be indexed."""
    rows = [
        {
            "external_id": f"mat-{n}",
            "title": f"{SECRET} {n}",
            "language": "vi",
            "area": "I",
            "format": "news",
            "unit": "bao-kon-tum",
            "summary": "Nội dung chỉ dành cho người có mật khẩu.",
            "publications": [{"channel": "print", "date": "2024-05-01"}],
        }
        for n in range(1001)
    ]
    secret_ids = import_rows(rows, tmp_path)
    shown = publish(title=f"{SECRET} công khai")
    with committed():  # an editor restricts them one by one: each queues its product
        for pk in secret_ids:
            PageViewRestriction.objects.create(page_id=pk, restriction_type=PageViewRestriction.LOGIN)
    portal = set(ProductPage.objects.public_listing().values_list("pk", flat=True))
    assert portal == {shown.pk}
    assert {r["id"] for r in public_answers(client)[0]["results"]} == portal
    assert set(find("", filters={"language": "vi"}).ids) == portal
