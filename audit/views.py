"""Admin views of the audit: the report page, its exports and the drill-down lists.

Auditors and administrators only (permission ``audit.view_audit``); everyone else gets 403.
"""

import datetime

from django.db.models.expressions import RawSQL
from django.http import HttpResponse, HttpResponseBadRequest
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.reports import ReportView

from audit import charts, display, exports
from audit.display import STATUS_LABELS, percent, target_cells
from audit.drilldown import WHICH, drilldown_sql
from audit.forms import YEARS, AuditFilterForm
from audit.models import DigitalChannelChange
from audit.share import BREAKDOWNS, Period, Query, compute, ratio
from products.desk.forbidden import forbidden
from products.models import ProductPage
from products.spreadsheets import safe_cell

PERMISSION = "audit.view_audit"


def refused(request):
    """The 403 for anyone who is not an auditor or an administrator; None for them."""
    if request.user.has_perm(PERMISSION):
        return None
    return forbidden(request, _("Chỉ kiểm tra viên và quản trị viên được xem số liệu kiểm tra."))


def _filter_form(request):
    # No parameters (the menu link): the current year, shown selected in the form.
    form = AuditFilterForm(request.GET or {"year": str(datetime.date.today().year)})
    if not form.is_valid():
        return form, None
    return form, form.to_query()


def _labels():
    return display.register_names()


def _changes(labels):
    """The latest changes of the digital channels, the sets named rather than coded."""
    changes = list(DigitalChannelChange.objects.select_related("channel", "user")[:10])
    for change in changes:
        change.previous_names = [labels["channel"].get(s, s) for s in change.previous_set or ()]
        change.digital_names = [labels["channel"].get(s, s) for s in change.digital_set or ()]
    return changes


def _drill_url(query_string, **params):
    return reverse("audit:products") + "?" + query_string + "&" + urlencode(params)


def audit_page(request):
    if denied := refused(request):
        return denied
    form, query = _filter_form(request)
    if query is None:
        return TemplateResponse(request, "audit/index.html", {"form": form}, status=400)
    result = compute(query)
    report = result.as_json()
    query_string = _base_query_string(query)
    labels = _labels()
    unit_rows = [
        {**row, "label": labels["unit"].get(row["key"], row["key"])} for row in report["breakdowns"]["unit"]
    ]
    context = {
        "form": form,
        "report": report,
        "result": result,
        "status_label": STATUS_LABELS[result.status],
        "share_label": percent(result.share),
        "band_label": display.target_label("4", report),
        "counted_label": display.number(result.counted),
        "total_label": display.number(result.total),
        "status_rule": STATUS_RULE % {key: STATUS_LABELS[key] for key in ("below", "within", "above")},
        "unit_name": labels["unit"].get(query.unit, query.unit),
        "breakdowns": _breakdown_sections(report, labels, query_string),
        "digital_channel_names": [labels["channel"].get(s, s) for s in result.digital_channels],
        "changes": _changes(labels),
        "year_chart": charts.share_by_year(year_points(query), result.target),
        "unit_chart": charts.share_by_unit(unit_rows, result.target),
        "overlaps": [
            {
                "label": " + ".join(str(PART_LABELS[p]) for p in combo.split("+")),
                "count": count,
                "url": _drill_url(query_string, which=combo),
            }
            for combo, count in report["overlaps"].items()
        ],
        "links": {
            which: _drill_url(query_string, which=which) for which in (*WHICH, *report["overlaps"].keys())
        },
        "export_csv": reverse("audit:export") + "?" + query_string + "&format=csv",
        "export_xlsx": reverse("audit:export") + "?" + query_string + "&format=xlsx",
        "query_string": query_string,
    }
    context["target_rows"] = target_rows(query, report, context["links"])
    return TemplateResponse(request, "audit/index.html", context)


def target_rows(query, report, links):
    """Target 4's summary row, then the rows other apps add through the hook ``audit_figures``
    (``fn(query)`` → rows as ``audit/target_rows.html`` reads them): monitoring adds target 5a."""
    rows = [
        {
            "code": "4",
            "status": report["status"],
            "cells": target_cells("4", report),
            "numerator_url": links["counted"],
            "denominator_url": links["total"],
        }
    ]
    for hook in hooks.get_hooks("audit_figures"):
        rows += hook(query)
    return rows


def _breakdown_sections(report, labels, query_string):
    return [
        {
            "dim": dim,
            "title": BREAKDOWN_TITLES[dim],
            "rows": [
                {
                    **row,
                    "label": display.month(row["key"])
                    if dim == "month"
                    else labels.get(dim, {}).get(row["key"], row["key"]),
                    "total_label": display.number(row["total"]),
                    "counted_label": display.number(row["counted"]),
                    "share_label": percent(row["share"]),
                    "total_url": _drill_url(query_string, dim=dim, key=row["key"], which="total"),
                    "counted_url": _drill_url(query_string, dim=dim, key=row["key"], which="counted"),
                }
                for row in _ordered(dim, report["breakdowns"][dim])
            ],
        }
        for dim in BREAKDOWNS
    ]


def _ordered(dim, rows):
    """Months in calendar order; the other breakdowns largest first (as counted)."""
    return sorted(rows, key=lambda row: row["key"]) if dim == "month" else rows


STATUS_RULE = _(
    "Tỷ lệ = số được tính / tổng số. Dưới cận dưới: %(below)s; trong khoảng (kể cả hai cận): "
    "%(within)s; trên cận trên: %(above)s."
)


def year_points(query):
    """[(year, share, total)] for the plan's years, from one count over them all (its months)."""
    plan = Period(Period.year(YEARS[0]).start, Period.year(YEARS[-1]).end)
    months = compute(Query(plan, unit=query.unit, rollup=query.rollup)).breakdowns["month"]
    totals = {year: [0, 0] for year in YEARS}
    for row in months:
        year = int(row["key"][:4])
        if year in totals:
            totals[year][0] += row["total"]
            totals[year][1] += row["counted"]
    return [(year, ratio(counted, total), total) for year, (total, counted) in totals.items()]


DRILL_TITLES = {
    "total": _("Tất cả sản phẩm trong kỳ"),
    "counted": _("Sản phẩm được tính"),
    "ethnic": _("Sản phẩm bằng tiếng dân tộc thiểu số"),
    "foreign": _("Sản phẩm bằng tiếng nước ngoài"),
    "digital": _("Sản phẩm trên nền tảng số"),
    "digitised": _("Sản phẩm đã số hóa"),
}


def drill_title(which):
    """What the drill-down lists, in words: its title."""
    if which in DRILL_TITLES:
        return DRILL_TITLES[which]
    parts = " + ".join(str(PART_LABELS.get(p, p)) for p in which.split("+"))
    return _("Sản phẩm chỉ thỏa: %(parts)s") % {"parts": parts}


PART_LABELS = {"ethnic": _("tiếng dân tộc"), "foreign": _("tiếng nước ngoài"), "digital": _("nền tảng số")}

BREAKDOWN_TITLES = {
    "unit": _("Theo đơn vị"),
    "area": _("Theo lĩnh vực"),
    "language": _("Theo ngôn ngữ"),
    "channel": _("Theo kênh"),
    "format": _("Theo loại hình"),
    "month": _("Theo tháng"),
}


def _base_query_string(query):
    params = {"start": query.period.start.isoformat(), "end": query.period.end.isoformat()}
    if query.unit:
        params["unit"] = query.unit
    if query.rollup:
        params["rollup"] = "on"
    return urlencode(params)


def audit_export(request):
    if denied := refused(request):
        return denied
    form, query = _filter_form(request)
    fmt = request.GET.get("format", "csv")
    if query is None or fmt not in ("csv", "xlsx"):
        return HttpResponseBadRequest(_("Tham số không hợp lệ."))
    report = compute(query).as_json()
    name = f"chi-tieu-4_{report['period']['start']}_{report['period']['end']}"
    if fmt == "csv":
        response = HttpResponse(exports.as_csv(report), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(
            exports.as_xlsx(report),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


class AuditProductsView(ReportView):
    """The products behind one number of the audit, exportable to CSV/XLSX."""

    page_title = DRILL_TITLES["counted"]  # set per request from ``which`` (drill_title)
    header_icon = "list-ul"
    template_name = "audit/products.html"
    results_template_name = "audit/products_results.html"
    index_url_name = "audit:products"
    index_results_url_name = "audit:products_results"
    paginate_by = 100
    list_export = [
        "id",
        "external_id",
        "title",
        "language",
        "unit.slug",
        "area.slug",
        "format.slug",
        "first_published",
        "full_url",
    ]
    export_headings = {"unit.slug": "unit", "area.slug": "area", "format.slug": "format"}

    def dispatch(self, request, *args, **kwargs):
        if denied := refused(request):
            return denied
        form, self.audit_query = _filter_form(request)
        self.dim = request.GET.get("dim") or None
        self.key = request.GET.get("key")
        self.which = request.GET.get("which", "total")
        self.page_title = drill_title(self.which)
        if self.audit_query is None or (self.dim and self.dim not in BREAKDOWNS):
            return HttpResponseBadRequest(_("Tham số không hợp lệ."))
        try:
            self.ids_sql = drilldown_sql(self.audit_query, self.dim, self.key, self.which)
        except ValueError:
            return HttpResponseBadRequest(_("Tham số không hợp lệ."))
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        sql, params = self.ids_sql
        return (
            ProductPage.objects.filter(pk__in=RawSQL(sql, params))  # noqa: S611 (parameterised)
            .select_related("unit", "area", "format", "locale")
            .order_by("first_published", "pk")
        )

    def get_filename(self):
        return f"san-pham_{self.dim or 'tat-ca'}_{self.key or ''}_{self.which}"

    def preprocess_field_value(self, field, value, export_format):
        """Titles are editors' text: never a live formula in the spreadsheet."""
        return safe_cell(super().preprocess_field_value(field, value, export_format))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        labels = _labels()
        row = None
        if self.dim:
            name = (
                display.month(self.key) if self.dim == "month" else labels[self.dim].get(self.key, self.key)
            )
            row = f"{BREAKDOWN_TITLES[self.dim]}: {name}"
        context["drill"] = {"row": row, "query": self.audit_query}
        context["back_url"] = reverse("audit:index") + "?" + _base_query_string(self.audit_query)
        context["export_query"] = self.request.GET.urlencode()
        return context
