"""The podcast feeds: RSS 2.0 with the tags podcast apps read (iTunes and Podcasting 2.0).

Django's syndication framework writes the RSS (the portal's other feeds use it too); the
generator below adds the two namespaces and their tags, at the channel (artwork, author,
category, ``itunes:explicit``, ``podcast:guid``, ``podcast:locked``) and per episode
(``itunes:duration``, ``podcast:transcript``). The enclosure is the episode's first audio or
video file: its public ``/media/`` URL, its size in bytes and the MIME type ``/media/`` sends
it with. A file that is missing from the storage leaves its episode out (an app cannot play it).

A feed lists up to 2,000 episodes uncached in well under a second: the episodes are plain rows
(``home.podcasts.feed_episodes``), not pages, and ``QuickXMLGenerator`` writes Django's bytes
with a write per element instead of five (README, benchmarks: 316 → ~120 ms CPU for 1,001).
"""

import io
import re
import uuid
from xml.sax.saxutils import escape, quoteattr

from django.templatetags.static import static
from django.urls import reverse
from django.utils.feedgenerator import Enclosure, Rss201rev2Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.utils.xmlutils import SimplerXMLGenerator, UnserializableContentError
from wagtailmedia.models import get_media_model

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
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0B-\x0C\x0E-\x1F]")  # as SimplerXMLGenerator.characters
ARTWORK = "podcast-artwork.png"  # 1400 × 1400, the smallest square Apple Podcasts takes


class QuickXMLGenerator(SimplerXMLGenerator):
    """``SimplerXMLGenerator``'s bytes, an element without children in one write.

    Its ``addQuickElement`` goes through ``startElement``, ``characters`` and ``endElement``
    (five writes and as many calls per element): with a dozen elements per episode, the
    largest share of a 1,000-episode feed's time. Same checks (control characters), same
    attribute order (sorted), same ``<name/>`` for an element without text.
    """

    def addQuickElement(self, name, contents=None, attrs=None):
        if contents and CONTROL_CHARACTERS.search(contents):
            raise UnserializableContentError("Control characters are not supported in XML 1.0")
        self._finish_pending_start_element()
        attributes = (
            "".join(f" {key}={quoteattr(value)}" for key, value in sorted(attrs.items())) if attrs else ""
        )
        if contents:
            self._write(f"<{name}{attributes}>{escape(contents)}</{name}>")
        else:
            self._write(f"<{name}{attributes}/>")


class PodcastRssFeed(Rss201rev2Feed):
    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:itunes": ITUNES, "xmlns:podcast": PODCAST}

    def write(self, outfile, encoding):
        """``RssFeed.write`` with ``QuickXMLGenerator``, into a string, then into the response in
        one write (the response's ``write`` per SAX event, 50,000 of them for 1,000 episodes,
        was a tenth of the feed's time)."""
        buffer = io.StringIO()
        handler = QuickXMLGenerator(buffer, encoding, short_empty_elements=True)
        handler.startDocument()
        self.add_stylesheets(handler)
        handler.startElement("rss", self.rss_attributes())
        handler.startElement("channel", self.root_attributes())
        self.add_root_elements(handler)
        self.write_items(handler)
        self.endChannelElement(handler)
        handler.endElement("rss")
        # What XMLGenerator writes into a binary stream itself (a TextIOWrapper with these errors).
        outfile.write(buffer.getvalue().encode(encoding, "xmlcharrefreplace"))

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


def enclosures(items):
    """Each item's Enclosure (URL, size, MIME type of its file), None where the file is missing.

    The storage is asked directly (``size``, ``url``): a ``FieldFile`` per episode only wraps it.
    """
    storage = get_media_model()._meta.get_field("file").storage
    found = []
    for item in items:
        try:
            size = storage.size(item.file) if item.file else None
        except OSError:
            size = None
        url = absolute_url(storage.url(item.file)) if size is not None else ""
        found.append(Enclosure(url, str(size), content_type(item.file)) if url else None)
    return found


class PodcastFeed(ProductFeed):
    """A language's podcast: every public episode in it, of every programme."""

    feed_type = PodcastRssFeed

    def get_object(self, request, **kwargs):
        code = get_language()
        return self.build(request, code, podcasts.episodes(code), title=_("Podcast"), author=None)

    def build(self, request, code, products, *, title, author):
        items = []
        products = podcasts.feed_episodes(products, chrome_language(code))
        transcripts = reverse("portal_podcast_transcript", kwargs={"product_id": 0}).removesuffix("0.txt")
        transcripts = absolute_url(transcripts)
        urls = podcasts.page_urls(request, products)
        for product, url, found in zip(products, urls, enclosures(products), strict=True):
            if found is not None:
                product.enclosure, product.link = found, absolute_url(url)
                product.transcript = f"{transcripts}{product.pk}.txt" if product.has_transcript else ""
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
        return item.link

    def item_enclosures(self, item):
        return [item.enclosure]

    def item_categories(self, item):
        return item.categories

    def feed_extra_kwargs(self, obj):
        scheme_less = obj["feed_url"].split("://", 1)[-1].rstrip("/")
        return {
            "artwork": absolute_url(static(ARTWORK)),
            "author": obj["author"],
            "podcast_guid": str(uuid.uuid5(PODCAST_GUID_NAMESPACE, scheme_less)),
        }

    def item_extra_kwargs(self, item):
        return {
            "duration": round(item.duration or 0),
            "transcript": item.transcript,
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
