"""Dashboard panel: the products of the user's units that are waiting for review."""

from django.db.models import IntegerField
from django.db.models.functions import Cast
from wagtail.admin.ui.components import Component
from wagtail.models import Page, WorkflowState
from wagtail.permissions import policy_registry

from products.models import ProductPage


def awaiting_review(user):
    """Products the user may edit whose review workflow is in progress, oldest first."""
    editable = policy_registry.get_by_type(Page).instances_user_has_permission_for(user, "change")
    in_review = WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS).annotate(
        page_id=Cast("object_id", IntegerField())
    )
    return (
        ProductPage.objects.filter(pk__in=editable.values("pk"))
        .filter(pk__in=in_review.values("page_id"))
        .select_related("unit", "locale")
        .order_by("latest_revision_created_at")
    )


class UnitReviewQueuePanel(Component):
    name = "unit_review_queue"
    order = 90
    template_name = "products/desk/review_queue_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        return {"products": awaiting_review(self.request.user)[:20]}
