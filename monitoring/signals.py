"""Keep the plan desks' group names in step with their unit's name (groups are found by Desk, not
name), and set up the plan's roles whenever the registers are seeded."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from products.models import Unit
from products.signals import demo_loaded, reference_seeded


@receiver(post_save, sender=Unit, dispatch_uid="monitoring.rename_desks")
def rename_desks(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from monitoring.roles import rename_unit_desks  # roles imports the models: not at app loading

    rename_unit_desks(instance)


@receiver(reference_seeded, dispatch_uid="monitoring.seed_roles")
def seed_plan_roles(sender, **kwargs):
    """``seed_reference`` is the step every start runs: the plan's desks, settings and agencies
    come with it (``seed_monitoring`` does the same on its own)."""
    from monitoring.roles import ensure_roles

    ensure_roles()


@receiver(demo_loaded, dispatch_uid="monitoring.demo")
def load_plan_demo(sender, today, **kwargs):
    """The demo's activities and unit reports, for the same years as its products."""
    from monitoring.demo import load_demo  # the models: not at app loading

    load_demo(today)
