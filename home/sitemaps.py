"""``sitemap.xml``: every public page of every language, with its translations as alternates.

Wagtail's ``Sitemap`` lists the default site's root and its descendants, which here is only
the Vietnamese tree (each language's home is a sibling of the Vietnamese one). This one
lists all live public pages below the tree root and, per page of the sitemap, finds the
translations of all its pages in one query for the ``xhtml:link`` alternates.
"""

from collections import defaultdict

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

# Each <url> may carry up to 14 alternates: keep a sitemap page well under 50 MB.
PAGE_SIZE = 5000


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
        """The page's URL on the host the sitemap was asked from, as the portal's links are."""
        url = page.get_url(self.request)
        return self.request.build_absolute_uri(url) if url else ""

    def _x_default(self, item, alternates):
        """The language chooser for the homes, the Vietnamese version for the rest."""
        if item.depth == 2:
            return self.request.build_absolute_uri("/")
        return next((a["location"] for a in alternates if a["lang_code"] == "vi"), "")
