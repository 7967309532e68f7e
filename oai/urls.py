from django.urls import path

from oai import views

urlpatterns = [
    path("", views.endpoint, name="oai"),
    path("schema/ttnq-product-1.0.xsd", views.schema, name="oai_schema"),
]
