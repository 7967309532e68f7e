"""Uploads are checked by content and size, with messages the editor can act on."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection
from wagtailmedia.models import get_media_model

from tests.sample_files import wav_bytes

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
HTML = b"<!doctype html><script>alert(1)</script>"


def post_document(client, name, content):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": name,
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def post_media(client, name, content, media_type="audio"):
    return client.post(
        reverse("wagtailmedia:add", args=[media_type]),
        {
            "title": name,
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
            "duration": "1",
        },
    )


def test_real_pdf_accepted(admin_client):
    response = post_document(admin_client, "bao-cao.pdf", PDF)
    assert response.status_code == 302
    assert get_document_model().objects.filter(title="bao-cao.pdf").exists()


@pytest.mark.parametrize(
    "name,content", [("gia.pdf", HTML), ("virus.exe", b"MZ\x90\x00"), ("trang.html", HTML)]
)
def test_document_whose_content_or_type_is_wrong_is_refused(admin_client, name, content):
    response = post_document(admin_client, name, content)
    assert response.status_code == 200
    errors = str(response.context["form"].errors["file"])
    assert "Nội dung tệp" in errors or "Không nhận tệp" in errors
    assert not get_document_model().objects.filter(title=name).exists()


def test_audio_accepted_and_fake_audio_refused(admin_client):
    assert post_media(admin_client, "tin.wav", wav_bytes()).status_code == 302
    assert get_media_model().objects.filter(title="tin.wav").exists()
    response = post_media(admin_client, "gia.mp3", HTML)
    assert response.status_code == 200
    assert "Nội dung tệp không phải định dạng .mp3" in str(response.context["form"].errors["file"])
    assert not get_media_model().objects.filter(title="gia.mp3").exists()


def test_upload_over_the_limit_is_refused(admin_client, settings):
    settings.UPLOAD_MAX_BYTES = 100
    response = post_media(admin_client, "dai.wav", wav_bytes())
    assert response.status_code == 200
    assert "vượt giới hạn" in str(response.context["form"].errors["file"])
    response = post_document(admin_client, "dai.pdf", PDF + b" " * 200)
    assert "vượt giới hạn" in str(response.context["form"].errors["file"])


def test_served_document_is_a_pdf_download_never_html(admin_client):
    post_document(admin_client, "tai-lieu.pdf", PDF)
    document = get_document_model().objects.get(title="tai-lieu.pdf")
    response = admin_client.get(document.url)  # unused uploads are private: the uploader's side
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_pdf_attached_in_the_editor_has_its_text_extracted(admin_client, registers):
    from products.models import ProductAttachment
    from tests.factories import make_product
    from tests.sample_files import pdf_bytes

    post_document(admin_client, "bao-cao-upr.pdf", pdf_bytes("Bao cao UPR chu ky IV"))
    document = get_document_model().objects.get(title="bao-cao-upr.pdf")
    page = make_product(title="Có tài liệu")
    page.attachments = [ProductAttachment(document=document)]
    page.save_revision().publish()
    attachment = ProductAttachment.objects.get(page=page)
    assert "Bao cao UPR chu ky IV" in attachment.extracted_text
