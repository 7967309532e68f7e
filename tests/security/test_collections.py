"""Each unit's desk uploads and chooses its own images, documents and media (issue 12)."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission
from wagtailmedia.models import get_media_model

from tests.products.test_uploads import PDF
from tests.sample_files import png_bytes, wav_bytes
from tests.security.helpers import text_of

Image = get_image_model()
Document = get_document_model()
Media = get_media_model()


def unit_collection(slug):
    from products.models import Unit

    return Unit.objects.get(slug=slug).desk.collection


def upload_image(client, title, collection=None):
    data = {"title": title, "file": SimpleUploadedFile(f"{title}.png", png_bytes(size=(4, 4)))}
    if collection is not None:
        data["collection"] = collection.pk
    return client.post(reverse("wagtailimages:add"), data)


def upload_document(client, title, collection=None):
    data = {"title": title, "file": SimpleUploadedFile(f"{title}.pdf", PDF)}
    if collection is not None:
        data["collection"] = collection.pk
    return client.post(reverse("wagtaildocs:add"), data)


def upload_audio(client, title, collection=None):
    data = {"title": title, "file": SimpleUploadedFile(f"{title}.wav", wav_bytes()), "duration": "1"}
    if collection is not None:
        data["collection"] = collection.pk
    return client.post(reverse("wagtailmedia:add", args=["audio"]), data)


@pytest.mark.parametrize("role", ["editor", "reviewer"])
def test_unit_desk_uploads_images_documents_and_media_into_its_collection(client, people, role):
    client.force_login(getattr(people, role))
    own = unit_collection("bao-kon-tum")
    assert upload_image(client, f"anh-{role}").status_code == 302
    assert upload_document(client, f"tai-lieu-{role}").status_code == 302
    assert upload_audio(client, f"am-thanh-{role}").status_code == 302
    assert Image.objects.get(title=f"anh-{role}").collection == own
    assert Document.objects.get(title=f"tai-lieu-{role}").collection == own
    assert Media.objects.get(title=f"am-thanh-{role}").collection == own


def test_unit_desk_cannot_upload_into_or_choose_from_another_units_collection(client, people):
    theirs = unit_collection("dai-ptth-kon-tum")
    Image.objects.create(
        title="Ảnh riêng của Đài", file="original_images/x.png", collection=theirs, width=4, height=4
    )
    Document.objects.create(title="Tài liệu riêng của Đài", file="documents/x.pdf", collection=theirs)
    client.force_login(people.editor)
    upload_image(client, "anh-lan-sang", collection=theirs)
    assert not Image.objects.filter(title="anh-lan-sang", collection=theirs).exists()
    upload_document(client, "tai-lieu-lan-sang", collection=theirs)
    assert not Document.objects.filter(title="tai-lieu-lan-sang", collection=theirs).exists()
    for url in (
        reverse("wagtailimages:index"),
        reverse("wagtailimages_chooser:choose"),
        reverse("wagtaildocs:index"),
        reverse("wagtaildocs_chooser:choose"),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "riêng của Đài" not in text_of(response), url


def test_editor_edits_own_uploads_reviewer_manages_the_units_collection(client, people):
    client.force_login(people.editor)
    upload_image(client, "anh-cua-bien-tap")
    image = Image.objects.get(title="anh-cua-bien-tap")
    client.force_login(people.other_editor)
    assert client.get(reverse("wagtailimages:edit", args=[image.pk])).status_code != 200
    client.force_login(people.reviewer)
    assert client.get(reverse("wagtailimages:edit", args=[image.pk])).status_code == 200
    client.post(reverse("wagtailimages:delete", args=[image.pk]))
    assert not Image.objects.filter(pk=image.pk).exists()


@pytest.mark.parametrize("role", ["translator", "auditor"])
def test_roles_without_a_collection_upload_nothing(client, people, role):
    client.force_login(getattr(people, role))
    upload_image(client, f"anh-{role}", collection=Collection.get_first_root_node())
    upload_document(client, f"tai-lieu-{role}", collection=Collection.get_first_root_node())
    assert not Image.objects.filter(title=f"anh-{role}").exists()
    assert not Document.objects.filter(title=f"tai-lieu-{role}").exists()


def test_administrator_manages_every_collection(client, people):
    client.force_login(people.administrator)
    theirs = unit_collection("dai-ptth-kon-tum")
    assert upload_image(client, "anh-quan-tri", collection=theirs).status_code == 302
    assert Image.objects.get(title="anh-quan-tri").collection == theirs


def test_wagtails_default_groups_hold_no_page_or_collection_rights(db):
    call_command("seed_reference", stdout=io.StringIO())
    for name in ("Editors", "Moderators"):
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        assert not GroupPagePermission.objects.filter(group=group).exists(), name
        assert not GroupCollectionPermission.objects.filter(group=group).exists(), name


def test_collections_are_found_by_identity_not_by_name(db):
    from products.desk.roles import ensure_unit_desk
    from products.models import Unit

    unit = Unit.objects.get(slug="bao-kon-tum")
    collection = unit.desk.collection
    collection.name = "Tên mới do quản trị viên đặt"
    collection.save()
    unit.name_vi = "Báo Quảng Ngãi"
    unit.save()
    ensure_unit_desk(unit)
    assert Unit.objects.get(pk=unit.pk).desk.collection == collection
    assert Collection.objects.filter(name__in=["Báo Kon Tum", "Báo Quảng Ngãi"]).count() == 0
