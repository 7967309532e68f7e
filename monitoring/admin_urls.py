"""The plan monitoring's own admin pages, under /admin/plan/ (namespace ``monitoring``)."""

from django.urls import path

from monitoring.views import indicators

app_name = "monitoring"
urlpatterns = [
    path("indicators/", indicators.indicators_page, name="indicators"),
    path("indicators/export/", indicators.indicators_export, name="indicators_export"),
    path("indicators/records/", indicators.IndicatorRecordsView.as_view(), name="indicator_records"),
    path(
        "indicators/records/results/",
        indicators.IndicatorRecordsView.as_view(results_only=True),
        name="indicator_records_results",
    ),
]
