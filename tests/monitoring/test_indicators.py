"""The indicators page: every number links to exactly the records behind it; exports; who may see it."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

PERIOD = {"year": 2024}


def record_count(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    if 'data-record-count="' in html:  # target 2 lists head-count rows: add up what each contributes
        return sum(int(chunk.split('"')[0]) for chunk in html.split('data-record-count="')[1:])
    return html.count("data-record-id=")


@pytest.mark.parametrize("params", [PERIOD, {**PERIOD, "unit": "so-tttt"}, {**PERIOD, "rollup": "on"}])
def test_every_number_equals_its_drilldown(as_user, plan_year, params):
    client = as_user("auditor")
    response = client.get(reverse("monitoring:indicators"), params)
    assert response.status_code == 200
    for code, _definition, data in response.context["targets"]:
        assert record_count(client, data["numerator_url"]) == data["numerator"], code
        if data["denominator_url"]:
            assert record_count(client, data["denominator_url"]) == data["denominator"], code
        for row in data["by_unit"]:
            assert record_count(client, row["numerator_url"]) == row["numerator"], (code, row)


def test_page_shows_each_target_with_the_plan_wording(as_user, plan_year):
    html = as_user("auditor").get(reverse("monitoring:indicators"), PERIOD).content.decode()
    for text in (
        "100% cơ quan hành chính cấp tỉnh thực hiện cơ chế phát ngôn",
        "70% cán bộ chủ chốt của các tổ chức chính trị - xã hội cấp tỉnh",
        "Triển lãm ảnh, tài liệu lưu trữ về quyền con người",
        "chiếm từ 15 - 20% tổng số",
        "được số hóa, kết nối và phổ biến trên không gian mạng",
        "Phát hiện, xử lý 90% tin giả",
    ):
        assert text in html, text
    assert 'data-target="5b"' in html


def test_menu_link_without_parameters_opens_the_current_year(as_user, plan_year):
    response = as_user("auditor").get(reverse("monitoring:indicators"))
    year = datetime.date.today().year
    assert response.status_code == 200 and response.context["scope"].period.start == datetime.date(year, 1, 1)


def test_exports_hold_the_page_numbers(as_user, plan_year):
    client = as_user("administrator")
    response = client.get(reverse("monitoring:indicators_export"), {**PERIOD, "format": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    headline = {row[0]: row[3:5] for row in rows[1:] if row[1] == "total"}
    assert headline["4"] == ["3", "6"] and headline["5b"] == ["2", "4"] and headline["1"] == ["2", "7"]
    assert ["1", "unit", "", "1", "1"] in [row[:5] for row in rows]  # Sở Tư pháp: an agency that is no unit
    response = client.get(reverse("monitoring:indicators_export"), {**PERIOD, "format": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert next(r for r in sheet.iter_rows(values_only=True) if r[:2] == ("2", "total"))[:5] == (
        "2",
        "total",
        None,
        20,
        27,
    )
    records = client.get(
        reverse("monitoring:indicator_records"),
        {**PERIOD, "target": "4", "which": "denominator", "export": "csv"},
    )
    lines = b"".join(records.streaming_content).decode("utf-8-sig").strip().splitlines()
    assert len(lines) == 1 + 6


def test_who_sees_the_indicators(as_user, plan_year):
    for role in ("auditor", "administrator", "department"):
        assert as_user(role).get(reverse("monitoring:indicators"), PERIOD).status_code == 200, role
    for role in ("reporter", "editor", "police_desk", "translator"):
        client = as_user(role)
        assert client.get(reverse("monitoring:indicators"), PERIOD).status_code == 403, role
        assert (
            client.get(reverse("monitoring:indicators_export"), {**PERIOD, "format": "csv"}).status_code
            == 403
        )
        url = reverse("monitoring:indicator_records")
        assert client.get(url, {**PERIOD, "target": "4", "which": "numerator"}).status_code == 403


def test_bad_parameters_give_400(as_user, plan_year):
    client = as_user("auditor")
    url = reverse("monitoring:indicator_records")
    assert client.get(url, {**PERIOD, "target": "9", "which": "numerator"}).status_code == 400
    assert client.get(url, {**PERIOD, "target": "1", "which": "half"}).status_code == 400
    assert (
        client.get(reverse("monitoring:indicators"), {"start": "2024-05-01", "end": "2024-01-01"}).status_code
        == 400
    )
    assert client.get(reverse("monitoring:indicators_export"), {**PERIOD, "format": "pdf"}).status_code == 400
