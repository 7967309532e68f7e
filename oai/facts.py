"""What a harvester is shown of a product: one plain dict per public product, read in bulk.

Both metadata formats are rendered from these dicts, and ``oai.records`` hashes them to decide
whether the datestamp moves, so a change that a format shows always moves it. Register names
are given in Vietnamese and English (the registers' two columns); a rename changes the dict.

Read as rows (``values()``), not page objects: a page object costs Wagtail's, modelcluster's and
modeltranslation's set-up, about a millisecond each, which was most of a harvest's time. A
product's URL is its section's URL and its slug (the section's worked out once per call).
"""

import hashlib
import json

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtailmedia.models import get_media_model

from oai.models import Record, repository_identifier
from products.models import (
    Channel,
    ContentArea,
    Format,
    PlanTask,
    ProductAttachment,
    ProductPage,
    ProductPublication,
    Topic,
    Unit,
)
from products.site_root import absolute_url
from products.visibility import public_pages

SET_KINDS = ("area", "unit", "language", "format")
FIELDS = ("pk", "title", "summary", "language", "slug", "path", "first_published", "translation_key")
REGISTERS = {"area": ContentArea, "task": PlanTask, "format": Format, "unit": Unit}
FILES = {"document": get_document_model, "image": get_image_model, "media": get_media_model}


def _register(obj):
    return {"code": obj.slug, "vi": obj.name_vi or obj.name or "", "en": obj.name_en or ""}


def public_ids(ids):
    """The ids among ``ids`` of products the public may see now."""
    return set(public_pages(ProductPage.objects.filter(pk__in=ids)).values_list("pk", flat=True))


def _by_page(rows, key="page_id"):
    out = {}
    for row in rows:
        out.setdefault(row[key], []).append(row)
    return out


def _section_urls(paths):
    steps = Page.steplen
    urls = {}
    for section in Page.objects.filter(path__in={path[:-steps] for path in paths}):
        urls[section.path] = section.get_url() or ""
    return {path: urls.get(path[:-steps], "") for path in paths}


def _files(page_ids):
    """{page id: [file dict]} of the products' attachments, in their order."""
    rows = ProductAttachment.objects.filter(page_id__in=page_ids).order_by("page_id", "sort_order", "pk")
    rows = list(rows.values("page_id", "caption", *(f"{kind}_id" for kind in FILES)))
    objects = {
        kind: model().objects.in_bulk({row[f"{kind}_id"] for row in rows if row[f"{kind}_id"]})
        for kind, model in FILES.items()
    }
    out = {}
    for row in rows:
        kind = next((kind for kind in FILES if row[f"{kind}_id"] in objects[kind]), None)
        if kind is not None:
            obj = objects[kind][row[f"{kind}_id"]]
            url = obj.file.url if kind == "image" else obj.url
            out.setdefault(row["page_id"], []).append(
                {"kind": kind, "title": obj.title, "url": absolute_url(url), "caption": row["caption"]}
            )
    return out


def _translations(rows, identifier_for):
    keys = {row["translation_key"] for row in rows}
    found = public_pages(ProductPage.objects.filter(translation_key__in=keys)).order_by("language", "pk")
    out = {}
    for key, pk, language in found.values_list("translation_key", "pk", "language"):
        out.setdefault(key, []).append({"language": language, "identifier": identifier_for(pk), "pk": pk})
    return out


def _identifiers(rows):
    """The identifier of a product (and of its translations): the one its record was given, or
    the one it will be given. A record's identifier never changes (``OAI_REPOSITORY_IDENTIFIER``
    may, later), so the metadata names records as harvesters know them."""
    keys = {row["translation_key"] for row in rows}
    related = ProductPage.objects.filter(translation_key__in=keys).values("pk")
    stored = dict(Record.objects.filter(page_id__in=related).values_list("page_id", "identifier"))
    repository = repository_identifier()
    return lambda pk: stored.get(pk) or Record.identifier_for(pk, repository)


def facts(ids):
    """[(page id, dict)] of the public products among ``ids``, by page id."""
    rows = list(
        public_pages(ProductPage.objects.filter(pk__in=ids))
        .order_by("pk")
        .values(*FIELDS, *(f"{kind}_id" for kind in REGISTERS))
    )
    if not rows:
        return []
    identifier_for = _identifiers(rows)
    found = [row["pk"] for row in rows]
    registers = {kind: {o.pk: _register(o) for o in model.objects.all()} for kind, model in REGISTERS.items()}
    channels = {channel.pk: channel for channel in Channel.objects.all()}
    topics = {topic.pk: _register(topic) for topic in Topic.objects.all()}
    context = {
        "registers": registers,
        "channels": channels,
        "urls": _section_urls([row["path"] for row in rows]),
        "translations": _translations(rows, identifier_for),
        "files": _files(found),
        "publications": _by_page(
            ProductPublication.objects.filter(page_id__in=found)
            .order_by("page_id", "sort_order", "pk")
            .values("page_id", "channel_id", "date", "url", "reference")
        ),
        "topics": _by_page(
            ProductPage.topics.through.objects.filter(productpage_id__in=found).values(
                "productpage_id", "topic_id"
            ),
            key="productpage_id",
        ),
    }
    return [(row["pk"], _fact(row, context, topics, identifier_for)) for row in rows]


def _publication(row, channels):
    channel = channels[row["channel_id"]]
    return {
        **_register(channel),
        "digital": channel.is_digital,
        "date": row["date"].isoformat(),
        "url": row["url"],
        "reference": row["reference"],
    }


def _fact(row, context, topics, identifier_for):
    pk = row["pk"]
    fact = {
        "identifier": identifier_for(pk),
        "title": row["title"],
        "summary": row["summary"],
        "language": row["language"],
        "url": absolute_url(context["urls"][row["path"]] + row["slug"] + "/"),
        "first_published": row["first_published"].isoformat() if row["first_published"] else None,
    }
    for kind in REGISTERS:
        fact[kind] = context["registers"][kind].get(row[f"{kind}_id"])
    fact["topics"] = sorted(
        (topics[t["topic_id"]] for t in context["topics"].get(pk, [])), key=lambda topic: topic["code"]
    )
    fact["publications"] = [_publication(p, context["channels"]) for p in context["publications"].get(pk, [])]
    fact["translations"] = [
        {"language": t["language"], "identifier": t["identifier"]}
        for t in context["translations"].get(row["translation_key"], [])
        if t["pk"] != pk
    ]
    fact["files"] = context["files"].get(pk, [])
    return fact


def set_specs(fact):
    """The set specs of a product: ``area area:I unit unit:bao-kon-tum language language:vi …``."""
    specs = []
    for kind in SET_KINDS:
        value = fact["language"] if kind == "language" else (fact[kind] or {}).get("code")
        if value:
            specs += [kind, f"{kind}:{value}"]
    return specs


def digest(fact):
    return hashlib.sha256(json.dumps(fact, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
