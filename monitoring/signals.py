"""Keep the plan desks' group names in step with their unit's name (groups are found by Desk, not name)."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from products.models import Unit


@receiver(post_save, sender=Unit, dispatch_uid="monitoring.rename_desks")
def rename_desks(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from monitoring.roles import rename_unit_desks  # roles imports the models: not at app loading

    rename_unit_desks(instance)
