"""One probe per row of the role matrix: try the action through the real view, say if it happened.

A probe gets a logged-in client (or an anonymous one), the person, and a ``Case`` (whose
product, collection or account it acts on); it returns whether the action took effect, read
from the database or the page served, never from a status code alone. ``CASES`` lists, per
row, the cases that separate what a scope allows from what it denies.
"""

import io
import itertools
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.actions.copy_for_translation import CopyPageForTranslationAction
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale

from products.models import ProductAttachment, ProductPage, Topic, Unit
from products.sections import section_for
from tests.factories import Registers, make_product
from tests.importing.helpers import row, write_file
from tests.products.test_product_pages import product_form
from tests.products.test_uploads import PDF
from tests.roles import OTHER, OWN, role_group
from tests.security.helpers import text_of
from tests.security.test_users_and_groups import bulk, group_form, perm, user_form

_numbers = itertools.count(1)


@dataclass(frozen=True)
class Case:
    name: str
    unit: str = "own"  # whose product, section or collection: "own" or "other"
    live: bool = False
    language: str = "vi"
    translation: bool = False  # a copy made by "Dịch sang…"
    dest_unit: str = ""  # a move's destination
    dest_language: str = ""  # a move's or a translation's target language
    target: str = ""  # users and groups: "other", "self", "within", "beyond"
    never: bool = False  # refused to every role (a move across languages)


def unit_slug(which):
    return OWN if which == "own" else OTHER


def unique(prefix):
    return f"{prefix} {next(_numbers)}"


def product(case, title=None, user=None):
    """The product a case acts on."""
    title = title or unique("Sản phẩm thử")
    if not case.translation:
        return make_product(title=title, unit=unit_slug(case.unit), language=case.language, live=case.live)
    source = make_product(title=unique("Bản gốc"), unit=unit_slug(case.unit), language="vi")
    section_for(source.unit, case.language)
    action = CopyPageForTranslationAction(
        page=source, locale=Locale.objects.get(language_code=case.language), user=user
    )
    copy = action.execute(skip_permission_checks=True)
    copy.title = copy.draft_title = title
    copy.save()
    copy.save_revision()
    return ProductPage.objects.get(pk=copy.pk)


def edit(client, page, **fields):
    return client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), product_form(Registers(), **fields)
    )


# -- products ---------------------------------------------------------------------------------


def view_public(client, person, case):
    page = product(case)
    response = client.get(page.get_url())
    return response.status_code == 200 and page.title in response.content.decode()


def view_draft(client, person, case):
    page = product(case)
    return page.title in text_of(client.get(reverse("product_listing:index")))


def add(client, person, case):
    title = unique("Bài mới")
    section = section_for(Unit.objects.get(slug=unit_slug(case.unit)), case.language)
    url = reverse("wagtailadmin_pages:add", args=("products", "productpage", section.pk))
    client.post(url, product_form(Registers(), title=title, action="action-save"))
    return ProductPage.objects.filter(title=title).exists()


def edit_draft(client, person, case):
    page = product(case)
    title = unique("Đã sửa")
    edit(client, page, title=title, action="action-save")
    return ProductPage.objects.get(pk=page.pk).get_latest_revision().content["title"] == title


def submit(client, person, case):
    page = product(case)
    edit(client, page, title=page.title, action="action-submit")
    return ProductPage.objects.get(pk=page.pk).workflow_in_progress


def publish(client, person, case):
    page = product(case)
    edit(client, page, title=page.title, action="action-publish")
    return ProductPage.objects.get(pk=page.pk).live


def unpublish(client, person, case):
    page = product(case)
    client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    return not ProductPage.objects.get(pk=page.pk).live


def delete(client, person, case):
    page = product(case)
    client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    return not ProductPage.objects.filter(pk=page.pk).exists()


def move(client, person, case):
    page = product(case)
    destination = section_for(Unit.objects.get(slug=unit_slug(case.dest_unit)), case.dest_language)
    client.post(reverse("wagtailadmin_pages:move_confirm", args=[page.pk, destination.pk]))
    return ProductPage.objects.get(pk=page.pk).get_parent().pk == destination.pk


def translate(client, person, case):
    page = product(case)
    locale = Locale.objects.get(language_code=case.dest_language)
    client.post(
        reverse("simple_translation:submit_page_translation", args=[page.pk]), {"locales": [locale.pk]}
    )
    return ProductPage.objects.filter(translation_key=page.translation_key, locale=locale).exists()


def import_file(client, person, case, tmp_path):
    external_id = f"matrix-{next(_numbers)}"
    path = write_file(tmp_path / f"{external_id}.jsonl", [row(external_id, unit=unit_slug(case.unit))])
    with open(path, "rb") as handle:
        response = client.post("/admin/products-import/", {"file": handle})
    if response.status_code == 302 and "/products-import/" in response["Location"]:
        client.post(response["Location"] + "confirm/")
    return ProductPage.objects.filter(external_id=external_id).exists()


# -- registers, media -------------------------------------------------------------------------


def manage_registers(client, person, case):
    slug = f"chu-de-{next(_numbers)}"
    data = {"slug": slug, "name_vi": "Chủ đề mới", "name_en": "New topic", "sort_order": "0"}
    client.post(reverse("wagtailsnippets_products_topic:add"), data)
    return Topic.objects.filter(slug=slug).exists()


def collection(case):
    return Unit.objects.get(slug=unit_slug(case.unit)).desk.collection


def png():
    buffer = io.BytesIO()
    PILImage.new("RGB", (4, 4), (20, 120, 40)).save(buffer, "PNG")
    return SimpleUploadedFile("anh.png", buffer.getvalue())


def image_in(case, user=None):
    Image = get_image_model()
    return Image.objects.create(
        title=unique("Ảnh"), file=png(), collection=collection(case), uploaded_by_user=user, width=4, height=4
    )


def upload(client, person, case):
    title = unique("Ảnh tải lên")
    client.post(
        reverse("wagtailimages:add"), {"title": title, "file": png(), "collection": collection(case).pk}
    )
    return get_image_model().objects.filter(title=title, collection=collection(case)).exists()


def choose(client, person, case):
    image = image_in(case)
    return image.title in text_of(client.get(reverse("wagtailimages_chooser:choose")))


def edit_media(client, person, case):
    """Editors may edit their own uploads in their collection: the image is theirs when it is
    in their unit's collection."""
    owner = person if case.unit == "own" and person is not None else None
    image = image_in(case, user=owner)
    title = unique("Ảnh đã sửa")
    client.post(
        reverse("wagtailimages:edit", args=[image.pk]), {"title": title, "collection": image.collection_id}
    )
    return get_image_model().objects.get(pk=image.pk).title == title


def download_public(client, person, case):
    page = product(case)
    document = get_document_model().objects.create(
        title="tai-lieu.pdf", file=SimpleUploadedFile("tai-lieu.pdf", PDF), collection=collection(case)
    )
    ProductAttachment.objects.create(page=page, document=document)
    response = client.get(document.url)
    return response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")


def api_read(client, person, case):
    page = product(case)
    response = client.get("/api/v2/products/", {"limit": 100})
    return response.status_code == 200 and page.pk in {item["id"] for item in response.json()["items"]}


# -- users, groups, audit ---------------------------------------------------------------------


def _target(person, case):
    if case.target == "self" and person is not None:
        return person
    return get_user_model().objects.create_user(unique("cible").replace(" ", ""), password="x")


def manage_users(client, person, case):
    target = _target(person, case)
    url = reverse("wagtailusers_users:edit", args=[target.pk])
    client.post(url, user_form(username=target.username, first_name="Đã đổi", password1="", password2=""))
    return get_user_model().objects.get(pk=target.pk).first_name == "Đã đổi"


def grant_superuser(client, person, case):
    username = f"moi{next(_numbers)}"
    client.post(reverse("wagtailusers_users:add"), user_form(username=username, is_superuser="on"))
    return get_user_model().objects.filter(username=username, is_superuser=True).exists()


def assign_groups(client, person, case):
    target = _target(person, case)
    french = role_group("translator_into", language="fr")  # a group nobody here is in
    bulk(client, "assign_role", [target], role=french.pk)
    return target.groups.filter(pk=french.pk).exists()


def manage_role_groups(client, person, case):
    editors = role_group("editor", OWN)
    wanted = [*editors.permissions.all(), perm("products.change_topic")]
    client.post(
        reverse("wagtailusers_groups:edit", args=[editors.pk]), group_form(editors.name, permissions=wanted)
    )
    return editors.permissions.filter(codename="change_topic").exists()


def manage_other_groups(client, person, case):
    name = unique("Nhóm thêm")
    permission = perm("auth.change_user" if case.target == "within" else "wagtailcore.change_site")
    client.post(reverse("wagtailusers_groups:add"), group_form(name, permissions=[permission]))
    return Group.objects.filter(name=name, permissions=permission).exists()


def unlock_login(client, person, case):
    return client.get(reverse("login_lockouts:index")).status_code == 200


def audit_view(client, person, case):
    return client.get(reverse("audit:index"), {"year": 2024}).status_code == 200


def audit_settings(client, person, case):
    response = client.get(reverse("wagtailsettings:edit", args=["audit", "auditsettings"]), follow=True)
    return 'name="target_min"' in response.content.decode()


PROBES = {
    "products.view_public": view_public,
    "products.view_draft": view_draft,
    "products.add": add,
    "products.edit": edit_draft,
    "products.submit": submit,
    "products.publish": publish,
    "products.unpublish": unpublish,
    "products.delete": delete,
    "products.move": move,
    "products.translate": translate,
    "products.import": import_file,
    "registers.manage": manage_registers,
    "media.upload": upload,
    "media.choose": choose,
    "media.edit": edit_media,
    "media.download_public": download_public,
    "users.manage": manage_users,
    "users.grant_superuser": grant_superuser,
    "users.assign_groups": assign_groups,
    "groups.manage_roles": manage_role_groups,
    "groups.manage_other": manage_other_groups,
    "users.unlock_login": unlock_login,
    "audit.view": audit_view,
    "audit.settings": audit_settings,
    "api.read": api_read,
}

OWN_OTHER = (Case("own unit"), Case("other unit", unit="other"))
DRAFTS = (
    Case("own unit's draft"),
    Case("own unit's published product", live=True),
    Case("other unit's draft", unit="other"),
    Case("translation draft into Bahnar", unit="other", language="bdq", translation=True),
    Case("translation draft into English", unit="other", language="en", translation=True),
    Case("other unit's own Bahnar draft", unit="other", language="bdq"),
)
CASES = {
    "products.view_public": (Case("published", live=True), Case("draft")),
    "products.view_draft": tuple(case for case in DRAFTS if not case.live),
    "products.add": OWN_OTHER,
    "products.edit": DRAFTS,
    "products.submit": (DRAFTS[0], DRAFTS[2], DRAFTS[3], DRAFTS[4]),
    "products.publish": (DRAFTS[0], DRAFTS[2], DRAFTS[3]),
    "products.unpublish": (
        Case("own unit's live product", live=True),
        Case("other unit's live product", unit="other", live=True),
        Case("other unit's live Bahnar product", unit="other", language="bdq", live=True),
    ),
    "products.delete": (DRAFTS[0], DRAFTS[1], DRAFTS[2], DRAFTS[3]),
    "products.move": (
        Case("own draft → other unit", dest_unit="other", dest_language="vi"),
        Case("other unit's draft → own unit", unit="other", dest_unit="own", dest_language="vi"),
        Case("own draft → own English section", dest_unit="own", dest_language="en", never=True),
    ),
    "products.translate": (
        Case("published → Bahnar", unit="other", live=True, dest_language="bdq"),
        Case("published → French", unit="other", live=True, dest_language="fr"),
        Case("draft → Bahnar", unit="other", dest_language="bdq"),
    ),
    "products.import": OWN_OTHER,
    "registers.manage": (Case("a topic"),),
    "media.upload": OWN_OTHER,
    "media.choose": OWN_OTHER,
    "media.edit": OWN_OTHER,
    "media.download_public": (Case("a published product's file", live=True),),
    "users.manage": (Case("another user", target="other"),),
    "users.grant_superuser": (Case("a new superuser"),),
    "users.assign_groups": (Case("another user", target="other"), Case("oneself", target="self")),
    "groups.manage_roles": (Case("a unit's editor group"),),
    "groups.manage_other": (
        Case("within the administrator role", target="within"),
        Case("beyond the administrator role", target="beyond"),
    ),
    "users.unlock_login": (Case("the lockout list"),),
    "audit.view": (Case("the audit"),),
    "audit.settings": (Case("the target band"),),
    "api.read": (Case("published", live=True), Case("draft")),
}
