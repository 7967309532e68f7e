"""The scans in the admin ("Bản quét"): each file's OCR progress and errors, its pages, "run again".

A Wagtail ``ModelViewSet`` with three views only (listing, a scan's page, run again): nobody adds,
edits or deletes a scan by hand. Who sees what is ``digitise.admin_scope``; every view answers a
person without the right, or asking for a scan outside their desk, with the project's 403
(``products.desk.forbidden``), as the plan's registers do.
"""

import django_filters
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.html import format_html_join
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import View
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from digitise import corrections
from digitise.admin_scope import visible_scans
from digitise.models import Scan
from digitise.tasks import run_again
from products.desk.forbidden import forbidden
from products.models import ProductAttachment

RUNNABLE_AGAIN = (Scan.Status.FAILED, Scan.Status.PARTIAL)


def products_by_scan(scans):
    """{scan id: [product, …]} of the products (any state) carrying each scan's file; one query."""
    by_file = {("d", s.document_id) if s.document_id else ("i", s.image_id): s.pk for s in scans}
    attachments = ProductAttachment.objects.filter(
        Q(document_id__in=[key for kind, key in by_file if kind == "d"])
        | Q(image_id__in=[key for kind, key in by_file if kind == "i"])
    ).select_related("page")
    out = {}
    for row in attachments.order_by("page__title", "page_id"):
        scan_id = by_file.get(("d", row.document_id)) or by_file.get(("i", row.image_id))
        if scan_id is not None and row.page not in out.setdefault(scan_id, []):
            out[scan_id].append(row.page)
    return out


def _product_links(products):
    links = ((reverse("wagtailadmin_pages:edit", args=[p.pk]), p.title) for p in products)
    return format_html_join(", ", '<a href="{}">{}</a>', links)


def _progress(scan):
    return f"{scan.pages_done}/{scan.page_count}"


class GuardedMixin:
    """Every view: a real 403 for who may not see scans, or for a scan outside their desk."""

    viewset = None

    def dispatch(self, request, *args, **kwargs):
        policy = self.viewset.permission_policy
        if not policy.user_has_any_permission(request.user, ["view"]):
            return forbidden(request)
        pk = kwargs.get("pk")
        if pk is not None and not visible_scans(request.user).filter(pk=unquote(str(pk))).exists():
            return forbidden(request, _("Bản quét này không thuộc đơn vị của bạn, hoặc không có."))
        try:
            return super().dispatch(request, *args, **kwargs)
        except PermissionDenied:
            return forbidden(request)


class ScanFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=gettext_lazy("Trạng thái"), choices=Scan.Status.choices)

    class Meta:
        model = Scan
        fields = []


class ScanIndexView(generic.IndexView):
    default_ordering = "-created_at"
    page_title = gettext_lazy("Bản quét")

    def get_base_queryset(self):
        return visible_scans(self.request.user, Scan.objects.select_related("document", "image"))

    @cached_property
    def columns(self):
        return [
            TitleColumn("file", label=_("Tệp"), accessor=str, get_url=self.get_inspect_url),
            Column("products", label=_("Sản phẩm"), accessor=lambda s: _product_links(s.admin_products)),
            Column("status", label=_("Trạng thái"), accessor="get_status_display", sort_key="status"),
            Column("progress", label=_("Tiến độ (trang)"), accessor=_progress),
            DateColumn("started_at", label=_("Bắt đầu lúc"), sort_key="started_at"),
            DateColumn("finished_at", label=_("Xong lúc"), sort_key="finished_at"),
            Column("error", label=_("Thông báo lỗi"), accessor=lambda s: Truncator(s.error).chars(300)),
            DateColumn("created_at", label=_("Tạo lúc"), sort_key="created_at"),
        ]

    def get_table(self, object_list):
        scans = list(object_list)
        products = products_by_scan(scans)
        for scan in scans:
            scan.admin_products = products.get(scan.pk, [])
        return super().get_table(scans)


class ScanInspectView(generic.InspectView):
    """A scan's page: its state, the products carrying it, each page's state and error."""

    template_name = "digitise/admin/scan_inspect.html"

    def get_fields(self):
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        scan = self.object
        context.update(
            scan=scan,
            products=products_by_scan([scan]).get(scan.pk, []),
            pages=scan.pages.order_by("number"),
            may_correct=corrections.may_correct(self.request.user, scan),
            may_run_again=scan.status in RUNNABLE_AGAIN,
            run_again_url=reverse(self.viewset.get_url_name("run_again"), args=[scan.pk]),
        )
        return context


class RunAgainView(View):
    """POST only: the failed pages back to waiting and the scan queued (``digitise.tasks.run_again``)."""

    viewset = None

    def post(self, request, pk):
        if not self.viewset.permission_policy.user_has_permission(request.user, "change"):
            return forbidden(request)
        scan = get_object_or_404(Scan, pk=pk)
        back = reverse(self.viewset.get_url_name("inspect"), args=[scan.pk])
        if scan.status not in RUNNABLE_AGAIN:
            messages.error(request, _("Chỉ nhận dạng lại được bản quét bị lỗi hoặc có trang lỗi."))
            return redirect(back)
        with transaction.atomic():
            run_again(scan)
        messages.success(request, _("Đã xếp “%(file)s” vào hàng chờ nhận dạng lại.") % {"file": scan})
        return redirect(back)


class ScanViewSet(ModelViewSet):
    model = Scan
    icon = "doc-full"
    menu_label = gettext_lazy("Bản quét")
    menu_order = 160
    add_to_admin_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = ScanFilterSet
    index_view_class = ScanIndexView
    inspect_view_class = ScanInspectView
    form_fields = []  # no add or edit view is routed

    def get_common_view_kwargs(self, **kwargs):
        """Only the listing, a scan's page and run again are routed: no link to the others."""
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        for name in ("add", "edit", "delete", "history", "usage"):
            view_kwargs[f"{name}_url_name"] = None
        return view_kwargs

    def construct_view(self, view_class, **kwargs):
        guarded = type(f"Guarded{view_class.__name__}", (GuardedMixin, view_class), {"viewset": self})
        return super().construct_view(guarded, **kwargs)

    def get_urlpatterns(self):
        guarded = type("GuardedRunAgainView", (GuardedMixin, RunAgainView), {"viewset": self})
        run_again_view = require_POST(guarded.as_view())
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("run-again/<int:pk>/", run_again_view, name="run_again"),
        ]
