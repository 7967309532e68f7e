"""The annual report in the admin: units draft and submit; the Department tracks, accepts or returns,
reminds and compiles the provincial report."""

import datetime
import json

import django_filters
from django import forms
from django.contrib import messages
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.widgets.button import HeaderButton

from monitoring import cycle
from monitoring.figures.scope import Scope
from monitoring.models import ReportEvent, ReportStatus, UnitReport
from monitoring.reporting import documents
from monitoring.reporting.annual import plan_report
from monitoring.reporting.consolidate import consolidated
from monitoring.reporting.tables import target_rows
from monitoring.views import scoped
from monitoring.views.registers import PlanRegisterViewSet
from products.desk.forbidden import forbidden
from products.params import WholeNumberField

REVIEW = "monitoring.review_unitreport"


class DraftEditView(scoped.EditView):
    """A submitted or accepted report is no longer editable by anyone."""

    def refusal(self, request):
        if not UnitReport.objects.get(pk=self.kwargs["pk"]).editable:
            return forbidden(request, _("Báo cáo đã gửi; chỉ sửa được khi bị trả lại."))
        return None


class DraftCreateView(scoped.CreateView):
    def save_instance(self):
        instance = super().save_instance()
        cycle.log(instance, ReportEvent.Action.CREATED, self.request.user)
        return instance


class ReportStepView(scoped.InspectView):
    """A page about one report, showing its figures; POST does the step."""

    template_name = "monitoring/report_step.html"
    permission = None

    def refusal(self, request):
        self.report = UnitReport.objects.select_related("unit").get(pk=self.kwargs["pk"])
        return None if request.user.has_perm(self.permission) else forbidden(request)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        figures = self.report.figures or plan_report(cycle.report_scope(self.report))
        context.update(
            report=self.report,
            step=self.step,
            target_rows=target_rows(figures["targets"]),
            events=self.report.events.select_related("user"),
        )
        return context

    def post(self, request, *args, **kwargs):
        try:
            self.do(request)
        except cycle.CycleError as error:
            messages.error(request, str(error))
            return redirect(request.path)
        return redirect(reverse("plan_reports:inspect", args=[self.report.pk]))


class ReportPageView(ReportStepView):
    """The report's page (the viewset's inspect view): figures, history, the steps the user may take."""

    step = "view"
    permission = "monitoring.view_unitreport"

    def post(self, request, *args, **kwargs):
        return HttpResponseBadRequest()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user, report = self.request.user, self.report
        context.update(
            can_submit=report.editable and user.has_perm("monitoring.change_unitreport"),
            can_edit=report.editable and user.has_perm("monitoring.change_unitreport"),
            can_decide=report.status == ReportStatus.SUBMITTED and user.has_perm(REVIEW),
        )
        return context


class SubmitView(ReportStepView):
    step = "submit"
    permission = "monitoring.change_unitreport"

    def do(self, request):
        cycle.submit(self.report, request.user)
        messages.success(request, _("Đã gửi báo cáo tới Sở Thông tin và Truyền thông."))


class DecideView(ReportStepView):
    step = "decide"
    permission = REVIEW

    def do(self, request):
        accept = request.POST.get("action") == "accept"
        cycle.decide(self.report, request.user, accept, request.POST.get("comment", ""))
        messages.success(request, _("Đã tiếp nhận báo cáo.") if accept else _("Đã trả lại báo cáo."))


class DocumentView(scoped.InspectView):
    """The report as Word or Excel: a submitted report with the figures the unit submitted."""

    def get(self, request, *args, **kwargs):
        report = get_object_or_404(UnitReport.objects.select_related("unit"), pk=kwargs["pk"])
        fmt = kwargs["fmt"]
        if fmt not in documents.CONTENT_TYPES:
            return HttpResponseBadRequest(_("Tham số không hợp lệ."))
        data = documents.render(cycle.report_scope(report), fmt, report=report, frozen=True)
        response = HttpResponse(data, content_type=documents.CONTENT_TYPES[fmt])
        response["Content-Disposition"] = (
            f'attachment; filename="bao-cao-{report.unit.slug}-{report.year}.{fmt}"'
        )
        return response


class UnitReportFilterSet(WagtailFilterSet):
    year = django_filters.NumberFilter(label=gettext_lazy("Năm"))

    class Meta:
        model = UnitReport
        fields = ["unit", "year", "status"]


class ReportIndexView(scoped.IndexView):
    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if self.request.user.has_perm(REVIEW):
            buttons.append(
                HeaderButton(_("Theo dõi, tổng hợp"), url=reverse("monitoring:tracker"), icon_name="tasks")
            )
        return buttons


class UnitReportViewSet(PlanRegisterViewSet):
    """Drafts are edited through the generic views; the cycle's steps are views of their own."""

    model = UnitReport
    url_prefix = "plan/reports"
    url_namespace = "plan_reports"
    icon = "doc-full-inverse"
    menu_label = gettext_lazy("Báo cáo năm")
    list_display = ["unit", "year", "status", "submitted_at", "decided_at"]
    filterset_class = UnitReportFilterSet
    inspect_view_enabled = True

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("submit/<int:pk>/", self.construct_view(SubmitView), name="submit"),
            path("decide/<int:pk>/", self.construct_view(DecideView), name="decide"),
            path("document/<int:pk>/<str:fmt>/", self.construct_view(DocumentView), name="document"),
        ]

    index_view_class = ReportIndexView
    add_view_class = DraftCreateView
    edit_view_class = DraftEditView
    inspect_view_class = ReportPageView


# --- the Department's pages ---------------------------------------------------------------------


class YearForm(forms.Form):
    year = WholeNumberField(min_value=2023, max_value=2100, required=False)

    def year_or_current(self):
        return self.cleaned_data.get("year") or datetime.date.today().year


def _year(request):
    form = YearForm(request.GET or request.POST)
    return form.year_or_current() if form.is_valid() else None


def tracker_page(request):
    if not request.user.has_perm(REVIEW):
        return forbidden(request)
    year = _year(request)
    if year is None:
        return HttpResponseBadRequest(_("Năm không hợp lệ."))
    rows = cycle.tracker(year)
    counts = {status: sum(1 for _u, r in rows if r and r.status == status) for status in ReportStatus.values}
    context = {"year": year, "rows": rows, "counts": counts, "missing": sum(1 for _u, r in rows if r is None)}
    return TemplateResponse(request, "monitoring/tracker.html", context)


def remind_now(request):
    if not request.user.has_perm(REVIEW):
        return forbidden(request)
    if request.method != "POST":
        return HttpResponseBadRequest(_("Dùng nút «Gửi thư nhắc»."))
    year = _year(request)
    if year is None:
        return HttpResponseBadRequest(_("Năm không hợp lệ."))
    sent = cycle.remind(year, force=True)
    messages.success(request, _("Đã gửi thư nhắc tới %(n)s đơn vị.") % {"n": len(sent)})
    return redirect(reverse("monitoring:tracker") + f"?year={year}")


def consolidated_report(request):
    if not request.user.has_perm(REVIEW):
        return forbidden(request)
    year, fmt = _year(request), request.GET.get("format", "docx")
    if year is None or fmt not in ("json", *documents.CONTENT_TYPES):
        return HttpResponseBadRequest(_("Tham số không hợp lệ."))
    scope = Scope.year(year)
    data, reports = consolidated(year, plan_report(scope))
    name = f"bao-cao-tong-hop-{year}.{fmt}"
    if fmt == "json":
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
        )
    else:
        content = documents.render(scope, fmt, unit_reports=reports, data=data)
        response = HttpResponse(content, content_type=documents.CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
