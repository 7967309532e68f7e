"""``sitemap.xml``: every public page of every language, with its translations as alternates.

Wagtail's ``Sitemap`` lists the default site's root and its descendants, which here is only
the Vietnamese tree (each language's home is a sibling of the Vietnamese one). This one
lists all live public pages below the tree root and, per page of the sitemap, finds the
translations of all its pages in one query for the ``xhtml:link`` alternates.

Every URL in it is on the configured site root (``products.site_root``): Django's sitemap views
would name the request's Host. The views below also read the page number ``?p=`` with the
portal's one number reader: a bad one is a 400, a page past the end a 404.
"""

from collections import defaultdict

from django.contrib.sitemaps import views as django_views
from django.core.exceptions import BadRequest
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import http_date
from django.utils.translation import gettext as _
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps import views as wagtail_views
from wagtail.models import Page

from products.params import NotAWholeNumber, whole_number
from products.site_root import absolute_url

# Each <url> may carry up to 14 alternates: keep a sitemap page well under 50 MB.
PAGE_SIZE = 5000
MAX_SITEMAP_PAGE = 10_000


class PortalSitemap(Sitemap):
    limit = PAGE_SIZE

    def items(self):
        return (
            Page.objects.live()
            .public()
            .filter(depth__gt=1)
            .select_related("locale")
            .only("pk", "path", "url_path", "depth", "translation_key", "locale", "last_published_at")
            .order_by("path")
        )

    def _alternates(self, pages):
        keys = {page.translation_key for page in pages}
        versions = defaultdict(list)
        translations = (
            Page.objects.live()
            .public()
            .filter(translation_key__in=keys)
            .select_related("locale")
            .only("pk", "path", "url_path", "depth", "translation_key", "locale")
        )
        for translation in translations:
            versions[translation.translation_key].append(translation)
        return versions

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        versions = self._alternates(pages)
        urls, last_mods = [], set()
        for item in pages:
            location = self._absolute(item)
            if not location:
                continue
            alternates = [
                {"lang_code": other.locale.language_code, "location": self._absolute(other)}
                for other in versions[item.translation_key]
            ]
            if len(alternates) > 1:
                default = self._x_default(item, alternates)
                if default:
                    alternates.append({"lang_code": "x-default", "location": default})
            else:
                alternates = []
            urls.append(
                {
                    "item": item,
                    "location": location,
                    "lastmod": item.last_published_at,
                    "alternates": alternates,
                }
            )
            last_mods.add(item.last_published_at)
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls

    def _absolute(self, page):
        """The page's URL on the site root, as the portal's canonical links are."""
        return absolute_url(page.get_url(self.request) or "")

    def _x_default(self, item, alternates):
        """The language chooser for the homes, the Vietnamese version for the rest."""
        if item.depth == 2:
            return absolute_url("/")
        return next((a["location"] for a in alternates if a["lang_code"] == "vi"), "")


@django_views.x_robots_tag
def index(request, sitemaps, sitemap_url_name):
    """``/sitemap.xml``: Django's index (and its Last-Modified), each section named on the site root."""
    items = []
    for section, sitemap in wagtail_views.prepare_sitemaps(request, sitemaps).items():
        url = absolute_url(reverse(sitemap_url_name, kwargs={"section": section}))
        lastmod = sitemap.get_latest_lastmod()
        items.append(django_views.SitemapIndexItem(url, lastmod))
        pages = range(2, sitemap.paginator.num_pages + 1)
        items += [django_views.SitemapIndexItem(f"{url}?p={number}", lastmod) for number in pages]
    lastmods = [item.last_mod for item in items]
    headers = None
    if lastmods and None not in lastmods:
        headers = {"Last-Modified": http_date(max(lastmods).timestamp())}
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": items}, content_type="application/xml", headers=headers
    )


def sitemap(request, sitemaps, section):
    """One section's page ``?p=``: Django's view, after the page number is checked."""
    try:
        whole_number(request.GET.get("p"), minimum=1, maximum=MAX_SITEMAP_PAGE, default=1)
    except NotAWholeNumber as error:
        raise BadRequest(
            _("Số trang không hợp lệ: “%(value)s”.") % {"value": request.GET["p"][:20]}
        ) from error
    return django_views.sitemap(request, wagtail_views.prepare_sitemaps(request, sitemaps), section=section)
