"""``translation_of`` in an import asks what "Dịch sang…" in the admin asks (issue 24).

Seen on main: an editor imported their own product with ``translation_of`` naming another
unit's live product; the import put it in that product's translation group, and the other
unit's page then advertised it (hreflang, the language switcher). A row may name a product of
the importing person's own unit, or, for a translator assigned the row's language, any unit's
published product; anything else is a row error, and nothing is written.
"""

import pytest

from products.models import ProductPage
from tests.importing.helpers import row, run, write_file
from tests.importing.test_import_rights import upload
from tests.roles import OTHER, OWN, person, role_group

pytestmark = pytest.mark.django_db


@pytest.fixture
def sources(tmp_path):
    """A live product of the person's own unit, and a live and a draft one of another unit."""
    ok, output = run(
        write_file(
            tmp_path / "nguon.jsonl",
            [row("own-vi", unit=OWN), row("their-vi", unit=OTHER), row("their-draft", unit=OTHER)],
        )
    )
    assert ok, output
    ProductPage.objects.get(external_id="their-draft").unpublish()


def editor_translating(django_user_model, name, *languages):
    """An editor of OWN's desk who is also a translator assigned ``languages``."""
    groups = [role_group("translator_into", language=code) for code in languages]
    return person(django_user_model, name, role_group("editor", OWN), role_group("translator"), *groups)


def review(client, path):
    """The admin's row report for ``path`` (before confirming)."""
    with open(path, "rb") as handle:
        response = client.post("/admin/products-import/", {"file": handle})
    return client.get(response["Location"]).content.decode()


def group_of(external_id):
    return set(
        ProductPage.objects.get(external_id=external_id)
        .get_translations(inclusive=True)
        .values_list("external_id", flat=True)
    )


def assert_refused(client, tmp_path, translation_of, language="bdq"):
    """The row is refused with its number and the reason; nothing is written, the group unchanged."""
    before = group_of(translation_of)
    path = write_file(
        tmp_path / "dich.jsonl", [row("mine-bdq", language=language, translation_of=translation_of)]
    )
    text = review(client, path)
    assert "Dòng 1, trường «translation_of»" in text
    assert "không có quyền dịch" in text and translation_of in text
    assert "/confirm/" not in text
    upload(client, path)
    assert not ProductPage.objects.filter(external_id="mine-bdq").exists()
    assert group_of(translation_of) == before


def test_editor_translates_a_product_of_their_own_unit(client, people, sources, tmp_path):
    client.force_login(people.editor)
    _, done = upload(
        client,
        write_file(tmp_path / "dich.jsonl", [row("mine-bdq", language="bdq", translation_of="own-vi")]),
    )
    assert done.status_code == 200
    assert group_of("own-vi") == {"own-vi", "mine-bdq"}


def test_editor_cannot_attach_their_product_to_another_units(client, people, sources, tmp_path):
    client.force_login(people.editor)
    assert_refused(client, tmp_path, "their-vi")


def test_translator_assigned_the_language_translates_another_units_published_product(
    client, django_user_model, sources, tmp_path
):
    client.force_login(editor_translating(django_user_model, "dich-bahnar", "bdq"))
    path = write_file(tmp_path / "dich.jsonl", [row("mine-bdq", language="bdq", translation_of="their-vi")])
    _, done = upload(client, path)
    assert done.status_code == 200
    assert group_of("their-vi") == {"their-vi", "mine-bdq"}


def test_translator_without_the_language_is_refused(client, django_user_model, sources, tmp_path):
    client.force_login(editor_translating(django_user_model, "dich-anh", "en"))
    assert_refused(client, tmp_path, "their-vi", language="bdq")


def test_translator_cannot_translate_another_units_draft(client, django_user_model, sources, tmp_path):
    client.force_login(editor_translating(django_user_model, "dich-nhap", "bdq"))
    assert_refused(client, tmp_path, "their-draft", language="bdq")


def test_a_chain_through_a_refused_row_is_refused_too(client, people, sources, tmp_path):
    """A row naming, in the file, a row refused for naming another unit's product."""
    rows = [
        row("mine-bdq", language="bdq", translation_of="their-vi"),
        row("mine-en", language="en", translation_of="mine-bdq"),
    ]
    path = write_file(tmp_path / "chuoi.jsonl", rows)
    client.force_login(people.editor)
    text = review(client, path)
    assert "Dòng 1, trường «translation_of»" in text and "Dòng 2, trường «translation_of»" in text
    upload(client, path, skip_invalid="on")
    assert not ProductPage.objects.filter(external_id__in=["mine-en", "mine-bdq"]).exists()
    assert group_of("their-vi") == {"their-vi"}


def test_command_line_user_gets_the_same_answer(people, sources, tmp_path):
    path = write_file(tmp_path / "dich.jsonl", [row("mine-bdq", language="bdq", translation_of="their-vi")])
    ok, output = run(path, "--user", "editor")
    assert not ok and "Dòng 1" in output and "«translation_of»" in output, output
    assert not ProductPage.objects.filter(external_id="mine-bdq").exists()
    ok, output = run(path)  # as the system: every unit
    assert ok, output
    assert group_of("their-vi") == {"their-vi", "mine-bdq"}
