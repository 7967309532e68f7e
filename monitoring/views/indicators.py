"""The indicators page beside the audit: every target of the plan, its records, its exports.

Auditors and administrators (``audit.view_audit``, as for the audit) and the Department's
reviewers; everyone else gets a 403. Target 5b's records (misinformation items) also need the
misinformation register's view permission.
"""

import datetime
import json

from django.http import HttpResponse, HttpResponseBadRequest
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.views.reports import ReportView

from audit.display import NONE, number, register_names, target_cells
from audit.forms import AuditFilterForm
from monitoring.figures.definitions import DEFINITIONS
from monitoring.figures.records import UnknownRecords, records
from monitoring.figures.scope import Scope
from monitoring.figures.targets import STATUS_LABELS, all_targets, target_4_and_5a
from monitoring.reporting import documents
from monitoring.reporting.annual import AUDIT_KEYS, plan_report
from monitoring.reporting.tables import TARGET_ORDER, percent, target_label
from monitoring.views.exports import SafeExportMixin, WholeFileExportMixin
from products.desk.forbidden import forbidden

PERMISSION = "audit.view_audit"
RECORD_PERMISSIONS = {"items": "monitoring.view_misinformationitem"}


def scope_from(request):
    """(form, scope or None) from the GET parameters; no parameters = the current year."""
    form = AuditFilterForm(request.GET or {"year": str(datetime.date.today().year)})
    if not form.is_valid():
        return form, None
    query = form.to_query()
    return form, Scope(query.period, unit=query.unit, rollup=query.rollup)


def scope_params(scope):
    params = {"start": scope.period.start.isoformat(), "end": scope.period.end.isoformat()}
    if scope.unit:
        params["unit"] = scope.unit
    if scope.rollup:
        params["rollup"] = "on"
    return params


def records_url(scope, code, which, key=None):
    params = {**scope_params(scope), "target": code, "which": which}
    if key is not None:
        params["key"] = key
    return reverse("monitoring:indicator_records") + "?" + urlencode(params)


def figures(scope):
    """[(code, definition, figures dict)] in the plan's order, with drill-down URLs."""
    computed = all_targets(scope)
    unit_names = register_names()["unit"]
    rows = []
    for code in TARGET_ORDER:
        indicator = computed[code]
        if code == "4":
            audit = indicator.as_json()
            data = {key: audit[key] for key in AUDIT_KEYS}
            data.update(numerator=audit["counted"], denominator=audit["total"], by_unit=_audit_units(audit))
            definition = DEFINITIONS["4"]
        else:
            data, definition = indicator.as_json(), indicator.definition
        data["status_label"] = STATUS_LABELS.get(data["status"], data["status"])
        data["target_label"] = target_label(code, data)
        data["share_label"] = percent(data.get("share"))
        data["numerator_url"] = records_url(scope, code, "numerator")
        data["denominator_url"] = (
            records_url(scope, code, "denominator") if data["denominator"] is not None else None
        )
        for category in data.get("categories", {}).values():
            category["target_label"] = percent(category["target"])
        data["row"] = summary_row(scope, code, data, anchor=f"#target-{code}")
        for row in data["by_unit"]:
            row["numerator_url"] = records_url(scope, code, "numerator", row["key"])
            row["share_label"] = percent(row.get("share")) or NONE
            row["numerator_label"], row["denominator_label"] = (
                number(row["numerator"]),
                number(row["denominator"]),
            )
            row["label"] = unit_names.get(row["key"], row["key"])
        rows.append((code, definition, data))
    return rows


def summary_row(scope, code, figure, anchor=None):
    """A target's row of the summary table (``audit/target_rows.html``), figures linked to records."""
    return {
        "code": code,
        "status": figure["status"],
        "cells": target_cells(code, figure),
        "anchor": anchor,
        "numerator_url": records_url(scope, code, "numerator"),
        "denominator_url": records_url(scope, code, "denominator")
        if figure.get("share") is not None
        else None,
    }


def audit_page_rows(query):
    """Target 5a for the audit page (the hook ``audit_figures``): the function the indicators page,
    the JSON and the documents call, so the audit page cannot show another figure."""
    scope = Scope(query.period, unit=query.unit, rollup=query.rollup)
    _result, five_a = target_4_and_5a(scope)
    return [
        summary_row(
            scope,
            "5a",
            five_a.as_json(),
            anchor=reverse("monitoring:indicators") + "?" + urlencode(scope_params(scope)) + "#target-5a",
        )
    ]


def _audit_units(audit):
    return [
        {"key": row["key"], "numerator": row["counted"], "denominator": row["total"], "share": row["share"]}
        for row in audit["breakdowns"]["unit"]
    ]


def indicators_page(request):
    if not request.user.has_perm(PERMISSION):
        return forbidden(
            request, _("Chỉ kiểm tra viên, quản trị viên và bộ phận tổng hợp được xem các chỉ tiêu.")
        )
    form, scope = scope_from(request)
    if scope is None:
        return TemplateResponse(request, "monitoring/indicators.html", {"form": form}, status=400)
    params = urlencode(scope_params(scope))
    targets = figures(scope)
    context = {
        "form": form,
        "scope": scope,
        "targets": targets,
        "summary_rows": [data["row"] for _code, _definition, data in targets],
        "unit_name": register_names()["unit"].get(scope.unit, scope.unit),
        "export_csv": reverse("monitoring:indicators_export") + f"?{params}&format=csv",
        "export_xlsx": reverse("monitoring:indicators_export") + f"?{params}&format=xlsx",
        "report_urls": {
            fmt: reverse("monitoring:plan_report") + f"?{params}&format={fmt}"
            for fmt in ("docx", "xlsx", "json")
        },
    }
    return TemplateResponse(request, "monitoring/indicators.html", context)


EXPORT_COLUMNS = ["target", "level", "unit", "numerator", "denominator", "share", "target_value", "status"]


def export_rows(scope):
    """The figures' rows: one per target ("total"), then one per unit of its breakdown ("unit")."""
    for code, _definition, data in figures(scope):
        yield [
            code,
            "total",
            "",
            data["numerator"],
            data["denominator"],
            data.get("share"),
            data["target_label"],
            data["status"],
        ]
        for row in data["by_unit"]:
            yield [code, "unit", row["key"], row["numerator"], row["denominator"], row.get("share"), "", ""]


class IndicatorsExportView(SafeExportMixin, WholeFileExportMixin, View):
    """The page's figures as CSV or XLSX (``?format=``) through Wagtail's spreadsheet export; the
    headings are the columns' codes (files are read back by them)."""

    list_export = EXPORT_COLUMNS

    def get(self, request):
        if not request.user.has_perm(PERMISSION):
            return forbidden(request)
        _form, scope = scope_from(request)
        fmt = request.GET.get("format", self.FORMAT_CSV)
        if scope is None or fmt not in self.FORMATS:
            return HttpResponseBadRequest(_("Tham số không hợp lệ."))
        self.export_filename = f"chi-tieu-ke-hoach_{scope.period.start}_{scope.period.end}"
        return self.as_spreadsheet(
            [dict(zip(EXPORT_COLUMNS, row, strict=True)) for row in export_rows(scope)], fmt
        )


indicators_export = IndicatorsExportView.as_view()


def plan_report_download(request):
    """The annual report (``plan_report``) for the page's period and unit: JSON, Word or Excel."""
    if not request.user.has_perm(PERMISSION):
        return forbidden(request)
    _form, scope = scope_from(request)
    fmt = request.GET.get("format", "docx")
    if scope is None or fmt not in ("json", *documents.CONTENT_TYPES):
        return HttpResponseBadRequest(_("Tham số không hợp lệ."))
    if fmt == "json":
        body, content_type = json.dumps(plan_report(scope), ensure_ascii=False, indent=2), "application/json"
    else:
        body, content_type = documents.render(scope, fmt), documents.CONTENT_TYPES[fmt]
    response = HttpResponse(body, content_type=content_type)
    name = f"bao-cao-ke-hoach_{scope.unit or 'toan-tinh'}_{scope.period.start}_{scope.period.end}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


COLUMNS = {
    "agencies": ["name", "unit.slug", "valid_from", "valid_to"],
    "training": ["unit.slug", "category", "staff", "trained", "counted", "source"],
    "activities": ["id", "title", "date", "unit.slug", "task.slug", "kind", "audience", "items"],
    "products": [
        "id",
        "external_id",
        "title",
        "language",
        "unit.slug",
        "task.slug",
        "format.slug",
        "first_published",
    ],
    "items": ["id", "detected_on", "platform", "detected_by.slug", "status", "handled_on", "days_to_handle"],
}


class IndicatorRecordsView(SafeExportMixin, ReportView):
    """The records behind one number of the indicators page (CSV/XLSX with ?export=)."""

    page_title = _("Bản ghi của chỉ tiêu")
    header_icon = "list-ul"
    template_name = "monitoring/indicator_records.html"
    results_template_name = "monitoring/indicator_records_results.html"
    index_url_name = "monitoring:indicator_records"
    index_results_url_name = "monitoring:indicator_records_results"
    paginate_by = 100

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            return forbidden(request)
        _form, self.scope = scope_from(request)
        self.code, self.which = request.GET.get("target"), request.GET.get("which", "numerator")
        if self.scope is None:
            return HttpResponseBadRequest(_("Tham số không hợp lệ."))
        try:
            self.kind, self.rows = records(self.scope, self.code, self.which, request.GET.get("key"))
        except UnknownRecords:
            return HttpResponseBadRequest(_("Tham số không hợp lệ."))
        permission = RECORD_PERMISSIONS.get(self.kind)
        if permission and not request.user.has_perm(permission):
            return forbidden(request)
        self.list_export = COLUMNS[self.kind]
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return self.rows

    def get_filename(self):
        return f"chi-tieu-{self.code}-{self.which}"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            kind=self.kind,
            code=self.code,
            which=self.which,
            columns=COLUMNS[self.kind],
            back_url=reverse("monitoring:indicators") + "?" + urlencode(scope_params(self.scope)),
            export_query=self.request.GET.urlencode(),
        )
        return context
