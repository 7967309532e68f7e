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

import datetime
from dataclasses import dataclass

from django.db.models import BooleanField, Count, ExpressionWrapper, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from home.languages import chrome_language, register_name
from products import languages
from products.models import ContentArea, Format, ProductAttachment, ProductPage, Unit

# The newest episodes a feed lists: the archive keeps the older ones, the feed stays a few MB.
MAX_EPISODES = 2000


def episodes(code, unit=None, format=None):
    """The public episodes in language ``code`` (of one programme), newest first."""
    with_media = ProductAttachment.objects.filter(media__isnull=False).values("page_id")
    products = ProductPage.objects.public_listing().filter(language=code, pk__in=with_media)
    if unit is not None:
        products = products.filter(unit=unit)
    if format is not None:
        products = products.filter(format=format)
    return products


@dataclass(slots=True)
class Episode:
    """What a feed writes of one episode: plain values, no model instances.

    A page instance (Wagtail's ``Page`` through modelcluster) and its area, format, unit, locale,
    attachment and media rows took half of a 1,000-episode feed's time to build; these rows
    come from ``values_list`` queries, a fixed number whatever the episode count.
    """

    pk: int
    title: str
    summary: str
    url_path: str
    language: str
    first_published: datetime.date | None
    last_published_at: datetime.datetime | None
    has_transcript: bool
    categories: list
    file: str = ""  # the storage name of the first audio/video file
    duration: float | None = None
    link: str = ""
    enclosure: object = None
    transcript: str = ""  # its URL when the episode has one


EPISODE_FIELDS = ("pk", "title", "summary", "url_path", "language", "first_published", "last_published_at")


def feed_episodes(products, ui, limit=MAX_EPISODES):
    """The newest ``limit`` of ``products`` (``episodes()``) as ``Episode`` rows with their first
    audio/video file (by ``sort_order``) and their area and format names in chrome ``ui``."""
    has_transcript = ExpressionWrapper(~Q(transcript=""), output_field=BooleanField())
    rows = list(
        products.annotate(has_transcript=has_transcript).values_list(
            *EPISODE_FIELDS, "has_transcript", "area_id", "format_id"
        )[:limit]
    )
    names = {}
    for model, ids in ((ContentArea, {r[-2] for r in rows}), (Format, {r[-1] for r in rows})):
        ids.discard(None)
        names[model] = {pk: register_name(obj, ui)[0] for pk, obj in model.objects.in_bulk(ids).items()}
    found = [
        Episode(
            *row[:-2],
            categories=[names[m][pk] for m, pk in ((ContentArea, row[-2]), (Format, row[-1])) if pk],
        )
        for row in rows
    ]
    files = (
        ProductAttachment.objects.filter(page_id__in=[e.pk for e in found], media__isnull=False)
        .order_by("page_id", "sort_order", "pk")
        .values_list("page_id", "media__file", "media__duration")
    )
    first = {}
    for page_id, name, duration in files:
        first.setdefault(page_id, (name, duration))
    for item in found:  # an attachment removed since the first query leaves ("", None): no episode
        item.file, item.duration = first.get(item.pk, ("", None))
    return found


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


def page_urls(request, rows):
    """Each row's page URL (rows with ``pk`` and ``url_path``, of one language): Wagtail's
    ``get_url`` for the first, and for the others under the same home page (``url_path``
    ``/<home>/…``) the same home-to-URL mapping.

    ``get_url`` reverses Wagtail's serve pattern once per page: a third of a 1,000-episode feed's
    time. The mapping is Wagtail's own answer for the first page, so it holds for its siblings
    under that home; a page elsewhere, or a first URL that does not end with its path, asks
    ``get_url`` (all of them in one query).
    """
    if not rows:
        return []
    pages = ProductPage.objects.select_related("locale")
    first = pages.get(pk=rows[0].pk)
    url, home = first.get_url(request) or "", "/" + first.url_path.split("/")[1] + "/"
    rest = first.url_path[len(home) :]
    prefix = url[: len(url) - len(rest)] if url and url.endswith(rest) else None
    if prefix is None:
        home = None
    urls = [
        prefix + row.url_path[len(home) :] if home and row.url_path.startswith(home) else None for row in rows
    ]
    asked = pages.in_bulk([row.pk for row, found in zip(rows, urls, strict=True) if found is None])
    return [
        found if found is not None else asked[row.pk].get_url(request) or ""
        for row, found in zip(rows, urls, strict=True)
    ]


def programme_or_404(unit, format):
    try:
        return Unit.objects.get(slug=unit), Format.objects.get(slug=format)
    except (Unit.DoesNotExist, Format.DoesNotExist):
        raise Http404 from None
