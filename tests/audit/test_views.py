"""The admin audit page: auditors only, drill-downs list exactly the products behind each number."""

import csv
import datetime
import io
import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from openpyxl import load_workbook

from audit.share import Period, Query, compute
from tests.factories import make_product

D = datetime.date
PERIOD = "year=2024"


def user_with(django_user_model, username, *perms):
    user = django_user_model.objects.create_user(username, password="pw")
    group = Group.objects.create(name=f"g-{username}")
    wanted = [("wagtailadmin", "access_admin"), *perms]
    group.permissions.set([Permission.objects.get(content_type__app_label=a, codename=c) for a, c in wanted])
    user.groups.add(group)
    return user


@pytest.fixture
def auditor(client, django_user_model):
    client.force_login(user_with(django_user_model, "auditor", ("audit", "view_audit")))
    return client


@pytest.fixture
def editor(client, django_user_model):
    client.force_login(user_with(django_user_model, "editor", ("wagtailcore", "add_page")))
    return client


@pytest.fixture
def products(registers):
    return [
        make_product(title="bdq", language="bdq", publications=[("radio", D(2024, 3, 1))]),
        make_product(title="fb", language="vi", publications=[("facebook", D(2024, 3, 2))]),
        make_product(title="both", language="en", publications=[("youtube", D(2024, 4, 2))]),
        make_product(title="none", language="vi", publications=[("print", D(2024, 5, 2))]),
        make_product(
            title="other unit", language="vi", unit="so-tttt", publications=[("zalo", D(2024, 5, 2))]
        ),
    ]


def drill_ids(client, **params):
    response = client.get(reverse("audit:products"), {"year": 2024, **params})
    assert response.status_code == 200
    chunks = response.content.decode().split('data-product-id="')[1:]
    return {int(chunk.split('"')[0]) for chunk in chunks}


def ids(products, *titles):
    return {p.pk for p in products if p.title in titles}


def test_page_shows_figures_rule_and_digital_set(auditor, products):
    response = auditor.get(reverse("audit:index"), {"year": 2024})
    assert response.status_code == 200
    html = response.content.decode()
    assert response.context["report"]["total"] == 5 and response.context["report"]["counted"] == 4
    assert "Facebook, TikTok, YouTube, Zalo" in html
    assert "<svg" in html and "http" not in html.split("<svg", 1)[1].split("</svg>", 1)[0].replace(
        "http://www.w3.org", ""
    )
    assert "Tiếng dân tộc thiểu số" in html


def test_drilldowns_contain_exactly_the_products_counted(auditor, products):
    report = compute(Query(Period.year(2024))).as_json()
    assert drill_ids(auditor, which="total") == {p.pk for p in products}
    assert drill_ids(auditor, which="counted") == ids(products, "bdq", "fb", "both", "other unit")
    assert drill_ids(auditor, which="ethnic") == ids(products, "bdq")
    assert drill_ids(auditor, which="foreign") == ids(products, "both")
    assert drill_ids(auditor, which="digital") == ids(products, "fb", "both", "other unit")
    assert drill_ids(auditor, which="foreign+digital") == ids(products, "both")
    for dim, rows in report["breakdowns"].items():
        for row in rows:
            assert len(drill_ids(auditor, dim=dim, key=row["key"], which="total")) == row["total"], (dim, row)
            assert len(drill_ids(auditor, dim=dim, key=row["key"], which="counted")) == row["counted"], (
                dim,
                row,
            )
    assert drill_ids(auditor, dim="unit", key="so-tttt", which="counted") == ids(products, "other unit")


def test_exports_hold_the_same_numbers(auditor, products):
    response = auditor.get(reverse("audit:export"), {"year": 2024, "format": "csv"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(response.content.decode("utf-8-sig").splitlines()))
    assert ["total", "", "5", "4", "0.8"] in rows
    response = auditor.get(reverse("audit:export"), {"year": 2024, "format": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content))["figures"]
    assert ("total", None, 5, 4, 0.8) in list(sheet.iter_rows(values_only=True))

    response = auditor.get(reverse("audit:products"), {"year": 2024, "which": "counted", "export": "csv"})
    lines = b"".join(response.streaming_content).decode("utf-8-sig").strip().splitlines()
    assert len(lines) == 1 + 4
    response = auditor.get(reverse("audit:products"), {"year": 2024, "which": "counted", "export": "xlsx"})
    content = b"".join(response.streaming_content) if response.streaming else response.content
    assert load_workbook(io.BytesIO(content)).active.max_row == 1 + 4


@pytest.mark.parametrize(
    "name,params",
    [
        ("audit:index", {"year": 2024}),
        ("audit:export", {"year": 2024, "format": "csv"}),
        ("audit:export", {"year": 2024, "format": "xlsx"}),
        ("audit:products", {"year": 2024, "which": "counted"}),
        ("audit:products", {"year": 2024, "which": "counted", "export": "csv"}),
    ],
)
def test_non_auditor_editor_gets_403(editor, products, name, params):
    assert editor.get(reverse(name), params).status_code == 403


def test_anonymous_is_sent_to_login(client, db):
    response = client.get(reverse("audit:index"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_bad_parameters_give_400(auditor, products):
    assert auditor.get(reverse("audit:products"), {"year": 2024, "which": "nonsense"}).status_code == 400
    assert (
        auditor.get(reverse("audit:products"), {"year": 2024, "dim": "colour", "key": "x"}).status_code == 400
    )
    assert auditor.get(reverse("audit:export"), {"year": 2024, "format": "pdf"}).status_code == 400
    assert (
        auditor.get(reverse("audit:index"), {"start": "2024-05-01", "end": "2024-01-01"}).status_code == 400
    )


def test_digital_change_in_admin_is_logged_with_user(admin_client, admin_user, registers):
    from audit.models import DigitalChannelChange

    channel = registers.channel["radio"]
    url = reverse("wagtailsnippets_products_channel:edit", args=[channel.pk])
    response = admin_client.post(
        url,
        {"slug": "radio", "name_vi": "Phát thanh", "name_en": "Radio", "is_digital": "on", "sort_order": 2},
    )
    assert response.status_code == 302
    change = DigitalChannelChange.objects.first()
    assert change.channel == channel and change.is_digital and change.user == admin_user
    assert "radio" in change.digital_set
    assert change.previous_set == sorted(set(change.digital_set) - {"radio"})
    page = admin_client.get(reverse("audit:index"), {"year": 2024})
    assert page.status_code == 200
    from products.models import Channel

    names = dict(Channel.objects.values_list("slug", "name_vi"))  # the history names the channels

    def named(slugs):
        return ", ".join(names[slug] for slug in slugs)

    assert " → ".join([named(change.previous_set), named(change.digital_set)]) in page.content.decode()


def test_menu_link_without_parameters_opens_the_current_year(auditor, registers):
    """Issue 14: the "Chỉ tiêu 4" menu link is /admin/audit/ with no query string; it answered 400."""
    import datetime as dt

    response = auditor.get(reverse("audit:index"))
    assert response.status_code == 200
    year = dt.date.today().year
    assert response.context["report"]["period"] == {"start": f"{year}-01-01", "end": f"{year}-12-31"}


def test_page_passes_the_axe_findings(auditor, products):
    """axe: every header cell has text (visually hidden is fine); every chart is a named image."""
    html = auditor.get(reverse("audit:index"), {"year": 2024}).content.decode()
    headers = re.findall(r"<th\b[^>]*>(.*?)</th>", html, flags=re.S)
    assert headers and all(re.sub(r"<[^>]+>", "", cell).strip() for cell in headers), headers
    svgs = re.findall(r"<svg\b[^>]*>", html)
    assert all('aria-hidden="true"' in tag or 'role="img"' in tag for tag in svgs), svgs
    charts = [tag for tag in svgs if 'aria-hidden="true"' not in tag]
    assert len(charts) == 2
    labels = [re.search(r'aria-label="([^"]+)"', tag).group(1) for tag in charts]
    assert "2024: 80,0%" in labels[0] and "2028" in labels[0]  # the year chart, every plan year
    assert "Sở Thông tin và Truyền thông: 100,0%" in labels[1], labels[1]  # the unit chart


def test_menu_link_answers_200(auditor, registers):
    """The URL the admin menu actually carries (not a reverse() of our own) opens the page."""
    home = auditor.get(reverse("wagtailadmin_home")).content.decode()
    audit_url = reverse("audit:index")
    assert re.search(rf'"url": "{re.escape(audit_url)}"|href="{re.escape(audit_url)}"', home)
    assert auditor.get(audit_url).status_code == 200


def test_the_menu_link_without_parameters_opens_this_years_figures(auditor, products):
    """The "Chỉ tiêu 4" menu item links to the bare URL (it was a 400, issue 14)."""
    response = auditor.get(reverse("audit:index"))
    assert response.status_code == 200
    assert response.context["form"]["year"].value() == str(datetime.date.today().year)


@pytest.mark.parametrize("url", ["audit:index", "monitoring:indicators"])
def test_the_period_fields_read_and_write_dd_mm_yyyy(auditor, registers, url):
    """Issue 26: the period's dates are Wagtail's date fields (dd/mm/yyyy whatever the browser's
    language), not a browser's <input type=date> (mm/dd/yyyy in an English Chromium)."""
    response = auditor.get(reverse(url), {"start": "01/03/2024", "end": "31/05/2024"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'type="date"' not in html
    assert re.search(r'<input type="text" name="start" value="01/03/2024"', html)
    assert "01/03/2024 – 31/05/2024" in html
