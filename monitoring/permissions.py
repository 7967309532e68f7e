"""Who sees what in the plan's monitoring.

- Model permissions (granted through the desks, monitoring/roles.py) decide what a user may do.
- ``monitoring.all_units`` lets reviewers, auditors and administrators see every unit; anyone
  else sees the records of the units whose desks they belong to, and nothing else exists for
  them.
- ``UnitPermissionPolicy`` says both at once for a register: it is the registered Wagtail
  permission policy of the plan's models (monitoring/wagtail_hooks.py), so the admin's listings,
  record views and buttons ask it, as Wagtail's documents ask ``CollectionOwnershipPermissionPolicy``.
- A user with no permission at all on a register gets a real 403 (``products.desk.forbidden``).
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies.base import ModelPermissionPolicy

from monitoring.models.desks import Desk  # the submodule: models import this module through the forms

ANY_ACTION = ("add", "change", "delete", "view")
ALL_UNITS = "monitoring.all_units"


def sees_all_units(user):
    return user.is_active and user.has_perm(ALL_UNITS)


def user_unit_ids(user):
    if not user.is_authenticated:
        return frozenset()
    return frozenset(Desk.objects.filter(group__user=user).values_list("unit_id", flat=True))


def visible(queryset, user, field="unit"):
    """``queryset`` narrowed to what ``user`` may see."""
    if sees_all_units(user):
        return queryset
    return queryset.filter(**{f"{field}__in": user_unit_ids(user)})


class UnitPermissionPolicy(ModelPermissionPolicy):
    """A register's rows belong to units (``scope_field``): a user may do an action on a row when a
    model permission allows the action and the row's unit is one of theirs (or they see every unit).

    ``scope_field=None``: a register of the whole province (agencies, misinformation), where the
    model permissions alone decide."""

    def __init__(self, model, scope_field="unit"):
        super().__init__(model)
        self.scope_field = scope_field

    def in_scope(self, user, instance):
        if self.scope_field is None or sees_all_units(user):
            return True
        return getattr(instance, f"{self.scope_field}_id") in user_unit_ids(user)

    def scoped(self, queryset, user):
        """``queryset`` narrowed to the rows of ``user``'s units."""
        return queryset if self.scope_field is None else visible(queryset, user, self.scope_field)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions) and self.in_scope(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return self.scoped(self.model._default_manager.all(), user)

    def users_with_any_permission_for_instance(self, actions, instance):
        users = self.users_with_any_permission(actions)
        if self.scope_field is None:
            return users
        app_label, codename = ALL_UNITS.split(".")
        all_units = {"content_type__app_label": app_label, "codename": codename}
        every_unit = (
            Q(is_superuser=True)
            | Q(**{f"user_permissions__{key}": value for key, value in all_units.items()})
            | Q(**{f"groups__permissions__{key}": value for key, value in all_units.items()})
        )
        unit_id = getattr(instance, f"{self.scope_field}_id")
        return (
            get_user_model()
            .objects.filter(every_unit | Q(groups__plan_desk__unit_id=unit_id), pk__in=users.values("pk"))
            .distinct()
        )
