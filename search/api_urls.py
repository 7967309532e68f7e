from django.urls import path

from search import views
from search.service import unavailable

urlpatterns = [path("search/", unavailable(views.search_api, api=True), name="search_api")]
