"""Who sees what in the plan's monitoring.

- Model permissions (granted through the desks, monitoring/roles.py) decide what a user may do.
- ``monitoring.all_units`` lets reviewers, auditors and administrators see every unit; anyone
  else sees the records of the units whose desks they belong to, and nothing else exists for
  them (404).
- A user with no permission at all on a register gets a real 403 (``products.desk.forbidden``).
"""

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
