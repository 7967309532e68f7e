"""Private until published: who may see an uploaded document, image or audio/video file.

The rule (README, "Tệp tin / Media privacy"):

1. A file is **public** when a public product (live, no view restriction on it or above it)
   uses it in its live content: as an attachment (``ProductAttachment``) or in its body (an
   image block, a rich-text document link or embedded image). Anyone may list and download
   it, and a front server may serve it without asking Django.
2. Every other file is **private**: used only by drafts, unpublished or restricted products,
   or by nothing at all (uploaded, not used yet). A private file is listed by no API and
   served only to
   - superusers, and holders of ``products.view_private_files``: the auditor and administrator
     roles only (matrix row ``media.download_private``); not ``audit.view_audit``, which the
     Department's consolidation desk also holds to read the figures;
   - whoever may edit a product that uses it (that unit's desk);
   - whoever may choose or change it in its collection (the desk that uploaded it);
   - whoever a restricted product using it admits (its password entered, its group held):
     they may read the page, so they may see the files on it.

Attachments are read from the ``ProductAttachment`` rows, which hold a live product's live
content (drafts live in revisions), so they are exact even for bulk imports. Body references
come from Wagtail's ``ReferenceIndex``, which is rebuilt from the page row (its live content)
whenever the page is saved; only its ``body.`` entries are read, because removing a
product's last attachment leaves a stale ``attachments.`` entry behind.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import BigIntegerField, CharField, Q
from django.db.models.functions import Cast
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex
from wagtail.permissions import policy_registry
from wagtailmedia.models import get_media_model

from products.models import ProductAttachment, ProductPage
from products.visibility import public_pages

# Auditors and administrators hold it (products.desk.roles): they see every file.
SEES_EVERY_FILE = "products.view_private_files"


@dataclass(frozen=True)
class FileKind:
    model: type
    attachment_field: str  # ProductAttachment's foreign key to this model


def file_kinds():
    return (
        FileKind(get_document_model(), "document"),
        FileKind(get_image_model(), "image"),
        FileKind(get_media_model(), "media"),
    )


def kind_of(model):
    return next(kind for kind in file_kinds() if issubclass(model, kind.model))


def _body_references(model):
    """Product bodies that refer to ``model``'s rows, from Wagtail's reference index."""
    return ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        to_content_type=ContentType.objects.get_for_model(model),
        model_path__startswith="body.",
    )


def products_using(obj):
    """Every product (any state) whose attachments or body use ``obj``."""
    kind = kind_of(type(obj))
    attached = ProductAttachment.objects.filter(**{kind.attachment_field: obj}).values("page_id")
    in_body = (
        _body_references(kind.model).filter(to_object_id=str(obj.pk)).values_list("object_id", flat=True)
    )
    return ProductPage.objects.filter(Q(pk__in=attached) | Q(pk__in=[int(pk) for pk in in_body]))


def public_files(model):
    """The rows of ``model`` (Document, Image, Media) that public products use."""
    kind = kind_of(model)
    products = public_pages(ProductPage.objects.all())
    attached = ProductAttachment.objects.filter(page__in=products).values(f"{kind.attachment_field}_id")
    # The index keeps ids as text: compare the product ids as text, cast the targets back.
    in_body = (
        _body_references(model)
        .filter(object_id__in=products.annotate(pk_text=Cast("pk", CharField())).values("pk_text"))
        .annotate(target=Cast("to_object_id", BigIntegerField()))
        .values("target")
    )
    return model.objects.filter(Q(pk__in=attached) | Q(pk__in=in_body))


def is_public(obj):
    return public_pages(products_using(obj)).exists()


def sees_private_file(user, obj, products):
    """Rule 2, the desk's side: may this signed-in ``user`` see the private ``obj``?"""
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser or user.has_perm(SEES_EVERY_FILE):
        return True
    collection_policy = policy_registry.get_by_type(type(obj))
    if collection_policy.user_has_any_permission_for_instance(user, ["change", "choose"], obj):
        return True
    return any(product.permissions_for_user(user).can_edit() for product in products)


def admitted_by_restriction(request, products):
    """Rule 2, the reader's side: a live, restricted product using the file admits this request."""
    for product in products.live():
        restrictions = product.get_view_restrictions()
        if restrictions and all(restriction.accept_request(request) for restriction in restrictions):
            return True
    return False


def may_serve(request, obj):
    """May the file ``obj`` (a Document, Image or Media) be sent in answer to ``request``?

    The one decision every way of serving a file asks: the documents view (through the
    ``before_serve_document`` hook), the ``/media/`` view, and whatever a production front
    server puts in front of them (X-Accel-Redirect / X-Sendfile after this says yes).
    """
    products = products_using(obj)
    if public_pages(products).exists():
        return True
    return sees_private_file(request.user, obj, products) or admitted_by_restriction(request, products)
