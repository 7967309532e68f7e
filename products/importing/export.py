"""Export products in the import columns (round trip: export, then import, gives the same products).

Published products by default; with ``include_drafts`` the drafts too, each as its latest
revision and marked ``status: draft``. Files (attachments and the body's images) are named by
their storage name; given ``files_dir``, they are copied there under that name, so that
``import_products FILE --files DIR`` finds them on another server.
"""

import csv
import json
import shutil
from pathlib import Path

from django.db.models import Count, Min, Prefetch

from products.importing.body import export_blocks
from products.importing.columns import COLUMNS, STATUS_DRAFT, STATUS_PUBLISHED, flatten_row
from products.models import ProductPage, ProductPublication
from products.spreadsheets import safe_cell, safe_row


class FileCollector:
    """Names a stored file for the export and, given a folder, copies it there once."""

    def __init__(self, files_dir=None):
        self.files_dir = Path(files_dir) if files_dir else None
        self.copied = set()

    def __call__(self, stored):
        name = stored.file.name
        if self.files_dir is not None and name not in self.copied:
            target = self.files_dir / name
            target.parent.mkdir(parents=True, exist_ok=True)
            with stored.file.open("rb") as source, open(target, "wb") as copy:
                shutil.copyfileobj(source, copy)
            self.copied.add(name)
        return name


def _products(include_drafts):
    return ProductPage.objects.all() if include_drafts else ProductPage.objects.live()


def export_queryset(date_from=None, date_to=None, include_drafts=False):
    queryset = _products(include_drafts).select_related("area", "task", "format", "unit", "locale")
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


def _sources(include_drafts):
    """translation_key → external id of the group's first exported product (the one the others
    translate): a draft left out of the export is nobody's source."""
    firsts = dict(
        _products(include_drafts)
        .order_by()
        .values("translation_key")
        .annotate(n=Count("pk"), first=Min("pk"))
        .filter(n__gt=1)
        .values_list("translation_key", "first")
    )
    ids = dict(ProductPage.objects.filter(pk__in=firsts.values()).values_list("pk", "external_id"))
    return {key: (pk, ids.get(pk) or f"page-{pk}") for key, pk in firsts.items()}


def _attachments(page, file_name):
    attachments = []
    for attachment in page.attachments.all():
        stored = attachment.document or attachment.image or attachment.media
        if stored is not None and stored.file:
            attachments.append(
                {"file": file_name(stored), "caption": attachment.caption, "title": stored.title}
            )
    return attachments


def iter_export_rows(date_from=None, date_to=None, include_drafts=False, files_dir=None):
    sources = _sources(include_drafts)
    file_name = FileCollector(files_dir)
    for row_page in export_queryset(date_from, date_to, include_drafts).iterator(chunk_size=1000):
        # A draft's content is its latest revision; a live product's is the published page.
        page = row_page if row_page.live else row_page.get_latest_revision_as_object()
        source = sources.get(row_page.translation_key)
        yield {
            "external_id": row_page.external_id or f"page-{row_page.pk}",
            "title": page.title,
            "language": page.language or page.locale.language_code,
            "area": page.area.slug if page.area else "",
            "task": page.task.slug if page.task else "",
            "format": page.format.slug if page.format else "",
            "unit": page.unit.slug if page.unit else "",
            "summary": page.summary,
            "body": "",
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
            "translation_of": source[1] if source and source[0] != row_page.pk else "",
            "files": [],
            "search_description": page.search_description,
            "status": STATUS_PUBLISHED if row_page.live else STATUS_DRAFT,
            "body_blocks": export_blocks(page.body, file_name),
            "attachments": _attachments(page, file_name),
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
