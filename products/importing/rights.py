"""Who may import what: the page rights a person holds on each unit's sections.

An import writes into units' sections, so it asks what the admin would: a row goes into a unit
only for someone who may add products there, and is published only for someone who may publish
there; without publish rights it becomes a draft submitted to the unit's review workflow. The
command line imports as the system (``user=None``): every unit, published.

A row that names the product it translates (``translation_of``) joins that product's
translation group, which the product's page then advertises: as in the admin, a person may do
it for a product of their own unit's desk, or, as a translator assigned the row's language,
for any unit's published product ("Dịch sang…", ``products.desk.translation``).
"""

from wagtail.models import Page
from wagtail.permissions import policy_registry

from products.desk.permissions import permitted_language_codes
from products.models import UnitSectionPage


class ImportRights:
    def __init__(self, user=None):
        self.user = user
        self.is_system = user is None
        self.is_superuser = bool(user is not None and user.is_active and user.is_superuser)
        self._add = None
        self._publish = None
        self._languages = None

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

    def may_translate(self, unit_id, live, language):
        """May the person join a product of ``unit_id`` (``live`` or not) to a translation in
        ``language``? Their own unit's product, or a published one in a language assigned to them."""
        if self.unrestricted or (unit_id is not None and self.may_add(unit_id)):
            return True
        if self._languages is None:
            self._languages = set(permitted_language_codes(self.user))
        return live and language in self._languages
