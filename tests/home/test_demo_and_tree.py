"""The demo archive and the page tree: idempotent, visible on the portal in several languages."""

from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale, Page

from home.models import HomePage
from products.models import ProductIndexPage, ProductPage, UnitSectionPage


def run(command):
    call_command(command, stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_every_locale_has_home_and_index_linked_as_translations(db):
    homes = HomePage.objects.all()
    assert homes.count() == Locale.objects.count() == 13
    assert len({home.translation_key for home in homes}) == 1
    assert ProductIndexPage.objects.count() == 13


def test_load_demo_is_idempotent_and_multilingual(client, db):
    run("load_demo")
    run("load_demo")
    products = ProductPage.objects.live()
    assert products.count() == 15
    assert {"vi", "bdq", "en", "lo"} <= set(products.values_list("language", flat=True))
    years = {p.first_published.year for p in products}
    # The demo follows the calendar (tests/portal/test_portal26_demo.py).
    this_year = timezone.localdate().year
    assert years == {this_year - 2, this_year - 1, this_year}
    for prefix, text in [("vi", "UPR chu kỳ IV"), ("bdq", "'Bok kră"), ("lo", "ອັດຕະປື")]:
        html = client.get(f"/{prefix}/").content.decode().replace("&#x27;", "'")
        assert text in html, prefix


def test_tree_has_no_problems_after_seed_and_demo(db):
    run("load_demo")
    bad_alpha, bad_path, orphans, wrong_depth, wrong_numchild = Page.find_problems()
    assert (bad_alpha, bad_path, orphans, wrong_depth, wrong_numchild) == ([], [], [], [], [])


def test_unit_sections_follow_register(db):
    from products.models import Unit

    unit = Unit.objects.create(
        slug="so-khcn",
        name_vi="Sở Khoa học và Công nghệ",
        name_en="DOST",
        kind="department",
        languages=["vi", "en"],
    )
    sections = UnitSectionPage.objects.filter(unit=unit)
    assert set(sections.values_list("locale__language_code", flat=True)) == {"vi", "en"}
    assert len({s.translation_key for s in sections}) == 1
    unit.name_vi = "Sở Khoa học, Công nghệ và Chuyển đổi số"
    unit.save()
    section = sections.get(locale__language_code="vi")
    assert section.title == unit.name_vi and section.slug == "so-khcn"
