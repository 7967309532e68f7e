"""Reading and checking search parameters (shared by the page and the JSON API).

Every value is bounded before an engine sees it: the query's length and word count, how many
values a filter takes and how long each is, and how deep the pages go (``MAX_RESULT_WINDOW``,
Elasticsearch's own default). Numbers are read by ``products.params.whole_number`` (ASCII
digits only: ``int()`` would also take "١٢" or "1_0", and "²" crashes it), and a NUL or a lone
surrogate, which PostgreSQL cannot store, is refused here too. Anything refused raises
``BadParameter``, which the views answer with a 400.
"""

from django.utils.translation import gettext as _

from products import languages
from products.params import NotAWholeNumber, whole_number
from search.engines.base import FILTERS, SORTS, SearchQuery

MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20
MAX_QUERY_CHARS = 500
MAX_QUERY_WORDS = 32
MAX_FILTER_VALUES = 50
MAX_VALUE_CHARS = 100
MAX_RESULT_WINDOW = 10_000
FIRST_YEAR, LAST_YEAR = 1900, 2100


class BadParameter(ValueError):
    """A parameter the archive cannot answer; the message is for the user."""


def register_slugs():
    from products.models import Channel, ContentArea, Format, Topic, Unit

    return {
        "area": ContentArea,
        "unit": Unit,
        "format": Format,
        "channel": Channel,
        "topic": Topic,
    }


def register_names():
    """{facet: {slug: display name}} for the registers (names in the active language)."""
    names = {
        name: {obj.slug: str(obj) for obj in model.objects.all()} for name, model in register_slugs().items()
    }
    names["language"] = {lang.code: lang.local_name for lang in languages.LANGUAGES}
    return names


def _int(params, name, *, minimum, maximum, default):
    try:
        return whole_number(params.get(name), minimum=minimum, maximum=maximum, default=default)
    except NotAWholeNumber as error:
        raise BadParameter(f"{name}: {error}") from None


def _is_year(value):
    try:
        whole_number(value, minimum=FIRST_YEAR, maximum=LAST_YEAR)
    except NotAWholeNumber:
        return False
    return True


def _check_storable(params):
    """NUL and lone surrogates: text no database column holds."""
    for name, values in params.lists():
        for value in [name, *values]:
            if "\x00" in value or _has_surrogate(value):
                raise BadParameter(
                    _("Tham số %(name)s có ký tự không hợp lệ (NUL hoặc mã thay thế lẻ).")
                    % {"name": name[:40].encode("utf-8", "replace").decode()}
                )


def _has_surrogate(value):
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _query_text(params):
    q = (params.get("q") or "").strip()
    if len(q) > MAX_QUERY_CHARS:
        raise BadParameter(_("Từ khóa q quá dài (tối đa %(n)d ký tự).") % {"n": MAX_QUERY_CHARS})
    if len(q.split()) > MAX_QUERY_WORDS:
        raise BadParameter(_("Từ khóa q có quá nhiều từ (tối đa %(n)d).") % {"n": MAX_QUERY_WORDS})
    return q


def _unknown_values(name, values, registers):
    if name == "language":
        return [v for v in values if v not in languages.CODES]
    if name == "year":
        return [v for v in values if not _is_year(v)]
    known = set(registers[name].objects.filter(slug__in=values).values_list("slug", flat=True))
    return [v for v in values if v not in known]


def _filter_values(params, name, registers):
    """The checked values of one filter, or [] when it is not given."""
    values = [v.strip() for v in params.getlist(name) if v.strip()]
    if len(values) > MAX_FILTER_VALUES:
        raise BadParameter(_("%(name)s nhận tối đa %(n)d giá trị.") % {"name": name, "n": MAX_FILTER_VALUES})
    unknown = [v for v in values if len(v) > MAX_VALUE_CHARS]
    if values and not unknown:
        unknown = _unknown_values(name, values, registers)
    if unknown:
        shown = ", ".join(v[:40] for v in unknown[:5])
        raise BadParameter(
            _("Giá trị không hợp lệ cho %(name)s: %(values)s.") % {"name": name, "values": shown}
        )
    return sorted(set(values))


def _paging(params):
    page = _int(params, "page", minimum=1, maximum=MAX_RESULT_WINDOW, default=1)
    page_size = _int(params, "page_size", minimum=1, maximum=MAX_PAGE_SIZE, default=DEFAULT_PAGE_SIZE)
    if page * page_size > MAX_RESULT_WINDOW:
        raise BadParameter(
            _("Chỉ xem được %(n)d kết quả đầu tiên (page × page_size); hãy thu hẹp tìm kiếm.")
            % {"n": MAX_RESULT_WINDOW}
        )
    return page, page_size


def parse(params, reader_language=""):
    """A SearchQuery from GET parameters; raises BadParameter with a message."""
    _check_storable(params)
    q = _query_text(params)
    registers = register_slugs()
    filters = {}
    for name in FILTERS:
        values = _filter_values(params, name, registers)
        if values:
            filters[name] = values
    sort = params.get("sort") or "relevance"
    if sort not in SORTS:
        raise BadParameter(_("Cách sắp xếp (sort) phải là relevance hoặc date."))
    page, page_size = _paging(params)
    return SearchQuery(
        q=q, filters=filters, sort=sort, page=page, page_size=page_size, reader_language=reader_language
    )


def check_page(query, count):
    """Page beyond the last one (when there are results) is a bad parameter."""
    last = max(1, -(-count // query.page_size))
    if query.page > last:
        raise BadParameter(
            _("Trang %(page)d vượt quá số trang (%(last)d).") % {"page": query.page, "last": last}
        )
    return last
