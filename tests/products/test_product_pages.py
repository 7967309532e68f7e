"""Product pages: text round-trips, required tags before publishing, first_published."""

import datetime
import unicodedata

from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from products.models import ProductPage, UnitSectionPage
from tests.factories import make_product

BAHNAR_TITLE = "'Bok Kơ̆ng pơtho ư̆ hăm ĕ ŏ: tơdrong kon bơngai"
BAHNAR_BODY = "Bơ̆n 'Bok kră pơlei, ơ̆ ư̆ ĕ ŏ ă ĭ ŭ — Đăk Tô."


def section(unit="bao-kon-tum", language="vi"):
    return UnitSectionPage.objects.get(unit__slug=unit, locale__language_code=language)


def product_form(registers, *, title="Tin thử", action="action-publish", publications=None, **overrides):
    if publications is None:
        publications = [{"channel": registers.channel["facebook"].pk, "date": "2024-05-01", "url": ""}]
    data = {
        "title": title,
        "slug": "",
        "summary": "Tóm tắt",
        "body": streamfield([("paragraph", rich_text(f"<p>{BAHNAR_BODY}</p>"))]),
        "transcript": "",
        "area": registers.area["III"].pk,
        "format": registers.format["article"].pk,
        "task": registers.task["3.2"].pk,
        "topics": [],
        "publications": inline_formset([{"reference": "", **p} for p in publications], min=1),
        "attachments": inline_formset([]),
        "external_id": "",
        action: "1",
        **overrides,
    }
    return nested_form_data({k: v for k, v in data.items() if v is not None})


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=("products", "productpage", parent.pk))


def test_bahnar_text_round_trips_through_admin_publish_and_render(admin_client, registers):
    parent = section("dai-ptth-kon-tum", "bdq")
    response = admin_client.post(add_url(parent), product_form(registers, title=BAHNAR_TITLE))
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page = ProductPage.objects.get(title=BAHNAR_TITLE)
    assert page.live
    assert page.title.encode() == BAHNAR_TITLE.encode()
    assert BAHNAR_BODY in str(page.body)
    assert page.language == "bdq" and page.unit.slug == "dai-ptth-kon-tum"
    html = admin_client.get(page.url).content.decode()
    assert BAHNAR_BODY in html
    assert "ơ̆" in html and "&#x27;Bok Kơ̆ng" in html


def test_decomposed_input_is_stored_as_nfc_with_every_mark(registers):
    decomposed = unicodedata.normalize("NFD", "Quyền con người ở Đăk Tô, 'Bok ơ̆")
    page = make_product(title=decomposed, summary=decomposed)
    page.refresh_from_db()
    assert page.title == unicodedata.normalize("NFC", decomposed)
    assert page.summary == unicodedata.normalize("NFC", decomposed)
    assert "ơ\u0306" in page.title  # ơ̆ has no precomposed form: the breve stays


def test_cannot_publish_without_required_tags(admin_client, registers):
    response = admin_client.post(
        add_url(section()), product_form(registers, area="", format="", publications=[])
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "area" in form.errors and "format" in form.errors
    assert form.formsets["publications"].non_form_errors()
    assert not ProductPage.objects.filter(title="Tin thử").exists()


def test_draft_may_be_saved_incomplete(admin_client, registers):
    response = admin_client.post(
        add_url(section()),
        product_form(registers, action="action-save", area="", format="", publications=[]),
    )
    assert response.status_code == 302
    page = ProductPage.objects.get(title="Tin thử")
    assert not page.live


def test_future_publication_date_rejected(admin_client, registers):
    tomorrow = (datetime.date.today() + datetime.timedelta(days=2)).isoformat()
    response = admin_client.post(
        add_url(section()),
        product_form(
            registers, publications=[{"channel": registers.channel["radio"].pk, "date": tomorrow, "url": ""}]
        ),
    )
    assert response.status_code == 200
    errors = response.context["form"].formsets["publications"].forms[0].errors
    assert "date" in errors and "tương lai" in str(errors["date"])
    assert not ProductPage.objects.filter(title="Tin thử").exists()


def test_bad_url_rejected(admin_client, registers):
    response = admin_client.post(
        add_url(section()),
        product_form(
            registers,
            publications=[
                {"channel": registers.channel["radio"].pk, "date": "2024-01-01", "url": "not a url"}
            ],
        ),
    )
    assert response.status_code == 200
    assert "url" in response.context["form"].formsets["publications"].forms[0].errors


def test_first_published_follows_publications(registers):
    page = make_product(
        publications=[("radio", datetime.date(2024, 5, 2)), ("facebook", datetime.date(2024, 6, 1))]
    )
    assert page.first_published == datetime.date(2024, 5, 2)
    publications = list(page.publications.all())  # in no particular order on PostgreSQL
    next(p for p in publications if p.channel.slug == "radio").date = datetime.date(2023, 12, 30)
    page.publications = publications
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.first_published == datetime.date(2023, 12, 30)
    page.publications = [p for p in page.publications.all() if p.channel.slug == "facebook"]
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.first_published == datetime.date(2024, 6, 1)


def test_draft_edit_does_not_move_live_first_published(registers):
    page = make_product(publications=[("radio", datetime.date(2024, 5, 2))])
    draft = page.get_latest_revision_as_object()
    publications = list(draft.publications.all())
    publications[0].date = datetime.date(2020, 1, 1)
    draft.publications = publications
    draft.save_revision()
    page.refresh_from_db()
    assert page.first_published == datetime.date(2024, 5, 2)


def test_duplicate_external_id_is_a_form_error(admin_client, registers):
    make_product(external_id="kt-1")
    response = admin_client.post(add_url(section()), product_form(registers, external_id="kt-1"))
    assert response.status_code == 200
    assert "external_id" in response.context["form"].errors
    assert ProductPage.objects.filter(external_id="kt-1").count() == 1


def test_product_outside_a_unit_section_is_refused(admin_client, registers):
    from products.models import ProductIndexPage

    index = ProductIndexPage.objects.get(locale__language_code="vi")
    response = admin_client.get(reverse("wagtailadmin_pages:add", args=("products", "productpage", index.pk)))
    assert not ProductPage.can_create_at(index)
    assert response.status_code in (302, 403)
    assert not ProductPage.objects.child_of(index).exists()


def test_translations_link_each_other(client, registers):
    vi = make_product(title="Quyền trẻ em", language="vi")
    bdq = make_product(title="Tơdrong hơ̆k", language="bdq", translation_of=vi)
    html = client.get(vi.url).content.decode()
    assert bdq.url in html
    assert vi.url in client.get(bdq.url).content.decode()
