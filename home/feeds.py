"""RSS and Atom feeds of a language's newest products, with a listing's filters.

``/<lang>/feeds/rss/?area=III&unit=bao-kon-tum`` is the feed of the listing
``/<lang>/san-pham/?area=III&unit=bao-kon-tum``: the same ``ListingFilter`` reads both, so
a feed per language, per content area, per format, per unit and per year (and any
combination) costs no extra code. Built on Django's syndication framework.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from home.languages import chrome_language, register_name
from home.templatetags.portal import filter_summary
from products import languages
from products.listing import UNLISTED, ListingFilter, apply_filters, filter_query, year_range
from products.models import ProductIndexPage, ProductPage
from products.site_root import absolute_url

ITEMS = 30


class ProductFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request):
        code = get_language()
        products = ProductPage.objects.public_listing().filter(language=code)
        filters = ListingFilter(request.GET, years=year_range(products)).cleaned_or_400()
        index = ProductIndexPage.objects.live().filter(locale__language_code=code).first()
        query = filter_query(filters)
        suffix = f"?{query}" if query else ""
        listing_url = (index.get_url(request) if index else f"/{code}/") + suffix
        return {
            "code": code,
            "ui": chrome_language(code),
            "filters": filters,
            "products": apply_filters(products, filters).defer(*UNLISTED)[:ITEMS],
            "listing_url": absolute_url(listing_url),
            "feed_url": absolute_url(request.path + suffix),
        }

    def title(self, obj):
        summary = filter_summary(obj["filters"], obj["ui"])
        name = languages.get(obj["code"]).local_name
        parts = [_("Truyền thông Nhân quyền"), name, *([summary] if summary else [])]
        return " — ".join(parts)

    # Links are absolute on the configured site root: the syndication framework would put the
    # request's Host before a path (products.site_root says why not).
    def link(self, obj):
        return obj["listing_url"]

    def feed_url(self, obj):
        return obj["feed_url"]

    def description(self, obj):
        return _("Sản phẩm truyền thông về quyền con người mới nhất.")

    def items(self, obj):
        return obj["products"]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return absolute_url(item.url)

    def item_guid(self, item):
        return f"product-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        if item.first_published is None:
            return item.last_published_at
        return timezone.make_aware(datetime.datetime.combine(item.first_published, datetime.time(12)))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        ui = chrome_language(item.language)
        return [register_name(obj, ui)[0] for obj in (item.area, item.format) if obj is not None]


class ProductAtomFeed(ProductFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj):
        return self.description(obj)
