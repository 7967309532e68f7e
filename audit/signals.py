"""Log every change of a channel's digital flag, and who made it.

Who: the user of Wagtail's active log context (``wagtail.log_actions``), which every admin view
runs in (``wagtail.admin.auth.require_admin_access``), read when the change row is written. A
change made outside any user's context (the shell, a management command) names nobody.
"""

from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from wagtail.log_actions import get_active_log_context

from products.models import Channel


@receiver(pre_save, sender=Channel, dispatch_uid="audit.channel_before")
def remember_digital_flag(sender, instance, raw=False, **kwargs):
    if raw:
        return
    before = Channel.objects.filter(pk=instance.pk).values_list("is_digital", flat=True).first()
    instance._digital_before = before


@receiver(post_save, sender=Channel, dispatch_uid="audit.channel_after")
def log_digital_change(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    before = getattr(instance, "_digital_before", None)
    if (created and not instance.is_digital) or (not created and before == instance.is_digital):
        return
    from audit.models import DigitalChannelChange

    user = get_active_log_context().user
    DigitalChannelChange.objects.create(
        channel=instance,
        user=user if user is not None and user.is_authenticated else None,
        is_digital=instance.is_digital,
        digital_set=sorted(Channel.objects.filter(is_digital=True).values_list("slug", flat=True)),
    )
