"""``media_access.may_serve``, the one decision every way of serving a file asks, role by role."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.db import SessionStore
from django.test import RequestFactory

from products import media_access
from products.media_views import owner_of, public_file_names
from tests.factories import make_product
from tests.public.conftest import attach, new_document, restrict

pytestmark = pytest.mark.django_db

EVERYONE = {
    "anonymous",
    "nobody",
    "editor",
    "reviewer",
    "other_editor",
    "auditor",
    "administrator",
    "superuser",
}
DESK_AND_AUDIT = {"editor", "reviewer", "auditor", "administrator", "superuser"}


def request_as(user):
    request = RequestFactory().get("/media/x")
    request.user = user
    request.session = SessionStore()
    return request


def users(file_users, admin_user):
    return {
        "anonymous": AnonymousUser(),
        "superuser": admin_user,
        **{name: file_users[name] for name in EVERYONE - {"anonymous", "superuser"}},
    }


def make_state(state, files):
    if state == "unused":
        return None
    product = attach(files, live=state != "draft")
    if state == "unpublished":
        product.unpublish()
    if state == "restricted":
        restrict(product)
    return product


@pytest.mark.parametrize(
    "state,allowed",
    [
        ("public", EVERYONE),
        ("draft", DESK_AND_AUDIT),
        ("unpublished", DESK_AND_AUDIT),
        ("restricted", DESK_AND_AUDIT),
        ("unused", {"auditor", "administrator", "superuser"}),
    ],
)
def test_who_may_be_served_each_kind_of_file(files, file_users, admin_user, state, allowed):
    make_state(state, files)
    for name, user in users(file_users, admin_user).items():
        for kind in ("document", "image", "media"):
            assert media_access.may_serve(request_as(user), files[kind]) is (name in allowed), (name, kind)
    assert media_access.is_public(files["document"]) is (state == "public")


def test_a_password_entered_in_this_session_admits_the_reader(files):
    product = make_state("restricted", files)
    request = request_as(AnonymousUser())
    assert not media_access.may_serve(request, files["image"])
    product.get_view_restrictions()[0].mark_as_passed(request)
    assert media_access.may_serve(request, files["image"])


def test_another_units_desk_is_admitted_only_through_its_own_products(files, file_users):
    make_product(title="Của Đài", unit="dai-ptth-kon-tum", live=False, attachments=[])
    make_state("draft", files)
    assert not media_access.may_serve(request_as(file_users["other_editor"]), files["document"])


def test_uploader_and_collection_desk(file_users):
    document = new_document(uploaded_by=file_users["uploader"], collection=file_users["collection"])
    assert media_access.may_serve(request_as(file_users["uploader"]), document)
    assert not media_access.may_serve(request_as(file_users["editor"]), document)


def test_inactive_staff_sees_nothing_private(files, file_users):
    make_state("draft", files)
    file_users["auditor"].is_active = False
    assert not media_access.may_serve(request_as(file_users["auditor"]), files["document"])


def test_owner_of_maps_every_stored_name_back(files):
    assert owner_of(files["document"].file.name) == files["document"]
    assert owner_of(files["image"].file.name) == files["image"]
    assert owner_of(files["rendition"].file.name) == files["image"]
    assert owner_of(files["media"].file.name) == files["media"]
    assert owner_of("documents/khong-co.pdf") is None
    assert owner_of("khac/tep.txt") is None


def test_public_file_names_lists_what_a_front_server_may_serve(files):
    draft_only = new_document(title="Chỉ trong bản nháp")
    make_product(title="Nháp", live=False, attachments=[])
    assert set(public_file_names()) == set()
    make_state("public", files)
    names = set(public_file_names())
    expected = {
        files["document"].file.name,
        files["image"].file.name,
        files["rendition"].file.name,
        files["media"].file.name,
    }
    assert names == expected
    assert draft_only.file.name not in names
