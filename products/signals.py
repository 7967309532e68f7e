"""What products announces, and the register changes that the page tree must follow.

There is no importer signal: the bulk importer sends Wagtail's own ``page_published`` for
every product it publishes, inside the batch's transaction, so receivers need no second signal.

``reference_seeded`` is sent by ``seed_reference`` (the step every start runs: ``make run``,
``make serve``, the scratch site) once the registers and the desk's roles are in place, inside its
transaction: the other apps set up what they own then (monitoring's plan desks), so no start
depends on a second command being remembered.
"""

from django.db.models.signals import post_save
from django.dispatch import Signal, receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from products import plan_counts
from products.models import ProductPage, Unit, UnitSectionPage

reference_seeded = Signal()
# Sent by ``products.demo.load_demo`` (argument ``today``) inside its transaction, once the demo
# products are published: monitoring adds its demo activities and reports for the same years.
demo_loaded = Signal()


@receiver(post_save, sender=Unit, dispatch_uid="products.unit_sections")
def keep_unit_sections(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from products.sections import sync_unit_sections

    sync_unit_sections(instance)


@receiver(page_unpublished, sender=ProductPage, dispatch_uid="products.live_copy_unpublished")
@receiver(page_published, sender=ProductPage, dispatch_uid="products.live_copy_published")
def keep_live_copy(sender, instance, **kwargs):
    """An unpublish made through a plain ``Page`` saved the page row only: copy ``live`` over."""
    plan_counts.sync_live_copy(instance)


@receiver(post_page_move, sender=ProductPage, dispatch_uid="products.unit_follows_section")
def unit_follows_section(sender, instance, parent_page_after, **kwargs):
    """A product moved into another unit's section is that unit's product, as ``save()`` makes a
    product its section's unit's: Wagtail's move saves the plain page row only. (A unit
    section's listing finds its products by unit.)"""
    section = parent_page_after.specific
    if isinstance(section, UnitSectionPage):
        ProductPage.objects.filter(pk=instance.pk).exclude(unit=section.unit_id).update(unit=section.unit_id)
