"""Wagtail API v2: what the national shared database pulls (plan task 5.1).

``/api/v2/pages/`` lists live, public pages (Wagtail never serves drafts there);
``/api/v2/products/`` is the same for communication products only, with their
classification, publications and language in the listing, filterable by ``locale``
(or ``language``), ``area``, ``unit``, ``channel`` and ``first_published`` range
(``published_from``/``published_to``, YYYY-MM-DD).
"""

import datetime

from rest_framework.exceptions import ValidationError
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from products.models import ProductPage


class ProductsAPIViewSet(PagesAPIViewSet):
    model = ProductPage
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(
        {"language", "area", "unit", "channel", "published_from", "published_to"}
    )
    listing_default_fields = [
        *PagesAPIViewSet.listing_default_fields,
        "language",
        "external_id",
        "first_published",
        "area",
        "task",
        "format",
        "unit",
        "topics",
        "publications",
    ]

    def get_queryset(self):
        queryset = ProductPage.objects.filter(pk__in=self.get_base_queryset().values_list("pk", flat=True))
        params = self.request.GET
        if params.get("language"):
            queryset = queryset.filter(language=params["language"])
        if params.get("area"):
            queryset = queryset.filter(area__slug=params["area"])
        if params.get("unit"):
            queryset = queryset.filter(unit__slug=params["unit"])
        if params.get("channel"):
            queryset = queryset.filter(publications__channel__slug=params["channel"]).distinct()
        for name, lookup in (("published_from", "gte"), ("published_to", "lte")):
            if params.get(name):
                try:
                    value = datetime.date.fromisoformat(params[name])
                except ValueError as error:
                    raise ValidationError({name: "YYYY-MM-DD"}) from error
                queryset = queryset.filter(**{f"first_published__{lookup}": value})
        return queryset


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("products", ProductsAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
