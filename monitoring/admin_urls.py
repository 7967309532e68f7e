"""The plan monitoring's own admin pages, under /admin/plan/ (namespace ``monitoring``)."""

from django.urls import path

from monitoring.views import imports, indicators, reports

app_name = "monitoring"
urlpatterns = [
    path("indicators/", indicators.indicators_page, name="indicators"),
    path("indicators/export/", indicators.indicators_export, name="indicators_export"),
    path("indicators/report/", indicators.plan_report_download, name="plan_report"),
    path("indicators/records/", indicators.IndicatorRecordsView.as_view(), name="indicator_records"),
    path(
        "indicators/records/results/",
        indicators.IndicatorRecordsView.as_view(results_only=True),
        name="indicator_records_results",
    ),
    path("activities/import/", imports.import_view, name="import_activities"),
    path("reports/tracker/", reports.tracker_page, name="tracker"),
    path("reports/remind/", reports.remind_now, name="remind"),
    path("reports/consolidated/", reports.consolidated_report, name="consolidated"),
]
