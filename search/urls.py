from django.urls import path

from search import views
from search.service import unavailable

app_name = "search"
urlpatterns = [path("", unavailable(views.search_page), name="page")]
