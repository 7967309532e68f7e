"""Reading scripts (task 3.3): plain text, reading time, printable page and .txt, only for visible products."""

import datetime

from django.urls import reverse
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

from monitoring.scripts import reading_seconds
from tests.factories import make_product

BODY = [
    (
        "paragraph",
        RichText(
            "<p>Quyền con người <b>được</b> bảo đảm.</p><ul><li>Bơ̆n 'Bok</li><li>ư̆ ĕ</li></ul>"
            '<p>Xem <a href="https://nhanquyenvn.org">trang</a> &amp; đọc.</p>'
        ),
    ),
    ("quote", {"text": "Mọi người sinh ra tự do", "source": "UDHR"}),
]


def product(**kwargs):
    return make_product(
        title="Bản tin Bơ̆n",
        summary="Tin vắn  cho đài xã.",
        body=BODY,
        publications=[("loudspeaker", datetime.date(2024, 3, 1))],
        **kwargs,
    )


def test_txt_is_plain_text_with_marks_kept(client, registers):
    page = product()
    response = client.get(reverse("scripts:text", args=[page.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    header, script = text.split("\n\n", 1)
    seconds = reading_seconds(script, "vi")
    assert header == f"[Thời lượng đọc ước tính: {seconds // 60} phút {seconds % 60} giây]" and seconds > 0
    assert script == (
        "Bản tin Bơ̆n\n\nTin vắn cho đài xã.\n\nQuyền con người được bảo đảm.\n\n- Bơ̆n 'Bok\n\n- ư̆ ĕ\n\n"
        "Xem trang & đọc.\n\n«Mọi người sinh ra tự do» (UDHR)\n"
    )
    assert "attachment" in response["Content-Disposition"]


def test_printable_page_with_reading_time(client, registers):
    page = product()
    response = client.get(reverse("scripts:page", args=[page.pk]))
    html = response.content.decode()
    assert response.status_code == 200 and "<b>" not in html.split("<h1>", 1)[1]
    words = len(response.context["script"].text.split())  # no apostrophe-split words in this text except 'Bok
    assert response.context["script"].seconds == -(-words * 60 // 160)
    assert "Thời lượng đọc ước tính" in html and "data-print" in html and "monitoring/print.js" in html
    assert "onclick" not in html and "<style" not in html  # the site's CSP allows no inline code


def test_reading_time_for_unspaced_scripts():
    assert reading_seconds("人人生而自由" * 40, "zh-hans") == 60  # 240 characters a minute
    assert reading_seconds("ສິດທິມະນຸດ" * 48, "lo") == 60  # 480 characters ≈ 160 syllables
    assert reading_seconds(" ".join(["từ"] * 160), "vi") == 60


def test_only_products_the_reader_may_see(client, django_user_model, registers):
    from django.contrib.auth.models import Group

    from products.desk import roles

    draft = product(live=False)
    assert client.get(reverse("scripts:page", args=[draft.pk])).status_code == 404
    assert client.get(reverse("scripts:text", args=[draft.pk])).status_code == 404
    hidden = product()
    PageViewRestriction.objects.create(page=hidden, restriction_type="password", password="x")
    assert client.get(reverse("scripts:text", args=[hidden.pk])).status_code == 404
    assert client.get(reverse("scripts:text", args=[999999])).status_code == 404

    editor = django_user_model.objects.create_user("e", password="pw")
    editor.groups.add(Group.objects.get(name=roles.EDITOR.format(unit="Báo Kon Tum")))
    client.force_login(editor)
    assert client.get(reverse("scripts:text", args=[draft.pk])).status_code == 200  # own unit's draft
    other = make_product(title="Khác", unit="dai-ptth-kon-tum", live=False)
    assert client.get(reverse("scripts:text", args=[other.pk])).status_code == 404


def test_admin_page_header_offers_the_script(admin_client, registers):
    page = product()
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert reverse("scripts:page", args=[page.pk]) in html
