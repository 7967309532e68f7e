"""Admin registration for the registers: one "Danh mục" menu, each snippet declared once."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from products.desk.media_chooser import register_media_chooser_widget
from products.desk.permissions import DeskPagePermissionPolicy, visible_pages
from products.desk.users import DeskAssignRoleBulkAction, DeskSetActiveStateBulkAction
from products.models import Channel, ContentArea, Format, PlanTask, Topic, Unit

# Before any view asks the registry for the page policy (Wagtail's advice: top of wagtail_hooks).
register_permission_policy(Page, DeskPagePermissionPolicy())


class ContentAreaViewSet(SnippetViewSet):
    model = ContentArea
    icon = "folder-open-inverse"
    list_display = ["slug", "name_vi", "name_en"]
    search_fields = ["name"]


class PlanTaskViewSet(SnippetViewSet):
    model = PlanTask
    icon = "tasks"
    list_display = ["slug", "name_vi", "name_en"]
    search_fields = ["name"]


class FormatViewSet(SnippetViewSet):
    model = Format
    icon = "doc-full"
    list_display = ["slug", "name_vi", "name_en"]
    search_fields = ["name"]


class ChannelViewSet(SnippetViewSet):
    model = Channel
    icon = "globe"
    list_display = ["slug", "name_vi", "name_en", "is_digital"]
    list_filter = ["is_digital"]
    search_fields = ["name"]


class UnitViewSet(SnippetViewSet):
    model = Unit
    icon = "group"
    list_display = ["slug", "name_vi", "kind", "valid_from", "valid_to", "successor"]
    list_filter = ["kind"]
    search_fields = ["name"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["slug", "name_vi", "name_en"]
    search_fields = ["name"]


class RegisterGroup(SnippetViewSetGroup):
    menu_label = _("Danh mục")
    menu_icon = "list-ul"
    menu_order = 300
    items = (
        ContentAreaViewSet,
        PlanTaskViewSet,
        FormatViewSet,
        ChannelViewSet,
        UnitViewSet,
        TopicViewSet,
    )


register_snippet(RegisterGroup)
register_media_chooser_widget()
from products.importing import wagtail_hooks as _importing_hooks  # noqa: E402, F401


@hooks.register("register_admin_viewset")
def register_product_listing():
    from products.desk.listing import ProductListingViewSet

    return ProductListingViewSet()


@hooks.register("construct_homepage_panels")
def add_unit_review_queue(request, panels):
    from products.desk.dashboard import UnitReviewQueuePanel

    panels.append(UnitReviewQueuePanel(request))


@hooks.register("construct_media_chooser_queryset")
def media_chooser_within_the_unit(media_files, request):
    from products.desk.media_chooser import units_media

    return units_media(media_files, request)


@hooks.register("construct_page_action_menu")
def approve_first_for_reviewers(menu_items, request, context):
    from products.desk.review import approve_first

    approve_first(menu_items, request, context)


@hooks.register("after_edit_page")
def say_approved_products_were_published(request, page):
    from products.desk.review import say_published

    say_published(request, page)


@hooks.register("construct_homepage_panels")
def add_new_product_action(request, panels):
    from products.desk.new_product import NewProductPanel

    panels.append(NewProductPanel(request))


@hooks.register("register_admin_urls")
def register_assigned_translation_view():
    """Registered before simple_translation's own URL (products precedes it in INSTALLED_APPS)."""
    from django.urls import path

    from products.desk.translation import AssignedLanguagesTranslationView

    return [
        path(
            "translation/submit/page/<int:page_id>/",
            AssignedLanguagesTranslationView.as_view(),
            name="translate_product_into",
        )
    ]


@hooks.register("construct_page_chooser_queryset")
def hide_other_units_drafts_from_the_chooser(pages, request):
    return visible_pages(pages, request.user)


@hooks.register("construct_reports_menu")
def hide_page_types_report(request, menu_items):
    """It names other units' drafts (products.desk.middleware keeps its URL for superusers)."""
    if not request.user.is_superuser:
        menu_items[:] = [item for item in menu_items if item.name != "page-types-usage"]


# Registered after wagtail.users' own bulk actions on users, which they replace.
for _action in (DeskAssignRoleBulkAction, DeskSetActiveStateBulkAction):
    hooks.register("register_bulk_action", _action, order=1)


@hooks.register("register_admin_urls")
def register_login_lockout_urls():
    from products.desk import admin_urls

    return [path("login-lockouts/", include(admin_urls, namespace="login_lockouts"))]


class LoginLockoutsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("axes.view_accessattempt")


@hooks.register("register_settings_menu_item")
def register_login_lockouts_menu_item():
    return LoginLockoutsMenuItem(
        _("Khóa đăng nhập"), reverse("login_lockouts:index"), icon_name="lock", order=650
    )


@hooks.register("register_log_actions")
def register_desk_log_actions(actions):
    actions.register_action("products.import", _("Nhập từ tệp"), _("Nhập từ tệp"))
    actions.register_action("products.login_locked", _("Khóa đăng nhập"), _("Bị khóa đăng nhập"))
    actions.register_action("products.login_unlocked", _("Mở khóa đăng nhập"), _("Được mở khóa đăng nhập"))


from products import media_views as _media_views  # noqa: E402, F401  (before_serve_document hook)
