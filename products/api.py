"""Wagtail API v2: what the national shared database pulls (plan task 5.1).

Everything here is public and the same for every caller, signed in or not:
``/api/v2/pages/`` and ``/api/v2/products/`` list live pages that no view restriction covers
(``products.visibility``); ``/api/v2/images/`` and ``/api/v2/documents/`` list the files such
products use (``products.media_access``). ``/api/v2/products/`` adds the classification,
publications and language to the listing and filters by register slugs (``area``, ``task``,
``format``, ``unit``, ``channel``, ``topic``/``topics``), ``language`` and the
``first_published`` range (``published_from``/``published_to``, YYYY-MM-DD). Every parameter
is checked in ``products.api_filters``: a bad one is a 400 with a message.
"""

import datetime
from functools import cached_property

from django.db.models import Q
from django.urls import NoReverseMatch
from django.utils.translation import gettext as _
from wagtail.api.v2.filters import (
    AncestorOfFilter,
    ChildOfFilter,
    DescendantOfFilter,
    LocaleFilter,
    TranslationOfFilter,
)
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import PageHtmlUrlField, PageSerializer
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.api.validators import SiteFilterValidator
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page

from products import api_filters, media_access
from products.models import ProductPage
from products.visibility import public_pages


class CheckedParametersMixin:
    """Bounded pagination, checked field filters and search, and no oversized parameter."""

    pagination_class = api_filters.BoundedPagination
    content_negotiation_class = api_filters.RendererOrProductFormat

    @classmethod
    def get_available_fields(cls, model, db_fields_only=False):
        fields = super().get_available_fields(model, db_fields_only=db_fields_only)
        if db_fields_only:
            fields = [name for name in fields if api_filters.filterable(model, name)]
        return fields

    def check_query_parameters(self, queryset):
        api_filters.check_parameter_sizes(self.request.GET)
        api_filters.check_page_ids(self.request.GET)
        super().check_query_parameters(queryset)

    def find_object(self, queryset, request):
        api_filters.check_page_ids(request.GET)
        return super().find_object(queryset, request)


class RequestPageHtmlUrlField(PageHtmlUrlField):
    """``html_url`` built with the request, so that Wagtail reads the sites' root paths once
    per request (``request._wagtail_cached_site_root_paths``), not once per item from the
    cache (a database query each in production)."""

    def to_representation(self, page):
        try:
            return page.get_full_url(self.context["request"])
        except NoReverseMatch:
            return None


class PublicPageSerializer(PageSerializer):
    html_url = RequestPageHtmlUrlField(read_only=True)


class PublicPagesAPIViewSet(CheckedParametersMixin, PagesAPIViewSet):
    base_serializer_class = PublicPageSerializer
    filter_backends = [
        api_filters.CheckedFieldsFilter,
        api_filters.RegisterFilter,
        ChildOfFilter,
        AncestorOfFilter,
        DescendantOfFilter,
        api_filters.NoRandomOrderingFilter,
        TranslationOfFilter,
        LocaleFilter,
        api_filters.WordSearchFilter,  # last: search results cannot be filtered further
    ]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(
        api_filters.PRODUCT_FILTERS, api_filters.PAGINATION
    )

    def get_queryset(self):
        """Wagtail's, with each page's locale read in the same query (``meta.locale`` of every item)."""
        return super().get_queryset().select_related("locale")

    def get_base_queryset(self):
        """Live pages no view restriction covers, of the requested site and its translations.

        Wagtail's own version lifts the restrictions the request passes (a session that
        entered the password, a signed-in user); the API answers everyone alike.
        """
        return self.public_in_site(Page)

    def public_in_site(self, model):
        """``model``'s live public pages in the requested site and its translations.

        The conditions stand on the page rows themselves, not in a ``pk__in`` subquery: an
        ``after=<id>`` page then reads its rows from the id index onwards, where the database
        walked the subquery's ids from the first to reach them. Only a search, whose backend
        reads a queryset's filters and knows no ``Exists()``, gets them wrapped in ``pk__in``.
        """
        if self.site_scope is None:
            return model.objects.none()
        pages = public_pages(model.objects.filter(self.site_scope))
        if "search" in self.request.GET:
            return model.objects.filter(pk__in=pages.values("pk"))
        return pages

    @cached_property
    def site_scope(self):
        """The requested site's pages and its translations' as a condition (None: no such
        site); read once per request, though Wagtail asks for the queryset several times."""
        try:
            site = SiteFilterValidator(site=self.request.GET.get("site"), request=self.request).site_obj
        except ValueError as error:
            raise BadRequestError(str(error)) from error
        if site is None:
            return None
        in_site = Q()
        for root in [site.root_page, *site.root_page.get_translations()]:
            in_site |= Page.objects.descendant_of_q(root, inclusive=True)
        return in_site


class ProductsAPIViewSet(PublicPagesAPIViewSet):
    model = ProductPage
    known_query_parameters = PublicPagesAPIViewSet.known_query_parameters.union(
        {"published_from", "published_to"}
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
        queryset = (
            self.public_in_site(ProductPage)
            .select_related("area", "task", "format", "unit", "locale")
            .prefetch_related("topics", "publications__channel")
        )
        for name, lookup in (("published_from", "gte"), ("published_to", "lte")):
            if name in self.request.GET:
                try:
                    value = datetime.date.fromisoformat(self.request.GET[name])
                except ValueError as error:
                    raise BadRequestError(_("%(name)s phải có dạng YYYY-MM-DD.") % {"name": name}) from error
                queryset = queryset.filter(**{f"first_published__{lookup}": value})
        return queryset


class PublicImagesAPIViewSet(CheckedParametersMixin, ImagesAPIViewSet):
    """Only images that a public product uses."""

    filter_backends = [
        api_filters.CheckedFieldsFilter,
        api_filters.NoRandomOrderingFilter,
        api_filters.WordSearchFilter,
    ]
    known_query_parameters = ImagesAPIViewSet.known_query_parameters.union(api_filters.PAGINATION)

    def get_queryset(self):
        return media_access.public_files(self.model).order_by("id")


class PublicDocumentsAPIViewSet(CheckedParametersMixin, DocumentsAPIViewSet):
    """Only documents that a public product uses."""

    filter_backends = PublicImagesAPIViewSet.filter_backends
    known_query_parameters = DocumentsAPIViewSet.known_query_parameters.union(api_filters.PAGINATION)

    def get_queryset(self):
        return media_access.public_files(self.model).order_by("id")


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("products", ProductsAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
