"""Issue 26: the admin menus show each role only what it may open; the users list shows each
person's role; the login page is in Vietnamese."""

import json
import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

ROLES = ("editor", "reviewer", "translator", "auditor", "administrator")


def menu_urls(html):
    """Every link of the sidebar menu (Wagtail ships it as JSON in data-wagtail-sidebar props)."""
    props = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S
    )
    return sorted(set(re.findall(r'"url": "(/admin/[^"]*)"', props.group(1)))) if props else []


@pytest.mark.parametrize("role", ROLES)
def test_every_menu_item_opens(client, people, role):
    client.force_login(getattr(people, role))
    urls = menu_urls(client.get(reverse("wagtailadmin_home")).content.decode())
    assert urls
    refused = []
    for url in urls:
        response = client.get(url, follow=True)
        landed = response.redirect_chain[-1][0] if response.redirect_chain else url
        # Wagtail answers "no permission" by sending the person back to the dashboard (or login).
        sent_back = landed.split("?")[0] in (reverse("wagtailadmin_home"), reverse("wagtailadmin_login"))
        if response.status_code == 403 or (sent_back and url != reverse("wagtailadmin_home")):
            refused.append((url, response.status_code, landed))
    assert not refused, refused


def test_the_auditor_has_no_products_menu(client, people):
    client.force_login(people.auditor)
    urls = menu_urls(client.get(reverse("wagtailadmin_home")).content.decode())
    assert reverse("product_listing:index") not in urls


def test_the_users_list_shows_each_person_s_role(client, people):
    client.force_login(people.administrator)
    html = client.get(reverse("wagtailusers_users:index")).content.decode()
    edit = reverse("wagtailusers_users:edit", args=[people.editor.pk])
    row = next(row for row in re.findall(r"<tr\b.*?</tr>", html, re.S) if f'href="{edit}"' in row)
    assert "Phóng viên, biên tập viên – Báo Kon Tum" in row
    assert re.search(r"<th[^>]*>\s*(?:<[^>]+>\s*)*Vai trò", html)


def test_the_login_page_is_vietnamese(client):
    html = client.get(reverse("wagtailadmin_login")).content.decode()
    assert "Mật khẩu" in html
    assert not re.search(r">\s*Password\s*<", html)
    assert "Password" not in json.dumps(re.findall(r'placeholder="([^"]*)"', html))
