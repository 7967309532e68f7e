"""The podcast feeds: RSS 2.0 with the tags podcast apps read (iTunes and Podcasting 2.0).

Django's syndication framework writes the RSS (the portal's other feeds use it too); the
generator below adds the two namespaces and their tags, at the channel (artwork, author,
category, ``itunes:explicit``, ``podcast:guid``, ``podcast:locked``) and per episode
(``itunes:duration``, ``podcast:transcript``). The enclosure is the episode's first audio or
video file: its public ``/media/`` URL, its size in bytes and the MIME type ``/media/`` sends
it with. A file that is missing from the storage leaves its episode out (an app cannot play it).
"""

import uuid

from django.templatetags.static import static
from django.urls import reverse
from django.utils.feedgenerator import Enclosure, Rss201rev2Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from home import podcasts
from home.feeds import ProductFeed
from home.languages import chrome_language, register_name
from products import languages
from products.ranges import content_type
from products.site_root import absolute_url

ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
PODCAST = "https://podcastindex.org/namespace/1.0"
# Podcasting 2.0's namespace for podcast:guid (a UUIDv5 of the feed's URL without its scheme).
PODCAST_GUID_NAMESPACE = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")
ARTWORK = "podcast-artwork.png"  # 1400 × 1400, the smallest square Apple Podcasts takes


class PodcastRssFeed(Rss201rev2Feed):
    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:itunes": ITUNES, "xmlns:podcast": PODCAST}

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        feed = self.feed
        handler.startElement("image", {})
        for name, value in (("url", feed["artwork"]), ("title", feed["title"]), ("link", feed["link"])):
            handler.addQuickElement(name, value)
        handler.endElement("image")
        handler.addQuickElement("itunes:image", None, {"href": feed["artwork"]})
        handler.addQuickElement("itunes:author", feed["author"])
        handler.addQuickElement("itunes:summary", feed["description"])
        handler.addQuickElement("itunes:category", None, {"text": "Government"})
        handler.addQuickElement("itunes:explicit", "false")
        handler.addQuickElement("itunes:type", "episodic")
        handler.addQuickElement("podcast:guid", feed["podcast_guid"])
        # Public communication: any directory may list and copy these feeds.
        handler.addQuickElement("podcast:locked", "no")

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item["duration"]:
            handler.addQuickElement("itunes:duration", str(item["duration"]))
        handler.addQuickElement("itunes:explicit", "false")
        handler.addQuickElement("itunes:episodeType", "full")
        if item["transcript"]:
            attrs = {"url": item["transcript"], "type": "text/plain", "language": item["language"]}
            handler.addQuickElement("podcast:transcript", None, attrs)


def enclosure(product):
    """(Enclosure, media) of the product's first audio/video file, or None if it is missing."""
    media = product.media[0].media
    try:
        size = media.file.size
    except OSError:
        return None
    return Enclosure(absolute_url(media.file.url), str(size), content_type(media.file.name)), media


class PodcastFeed(ProductFeed):
    """A language's podcast: every public episode in it, of every programme."""

    feed_type = PodcastRssFeed

    def get_object(self, request, **kwargs):
        code = get_language()
        return self.build(request, code, podcasts.episodes(code), title=_("Podcast"), author=None)

    def build(self, request, code, products, *, title, author):
        items = []
        products = list(products[: podcasts.MAX_EPISODES])
        transcripts = reverse("portal_podcast_transcript", kwargs={"product_id": 0}).removesuffix("0.txt")
        for product, url in zip(products, podcasts.page_urls(request, products), strict=True):
            found = enclosure(product)
            if found is not None:
                product.podcast_enclosure, product.podcast_media = found
                product.podcast_link = absolute_url(url)
                product.podcast_transcript = absolute_url(f"{transcripts}{product.pk}.txt")
                items.append(product)
        feed_url = absolute_url(request.path)
        name = languages.get(code).local_name
        return {
            "code": code,
            "items": items,
            "title": title if author else " — ".join([_("Truyền thông Nhân quyền"), title, name]),
            "author": author or _("Truyền thông Nhân quyền"),
            "listing_url": absolute_url(reverse("portal_podcasts")),
            "feed_url": feed_url,
        }

    def title(self, obj):
        return obj["title"]

    def description(self, obj):
        return _("Phóng sự, kịch truyền thanh, podcast và video về quyền con người: %(title)s.") % {
            "title": obj["title"]
        }

    def items(self, obj):
        return obj["items"]

    def item_link(self, item):
        return item.podcast_link

    def item_enclosures(self, item):
        return [item.podcast_enclosure]

    def feed_extra_kwargs(self, obj):
        scheme_less = obj["feed_url"].split("://", 1)[-1].rstrip("/")
        return {
            "artwork": absolute_url(static(ARTWORK)),
            "author": obj["author"],
            "podcast_guid": str(uuid.uuid5(PODCAST_GUID_NAMESPACE, scheme_less)),
        }

    def item_extra_kwargs(self, item):
        return {
            "duration": round(item.podcast_media.duration or 0),
            "transcript": item.podcast_transcript if item.has_transcript else "",
            "language": item.language,
        }


class ProgrammeFeed(PodcastFeed):
    """One programme: a unit's episodes of one format in one language."""

    def get_object(self, request, unit, format):
        code = get_language()
        unit, format = podcasts.programme_or_404(unit, format)
        programme = podcasts.Programme(unit, format, 0, code)
        products = podcasts.episodes(code, unit=unit, format=format)
        author = register_name(unit, chrome_language(code))[0]
        return self.build(request, code, products, title=programme.title(), author=author)
