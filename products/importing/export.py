"""Export products in the import columns (round trip: export, then import, gives the same products)."""

import csv
import json

from django.db.models import Count, Min, Prefetch

from products.importing.columns import COLUMNS, flatten_row
from products.models import ProductPage, ProductPublication
from products.spreadsheets import safe_cell, safe_row


def export_queryset(date_from=None, date_to=None):
    queryset = ProductPage.objects.live().select_related("area", "task", "format", "unit", "locale")
    if date_from:
        queryset = queryset.filter(first_published__gte=date_from)
    if date_to:
        queryset = queryset.filter(first_published__lte=date_to)
    return queryset.order_by("pk").prefetch_related(
        "topics",
        Prefetch(
            "publications",
            queryset=ProductPublication.objects.select_related("channel").order_by("sort_order", "pk"),
        ),
        "attachments__document",
        "attachments__image",
        "attachments__media",
    )


def _sources():
    """translation_key → external id of the group's first product (the one the others translate)."""
    firsts = dict(
        ProductPage.objects.order_by()
        .values("translation_key")
        .annotate(n=Count("pk"), first=Min("pk"))
        .filter(n__gt=1)
        .values_list("translation_key", "first")
    )
    ids = dict(ProductPage.objects.filter(pk__in=firsts.values()).values_list("pk", "external_id"))
    return {key: (pk, ids.get(pk) or f"page-{pk}") for key, pk in firsts.items()}


def _body(page):
    return "".join(block.value.source for block in page.body if block.block_type == "paragraph")


def iter_export_rows(date_from=None, date_to=None):
    sources = _sources()
    for page in export_queryset(date_from, date_to).iterator(chunk_size=1000):
        source = sources.get(page.translation_key)
        files = []
        for attachment in page.attachments.all():
            stored = attachment.document or attachment.image or attachment.media
            if stored is not None and stored.file:
                files.append(stored.file.name)
        yield {
            "external_id": page.external_id or f"page-{page.pk}",
            "title": page.title,
            "language": page.language or page.locale.language_code,
            "area": page.area.slug if page.area else "",
            "task": page.task.slug if page.task else "",
            "format": page.format.slug if page.format else "",
            "unit": page.unit.slug if page.unit else "",
            "summary": page.summary,
            "body": _body(page),
            "transcript": page.transcript,
            "topics": [topic.slug for topic in page.topics.all()],
            "publications": [
                {
                    "channel": p.channel.slug,
                    "date": p.date.isoformat(),
                    "url": p.url,
                    **({"reference": p.reference} if p.reference else {}),
                }
                for p in page.publications.all()
            ],
            "translation_of": source[1] if source and source[0] != page.pk else "",
            "files": files,
        }


def write_jsonl(rows, stream):
    count = 0
    for row in rows:
        stream.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(rows, stream):
    writer = csv.DictWriter(stream, fieldnames=COLUMNS)
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow({column: safe_cell(value) for column, value in flatten_row(row).items()})
        count += 1
    return count


def write_xlsx(rows, path):
    from openpyxl import Workbook  # heavy: loaded only when a spreadsheet is written

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("products")
    sheet.append(list(COLUMNS))
    count = 0
    for row in rows:
        flat = flatten_row(row)
        sheet.append(safe_row([flat[column] for column in COLUMNS]))
        count += 1
    workbook.save(path)
    return count
