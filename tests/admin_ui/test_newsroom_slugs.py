"""Issue 26: Vietnamese and Bahnar titles get readable ASCII slugs, never with letters dropped.

Two places make a slug: the server when the slug is left blank, and Wagtail's slug field in the
browser (the ``w-slug`` controller's ``urlify``) while the reporter types the title. The browser
step is run with node exactly as Wagtail runs it: the field's formatters first, then urlify's
ASCII clean-up.
"""

import json
import re
import shutil
import subprocess

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from products.models import ProductPage, Unit
from products.sections import section_for
from products.slugs import ascii_slug

pytestmark = pytest.mark.django_db

BAHNAR = "Kŏng bok ưnh hơ̆p tdrong pơ̆tho quyền con người ở Đăk Tô"
BAHNAR_SLUG = "kong-bok-unh-hop-tdrong-potho-quyen-con-nguoi-o-dak-to"
VIETNAMESE = "Bảo đảm quyền của người dân tộc thiểu số ở Đắk Glei"
VIETNAMESE_SLUG = "bao-dam-quyen-cua-nguoi-dan-toc-thieu-so-o-dak-glei"

# Wagtail 8's SlugController: format() applies each [[pattern, flags], replacement] (replaceAll
# when the flags hold "g"), then urlify() without unicode lower-cases, drops what is not
# [-\w\s] and joins words with "-" (its downcode maps only add to this; they never drop less).
URLIFY = r"""
const [formatters, title] = JSON.parse(require("fs").readFileSync(0, "utf8"));
let value = formatters.reduce((text, [[pattern, flags = "gu"], replacement = ""]) =>
  text[flags.includes("g") ? "replaceAll" : "replace"](new RegExp(pattern, flags), replacement), title.trim());
value = value.toLowerCase().replace(/[^-\w\s]/g, "").replace(/[-\s]+/g, "-").substring(0, 255).replace(/-+$/g, "");
process.stdout.write(value);
"""


def add_form_html(client, user, language):
    section = section_for(Unit.objects.get(slug="bao-kon-tum"), language)
    client.force_login(user)
    return section, client.get(f"/admin/pages/add/products/productpage/{section.pk}/").content.decode()


def browser_slug(html, title):
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed (CI installs it with npm)")
    slug_input = re.search(r'<input[^>]*name="slug"[^>]*>', html).group(0)
    match = re.search(r'data-w-slug-formatters-value="([^"]*)"', slug_input)
    formatters = json.loads(match.group(1).replace("&quot;", '"')) if match else []
    result = subprocess.run(
        [node, "-e", URLIFY],
        input=json.dumps([formatters, title]),
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize(("title", "slug"), [(BAHNAR, BAHNAR_SLUG), (VIETNAMESE, VIETNAMESE_SLUG)])
def test_the_helper_transliterates(title, slug):
    assert ascii_slug(title) == slug


def test_the_slug_the_browser_fills_in_keeps_every_letter(client, people):
    _, html = add_form_html(client, people.editor, "bdq")
    assert browser_slug(html, BAHNAR) == BAHNAR_SLUG
    assert browser_slug(html, VIETNAMESE) == VIETNAMESE_SLUG


def test_a_blank_slug_is_made_on_the_server(client, people):
    section, _ = add_form_html(client, people.editor, "bdq")
    data = nested_form_data(
        {
            "title": BAHNAR,
            "slug": "",
            "body": streamfield([]),
            "publications": inline_formset([], min=1),
            "attachments": inline_formset([]),
            "comments": inline_formset([]),
        }
    )
    response = client.post(f"/admin/pages/add/products/productpage/{section.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:1000]
    assert ProductPage.objects.get(title=BAHNAR).slug == BAHNAR_SLUG
