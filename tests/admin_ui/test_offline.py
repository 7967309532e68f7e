"""The admin works without the internet: no page asks another host for anything (avatars first)."""

import re

import pytest

ADMIN_PAGES = ["/admin/", "/admin/account/", "/admin/pages/"]


def outside_sources(html):
    """What the browser would fetch from another host: src/srcset attributes and avatar URLs in
    the sidebar's JSON that are absolute or protocol-relative. (Links the user may click, such
    as Wagtail's guide, are not requests.)"""
    sources = re.findall(r'(?:src|srcset)="([^"]+)"', html)
    sources += re.findall(r'"avatarUrl": "([^"]+)"', html)
    return [url for url in sources if re.match(r"(https?:)?//", url)]


@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_no_admin_page_points_at_an_outside_host(client, reporter, path):
    client.force_login(reporter)
    html = client.get(path).content.decode()
    assert "gravatar" not in html
    assert outside_sources(html) == []


def test_avatar_is_the_sites_own_default_image(client, reporter):
    client.force_login(reporter)
    html = client.get("/admin/account/").content.decode()
    avatars = re.findall(r'<img[^>]+class="avatar[^"]*"[^>]*>', html) or re.findall(
        r"<img[^>]+avatar[^>]*>", html
    )
    assert avatars, "the account page shows the user's avatar"
    for tag in avatars:
        assert 'src="/static/wagtailadmin/images/default-user-avatar.png' in tag
