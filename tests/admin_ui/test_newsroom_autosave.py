"""Issue 26: Wagtail's autosave posts the editor's form while the reporter is still writing; the
banner must not say "Có lỗi nhập liệu" for a form filled in the normal order.

The browser posts the whole form with ``Accept: application/json`` and no action button (a
draft save, Wagtail's deferred validation). On the add form the first "Lần đăng tải" row is
there from the start (at least one is required): untouched, it is not an error yet; and a new
row's date starts at today's, so choosing the channel is enough to make it complete.
"""

import datetime

import pytest
from django.utils import timezone

from products.models import ProductPage
from tests.admin_ui.newsroom_forms import form_data
from tests.admin_ui.test_newsroom_editor import add_url
from tests.factories import make_product

pytestmark = pytest.mark.django_db


def autosave(client, url, **fields):
    """What the browser's autosave posts: the form as rendered, with the typed ``fields``."""
    data = form_data(client.get(url).content.decode())
    data["body-count"] = data.get("body-count", ["0"])  # the stream field's count is written by its JS
    data.update({name: [value] for name, value in fields.items()})
    return client.post(url, data, HTTP_ACCEPT="application/json")


def test_autosave_while_typing_the_title_is_not_an_error(client, people):
    client.force_login(people.editor)
    response = autosave(client, add_url(), title="Bài đang viết", summary="Câu đầu tiên")
    assert response.status_code == 200, response.json()
    assert response.json()["success"] is True
    draft = ProductPage.objects.get(title="Bài đang viết")
    assert not draft.live and draft.publications.count() == 0


def test_a_new_publication_row_is_complete_once_its_channel_is_chosen(client, people, registers):
    client.force_login(people.editor)
    html = client.get(add_url()).content.decode()
    today = timezone.localdate(timezone=timezone.get_default_timezone()).strftime("%d/%m/%Y")
    assert form_data(html)["publications-0-date"] == [today]
    assert form_data(html)["publications-__prefix__-date"] == [today]
    response = autosave(
        client, add_url(), title="Bài có kênh", **{"publications-0-channel": registers.channel["radio"].pk}
    )
    assert response.status_code == 200, response.json()
    draft = ProductPage.objects.get(title="Bài có kênh")
    assert [(p.channel.slug, p.date) for p in draft.publications.all()] == [
        ("radio", timezone.localdate(timezone=timezone.get_default_timezone()))
    ]


def test_an_existing_publication_keeps_its_own_date(client, people):
    product = make_product(
        title="Bài đã đăng", live=False, publications=[("radio", datetime.date(2024, 7, 30))]
    )
    client.force_login(people.editor)
    html = client.get(f"/admin/pages/{product.pk}/edit/").content.decode()
    assert form_data(html)["publications-0-date"] == ["30/07/2024"]


def test_submitting_without_a_publication_is_still_refused(client, people, registers):
    client.force_login(people.editor)
    data = form_data(client.get(add_url()).content.decode())
    data.update(
        {
            "body-count": ["0"],
            "title": ["Bài gửi thiếu kênh"],
            "area": [registers.area["III"].pk],
            "format": [registers.format["article"].pk],
            "task": [registers.task["3.2"].pk],
            "action-submit": ["1"],
        }
    )
    response = client.post(add_url(), data)
    assert response.status_code == 200
    assert "channel" in response.context["form"].formsets["publications"].errors[0]
    assert not ProductPage.objects.filter(title="Bài gửi thiếu kênh").exists()


def test_an_attachment_row_just_added_is_not_an_error(client, people):
    """ "Thêm Tệp đính kèm" adds an empty row; autosave runs before the reporter chooses the file."""
    client.force_login(people.editor)
    response = autosave(
        client,
        add_url(),
        title="Bài có tệp sắp chọn",
        **{
            "attachments-TOTAL_FORMS": "1",
            "attachments-0-document": "",
            "attachments-0-image": "",
            "attachments-0-media": "",
            "attachments-0-caption": "",
            "attachments-0-id": "",
            "attachments-0-ORDER": "1",
            "attachments-0-DELETE": "",
        },
    )
    assert response.status_code == 200, response.json()
    assert ProductPage.objects.get(title="Bài có tệp sắp chọn").attachments.count() == 0


def test_autosave_with_a_file_row_added_but_not_chosen_yet(client, people):
    """Seen in the editor's day: "Thêm tệp đính kèm" clicked, autosave posts before a file is chosen.
    The new row is unchanged (Django skips cleaning it); Wagtail's re-render sorted the rows by a
    cleaned ORDER it does not have: a 500 on every autosave until the file was chosen."""
    product = make_product(title="Bài đang thêm tệp", live=False)
    client.force_login(people.editor)
    url = f"/admin/pages/{product.pk}/edit/"
    added = int(form_data(client.get(url).content.decode())["attachments-TOTAL_FORMS"][0])
    row = f"attachments-{added}"
    fields = {"attachments-TOTAL_FORMS": added + 1, f"{row}-ORDER": "", f"{row}-DELETE": "", f"{row}-id": ""}
    response = autosave(client, url, **fields)
    assert response.status_code == 200
    assert response.json()["success"] is True
    assert product.attachments.count() == 0


def test_autosave_after_wagtail_counted_an_untouched_row_as_saved(client, people):
    """Seen under load in the editor's day: an autosave that skipped the untouched "Lần đăng tải"
    row still told the browser that every row was saved (Wagtail's field updates set INITIAL_FORMS
    to the total), so the next autosave sent that row, still without an id, among the saved ones,
    and it was refused as incomplete ("Có lỗi nhập liệu") while the reporter was still writing."""
    product = make_product(title="Bài đang viết tiếp", live=False, publications=[])
    client.force_login(people.editor)
    url = f"/admin/pages/{product.pk}/edit/"
    fields = {"publications-TOTAL_FORMS": 1, "publications-INITIAL_FORMS": 1, "publications-0-channel": ""}
    fields.update({"publications-0-id": "", "publications-0-ORDER": "1", "publications-0-date": "04/12/2026"})
    response = autosave(client, url, summary="Câu thứ hai", **fields)
    assert response.status_code == 200, response.json()
    assert product.publications.count() == 0
    assert ProductPage.objects.get(pk=product.pk).get_latest_revision_as_object().summary == "Câu thứ hai"
