"""Nobody sees the titles of another unit's drafts, wherever the admin lists pages (issue 12)."""

import pytest
from django.urls import reverse

from products.models import ProductIndexPage, UnitSectionPage
from tests.factories import make_product
from tests.security.helpers import text_of

SECRET = "Bản nháp bí mật của Đài"
IN_REVIEW = "Bài chờ duyệt bí mật của Đài"
OWN = "Bản nháp của Báo"


@pytest.fixture
def drafts(people):
    own = make_product(title=OWN, unit="bao-kon-tum", live=False)
    secret = make_product(title=SECRET, unit="dai-ptth-kon-tum", live=False)
    in_review = make_product(title=IN_REVIEW, unit="dai-ptth-kon-tum", language="bdq", live=False)
    in_review.get_workflow().start(in_review, people.other_editor)
    return {"own": own, "secret": secret, "in_review": in_review}


def admin_urls(drafts):
    index = ProductIndexPage.objects.get(locale__language_code="vi")
    other_section = UnitSectionPage.objects.get(unit__slug="dai-ptth-kon-tum", locale__language_code="vi")
    return [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_explore_root"),
        reverse("wagtailadmin_explore", args=[index.pk]),
        reverse("wagtailadmin_explore", args=[other_section.pk]),
        reverse("wagtailadmin_choose_page"),
        reverse("wagtailadmin_choose_page_child", args=[index.pk]),
        reverse("wagtailadmin_choose_page_child", args=[other_section.pk]),
        reverse("wagtailadmin_choose_page_child", args=[drafts["secret"].pk]),
        reverse("wagtailadmin_explore", args=[drafts["secret"].pk]),
        reverse("wagtailadmin_pages:history", args=[drafts["secret"].pk]),
        reverse("wagtailadmin_pages:view_draft", args=[drafts["secret"].pk]),
        reverse("wagtailadmin_choose_page_search") + "?q=bí+mật",
        reverse("wagtailadmin_pages:search") + "?q=bí+mật",
        reverse("product_listing:index"),
        reverse("product_listing:index") + "?q=bí+mật",
        reverse("wagtailadmin_reports:workflow"),
        reverse("wagtailadmin_reports:workflow_tasks"),
        reverse("wagtailadmin_reports:site_history"),
        reverse("wagtailadmin_reports:page_types_usage"),
        reverse("wagtailadmin_reports:aging_pages"),
        f"/admin/api/main/pages/?child_of={other_section.pk}&for_explorer=1",
        "/admin/api/main/pages/?search=b%C3%AD+m%E1%BA%ADt",
    ]


@pytest.mark.parametrize(
    "role", ["editor", "reviewer", "translator", "translator_without_language", "auditor"]
)
def test_no_admin_page_shows_another_units_draft_title(client, people, drafts, role):
    client.force_login(getattr(people, role))
    for url in admin_urls(drafts):
        html = text_of(client.get(url, follow=True))
        assert SECRET not in html, (role, url)
        assert IN_REVIEW not in html, (role, url)


def test_the_units_own_drafts_are_listed_for_its_desk(client, people, drafts):
    client.force_login(people.editor)
    index = ProductIndexPage.objects.get(locale__language_code="vi")
    own_section = UnitSectionPage.objects.get(unit__slug="bao-kon-tum", locale__language_code="vi")
    for url in (
        reverse("wagtailadmin_explore", args=[own_section.pk]),
        reverse("wagtailadmin_choose_page_child", args=[own_section.pk]),
        reverse("wagtailadmin_pages:search") + "?q=Báo",
        reverse("product_listing:index"),
    ):
        assert OWN in text_of(client.get(url)), url
    assert index.pk


def test_reviewer_sees_other_units_work_in_review_nowhere_but_own(client, people, drafts):
    own_review = drafts["own"]
    own_review.get_workflow().start(own_review, people.editor)
    client.force_login(people.reviewer)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert OWN in html and IN_REVIEW not in html
