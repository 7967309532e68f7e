"""The admin's flat listing of products, filterable the way editors look for them.

Wagtail's page listing already limits each user to the pages they may explore, so an
editor sees their own unit's products only.
"""

import django_filters
from django.db.models import IntegerField
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.pages.listing import IndexView, PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.models import Page, WorkflowState
from wagtail.permissions import policy_registry

from products import languages
from products.models import Channel, ContentArea, Format, ProductPage, Unit

STATUS_CHOICES = [
    ("live", _("Đang xuất bản")),
    ("draft", _("Bản nháp chưa xuất bản")),
    ("changed", _("Có thay đổi chưa xuất bản")),
    ("in_review", _("Đang chờ duyệt")),
]


class ProductFilterSet(PageFilterSet):
    unit = django_filters.ModelChoiceFilter(label=_("Đơn vị"), queryset=Unit.objects.all())
    language = django_filters.ChoiceFilter(label=_("Ngôn ngữ"), choices=languages.choices)
    area = django_filters.ModelChoiceFilter(label=_("Lĩnh vực"), queryset=ContentArea.objects.all())
    format = django_filters.ModelChoiceFilter(label=_("Loại hình"), queryset=Format.objects.all())
    channel = django_filters.ModelChoiceFilter(
        label=_("Kênh"), field_name="publications__channel", queryset=Channel.objects.all(), distinct=True
    )
    year = django_filters.NumberFilter(label=_("Năm đăng đầu tiên"), field_name="first_published__year")
    task_missing = django_filters.BooleanFilter(
        label=_("Chưa có nhiệm vụ kế hoạch"), field_name="task", lookup_expr="isnull"
    )
    status = django_filters.ChoiceFilter(
        label=_("Trạng thái"), choices=STATUS_CHOICES, method="filter_status"
    )

    class Meta:
        model = ProductPage
        fields = []

    def filter_status(self, queryset, name, value):
        if value == "live":
            return queryset.filter(live=True)
        if value == "draft":
            return queryset.filter(live=False)
        if value == "changed":
            return queryset.filter(has_unpublished_changes=True)
        in_review = WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS).annotate(
            page_id=Cast("object_id", IntegerField())
        )
        return queryset.filter(pk__in=in_review.values("page_id"))


class ProductListingViewSet(PageListingViewSet):
    model = ProductPage
    name = "product_listing"
    icon = "doc-full-inverse"
    menu_label = _("Sản phẩm truyền thông")
    menu_order = 150
    add_to_admin_menu = True
    filterset_class = ProductFilterSet

    @property
    def menu_item_class(self):
        """Shown to those the listing lets in (Wagtail shows it to everyone with admin access)."""
        any_permission = IndexView.any_permission_required

        class ProductListingMenuItem(MenuItem):
            def is_shown(self, request):
                policy = policy_registry.get_by_type(Page)
                return policy.user_has_any_permission(request.user, any_permission)

        return ProductListingMenuItem

    @property
    def choose_parent_view_class(self):
        from products.desk.new_product import NewProductView

        return NewProductView
