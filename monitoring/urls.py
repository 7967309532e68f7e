"""Portal URLs of the plan monitoring: reading scripts (under each language prefix)."""

from django.urls import path

from monitoring.views import scripts

app_name = "scripts"
urlpatterns = [
    path("<int:page_id>/", scripts.script_page, name="page"),
    path("<int:page_id>.txt", scripts.script_text, name="text"),
]
