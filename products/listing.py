"""Public listings of products: filters by area, format, unit and year, and pages of them.

The products index and each unit section list products through ``listing_context``; the
portal's feeds read the same ``ListingFilter``, so a listing and its feed always agree.
A bad parameter is a 400 with a message (``BadRequest``), a page past the end a 404:
never a silent fall-back to page 1.
"""

import json
from functools import cached_property

from django import forms
from django.core.exceptions import BadRequest
from django.core.paginator import EmptyPage, Page, Paginator
from django.db import connection
from django.http import Http404, QueryDict
from django.utils.translation import gettext_lazy as _

from products.models.registers import ContentArea, Format, Unit
from products.params import NotAWholeNumber, WholeNumberField, whole_number

PER_PAGE = 20
# A bound on what a page number may look like (two million products at 20 a page), so
# that a 20-digit "page" is a bad parameter (400) and not a page past the end (404).
MAX_PAGE = 100_000
FIRST_YEAR, LAST_YEAR = 1975, 2100
FILTERS = ("area", "format", "unit", "year")
# Columns a listing, a card or a feed item never shows: left in the table, the page's rows are
# a few hundred bytes instead of whole articles (the database sorts and sends them).
UNLISTED = ("body", "transcript")
NO_CHOICE = _("Không có giá trị “%(value)s” cho bộ lọc này.")


def _by_slug(queryset, label):
    return forms.ModelChoiceField(
        queryset,
        to_field_name="slug",
        required=False,
        label=label,
        empty_label=_("Tất cả"),
    )


class ListingFilter(forms.Form):
    """The GET parameters of a listing or feed; every one optional, all combinable."""

    area = _by_slug(ContentArea.objects.all(), _("Lĩnh vực"))
    format = _by_slug(Format.objects.all(), _("Loại hình"))
    unit = _by_slug(Unit.objects.all(), _("Đơn vị"))
    year = WholeNumberField(label=_("Năm"), required=False, min_value=FIRST_YEAR, max_value=LAST_YEAR)

    def __init__(self, data, *, years=(), units=None, **kwargs):
        """``years`` and ``units`` are what the listing offers in its form; any unit and any
        plausible year are accepted, so following a listing's filters into another language
        (the language switcher keeps them) never ends in a 400."""
        super().__init__(data, **kwargs)
        self.offered = {"year": list(years), "unit": units}

    def cleaned_or_400(self):
        if not self.is_valid():
            field = next(iter(self.errors))
            value = self.data.get(field, "")[:40]
            raise BadRequest(f"{self.fields[field].label}: " + NO_CHOICE % {"value": value})
        return {name: self.cleaned_data[name] for name in FILTERS if self.cleaned_data.get(name)}


def year_range(products):
    """The years that have products in ``products``, newest first.

    The oldest and the newest date are each read as the first row of an ordered query: the
    database walks the ``first_published`` index from one end and stops at the first public
    product, where ``Min``/``Max`` over the join with the page table read every product.
    """
    dated = products.filter(first_published__isnull=False).values_list("first_published", flat=True)
    last = dated.order_by("-first_published").first()
    if last is None:
        return []
    first = dated.order_by("first_published").first()
    return list(range(last.year, first.year - 1, -1))


def apply_filters(products, filters):
    if "area" in filters:
        products = products.filter(area=filters["area"])
    if "format" in filters:
        products = products.filter(format=filters["format"])
    if "unit" in filters:
        products = products.filter(unit=filters["unit"])
    if "year" in filters:
        products = products.filter(first_published__year=filters["year"])
    return products


def filter_query(filters):
    """The filters as a query string in a fixed order: one URL per listing (canonical, feeds)."""
    query = QueryDict(mutable=True)
    for name in FILTERS:
        value = filters.get(name)
        if value is not None:
            query[name] = str(value) if name == "year" else value.slug
    return query.urlencode()


def page_number(raw):
    try:
        return whole_number(raw, minimum=1, maximum=MAX_PAGE, default=1)
    except NotAWholeNumber:
        # The listing's own message: it is translated for every portal language.
        raise BadRequest(_("Số trang không hợp lệ: “%(value)s”.") % {"value": raw[:20]}) from None


# Up to this many products a listing counts them exactly; above it, on PostgreSQL, it shows the
# database's estimate, marked as one ("khoảng"): COUNT(*) over the join read every matching row
# (60 ms for 14,000 products of 100,000, ten times that at a million) on every page.
EXACT_COUNT_UP_TO = 2000


def estimated_rows(queryset):
    """The planner's estimate of the rows ``queryset`` returns (PostgreSQL), or None."""
    if connection.vendor != "postgresql":
        return None
    return int(json.loads(queryset.explain(format="json"))[0]["Plan"]["Plan Rows"])


class ListingPage(Page):
    """A listing page that knows whether another follows from the rows it read (one more than
    it shows), not from the total, which may be an estimate."""

    def __init__(self, object_list, number, paginator, followed):
        super().__init__(object_list, number, paginator)
        self.followed = followed

    def has_next(self):
        return self.followed


class IdsFirstPaginator(Paginator):
    """Finds a page's ids first, then reads those rows; counts exactly up to EXACT_COUNT_UP_TO.

    The ids come from the listing's index alone (``product_listing``: language, date, id), so
    page 400 walks 8,000 index entries instead of sorting 8,000 whole product rows; the 20 rows
    of the page are then read by primary key with their registers. Above EXACT_COUNT_UP_TO
    matches the count is the planner's estimate where the database gives one (``estimated``):
    a page exists when it has rows, whatever the estimate says.
    """

    estimated = False

    @cached_property
    def count(self):
        exact = self.object_list.values("pk")[: EXACT_COUNT_UP_TO + 1].count()
        if exact <= EXACT_COUNT_UP_TO:
            return exact
        estimate = estimated_rows(self.object_list.values("pk"))
        if estimate is None:
            return self.object_list.count()
        self.estimated = True
        return max(round(estimate, 3 - len(str(estimate))), exact)  # three significant digits

    def validate_number(self, number):
        """A whole number; checked against the last page only when the count is exact."""
        return number if self.estimated else super().validate_number(number)

    def page(self, number):
        self.count  # noqa: B018 - counted (or estimated) before the number is checked against it
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        ids = list(self.object_list.values_list("pk", flat=True)[bottom : bottom + self.per_page + 1])
        if not ids and number > 1:
            raise EmptyPage(_("Trang này không tồn tại."))
        followed = len(ids) > self.per_page
        rows = list(self.object_list.filter(pk__in=ids[: self.per_page]))
        return ListingPage(rows, number, self, followed)


def listed(products):
    """``products`` in listing order (the ``product_listing`` index's), without ``UNLISTED``."""
    return products.order_by("-first_published", "-page_ptr_id").defer(*UNLISTED)


def paginate(products, raw_page):
    paginator = IdsFirstPaginator(listed(products), PER_PAGE)
    try:
        return paginator.page(page_number(raw_page))
    except EmptyPage:
        if page_number(raw_page) == 1:
            return paginator.page(1)  # an empty listing still has its first page
        raise Http404(_("Trang này không tồn tại."))


def listing_context(request, products, *, fixed_unit=None, units=None):
    """What a listing template needs: the filter form, one page of products, the query string.

    ``fixed_unit`` is the unit of a unit section: its listing never offers another unit.
    """
    form = ListingFilter(request.GET, years=year_range(products), units=units)
    filters = form.cleaned_or_400()
    if fixed_unit is not None:
        filters.pop("unit", None)
        del form.fields["unit"]
    page = paginate(apply_filters(products, filters), request.GET.get("page"))
    return {
        "filter_form": form,
        "filters": filters,
        "filter_query": filter_query(filters),
        "products": page,
    }
