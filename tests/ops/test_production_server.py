"""The production server as an operator starts it: DEBUG off, static files compressed and cached."""

import gzip
import re
import urllib.error
import urllib.request


def get(site, path, **headers):
    request = urllib.request.Request(site.url + path, headers=headers)  # noqa: S310 - http://localhost
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_portal_and_admin_are_served_with_debug_off(production_site):
    status, headers, body = get(production_site, "/vi/")
    assert status == 200
    assert "Content-Security-Policy" in headers
    assert get(production_site, "/admin/login/")[0] == 200
    status, _, body = get(production_site, "/khong-co-trang-nay/")
    assert status == 404
    assert b"Traceback" not in body and b"DEBUG = True" not in body  # Django's debug page never shows


def test_static_files_are_hashed_compressed_and_cached_for_a_year(production_site):
    _, _, html = get(production_site, "/vi/")
    css = re.search(rb'href="(/static/css/site\.[0-9a-f]{12}\.css)"', html)
    assert css, "the portal links its stylesheet under a hashed name"
    status, headers, body = get(production_site, css.group(1).decode(), **{"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert b"{" in gzip.decompress(body)
    assert "immutable" in headers["Cache-Control"]
    assert int(re.search(r"max-age=(\d+)", headers["Cache-Control"]).group(1)) >= 365 * 24 * 3600


def test_health_is_green(production_site):
    status, body = production_site.health()
    assert status == 200
    assert body["status"] == "ok"
    assert body["database"] == {"status": "ok", "vendor": production_site.vendor}
