"""Query parameters of /api/v2/: read strictly, bounded, and refused with a 400 and a message.

Wagtail's own filters let some values through to the database (an offset past what SQLite
or PostgreSQL can hold, a ``"`` in a full-text search, a date that is not one) and those
became 500s; a search of hundreds of words nested one SQL expression per word until Python
gave up. Here every value is checked, and refused, before a query is built.
"""

import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext as _
from rest_framework.filters import BaseFilterBackend
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.response import Response
from rest_framework.settings import api_settings
from wagtail.api.v2.filters import FieldsFilter, OrderingFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.base import FilterFieldError, OrderByFieldError

from products import api_counts, languages
from products.models import Channel, ContentArea, Format, PlanTask, ProductPage, Topic, Unit
from products.params import MAX_DB_INTEGER, NotAWholeNumber, whole_number
from products.site_root import absolute_url

MAX_OFFSET = 100_000
TREE_FILTERS = ("child_of", "descendant_of", "ancestor_of", "translation_of")
MAX_PARAMETER_CHARS = 1000
MAX_SEARCH_CHARS = 200
MAX_SEARCH_WORDS = 20
MAX_FILTER_VALUES = 20
APOSTROPHES = "'’‘ʼ"

# Parameter → (register model, how a product reaches it). ``topic`` and ``topics`` are one filter.
REGISTER_FILTERS = {
    "area": (ContentArea, "area__in"),
    "task": (PlanTask, "task__in"),
    "format": (Format, "format__in"),
    "unit": (Unit, "unit__in"),
    "channel": (Channel, "publications__channel__in"),
    "topic": (Topic, "topics__in"),
    "topics": (Topic, "topics__in"),
}
PRODUCT_FILTERS = frozenset([*REGISTER_FILTERS, "language"])
PAGINATION = frozenset({"after"})  # beside Wagtail's offset and limit: BoundedPagination


def bad_request(message):
    return BadRequestError(message)


def check_parameter_sizes(params):
    for name, values in params.lists():
        if any(len(value) > MAX_PARAMETER_CHARS for value in values):
            raise bad_request(
                _("Tham số %(name)s quá dài (tối đa %(n)d ký tự).") % {"name": name, "n": MAX_PARAMETER_CHARS}
            )


def number(params, name, *, default=None, maximum=MAX_DB_INTEGER):
    """The parameter ``name`` read by ``products.params.whole_number``; a 400 naming it otherwise."""
    try:
        return whole_number(params.get(name), minimum=0, maximum=maximum, default=default)
    except NotAWholeNumber as error:
        raise bad_request(f"{name}: {error}") from None


def check_page_ids(params):
    """``id`` and the tree filters take a page id (Wagtail's own ``int()`` reads "١٢" as 12)."""
    for name in ("id", *TREE_FILTERS):
        if name in params and params[name] != "root":
            number(params, name)


def _integer_column(model, name):
    """The largest value of ``model.name`` if it is an integer column (or a key to one), else None."""
    try:
        field = model._meta.get_field(name)
    except Exception:  # noqa: BLE001 -- FieldDoesNotExist, or a related name Django cannot resolve
        return None
    if isinstance(field, models.ForeignKey):
        field = field.target_field
    if isinstance(field, models.BigIntegerField):
        return 2**63 - 1
    return MAX_DB_INTEGER if isinstance(field, models.IntegerField) else None


def after_id(queryset, after):
    """``queryset``'s items with an id above ``after``, in id order; for a page type also its
    ``Page`` row's id (raw: Django reads ``id`` as ``page_ptr_id``), or PostgreSQL, which carries
    an equality across a join but no inequality, walks the page table from its first id."""
    queryset = queryset.filter(pk__gt=after)
    for parent in queryset.model._meta.parents:
        table, column = (connection.ops.quote_name(name) for name in (parent._meta.db_table, "id"))
        # Names from the model's metadata, quoted; the value is a parameter.
        bound = RawSQL(f"{table}.{column} > %s", [after], output_field=models.BooleanField())  # noqa: S611
        queryset = queryset.filter(bound)
    return queryset.order_by("pk")


class BoundedPagination(WagtailPagination):
    """Two ways through a listing, both ordered by id unless ``order`` or ``search`` says otherwise.

    - ``offset`` (≤ MAX_OFFSET) and ``limit`` (≤ WAGTAILAPI_LIMIT_MAX), as Wagtail's: the answer's
      ``meta.total_count`` counts every match, which costs a scan of them on each request.
    - ``after=<id>``: the ``limit`` items whose id follows ``after`` — one index range, the same
      cost on the first page and the five-thousandth, and no item skipped or repeated when
      products are added during a harvest. No count; ``meta.next`` is the URL of the next page
      (null at the end), and every offset answer in id order carries one too to switch over.
    """

    def paginate_queryset(self, queryset, request, view=None):
        limit_max = settings.WAGTAILAPI_LIMIT_MAX
        offset = number(request.GET, "offset", default=0, maximum=MAX_OFFSET)  # read first, as before
        limit = number(request.GET, "limit", default=min(20, limit_max), maximum=limit_max)
        self.view, self.request, self.total_count, self.next_after = view, request, None, None
        by_id = not {"order", "search"} & set(request.GET)
        if "after" in request.GET:
            if not by_id or "offset" in request.GET:
                raise bad_request(_("after không dùng cùng offset, order hay search."))
            after = number(request.GET, "after", maximum=2**63 - 1)
            page = list(after_id(queryset, after)[:limit])
        else:
            self.total_count = api_counts.total_count(queryset, request)
            page = list((queryset.order_by("pk") if by_id else queryset)[offset : offset + limit])
        if by_id and page and len(page) == limit:
            self.next_after = page[-1].pk
        return page

    def next_url(self):
        if self.next_after is None:
            return None
        params = self.request.GET.copy()
        params.pop("offset", None)
        params["after"] = str(self.next_after)
        return absolute_url(f"{self.request.path}?{params.urlencode()}")

    def get_paginated_response(self, data):
        meta = {} if "after" in self.request.GET else {"total_count": self.total_count}
        meta["next"] = self.next_url()
        return Response({"meta": meta, "items": data})


def search_words(text):
    """The words of a search string: letters, marks, digits and apostrophes; the rest separates.

    Quotes, brackets, ``*`` and the like are search-engine syntax; as plain separators they
    can no longer break the SQLite or PostgreSQL query.
    """
    text = unicodedata.normalize("NFC", text)
    cleaned = "".join(
        char if char in APOSTROPHES or unicodedata.category(char)[0] in "LMN" else " " for char in text
    )
    return [word for word in cleaned.split() if any(c not in APOSTROPHES for c in word)]


class WordSearchFilter(BaseFilterBackend):
    """``?search=``: at most MAX_SEARCH_CHARS characters and MAX_SEARCH_WORDS words."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        text = request.GET["search"]
        if len(text) > MAX_SEARCH_CHARS:
            raise bad_request(_("search quá dài (tối đa %(n)d ký tự).") % {"n": MAX_SEARCH_CHARS})
        words = search_words(text)
        if not words:
            raise bad_request(_("search cần ít nhất một từ."))
        if len(words) > MAX_SEARCH_WORDS:
            raise bad_request(_("search có quá nhiều từ (tối đa %(n)d).") % {"n": MAX_SEARCH_WORDS})
        operator = request.GET.get("search_operator") or None
        if operator not in (None, "and", "or"):
            raise bad_request(_("search_operator phải là and hoặc or."))
        if getattr(queryset, "_filtered_by_tag", False):
            raise bad_request(_("Không thể vừa lọc theo thẻ vừa tìm kiếm."))
        try:
            return get_search_backend().search(
                " ".join(words), queryset, operator=operator, order_by_relevance="order" not in request.GET
            )
        except (FilterFieldError, OrderByFieldError) as error:
            raise bad_request(_("Không thể tìm kiếm kèm %(field)s.") % {"field": error.field_name})


class NoRandomOrderingFilter(OrderingFilter):
    """``order=random`` sorts the whole table for one page of results: not offered."""

    def filter_queryset(self, request, queryset, view):
        if "random" in (request.GET.get("order") or "").split(","):
            raise bad_request(_("order=random không được hỗ trợ."))
        return super().filter_queryset(request, queryset, view)


class CheckedFieldsFilter(FieldsFilter):
    """Wagtail's ``?field=value`` filters, with a value the field cannot hold answered by a 400."""

    def filter_queryset(self, request, queryset, view):
        fields = set(view.get_available_fields(queryset.model, db_fields_only=True))
        fields.discard("locale")  # a language code, read by Wagtail's LocaleFilter (as FieldsFilter does)
        for name in request.GET:
            maximum = _integer_column(queryset.model, name) if name in fields else None
            if maximum is not None:
                number(request.GET, name, maximum=maximum)
        try:
            return super().filter_queryset(request, queryset, view)
        except (ValidationError, ValueError, TypeError, OverflowError) as error:
            messages = getattr(error, "messages", None) or [str(error)]
            raise bad_request(_("Giá trị lọc không hợp lệ: %(reason)s") % {"reason": " ".join(messages)})


def filterable(model, name):
    """A plain column: FieldsFilter may match it. Relations to many rows and StreamFields are not."""
    if name in PRODUCT_FILTERS and issubclass(model, ProductPage):
        return False  # read as register slugs by RegisterFilter
    try:
        field = model._meta.get_field(name)
    except Exception:  # noqa: BLE001 -- FieldDoesNotExist, or a related name Django cannot resolve
        return True
    if field.many_to_many or field.one_to_many or not getattr(field, "concrete", False):
        return False
    return field.get_internal_type() not in {"JSONField", "StreamField"}


def _slugs(params, name):
    values = [value.strip() for raw in params.getlist(name) for value in raw.split(",")]
    values = [value for value in values if value]
    if not values:
        raise bad_request(_("%(name)s cần ít nhất một mã.") % {"name": name})
    if len(values) > MAX_FILTER_VALUES:
        raise bad_request(
            _("%(name)s nhận tối đa %(n)d mã.") % {"name": name, "n": MAX_FILTER_VALUES},
        )
    return sorted(set(values))


def _unknown(name, unknown):
    shown = ", ".join(value[:40] for value in sorted(unknown)[:5])
    return bad_request(_("Giá trị không hợp lệ cho %(name)s: %(values)s.") % {"name": name, "values": shown})


class RegisterFilter(BaseFilterBackend):
    """``?area=II&unit=bao-kon-tum&topic=upr,evfta&language=bdq``: register slugs, checked.

    Several values of one filter (repeated or comma-separated) mean any of them; different
    filters must all hold. ``format=json`` and ``format=api`` still choose the renderer.
    """

    def filter_queryset(self, request, queryset, view):
        names = [
            name for name in request.GET if name in PRODUCT_FILTERS and not is_renderer_choice(request, name)
        ]
        if names and not issubclass(queryset.model, ProductPage):
            raise bad_request(
                _("Lọc theo %(name)s chỉ dùng cho sản phẩm (type=products.ProductPage).") % {"name": names[0]}
            )
        for name in names:
            values = _slugs(request.GET, name)
            if name == "language":
                unknown = set(values) - set(languages.CODES)
                if unknown:
                    raise _unknown(name, unknown)
                queryset = queryset.filter(language__in=values)
                continue
            model, lookup = REGISTER_FILTERS[name]
            found = list(model.objects.filter(slug__in=values))
            unknown = set(values) - {obj.slug for obj in found}
            if unknown:
                raise _unknown(name, unknown)
            queryset = queryset.filter(pk__in=ProductPage.objects.filter(**{lookup: found}).values("pk"))
        return queryset


def is_renderer_choice(request, name):
    return name == "format" and request.GET.get("format") in RENDERER_FORMATS


RENDERER_FORMATS = frozenset({"json", "api"})


class _FormatIsAFilter:
    """DRF's settings with the ``?format=`` renderer override switched off."""

    URL_FORMAT_OVERRIDE = None

    def __getattr__(self, name):
        return getattr(api_settings, name)


class RendererOrProductFormat(DefaultContentNegotiation):
    """``?format=json|api`` chooses the renderer; any other ``?format=`` is a product format slug."""

    def select_renderer(self, request, renderers, format_suffix=None):
        if request.query_params.get(api_settings.URL_FORMAT_OVERRIDE) not in RENDERER_FORMATS:
            self.settings = _FormatIsAFilter()
        return super().select_renderer(request, renderers, format_suffix)
