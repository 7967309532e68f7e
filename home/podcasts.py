"""Podcasts: the radio and TV products with their audio and video files, per language and programme.

An *episode* is a public product (``ProductPage.objects.public_listing()``: live, under no view
restriction) with at least one audio/video attachment; its first one is the enclosure. A
*programme* is a unit × format in one language (Đài PT-TH's Bahnar radio features). Each
language and each programme has a podcast feed (``home.podcast_feed``), listed on
``/<lang>/podcasts/`` and advertised in the ``<head>`` of that page and of every episode.

The feeds list the whole back catalogue that podcast apps show (up to ``MAX_EPISODES``), in a
fixed number of queries whatever their length; the portal's page cache keeps them like the
other feeds, and purges them on every publish, unpublish, privacy change and media edit.
"""

from dataclasses import dataclass

from django.db.models import BooleanField, Count, ExpressionWrapper, Prefetch, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from home.languages import chrome_language, register_name
from products import languages
from products.listing import UNLISTED
from products.models import Format, ProductAttachment, ProductPage, Unit

# The newest episodes a feed lists: the archive keeps the older ones, the feed stays a few MB.
MAX_EPISODES = 2000


def episodes(code, unit=None, format=None):
    """The public episodes in language ``code`` (of one programme), newest first, files fetched."""
    with_media = ProductAttachment.objects.filter(media__isnull=False).values("page_id")
    products = ProductPage.objects.public_listing().filter(language=code, pk__in=with_media)
    if unit is not None:
        products = products.filter(unit=unit)
    if format is not None:
        products = products.filter(format=format)
    media = ProductAttachment.objects.filter(media__isnull=False).select_related("media")
    return (
        products.defer(*UNLISTED)
        .annotate(has_transcript=ExpressionWrapper(~Q(transcript=""), output_field=BooleanField()))
        .prefetch_related(Prefetch("attachments", queryset=media.order_by("sort_order"), to_attr="media"))
    )


@dataclass
class Programme:
    unit: Unit
    format: Format
    episodes: int
    code: str

    @property
    def feed_url(self):
        kwargs = {"unit": self.unit.slug, "format": self.format.slug}
        with translation.override(self.code):
            return reverse("portal_podcast_programme", kwargs=kwargs)

    def title(self, ui=None):
        ui = ui or chrome_language(self.code)
        names = [register_name(self.format, ui)[0], register_name(self.unit, ui)[0]]
        return " — ".join([*names, languages.get(self.code).local_name])


def programmes(code):
    """Every programme with public episodes in language ``code``, by unit then format."""
    counts = (
        episodes(code)
        .order_by()
        .values("unit_id", "format_id")
        .annotate(count=Count("pk"))
        .filter(unit_id__isnull=False, format_id__isnull=False)
    )
    counts = list(counts)
    units = Unit.objects.in_bulk({row["unit_id"] for row in counts})
    formats = Format.objects.in_bulk({row["format_id"] for row in counts})
    found = [Programme(units[r["unit_id"]], formats[r["format_id"]], r["count"], code) for r in counts]
    return sorted(found, key=lambda p: (p.unit.sort_order, p.unit.slug, p.format.sort_order, p.format.slug))


def programme_feed_url(product):
    """The programme feed of a product (its unit and format), or "" when it belongs to none."""
    if product.unit_id is None or product.format_id is None:
        return ""
    return Programme(product.unit, product.format, 0, product.language).feed_url


@require_safe
def directory(request):
    """``/<lang>/podcasts/``: the language's feed and one per programme, to paste into an app."""
    code = get_language()
    found = programmes(code)
    ui = chrome_language(code)
    context = {
        "language_feed": reverse("portal_podcast_language"),
        "programmes": [(p, p.title(ui)) for p in found],
        "podcast_feeds": [(_("Podcast"), reverse("portal_podcast_language"))]
        + [(p.title(ui), p.feed_url) for p in found],
        "meta_description": _("Phóng sự, kịch truyền thanh, podcast và video về quyền con người."),
    }
    return render(request, "home/podcasts.html", context)


@require_safe
def transcript(request, product_id):
    """The transcript of a public episode as plain text (``podcast:transcript`` points here)."""
    products = ProductPage.objects.public_listing().filter(language=get_language()).exclude(transcript="")
    text = get_object_or_404(products.values_list("transcript", flat=True), pk=product_id)
    return HttpResponse(text, content_type="text/plain; charset=utf-8")


def page_urls(request, pages):
    """Each page's URL, for pages of one language: Wagtail's ``get_url`` for the first, and for the
    others under the same home page (``url_path`` ``/<home>/…``) the same home-to-URL mapping.

    ``get_url`` reverses Wagtail's serve pattern once per page: a third of a 1,000-episode feed's
    time. The mapping is Wagtail's own answer for the first page, so it holds for its siblings
    under that home; a page elsewhere, or a first URL that does not end with its path, asks
    ``get_url`` again.
    """
    urls, prefix, home = [], None, None
    for page in pages:
        if prefix is not None and page.url_path.startswith(home):
            urls.append(prefix + page.url_path[len(home) :])
            continue
        url = page.get_url(request) or ""
        urls.append(url)
        if prefix is None and url:
            home = "/" + page.url_path.split("/")[1] + "/"
            rest = page.url_path[len(home) :]
            if url.endswith(rest):
                prefix = url[: len(url) - len(rest)]
    return urls


def programme_or_404(unit, format):
    try:
        return Unit.objects.get(slug=unit), Format.objects.get(slug=format)
    except (Unit.DoesNotExist, Format.DoesNotExist):
        raise Http404 from None
