"""Private until published: files of drafts, unpublished and restricted products are neither
listed nor served to the public; once a public product uses a file, they are.

Every test drives the real URLs: Wagtail's document view, ``/media/…`` and the API.
"""

from pathlib import Path

import pytest
from django.urls import reverse

from products.models import ProductAttachment
from tests.factories import make_product
from tests.public.conftest import PDF_TEXT, attach, file_urls, new_document, new_image, restrict

pytestmark = pytest.mark.django_db


def status(client, url):
    return client.get(url, follow=True).status_code


def listed(client, files):
    documents = {item["id"] for item in client.get("/api/v2/documents/?limit=100").json()["items"]}
    images = {item["id"] for item in client.get("/api/v2/images/?limit=100").json()["items"]}
    return {"document": files["document"].pk in documents, "image": files["image"].pk in images}


def assert_private(client, files):
    assert listed(client, files) == {"document": False, "image": False}
    for name, url in file_urls(files).items():
        assert status(client, url) == 404, name
    assert status(client, f"/api/v2/documents/{files['document'].pk}/") == 404
    assert status(client, f"/api/v2/images/{files['image'].pk}/") == 404


def assert_public(client, files):
    assert listed(client, files) == {"document": True, "image": True}
    for name, url in file_urls(files).items():
        response = client.get(url)
        assert response.status_code == 200, name
        assert b"".join(response.streaming_content)
    assert client.get(f"/api/v2/documents/{files['document'].pk}/").status_code == 200


def test_files_of_a_draft_are_neither_listed_nor_served(client, files):
    """Seen in issue 12: the API listed them and /documents/<id>/<name>.pdf served the PDF."""
    attach(files, live=False)
    assert_private(client, files)


def test_publishing_makes_the_files_public(client, files):
    product = attach(files, live=False)
    product.get_latest_revision().publish()
    assert_public(client, files)
    document = client.get(file_urls(files)["document"])
    assert PDF_TEXT.encode() in b"".join(document.streaming_content)
    for url in file_urls(files).values():
        assert "public" in client.get(url)["Cache-Control"]


def test_unpublishing_makes_them_private_again(client, files):
    product = attach(files)
    assert_public(client, files)
    product.unpublish()
    assert_private(client, files)


@pytest.mark.parametrize("kind", ["password", "login", "groups"])
def test_a_restriction_makes_them_private(client, files, kind):
    product = attach(files)
    restriction = restrict(product, kind)
    assert_private(client, files)
    restriction.delete()
    assert_public(client, files)


def test_who_entered_the_password_sees_the_files_on_the_page(client, files):
    product = attach(files)
    restriction = restrict(product)
    url = reverse("wagtailcore_authenticate_with_password", args=(restriction.pk, product.pk))
    client.post(url, {"password": "mat-khau", "return_url": product.url})
    assert client.get(product.url).status_code == 200
    for name, file_url in file_urls(files).items():
        assert status(client, file_url) == 200, name
    assert listed(client, files) == {"document": False, "image": False}  # the API stays public-only


def test_a_file_used_by_one_public_product_is_public(client, files):
    attach(files, live=False, title="Bản nháp")
    attach(files, title="Đã đăng")
    assert_public(client, files)


def test_body_image_and_rich_text_document_link_follow_the_product(client, files):
    image, document = files["image"], files["document"]
    body = [
        {"type": "image", "value": {"image": image.pk, "alt_text": "Ảnh", "decorative": False}},
        {
            "type": "paragraph",
            "value": f'<p>Xem <a linktype="document" id="{document.pk}">biên bản</a>.</p>',
        },
    ]
    product = make_product(title="Ảnh trong bài", body=body, live=False)
    assert listed(client, files) == {"document": False, "image": False}
    assert status(client, document.url) == 404
    product.get_latest_revision().publish()
    assert listed(client, files) == {"document": True, "image": True}
    assert status(client, document.url) == 200
    assert status(client, image.file.url) == 200


def test_a_draft_revision_of_a_live_product_does_not_publish_its_new_files(client, files):
    product = make_product(title="Đã đăng, đang sửa")
    product.attachments.add(ProductAttachment(document=files["document"]))
    product.save_revision()
    assert status(client, files["document"].url) == 404
    product.get_latest_revision().publish()
    assert status(client, files["document"].url) == 200


def test_removing_the_last_attachment_of_a_public_product_makes_the_file_private(client, files):
    product = make_product(
        title="Bỏ tệp", attachments=[ProductAttachment(document=files["document"])], live=True
    )
    assert status(client, files["document"].url) == 200
    product.attachments.clear()
    product.save_revision().publish()
    assert status(client, files["document"].url) == 404
    assert listed(client, files)["document"] is False


def test_a_file_no_product_uses_is_private(client, files):
    assert_private(client, files)


def test_the_uploader_sees_an_unused_upload_and_others_do_not(client, file_users):
    document = new_document(uploaded_by=file_users["uploader"], collection=file_users["collection"])
    image = new_image(uploaded_by=file_users["uploader"], collection=file_users["collection"])
    for person, expected in (("uploader", 200), ("other_editor", 404), ("nobody", 404)):
        client.force_login(file_users[person])
        assert status(client, document.url) == expected, person
        assert status(client, image.file.url) == expected, person


@pytest.mark.parametrize(
    "person,expected",
    [
        ("editor", 200),
        ("reviewer", 200),
        ("auditor", 200),
        ("administrator", 200),
        ("other_editor", 404),
        ("nobody", 404),
    ],
)
def test_draft_files_are_served_to_the_units_desk_auditors_and_administrators(
    client, files, file_users, person, expected
):
    attach(files, live=False)
    client.force_login(file_users[person])
    for name, url in file_urls(files).items():
        response = client.get(url, follow=True)
        assert response.status_code == expected, (person, name)
        if expected == 200:
            assert "no-store" in response["Cache-Control"]
    # Listing stays public-only whoever asks.
    assert listed(client, files) == {"document": False, "image": False}


@pytest.mark.parametrize(
    "path",
    [
        "/media/../cms/settings/base.py",
        "/media/%2e%2e/cms/settings/base.py",
        "/media/documents/../../manage.py",
        "/media/documents/khong-co.pdf",
        "/media/la.txt",
        "/media/original_images/",
        "/media//etc/passwd",
        "/media/documents/bien-ban.pdf%00",  # a NUL byte: a 500 on PostgreSQL, found by hypothesis
    ],
)
def test_paths_outside_the_files_or_unknown_are_not_served(client, files, path, settings, admin_user):
    (Path(settings.MEDIA_ROOT) / "la.txt").write_text("không ai biết")
    attach(files)
    client.force_login(admin_user)
    assert status(client, path) == 404
