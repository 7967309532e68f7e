"""Template tags for the portal's chrome: language, alternates, switcher, meta and feeds.

``{% portal_head as portal %}`` is called once by ``base.html``; everything the ``<head>``
and the language switcher need is computed there, from the page's live public
translations (one query) or, for views that are not Wagtail pages, from the URL.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django import template
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from home import languages as portal_languages
from home import podcasts
from products import languages
from products.site_root import absolute_url

register = template.Library()

DESCRIPTION_CHARS = 160


@dataclass
class Switch:
    language: languages.Language
    url: str
    translated: bool  # False: this language has no version of the page; the link goes home
    current: bool = False


@dataclass
class Head:
    language: str
    ui: str
    page: object = None  # the Wagtail page, or None (search's context has an int "page")
    canonical: str = ""
    description: str = ""
    og_type: str = "website"
    og_image: str = ""
    alternates: list = field(default_factory=list)  # (hreflang, absolute url)
    switches: list = field(default_factory=list)
    feeds: list = field(default_factory=list)  # (title, type, url)
    translations: list = field(default_factory=list)  # (code, url, title), the page excluded


@register.simple_tag
def chrome_language():
    return portal_languages.chrome_language(get_language() or languages.DEFAULT)


@register.simple_tag
def register_label(obj, ui, prefix_slug=False):
    """A register row's name, wrapped in ``<span lang>`` when it is not in the chrome's language."""
    name, lang = portal_languages.register_name(obj, ui)
    if prefix_slug and obj is not None:
        name = f"{obj.slug}. {name}"
    if lang == ui:
        return name
    return format_html('<span lang="{}">{}</span>', lang, name)


def _switch_url(code, target):
    return f"/language/{code}/?{urlencode({'next': target})}"


def _page_versions(page, request, query, head):
    """{language code: page url} of the page's live public translations, itself included;
    ``head.translations`` keeps the others (code, url, title) for the product page."""
    versions = {}
    for translation in page.get_translations(inclusive=True).live().public().select_related("locale"):
        url = translation.get_url(request)
        if url:
            code = translation.locale.language_code
            versions[code] = url + (f"?{query}" if query else "")
            if translation.pk != page.pk:
                head.translations.append((code, versions[code], translation.title))
    return versions


def _path_versions(request, current):
    """The same path in every language, for views that exist in all of them (search)."""
    rest = request.get_full_path()[len(current) + 1 :]
    return {code: f"/{code}{rest}" for code in languages.CODES}


def _homes():
    return {code: f"/{code}/" for code in languages.CODES}


def _x_default(page, versions):
    if page is not None and page.depth == 2:
        return absolute_url("/")
    return absolute_url(versions.get(languages.DEFAULT, ""))


def _description(context, page):
    if page is not None:
        text = getattr(page, "search_description", "") or getattr(page, "summary", "") or ""
        text = text or getattr(page, "intro", "")
        if text:
            return Truncator(" ".join(text.split())).chars(DESCRIPTION_CHARS)
    return context.get("meta_description") or _(
        "Kho lưu trữ số các sản phẩm truyền thông về quyền con người của tỉnh."
    )


def _feeds(code, filter_query, heading):
    suffix = f"?{filter_query}" if filter_query else ""
    return [
        (heading, "application/rss+xml", f"/{code}/feeds/rss/{suffix}"),
        (heading, "application/atom+xml", f"/{code}/feeds/atom/{suffix}"),
    ]


@register.simple_tag(takes_context=True)
def portal_head(context):
    request = context["request"]
    page = context.get("page") if hasattr(context.get("page"), "get_translations") else None
    code = get_language() or languages.DEFAULT
    head = Head(language=code, ui=portal_languages.chrome_language(code), page=page)
    query = context.get("filter_query", "")
    if context.get("is_error"):
        versions = _homes()
    elif page is not None:
        versions = _page_versions(page, request, query, head)
        number = getattr(context.get("products"), "number", 1)
        paged = f"{'&' if query else '?'}page={number}" if number > 1 else ""
        head.canonical = absolute_url(versions.get(code, page.url) + paged)
        if len(versions) > 1:
            head.alternates = [(c, absolute_url(u)) for c, u in versions.items()]
            x_default = _x_default(page, versions)
            if x_default:
                head.alternates.append(("x-default", x_default))
    else:
        versions = _path_versions(request, code)
    head.description = _description(context, page)
    head.switches = [
        Switch(
            lang,
            _switch_url(lang.code, versions.get(lang.code) or f"/{lang.code}/"),
            translated=lang.code in versions,
            current=lang.code == code,
        )
        for lang in languages.LANGUAGES
    ]
    if page is not None and hasattr(page, "first_published"):
        head.og_type = "article"
        head.og_image = _og_image(page)
    heading = filter_summary(context.get("filters") or {}, head.ui)
    head.feeds = _feeds(code, query, heading or _("Sản phẩm mới"))
    head.feeds += [(title, "application/rss+xml", url) for title, url in context.get("podcast_feeds", ())]
    if page is not None and hasattr(page, "first_published"):
        head.feeds += _episode_feeds(page, head.ui)
    return head


def _episode_feeds(page, ui):
    """A radio or TV product's programme podcast (its unit × format), to subscribe from its page."""
    if not any(attachment.media_id for attachment in product_attachments(page)):
        return []
    url = podcasts.programme_feed_url(page)
    if not url:
        return []
    title = podcasts.Programme(page.unit, page.format, 0, page.language).title(ui)
    return [(title, "application/rss+xml", url)]


def _og_image(page):
    for attachment in product_attachments(page):
        if attachment.image_id:
            rendition = attachment.image.get_rendition("fill-1200x630|format-jpeg|jpegquality-80")
            return absolute_url(rendition.url)
    return ""


@register.simple_tag
def og_locale(code):
    return portal_languages.og_locale(code)


@register.filter
def language_name(code):
    """A content language's name in itself (``bdq`` → Bahnar)."""
    language = languages.BY_CODE.get(code)
    return language.local_name if language else code


@register.simple_tag
def filter_options(form, name, ui):
    """(value, label, lang, selected) for a listing filter's <select>, names in the reader's terms.

    Units and years are those the listing offers (``form.offered``), plus the one selected.
    """
    bound = form[name]
    selected = str(bound.value() or "")
    offered = form.offered.get(name)
    if name == "year":
        years = [str(y) for y in offered]
        if selected and selected not in years:
            years.append(selected)
        return [("", _("Tất cả"), "", not selected)] + [(y, y, "", y == selected) for y in years]
    queryset = bound.field.queryset if offered is None else offered
    options = [("", _("Tất cả"), "", not selected)]
    rows = list(queryset)
    if selected and selected not in {row.slug for row in rows}:
        rows += list(bound.field.queryset.filter(slug=selected))
    for row in rows:
        label, lang = portal_languages.register_name(row, ui)
        if name == "area":
            label = f"{row.slug}. {label}"
        options.append((row.slug, label, lang if lang != ui else "", row.slug == selected))
    return options


@register.simple_tag
def filter_summary(filters, ui):
    """A listing's filters in words, for its title and its feed's: "III. … · Video · 2024"."""
    parts = []
    for name in ("area", "format", "unit"):
        obj = filters.get(name)
        if obj is not None:
            label = portal_languages.register_name(obj, ui)[0]
            parts.append(f"{obj.slug}. {label}" if name == "area" else label)
    if filters.get("year"):
        parts.append(str(filters["year"]))
    return " · ".join(parts)


@register.simple_tag
def product_attachments(page):
    """The product's attachments with their files, fetched once per page (template and og:image)."""
    if not hasattr(page, "_portal_attachments"):
        page._portal_attachments = list(page.attachments.select_related("image", "media", "document"))
    return page._portal_attachments


@register.simple_tag
def product_publications(page):
    return page.publications.select_related("channel")
