"""Register changes that the page tree must follow."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from products.models import Unit


@receiver(post_save, sender=Unit, dispatch_uid="products.unit_sections")
def keep_unit_sections(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from products.sections import sync_unit_sections

    sync_unit_sections(instance)
