"""Real files (a PDF, a PNG, a WAV) attached to real products, and people in each role."""

import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupCollectionPermission, PageViewRestriction
from wagtailmedia.models import get_media_model

from products.desk import roles
from products.models import ProductAttachment, Unit
from tests.factories import make_product
from tests.sample_files import pdf_bytes, png_bytes, wav_bytes

PDF_TEXT = "BIEN BAN MAT"


PDF = pdf_bytes(PDF_TEXT)


def new_document(title="Biên bản", uploaded_by=None, collection=None):
    return get_document_model().objects.create(
        title=title,
        file=ContentFile(PDF, name="bien-ban.pdf"),
        uploaded_by_user=uploaded_by,
        collection=collection or Collection.get_first_root_node(),
    )


def new_image(title="Ảnh", uploaded_by=None, collection=None):
    return get_image_model().objects.create(
        title=title,
        file=ImageFile(io.BytesIO(png_bytes()), name="anh.png"),
        uploaded_by_user=uploaded_by,
        collection=collection or Collection.get_first_root_node(),
    )


def new_media(title="Âm thanh"):
    return get_media_model().objects.create(
        title=title,
        file=ContentFile(wav_bytes(), name="am-thanh.wav"),
        type="audio",
        duration=1,
        collection=Collection.get_first_root_node(),
    )


@pytest.fixture
def files(db):
    """A document, an image (with one rendition) and an audio file, not used by anything yet."""
    cache.clear()  # Wagtail caches renditions by image id, and ids come back after a rollback
    image = new_image()
    return {
        "document": new_document(),
        "image": image,
        "rendition": image.get_rendition("max-960x720"),
        "media": new_media(),
    }


def attach(files, **product_fields):
    """A product of Báo Kon Tum with the three files as attachments."""
    attachments = [
        ProductAttachment(document=files["document"]),
        ProductAttachment(image=files["image"]),
        ProductAttachment(media=files["media"]),
    ]
    return make_product(attachments=attachments, **product_fields)


def file_urls(files):
    """Every URL at which one of ``files`` can be asked for."""
    document = files["document"]
    return {
        "document": document.url,
        "document_in_media": document.file.url,
        "image": files["image"].file.url,
        "rendition": files["rendition"].url,
        "media": files["media"].file.url,
    }


def restrict(page, kind="password"):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password="mat-khau" if kind == "password" else ""
    )
    if kind == "groups":
        restriction.groups.set([Group.objects.create(name="Nhóm riêng")])
    return restriction


def member(django_user_model, username, *group_names):
    user = django_user_model.objects.create_user(username, password="pw")
    user.groups.add(*[Group.objects.get(name=name) for name in group_names])
    return user


def unit_name(slug):
    return Unit.objects.get(slug=slug).name_vi


@pytest.fixture
def file_users(db, django_user_model):
    """{role: user} of the file-privacy checks (units by slug: bao-kon-tum's desk owns the test
    products), with an uploader and ``"collection"``, the uploader's collection. Not ``people``
    (tests/conftest.py: the role matrix's namespace)."""
    uploader_group = Group.objects.create(name="Kho ảnh Báo Kon Tum")
    collection = Collection.get_first_root_node().add_child(name="Báo Kon Tum (thử)")
    for codename in ("add_image", "choose_image", "add_document", "choose_document"):
        GroupCollectionPermission.objects.create(
            group=uploader_group, collection=collection, permission=Permission.objects.get(codename=codename)
        )
    uploader = member(django_user_model, "uploader")
    uploader.groups.add(uploader_group)
    return {
        "editor": member(django_user_model, "editor", roles.EDITOR.format(unit=unit_name("bao-kon-tum"))),
        "reviewer": member(
            django_user_model, "reviewer", roles.REVIEWER.format(unit=unit_name("bao-kon-tum"))
        ),
        "other_editor": member(
            django_user_model, "other", roles.EDITOR.format(unit=unit_name("dai-ptth-kon-tum"))
        ),
        "auditor": member(django_user_model, "auditor", roles.AUDITOR),
        "administrator": member(django_user_model, "administrator", roles.ADMINISTRATOR),
        "nobody": member(django_user_model, "nobody"),
        "uploader": uploader,
        "collection": collection,
    }
