"""Moving records when what a harvester sees changes, inside the transaction of the change.

Publish (an edit of a live product is a publish; an import publishes through ``page_published``
too), unpublish, move and a privacy change act on the page's whole subtree (a section's
restriction or move covers its products); a deletion on the deleted product; a register edit on
the products that show the register's name (when a name it shows changed), and every start
(``seed_reference``, which announces ``reference_seeded``) runs the whole reconcile. Each queues
those products (``oai.queue``, inside the change's transaction); once it commits,
``records.refresh`` looks at them and their translations (whose lists of translations show
them) in bulk; the digest decides whether anything moved, so an edit that changes nothing a
harvester sees (a draft, a no-op save) moves nothing.
"""

from django.db.models.signals import post_delete, post_save, pre_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from oai import queue, records
from products.models import Channel, ContentArea, Format, PlanTask, ProductPage, Topic, Unit
from products.signals import reference_seeded

SHOWN_REGISTER_FIELDS = ("slug", "name_vi", "name_en", "is_digital")


def _subtree(page):
    """The products at or under ``page`` (a product has no child pages: no query for one)."""
    if isinstance(page, ProductPage):
        return [page.pk]
    return list(ProductPage.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True))


def on_subtree_changed(sender, instance, **kwargs):
    queue.enqueue(_subtree(instance))


def on_deleted(sender, instance, **kwargs):
    """The product is gone by the drain: its translations are looked up now."""
    siblings = ProductPage.objects.filter(translation_key=instance.translation_key)
    queue.enqueue({instance.pk, *siblings.values_list("pk", flat=True)})


def on_restriction_changed(sender, instance, **kwargs):
    try:
        page = instance.page
    except Page.DoesNotExist:  # the page itself is being deleted: on_deleted handles it
        return
    on_subtree_changed(sender, page)


def _shown(register):
    return tuple(getattr(register, name, None) for name in SHOWN_REGISTER_FIELDS)


def on_register_saving(sender, instance, raw=False, **kwargs):
    """Remember what the records show of the register, to refresh only when that changes
    (``seed_reference`` saves every register at every start)."""
    if not raw and instance.pk:
        before = sender.objects.filter(pk=instance.pk).first()
        instance._oai_shown_before = _shown(before) if before is not None else None


def on_register_saved(sender, instance, created=False, raw=False, **kwargs):
    if created or raw or getattr(instance, "_oai_shown_before", None) == _shown(instance):
        return
    if sender is Channel:
        users = ProductPage.objects.filter(publications__channel=instance)
    elif sender is Topic:
        users = ProductPage.objects.filter(topics=instance)
    else:
        field = {ContentArea: "area", PlanTask: "task", Format: "format", Unit: "unit"}[sender]
        users = ProductPage.objects.filter(**{field: instance})
    queue.enqueue(users.values_list("pk", flat=True).distinct())


def on_reference_seeded(sender, **kwargs):
    """Every start runs ``seed_reference``: the reconcile runs with it, so no start forgets it."""
    records.reconcile()


def connect():
    page_published.connect(on_subtree_changed, dispatch_uid="oai.published")
    page_unpublished.connect(on_subtree_changed, dispatch_uid="oai.unpublished")
    post_page_move.connect(on_subtree_changed, dispatch_uid="oai.moved")
    post_delete.connect(on_deleted, sender=ProductPage, dispatch_uid="oai.deleted")
    post_save.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid="oai.restricted")
    post_delete.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid="oai.unrestricted")
    reference_seeded.connect(on_reference_seeded, dispatch_uid="oai.reconcile_at_start")
    for register in (Channel, ContentArea, Format, PlanTask, Topic, Unit):
        pre_save.connect(on_register_saving, sender=register, dispatch_uid=f"oai.shown.{register.__name__}")
        post_save.connect(
            on_register_saved, sender=register, dispatch_uid=f"oai.register.{register.__name__}"
        )
