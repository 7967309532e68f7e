"""Every role sees only what it should: the misinformation register above all."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from monitoring.models import Activity, MisinformationItem
from tests.sample_files import png_bytes

ALLOWED = ("police_desk", "dic_desk", "auditor", "administrator")
OUTSIDERS = ("reporter", "other_reporter", "department", "editor", "unit_reviewer", "translator")


@pytest.fixture
def item(plan_year, settings, tmp_path):
    settings.MONITORING_PRIVATE_ROOT = tmp_path
    item = plan_year.items["m2"]
    item.summary = "Luận điệu xuyên tạc bí mật"
    item.screenshot.save("chup.png", SimpleUploadedFile("chup.png", png_bytes(size=(4, 4))), save=True)
    return item


def misinformation_urls(item):
    pk = item.pk
    return [
        reverse("plan_misinformation:index"),
        reverse("plan_misinformation:index") + "?export=csv",
        reverse("plan_misinformation:index") + "?export=xlsx",
        reverse("plan_misinformation:index_results"),
        reverse("plan_misinformation:add"),
        reverse("plan_misinformation:edit", args=[pk]),
        reverse("plan_misinformation:delete", args=[pk]),
        reverse("plan_misinformation:history", args=[pk]),
        reverse("plan_misinformation:usage", args=[pk]),
        reverse("plan_misinformation:inspect", args=[pk]),
        reverse("plan_misinformation:screenshot", args=[pk]),
    ]


@pytest.mark.parametrize("role", OUTSIDERS)
def test_outsiders_get_403_on_every_misinformation_url(as_user, item, role):
    client = as_user(role)
    for url in misinformation_urls(item):
        response = client.get(url)
        assert response.status_code in (403, 404), (role, url, response.status_code)
        assert b"xuy\xc3\xaan t\xe1\xba\xa1c b\xc3\xad m\xe1\xba\xadt" not in response.content
    response = client.post(reverse("plan_misinformation:delete", args=[item.pk]))
    assert response.status_code == 403
    assert MisinformationItem.objects.filter(pk=item.pk).exists()


@pytest.mark.parametrize("role", OUTSIDERS)
def test_outsiders_find_nothing_in_search_usage_history_and_indicator_records(as_user, item, plan_year, role):
    client = as_user(role)
    secret = "Luận điệu xuyên tạc bí mật".encode()
    product = plan_year.products["p1"]  # the item's rebuttal product
    for url in (
        reverse("wagtailadmin_pages:search") + "?q=xuyên+tạc",
        reverse("wagtailadmin_pages:usage", args=[product.pk]),
        reverse("wagtailadmin_reports:site_history"),
        reverse("monitoring:indicator_records") + "?year=2024&target=5b&which=denominator",
        reverse("wagtailadmin_home"),
    ):
        response = client.get(url, follow=True)
        assert secret not in response.content, (role, url)
    records = client.get(
        reverse("monitoring:indicator_records"), {"year": 2024, "target": "5b", "which": "denominator"}
    )
    assert records.status_code == 403
    for name in ("monitoring:indicator_records", "monitoring:indicator_records_results"):
        for export in ("", "csv", "xlsx"):
            params = {"year": 2024, "target": "5b", "which": "denominator", "export": export}
            response = client.get(reverse(name), params)
            assert response.status_code == 403, (role, name, export)


@pytest.mark.parametrize("role", (None, "reporter", "editor"))
def test_the_public_apis_carry_nothing_of_the_register(client, as_user, item, plan_year, role):
    """The rebuttal product is public; the item it rebuts, its summary and URL are not."""
    if role:
        client = as_user(role)
    product = plan_year.products["p1"]
    for url in (
        reverse("wagtailapi:products:detail", args=[product.pk]) + "?fields=*",
        reverse("wagtailapi:products:listing") + "?fields=*&limit=100",
        reverse("wagtailapi:pages:detail", args=[product.pk]) + "?fields=*",
        reverse("search_api") + "?q=xuyên+tạc",
    ):
        response = client.get(url)
        assert response.status_code in (200, 400, 404), (url, response.status_code)
        assert "xuyên tạc bí mật".encode() not in response.content, url
        assert item.url.encode() not in response.content, url
    detail = client.get(reverse("wagtailapi:products:detail", args=[product.pk]) + "?fields=*")
    assert detail.status_code == 200 and detail.json()["title"] == product.title  # the API does answer


@pytest.mark.parametrize("role", ALLOWED)
def test_the_desks_auditors_and_administrators_see_the_register(as_user, item, role):
    client = as_user(role)
    listing = client.get(reverse("plan_misinformation:index"))
    assert listing.status_code == 200 and "bí mật" in listing.content.decode()
    screenshot = client.get(reverse("plan_misinformation:screenshot", args=[item.pk]))
    assert screenshot.status_code == 200 and b"".join(screenshot.streaming_content).startswith(b"\x89PNG")
    export = client.get(reverse("plan_misinformation:index") + "?export=csv")
    assert export.status_code == 200


def test_auditor_reads_but_cannot_change_the_register(as_user, item):
    client = as_user("auditor")
    assert client.get(reverse("plan_misinformation:add")).status_code == 403
    assert client.post(reverse("plan_misinformation:delete", args=[item.pk])).status_code == 403
    records = client.get(
        reverse("monitoring:indicator_records"), {"year": 2024, "target": "5b", "which": "denominator"}
    )
    assert records.status_code == 200 and records.content.decode().count("data-record-id=") == 4


def test_screenshot_is_not_under_media_root_and_has_no_public_url(item, settings):
    import pathlib

    path = pathlib.Path(item.screenshot.path)
    assert pathlib.Path(settings.MONITORING_PRIVATE_ROOT) in path.parents
    assert pathlib.Path(settings.MEDIA_ROOT) not in path.parents
    with pytest.raises(ValueError):
        item.screenshot.url  # noqa: B018


def test_anonymous_is_sent_to_login(client, item):
    for url in misinformation_urls(item)[:2]:
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_reporters_see_and_edit_only_their_own_units_activities(as_user, plan_year):
    own = Activity.objects.create(
        unit=plan_year.products["p1"].unit,
        task=plan_year.activities["award"].task,
        kind="contest",
        title="Cuộc thi của Báo Kon Tum",
        date=plan_year.activities["award"].date,
    )
    other = plan_year.activities["award"]  # Đài PT-TH's
    client = as_user("reporter")
    listing = client.get(reverse("plan_activities:index")).content.decode()
    assert own.title in listing and other.title not in listing
    assert client.get(reverse("plan_activities:edit", args=[own.pk])).status_code == 200
    assert client.get(reverse("plan_activities:edit", args=[other.pk])).status_code == 403
    assert client.post(reverse("plan_activities:delete", args=[other.pk])).status_code == 403
    assert Activity.objects.filter(pk=other.pk).exists()
    csv_rows = b"".join(
        client.get(reverse("plan_activities:index") + "?export=csv").streaming_content
    ).decode()
    assert own.title in csv_rows and other.title not in csv_rows
    form = client.get(reverse("plan_activities:add")).context["form"]
    assert list(form.fields["unit"].queryset.values_list("slug", flat=True)) == ["bao-kon-tum"]
    department = as_user("department")  # every unit's records, to read
    assert department.get(reverse("plan_activities:inspect", args=[other.pk])).status_code == 200
    assert department.get(reverse("plan_activities:edit", args=[other.pk])).status_code == 403


def test_editors_of_the_newsroom_have_no_plan_registers(as_user, plan_year):
    client = as_user("editor")
    for name in (
        "plan_activities:index",
        "plan_staff:index",
        "plan_agencies:index",
        "plan_misinformation:index",
    ):
        assert client.get(reverse(name)).status_code == 403, name
    assert client.get(reverse("monitoring:indicators")).status_code == 403
