"""The reviewer's side of the editor: "Duyệt" first, and a message that says it was published.

Wagtail puts "Lưu bản nháp" first for everyone and hides the workflow's actions in the
dropdown; after the final approval it says only that the page "has been updated".
"""

from django.contrib import messages
from django.utils.translation import gettext

from products.models import ProductPage


def approve_first(menu_items, request, context):
    """Hook ``construct_page_action_menu``: the approve action (the one without a comment
    dialog) becomes the default button for a reviewer of a product in review."""
    page = context.get("page")
    if context.get("view") != "edit" or not isinstance(page, ProductPage):
        return
    for index, item in enumerate(menu_items):
        if getattr(item, "name", None) == "approve" and not getattr(item, "launch_modal", True):
            menu_items.insert(0, menu_items.pop(index))
            return


def say_published(request, page):
    """Hook ``after_edit_page``: an approval that published the product says so, in place of
    Wagtail's "updated" message (the last success message the edit view queued)."""
    action = request.POST.get("workflow-action-name")
    approving = request.POST.get("action-workflow-action") and action == "approve"
    if not (approving and isinstance(page.specific, ProductPage)):
        return
    page.refresh_from_db()
    if not page.live or page.workflow_in_progress or page.has_unpublished_changes:
        return
    queued = getattr(getattr(request, "_messages", None), "_queued_messages", None)
    if queued and queued[-1].level == messages.SUCCESS:
        queued.pop()
    messages.success(
        request,
        gettext("Sản phẩm “%(title)s” đã được duyệt và xuất bản.")
        % {"title": page.get_admin_display_title()},
    )
