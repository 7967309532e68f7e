"""Issue 26: audio and video are chosen with wagtailmedia's chooser, limited to the unit's
collection, instead of a plain <select> of every unit's media."""

import re

import pytest
from django.core.files.base import ContentFile
from wagtailmedia.models import get_media_model

from products.desk.models import UnitDesk
from products.models import Unit
from tests.factories import make_product

pytestmark = pytest.mark.django_db


def media_in(unit_slug, title, user):
    collection = UnitDesk.objects.get(unit=Unit.objects.get(slug=unit_slug)).collection
    return get_media_model().objects.create(
        title=title,
        type="audio",
        duration=10,
        collection=collection,
        uploaded_by_user=user,
        file=ContentFile(b"ID3", name=f"{title}.mp3"),
    )


def test_the_attachment_form_has_a_media_chooser_not_a_select(client, people):
    product = make_product(title="Bài có âm thanh")
    client.force_login(people.editor)
    html = client.get(f"/admin/pages/{product.pk}/edit/").content.decode()
    assert not re.search(r"<select[^>]*name=\\?\"attachments-__prefix__-media", html)
    assert "/admin/media/chooser/" in html


def test_the_chooser_lists_the_unit_s_media_only(client, people):
    media_in("bao-kon-tum", "Tin phát thanh của đồng nghiệp", people.reviewer)
    media_in("dai-ptth-kon-tum", "Tin phát thanh của Đài", people.other_reviewer)
    client.force_login(people.editor)
    html = client.get("/admin/media/chooser/").json()["html"]
    assert "Tin phát thanh của đồng nghiệp" in html
    assert "Tin phát thanh của Đài" not in html
