"""Who sees which scans in the admin, and who may act on them ("Nhận dạng lại").

Administrators (``digitise.change_scan``, granted to their role in ``digitise.wagtail_hooks``) and
superusers see every scan. A unit's desk (editors and reviewers: the groups holding Wagtail page
rights on the unit's sections) sees the scans of files attached to products it may edit, and
nothing else: the same rule as ``digitise.corrections.may_correct`` for the desk. Seeing a scan
and running it again go together: whoever sees it is an administrator or of the owning desk.

Translators, auditors and readers hold no page rights, and so see no scan. Registered as
``Scan``'s permission policy, so Wagtail's generic views and the menu item ask it.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q
from wagtail.models import Page
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy

from digitise.models import Scan
from products.models import ProductAttachment

SEE_ALL = "digitise.change_scan"
ACTIONS = frozenset({"view", "change"})  # nobody adds, edits or deletes a scan in the admin


def sees_all(user):
    return user.is_active and (user.is_superuser or user.has_perm(SEE_ALL))


def _desk_policy():
    """Wagtail's own page rights, without the translators' drafts this project adds."""
    return PagePermissionPolicy(Page)


def has_desk(user):
    return user.is_active and _desk_policy().user_has_permission(user, "change")


def visible_scans(user, queryset=None):
    """``queryset`` (every scan) narrowed to the scans ``user`` sees."""
    queryset = Scan.objects.all() if queryset is None else queryset
    if not user.is_authenticated or not user.is_active:
        return queryset.none()
    if sees_all(user):
        return queryset
    pages = _desk_policy().instances_user_has_permission_for(user, "change").values("pk")
    attached = ProductAttachment.objects.filter(page_id__in=pages)
    return queryset.filter(
        Q(document_id__in=attached.exclude(document=None).values("document_id"))
        | Q(image_id__in=attached.exclude(image=None).values("image_id"))
    )


class ScanPermissionPolicy(BasePermissionPolicy):
    def user_has_permission(self, user, action):
        if action not in ACTIONS or not user.is_authenticated:
            return False
        return sees_all(user) or has_desk(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and visible_scans(user).filter(pk=instance.pk).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return Scan.objects.none()
        return visible_scans(user)

    def users_with_any_permission(self, actions):
        if not ACTIONS & set(actions):
            return get_user_model().objects.none()
        users = get_user_model().objects.filter(is_active=True)
        see_all = Permission.objects.filter(content_type__app_label="digitise", codename="change_scan")
        admins = users.filter(
            Q(is_superuser=True) | Q(user_permissions__in=see_all) | Q(groups__permissions__in=see_all)
        )
        desks = _desk_policy().users_with_permission("change", include_superusers=False)
        return users.filter(Q(pk__in=admins.values("pk")) | Q(pk__in=desks.values("pk")))
