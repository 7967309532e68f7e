"""Who may import what: the page rights a person holds on each unit's sections.

An import writes into units' sections, so it asks what the admin would: a row goes into a unit
only for someone who may add products there, and is published only for someone who may publish
there; without publish rights it becomes a draft submitted to the unit's review workflow. The
command line imports as the system (``user=None``): every unit, published.
"""

from wagtail.models import Page
from wagtail.permissions import policy_registry

from products.models import UnitSectionPage


class ImportRights:
    def __init__(self, user=None):
        self.user = user
        self.is_system = user is None
        self.is_superuser = bool(user is not None and user.is_active and user.is_superuser)
        self._add = None
        self._publish = None

    def _units_where(self, action):
        pages = policy_registry.get_by_type(Page).instances_user_has_permission_for(self.user, action)
        sections = UnitSectionPage.objects.filter(pk__in=pages.values("pk"))
        return set(sections.values_list("unit_id", flat=True))

    @property
    def unrestricted(self):
        return self.is_system or self.is_superuser

    def may_add(self, unit_id):
        if self.unrestricted:
            return True
        if self._add is None:
            self._add = self._units_where("add") if self.user.is_active else set()
        return unit_id in self._add

    def may_publish(self, unit_id):
        if self.unrestricted:
            return True
        if self._publish is None:
            self._publish = self._units_where("publish") if self.user.is_active else set()
        return unit_id in self._publish

    def may_import(self):
        """Whether the person may import into at least one unit."""
        if self.unrestricted:
            return True
        if self._add is None:
            self._add = self._units_where("add") if self.user.is_active else set()
        return bool(self._add)
