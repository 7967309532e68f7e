"""Reading and checking search parameters (shared by the page and the JSON API)."""

from django.utils.translation import gettext as _

from products import languages
from search.engines.base import FILTERS, SORTS, SearchQuery

MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20
MAX_QUERY_CHARS = 500


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


def _int(value, name):
    try:
        return int(value)
    except (TypeError, ValueError):
        raise BadParameter(_("Tham số %(name)s phải là số nguyên.") % {"name": name})


def parse(params, reader_language=""):
    """A SearchQuery from GET parameters; raises BadParameter with a message."""
    q = (params.get("q") or "").strip()
    if len(q) > MAX_QUERY_CHARS:
        raise BadParameter(_("Từ khóa quá dài (tối đa %(n)d ký tự).") % {"n": MAX_QUERY_CHARS})
    filters = {}
    registers = None
    for name in FILTERS:
        values = [v.strip() for v in params.getlist(name) if v.strip()]
        if not values:
            continue
        if name == "language":
            unknown = [v for v in values if v not in languages.CODES]
        elif name == "year":
            unknown = [v for v in values if not (v.isdigit() and 1900 <= int(v) <= 2100)]
        else:
            registers = registers or register_slugs()
            known = set(registers[name].objects.filter(slug__in=values).values_list("slug", flat=True))
            unknown = [v for v in values if v not in known]
        if unknown:
            raise BadParameter(
                _("Giá trị không hợp lệ cho %(name)s: %(values)s.")
                % {"name": name, "values": ", ".join(unknown)}
            )
        filters[name] = sorted(set(values))
    sort = params.get("sort") or "relevance"
    if sort not in SORTS:
        raise BadParameter(_("Cách sắp xếp phải là relevance hoặc date."))
    page = _int(params.get("page") or 1, "page")
    if page < 1:
        raise BadParameter(_("Số trang phải từ 1 trở lên."))
    page_size = _int(params.get("page_size") or DEFAULT_PAGE_SIZE, "page_size")
    if not 1 <= page_size <= MAX_PAGE_SIZE:
        raise BadParameter(_("page_size phải từ 1 đến %(n)d.") % {"n": MAX_PAGE_SIZE})
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
