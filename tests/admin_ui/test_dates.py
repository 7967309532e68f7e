"""Dates in the admin read dd/mm/yyyy, in the date picker and in what the forms accept."""

import datetime
import json
import re

import pytest
from django import forms
from django.utils import formats, translation
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput

from tests.factories import make_product


def test_product_editor_shows_the_publication_date_as_dd_mm_yyyy(client, reporter):
    product = make_product(
        title="Bài có ngày đăng", publications=[("online-news", datetime.date(2024, 7, 30))]
    )
    client.force_login(reporter)
    html = client.get(f"/admin/pages/{product.pk}/edit/").content.decode()
    field = re.search(r'<input[^>]+name="publications-0-date"[^>]*>', html).group(0)
    assert 'value="30/07/2024"' in field
    # The picker's own configuration: day first, weeks starting on Monday. Under the site's CSP
    # the widget's initialiser is a JSON tag (ops/templatetags/ops_csp.py), not an inline script.
    calls = [
        json.loads(tag)
        for tag in re.findall(r'<script type="application/json" data-csp-init>(.*?)</script>', html, re.S)
    ]
    config = next(c["args"][1] for c in calls if c["args"][:1] == ["id_publications-0-date"])
    assert next(c["call"] for c in calls if c["args"][:1] == ["id_publications-0-date"]) == "initDateChooser"
    assert config == {"dayOfWeekStart": 1, "format": "d/m/Y"}


@pytest.mark.parametrize("language", ["vi", "en"])
def test_admin_date_fields_accept_dd_mm_yyyy_in_both_admin_languages(language):
    """The English admin uses the same picker: 03/04/2024 must be 3 April there too, never 4 March."""
    field = forms.DateField(widget=AdminDateInput())
    moment = forms.DateTimeField(widget=AdminDateTimeInput())
    with translation.override(language):
        assert field.clean("03/04/2024") == datetime.date(2024, 4, 3)
        assert field.clean("2024-04-03") == datetime.date(2024, 4, 3)
        assert moment.clean("03/04/2024 08:30").replace(tzinfo=None) == datetime.datetime(2024, 4, 3, 8, 30)


def test_picker_and_short_formats_are_day_first():
    assert AdminDateInput().get_config()["format"] == "d/m/Y"
    assert AdminDateTimeInput().get_config()["format"] == "d/m/Y H:i"
    with translation.override("vi"):
        assert formats.date_format(datetime.date(2024, 7, 30)) == "30/07/2024"
        assert formats.date_format(datetime.date(2024, 7, 30), "SHORT_DATE_FORMAT") == "30/07/2024"
        assert formats.get_format("FIRST_DAY_OF_WEEK") == 1


def test_admin_listings_show_dates_as_dd_mm_yyyy(client, administrator):
    """The units register lists validity dates with the default DATE_FORMAT."""
    client.force_login(administrator)
    html = client.get("/admin/snippets/products/unit/").content.decode()
    assert "01/01/2023" in html
    assert "tháng 1 năm 2023" not in html
