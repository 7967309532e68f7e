"""An imported body keeps its block boundaries as word boundaries, in every format (issue 25).

Seen on main: the sanitiser dropped the tags it does not keep, ``<div>`` among them, and the text
of two blocks was glued: ``<div>nhân</div><div>quyền</div>`` was stored as ``nhânquyền``, and
the archive's readers saw one word that is in no dictionary.
"""

import re

import pytest
from bs4 import BeautifulSoup

from products.importing.body import clean_paragraph
from products.importing.html import body_to_html
from products.models import ProductPage
from search.indexing import repair_index
from tests.importing.helpers import row, run, write_file
from tests.search.helpers import committed, ids

pytestmark = pytest.mark.django_db

GLUED = "<div>nhân</div><div>quyền</div>"


def words(html):
    """The words a reader sees: the text of each element, elements apart."""
    return BeautifulSoup(html, "html.parser").get_text(" ").split()


def body_html(page):
    return "".join(str(block.value.source) for block in page.body if block.block_type == "paragraph")


@pytest.fixture
def index(django_db_blocker):
    """The archive index matches this test's database (earlier tests' rows were rolled back)."""
    repair_index()


@pytest.mark.parametrize("suffix", ["jsonl", "csv", "xlsx"])
def test_each_format_keeps_the_blocks_apart_and_the_archive_finds_the_word(tmp_path, index, suffix):
    path = write_file(tmp_path / f"products.{suffix}", [row(f"div-{suffix}", body=GLUED)])
    with committed():
        ok, report = run(path)
    assert ok, report
    page = ProductPage.objects.get(external_id=f"div-{suffix}")
    assert {"nhân", "quyền"} <= set(words(body_html(page))), body_html(page)
    assert page.pk in ids("quyền")


def test_blocks_of_the_body_blocks_column_are_kept_apart_too(tmp_path, index):
    blocks = [{"type": "paragraph", "value": "<section><h1>Nhân</h1><div>quyền</div></section>", "id": "b1"}]
    path = write_file(tmp_path / "products.jsonl", [row("div-blocks", body_blocks=blocks)])
    with committed():
        ok, report = run(path)
    assert ok, report
    page = ProductPage.objects.get(external_id="div-blocks")
    assert {"Nhân", "quyền"} <= set(words(body_html(page))), body_html(page)
    assert page.pk in ids("quyền")


@pytest.mark.parametrize(
    "html",
    [
        "<div>nhân</div><div>quyền</div>",
        "<p>nhân</p><div>quyền</div>",
        "<div><div>nhân</div>quyền</div>",
        "<ul><li><div>nhân</div><div>quyền</div></li></ul>",
        "<table><tr><td>nhân</td><td>quyền</td></tr></table>",
        "<h1>nhân</h1><h4>quyền</h4>",
        "<article>nhân</article><aside>quyền</aside>",
        "<section>nhân<hr>quyền</section>",
        "<div>nhân<br>quyền</div>",
        "<dl><dt>nhân</dt><dd>quyền</dd></dl>",
        "<blockquote>nhân</blockquote><pre>quyền</pre>",
    ],
)
def test_every_block_element_is_a_word_boundary(html):
    for cleaned in (body_to_html(html), clean_paragraph(html)):
        assert words(cleaned) == ["nhân", "quyền"], cleaned
        assert not re.search(r"<(div|section|article|aside|table|td|h1|h4|hr|dl|dd|pre)\b", cleaned)


def test_html_without_block_elements_is_cleaned_as_before():
    assert body_to_html("<p>Quyền <b>con</b> người</p>") == "<p>Quyền <b>con</b> người</p>"
    assert clean_paragraph('<p data-block-key="a1">x<br/>y</p>') == '<p data-block-key="a1">x<br/>y</p>'
    assert body_to_html("nhân <i>quyền</i>") == "nhân <i>quyền</i>"
