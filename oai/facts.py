"""What a harvester is shown of a product: one plain dict per public product, read in bulk.

Both metadata formats are rendered from these dicts, and ``oai.records`` hashes them to decide
whether the datestamp moves, so a change that a format shows always moves it. Register names
are given in Vietnamese and English (the registers' two columns); a rename changes the dict.
"""

import hashlib
import json

from django.db.models import Prefetch
from wagtail.models import Site

from products.models import ProductAttachment, ProductPage, ProductPublication
from products.site_root import absolute_url
from products.visibility import public_pages

SET_KINDS = ("area", "unit", "language", "format")


def _register(obj):
    if obj is None:
        return None
    return {"code": obj.slug, "vi": obj.name_vi or obj.name or "", "en": obj.name_en or ""}


def _file(attachment):
    for kind in ("document", "image", "media"):
        obj = getattr(attachment, kind)
        if obj is not None:
            url = obj.url if kind != "image" else obj.file.url
            return {"kind": kind, "title": obj.title, "url": absolute_url(url), "caption": attachment.caption}
    return None


def public_products(ids):
    """The public products among ``ids``, with everything the formats show."""
    publications = ProductPublication.objects.select_related("channel").order_by("sort_order", "pk")
    attachments = ProductAttachment.objects.select_related("document", "image", "media").order_by(
        "sort_order", "pk"
    )
    return (
        public_pages(ProductPage.objects.filter(pk__in=ids))
        .select_related("area", "task", "format", "unit", "locale")
        .prefetch_related(
            "topics",
            Prefetch("publications", queryset=publications),
            Prefetch("attachments", queryset=attachments),
        )
        .order_by("pk")
    )


def translations_of(products, identifier_for):
    """{translation_key: [(language, identifier, page id)]} of the public products sharing the keys."""
    keys = {product.translation_key for product in products}
    found = {}
    rows = public_pages(ProductPage.objects.filter(translation_key__in=keys)).values_list(
        "translation_key", "pk", "language"
    )
    for key, pk, language in sorted(rows, key=lambda row: (row[2], row[1])):
        found.setdefault(key, []).append((language, identifier_for(pk), pk))
    return found


def facts(products, identifier_for):
    """[(product, dict)] for ``products`` (from ``public_products``), in their order."""
    products = list(products)
    translations = translations_of(products, identifier_for)
    root_paths = Site.get_site_root_paths()
    result = []
    for product in products:
        product._wagtail_cached_site_root_paths = root_paths
        result.append(
            (product, _facts(product, translations.get(product.translation_key, []), identifier_for))
        )
    return result


def _facts(product, translations, identifier_for):
    return {
        "identifier": identifier_for(product.pk),
        "title": product.title,
        "summary": product.summary,
        "language": product.language,
        "url": absolute_url(product.get_url() or ""),
        "first_published": product.first_published.isoformat() if product.first_published else None,
        "area": _register(product.area),
        "task": _register(product.task),
        "format": _register(product.format),
        "unit": _register(product.unit),
        "topics": [_register(topic) for topic in sorted(product.topics.all(), key=lambda t: t.slug)],
        "publications": [
            {
                **_register(p.channel),
                "digital": p.channel.is_digital,
                "date": p.date.isoformat(),
                "url": p.url,
                "reference": p.reference,
            }
            for p in product.publications.all()
        ],
        "translations": [
            {"language": language, "identifier": identifier}
            for language, identifier, pk in translations
            if pk != product.pk
        ],
        "files": [f for f in map(_file, product.attachments.all()) if f is not None],
    }


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
