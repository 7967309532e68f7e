"""Two app servers, one database: a purge made through one is seen by the other.

Each server is a gunicorn of its own (``cms.settings.production``, so each keeps its pages in
its own memory) on a free port, both on one scratch database (an SQLite file, or a new
PostgreSQL database when ``DATABASE_URL`` names a server). Whatever used to be local to a host
is given to each server apart, as two machines would have it: its own search index folder and
its own ``PORTAL_PAGE_CACHE_GENERATION_FILE`` (the purge stamp file of the code before issue 24;
the shared purge generation no longer reads it). Changes are made as an editor's or an
operator's process makes them: ``manage.py`` on host A.
"""

import copy
import json
import urllib.error
import urllib.request

import pytest

from tests.scratch_template import installed_scratch

TITLE = "Tin nội bộ sắp gỡ xuống Ngọc Hồi"


def get(host, path):
    """(status, X-Page-Cache, body) of an anonymous GET."""
    request = urllib.request.Request(host.url + path)  # noqa: S310 - http://localhost
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status, response.headers.get("X-Page-Cache"), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("X-Page-Cache"), error.read().decode()


def on_host(host, code):
    """Run Python in a ``manage.py shell`` of ``host``; its last line of output, read as JSON."""
    result = host.manage("shell", "--no-imports", "-c", code)
    return json.loads(result.stdout.strip().splitlines()[-1])


def second_host(first, root):
    """Another app server on the same database, static files and media as ``first``."""
    other = copy.copy(first)
    other.root = root
    other.root.mkdir(parents=True, exist_ok=True)
    other.server, other.port, other.db_name = None, None, None  # ``first`` drops the database
    other.env = dict(first.env)
    return other


@pytest.fixture(scope="module")
def hosts(tmp_path_factory):
    folder = tmp_path_factory.mktemp("two-hosts")
    a = installed_scratch(tmp_path_factory, folder / "a")
    b = second_host(a, folder / "b")
    try:
        for host in (a, b):
            host.env["SEARCH_INDEX_DIR"] = str(host.root / "search-index")
            host.env["PORTAL_PAGE_CACHE_GENERATION_FILE"] = str(host.root / "page-cache-generation")
            host.start(workers=1, threads=2)
        yield a, b
    finally:
        b.stop()
        a.destroy()


def publish(host, title):
    code = (
        "import json\nfrom tests.factories import make_product\n"
        f"page = make_product(title={title!r})\nprint(json.dumps([page.pk, page.url]))"
    )
    return on_host(host, code)


def cached_on_both(hosts, path):
    for host in hosts:
        assert get(host, path)[:2] == (200, "miss")
        status, state, body = get(host, path)
        assert (status, state) == (200, "hit")
    return body


def test_an_unpublish_on_one_server_purges_the_other(hosts):
    a, b = hosts
    pk, url = publish(a, TITLE)
    assert TITLE in cached_on_both(hosts, url)
    assert TITLE in cached_on_both(hosts, "/vi/")
    on_host(
        a, f"from products.models import ProductPage\nProductPage.objects.get(pk={pk}).unpublish()\nprint(1)"
    )
    for name, host in (("A", a), ("B", b)):
        assert get(host, url)[0] == 404, name
        status, _state, body = get(host, "/vi/")
        assert status == 200 and TITLE not in body, name


def test_purge_page_cache_after_a_restore_purges_every_server(hosts):
    """A restore changes the database below the signals; ``purge_page_cache`` (which
    ``manage.py restore`` calls) must reach every server."""
    a, b = hosts
    pk, url = publish(a, "Bản tin trước khi khôi phục")
    assert "Bản tin trước khi khôi phục" in cached_on_both(hosts, url)
    on_host(
        a,
        "from products.models import ProductPage\n"
        f"ProductPage.objects.filter(pk={pk}).update(title='Bản tin từ bản sao lưu')\nprint(1)",
    )
    assert get(b, url)[1] == "hit"  # no signal saw the change: the cache cannot know
    a.manage("purge_page_cache")
    for name, host in (("A", a), ("B", b)):
        status, state, body = get(host, url)
        assert (status, state) == (200, "miss") and "Bản tin từ bản sao lưu" in body, name
