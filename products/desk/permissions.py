"""What Wagtail's page permissions cannot say: translators' rights, and moves within a language.

Wagtail grants page rights to groups on a page and its whole subtree. A translator's right is
not a subtree but a set of pages: the translation drafts (copies made by "Dịch sang…" and
never published) in the languages the translator is assigned (``products.translate_into_<code>``).
``ProductPermissionTester`` adds that right, and nothing more, to Wagtail's tester for products
(``ProductPage.permissions_for_user`` returns it); a translator holds no page permission, so
Wagtail itself refuses them adding, deleting, moving, publishing and unpublishing.
``DeskPagePermissionPolicy`` (registered for ``Page``) makes the admin's listings agree with it.

A product also lives in exactly one locale: it may move only to a section of its own language.
"""

from django.db.models import Q
from wagtail.models import Page, PageLogEntry, PagePermissionTester
from wagtail.permission_policies.pages import PagePermissionPolicy

from products import languages

COPY_FOR_TRANSLATION = "wagtail.copy_for_translation"
_LOCALES_CACHE = "_desk_translation_locale_ids"


def permission_codename(code):
    return "translate_into_" + code.replace("-", "_")


def permitted_language_codes(user):
    """The languages ``user`` may translate into."""
    if not user.is_active:
        return []
    return [code for code in languages.CODES if user.has_perm(f"products.{permission_codename(code)}")]


def translation_locale_ids(user):
    """Ids of the locales a translator (not a superuser) works in; cached on the user."""
    if not hasattr(user, _LOCALES_CACHE):
        from wagtail.models import Locale

        ids = set()
        if user.is_authenticated and not user.is_superuser:
            codes = permitted_language_codes(user)
            ids = set(Locale.objects.filter(language_code__in=codes).values_list("pk", flat=True))
        setattr(user, _LOCALES_CACHE, ids)
    return getattr(user, _LOCALES_CACHE)


def translation_drafts(user):
    """The pages a translator may edit: unpublished copies made for translation, in their languages."""
    locale_ids = translation_locale_ids(user)
    if not locale_ids:
        return Page.objects.none()
    copies = PageLogEntry.objects.filter(action=COPY_FOR_TRANSLATION).values("page_id")
    return Page.objects.filter(live=False, locale_id__in=locale_ids, pk__in=copies)


class ProductPermissionTester(PagePermissionTester):
    def can_edit(self):
        return super().can_edit() or self.is_translators_draft()

    def is_translators_draft(self):
        if not self.user.is_active or self.page.live:
            return False
        if self.page.locale_id not in translation_locale_ids(self.user):
            return False
        return PageLogEntry.objects.filter(page_id=self.page.pk, action=COPY_FOR_TRANSLATION).exists()

    def can_move_to(self, destination):
        if destination.locale_id != self.page.locale_id:
            return False
        return super().can_move_to(destination)


class DeskPagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page policy, plus translators: they may change their translation drafts, and
    explore published pages (to choose what to translate) and those drafts; nothing else."""

    def user_has_any_permission(self, user, actions):
        if super().user_has_any_permission(user, actions):
            return True
        return "change" in set(actions) and bool(translation_locale_ids(user))

    def instances_user_has_any_permission_for(self, user, actions):
        pages = super().instances_user_has_any_permission_for(user, actions)
        if "change" in set(actions) and translation_locale_ids(user):
            pages = pages | translation_drafts(user)
        return pages

    def explorable_instances(self, user):
        if user.is_superuser or not translation_locale_ids(user):
            return super().explorable_instances(user)
        pages = self.model._default_manager.filter(
            Q(live=True) | Q(pk__in=translation_drafts(user).values("pk"))
        )
        if self.get_cached_permissions_for_user(user):
            pages = pages | super().explorable_instances(user)
        return pages

    def instances_with_direct_explore_permission(self, user):
        pages = super().instances_with_direct_explore_permission(user)
        if not user.is_superuser and translation_locale_ids(user):
            return [*pages, self.model.base_page_model.get_first_root_node()]
        return pages


def visible_pages(pages, user):
    """``pages`` less the drafts ``user`` may not see: published pages, and the drafts of the
    user's own desk (or translation drafts), are all anyone is shown."""
    if user.is_superuser:
        return pages
    explorable = DeskPagePermissionPolicy().explorable_instances(user)
    return pages.filter(Q(live=True) | Q(pk__in=explorable.values("pk")))
