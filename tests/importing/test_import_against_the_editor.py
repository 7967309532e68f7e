"""Import against the editor: the same product, written by an editor in Wagtail's admin and by
the importer, leaves the same rows in every table of the database.

The tables are read from the database itself (``connection.introspection``), not from a list:
a table that a future Wagtail (or any app) starts writing on the editor's path, and the
importer does not, makes this test fail.

The editor's path runs first inside a savepoint that is then rolled back, so both paths start
from the same database; the id sequences are set back too (SQLite's roll back with the
savepoint, PostgreSQL's do not and are restored by hand), so both paths get the same ids.
"""

import json
import re
from collections import Counter

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from wagtail.models import Collection
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from products.importing.run import run_import
from products.models import Channel, ContentArea, Format, PlanTask, ProductPage, Topic, Unit
from products.sections import section_for
from tests.importing.helpers import row, write_file
from tests.sample_files import pdf_bytes, png_bytes

pytestmark = pytest.mark.django_db

BLOCK_IDS = ("6f1c3b2a-1d4e-4c8f-9a0b-1c2d3e4f5a6b", "7a2d4c3b-2e5f-4d90-8b1c-2d3e4f5a6b7c")
TITLE = "Ngày hội đại đoàn kết làng Kon Kơ̆tu"
SLUG = "ngay-hoi-dai-doan-ket-lang-kon-kotu"  # the one the importer makes from the title
# What the importer records and the editor has no counterpart for: where the row came from.
IMPORT_ONLY_ACTIONS = ("products.import",)

TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?")
# With or without hyphens: SQLite stores a UUIDField as 32 hex digits. (Not inside a longer hex
# string: a file's SHA-1 is content, compared as it is.)
UUID = re.compile(r"\b[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}\b")
# Django's storage adds "_" and 7 random characters to a file name already taken: the second
# path stores the same file name as the first, whose file is still on disk.
FILE_SUFFIX = re.compile(r"_[A-Za-z0-9]{7}(?=\.\w+\b)")


# -- reading every table -------------------------------------------------------------------


def _as_data(value):
    """JSON text (also JSON text inside JSON, as a revision holds its StreamField) as data."""
    if isinstance(value, str) and value[:1] in "{[":
        try:
            value = json.loads(value)
        except ValueError:
            return value
    if isinstance(value, dict):
        return {key: _as_data(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_data(item) for item in value]
    return value


def _normalised(value):
    """A value with what naturally differs between two writes of the same content replaced:
    timestamps (``now`` differs), uuids (random: a log entry's request uuid, a new page's
    translation key), a stored file's random suffix; JSON compared as data (the key order of
    an object is the serialiser's, not content: the importer writes PostgreSQL's jsonb order)."""
    if isinstance(value, memoryview | bytes):
        return bytes(value)
    if not isinstance(value, str | dict | list):
        text = str(value)
        if TIMESTAMP.fullmatch(text) or UUID.fullmatch(text):
            return "<normalised>"
        return value
    data = _as_data(value)
    if not isinstance(data, str):
        data = json.dumps(data, sort_keys=True, ensure_ascii=False)
    return FILE_SUFFIX.sub("", UUID.sub("<uuid>", TIMESTAMP.sub("<timestamp>", data)))


def _fts5_index_tables(cursor):
    """SQLite FTS5's own index tables (``<table>_data``, ``<table>_idx``): their blobs lay out the
    full-text index by the history of its writes (segments, merges), not by what it holds. Its
    content and per-row tables (``_content``, ``_docsize``) are compared like any other."""
    if connection.vendor != "sqlite":
        return set()
    cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%USING fts5%'")
    return {f"{name}{suffix}" for (name,) in cursor.fetchall() for suffix in ("_data", "_idx")}


# Hashes over values the comparison normalises (a product's translation key and publication time
# are in the OAI record's digest of what a harvester sees): compared as present, not by value.
HASHES_OF_NORMALISED_VALUES = {("oai_record", "digest")}


def _snapshot():
    """Every table's rows, as a Counter of tuples of (column, value).

    A table's own ``id`` column is left out: ids are handed out in the order rows are written,
    which carries no meaning (Wagtail writes a page's references in the order of a Python set).
    What points at a row (foreign keys, object ids in text) is compared: both paths get the same
    ids from the same sequences."""
    tables = {}
    with connection.cursor() as cursor:
        skipped = _fts5_index_tables(cursor)
        for table in connection.introspection.table_names(cursor):
            if table in skipped:
                continue
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 - names from the database
            columns = [column[0] for column in cursor.description]
            tables[table] = Counter(
                tuple(
                    (column, "<hash>" if (table, column) in HASHES_OF_NORMALISED_VALUES and value else value)
                    for column, value in zip(columns, values, strict=True)
                    if column != "id"
                )
                for values in cursor.fetchall()
            )
    return tables


def _changes(before, after):
    """{table: (rows added, rows removed)}, normalised, for the tables whose rows changed."""
    changed = {}
    for table in sorted(set(before) | set(after)):
        old, new = before.get(table, Counter()), after.get(table, Counter())
        added, removed = new - old, old - new
        if added or removed:
            changed[table] = tuple(
                sorted(  # noqa: C414
                    (
                        tuple((column, _normalised(value)) for column, value in item)
                        for item in rows.elements()
                    ),
                    key=repr,
                )
                for rows in (added, removed)
            )
    return changed


def _without_import_provenance(changes):
    table = "wagtailcore_pagelogentry"
    added, removed = changes.get(table, ((), ()))
    kept = [item for item in added if dict(item)["action"] not in IMPORT_ONLY_ACTIONS]
    return {**changes, table: (kept, removed)} if table in changes else changes


def _sequences():
    """PostgreSQL's sequence positions (a rollback keeps what they handed out); {} on SQLite."""
    if connection.vendor != "postgresql":
        return {}
    with connection.cursor() as cursor:
        cursor.execute("SELECT schemaname, sequencename, last_value FROM pg_sequences")
        return {f'"{schema}"."{name}"': value for schema, name, value in cursor.fetchall()}


def _restore(sequences):
    with connection.cursor() as cursor:
        for name, value in sequences.items():
            if value is None:
                cursor.execute("SELECT setval(%s, 1, false)", [name])
            else:
                cursor.execute("SELECT setval(%s, %s, true)", [name, value])


class _Undo(Exception):
    pass


# -- the two paths ---------------------------------------------------------------------------


def _upload(client, url, title, name, content):
    response = client.post(
        url,
        {
            "title": title,
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]


def _editor(client, registers_ids):
    """An editor uploads the body's image and the two attachments, then writes and publishes the
    product with Wagtail's page add form."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    _upload(client, "/admin/images/add/", "Lễ hội", "anh-le-hoi.png", png_bytes(colour=(30, 120, 200)))
    _upload(client, "/admin/documents/add/", "bien-ban.pdf", "bien-ban.pdf", pdf_bytes("Quyen con nguoi"))
    _upload(client, "/admin/images/add/", "dinh-kem.png", "dinh-kem.png", png_bytes(colour=(30, 120, 200)))
    images = get_image_model().objects.order_by("-pk")
    body_image, attached_image = images[1], images[0]
    document = get_document_model().objects.latest("pk")
    section = section_for(Unit.objects.get(slug="bao-kon-tum"), "vi")
    paragraph = {
        "blocks": [
            {
                "key": "a1b2c",
                "text": "Lễ hội làng Kon K'tu",
                "type": "unstyled",
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": [],
            }
        ],
        "entityMap": {},
    }
    data = nested_form_data(
        {
            "title": TITLE,
            "slug": SLUG,
            "summary": "Tóm tắt",
            "body": streamfield(
                [
                    ("paragraph", json.dumps(paragraph)),
                    ("image", {"image": body_image.pk, "decorative": "", "alt_text": "Lễ hội"}),
                ]
            ),
            "transcript": "",
            "area": registers_ids["area"],
            "format": registers_ids["format"],
            "task": registers_ids["task"],
            "publications": inline_formset(
                [
                    {"channel": registers_ids["print"], "date": "2024-07-30", "url": "", "reference": ""},
                    {
                        "channel": registers_ids["facebook"],
                        "date": "2024-07-31",
                        "url": "https://facebook.com/baokontum/posts/1",
                        "reference": "",
                    },
                ]
            ),
            "attachments": inline_formset(
                [
                    {"document": document.pk, "image": "", "media": "", "caption": "bien-ban.pdf"},
                    {"document": "", "image": attached_image.pk, "media": "", "caption": "dinh-kem.png"},
                ]
            ),
            "comments": inline_formset([]),
            "external_id": "diff-1",
            "search_description": "",
            "seo_title": "",
            "comment_notifications": "on",
            "action-publish": "publish",
        }
    )
    data["topics"] = [str(pk) for pk in registers_ids["topics"]]  # a multiple choice: one value each
    for index, block_id in enumerate(BLOCK_IDS):
        data[f"body-{index}-id"] = block_id
    response = client.post(f"/admin/pages/add/products/productpage/{section.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]


def _importer(tmp_path, user):
    files = tmp_path / "files"
    files.mkdir()
    (files / "anh-le-hoi.png").write_bytes(png_bytes(colour=(30, 120, 200)))
    (files / "bien-ban.pdf").write_bytes(pdf_bytes("Quyen con nguoi"))
    (files / "dinh-kem.png").write_bytes(png_bytes(colour=(30, 120, 200)))
    item = row(
        "diff-1",
        title=TITLE,
        summary="Tóm tắt",
        area="III",
        task="3.3",
        format="article",
        topics=["upr", "rebut-us-report"],
        publications=[
            {"channel": "print", "date": "2024-07-30", "url": ""},
            {"channel": "facebook", "date": "2024-07-31", "url": "https://facebook.com/baokontum/posts/1"},
        ],
        body_blocks=[
            {
                "type": "paragraph",
                "value": '<p data-block-key="a1b2c">Lễ hội làng Kon K\'tu</p>',
                "id": BLOCK_IDS[0],
            },
            {
                "type": "image",
                "value": {
                    "file": "anh-le-hoi.png",
                    "title": "Lễ hội",
                    "decorative": False,
                    "alt_text": "Lễ hội",
                },
                "id": BLOCK_IDS[1],
            },
        ],
        files=["bien-ban.pdf", "dinh-kem.png"],
    )
    result = run_import(write_file(tmp_path / "san-pham.jsonl", [item]), files_dir=files, user=user)
    assert result.ok and result.created == 1, result.summary()


def test_an_imported_product_leaves_the_rows_the_editor_leaves(client, tmp_path):
    editor = get_user_model().objects.create_superuser("bien-tap", "bt@example.org", "pw")
    client.force_login(editor)
    registers_ids = {
        "area": ContentArea.objects.get(slug="III").pk,
        "format": Format.objects.get(slug="article").pk,
        "task": PlanTask.objects.get(slug="3.3").pk,
        "topics": [Topic.objects.get(slug=slug).pk for slug in ("upr", "rebut-us-report")],
        "print": Channel.objects.get(slug="print").pk,
        "facebook": Channel.objects.get(slug="facebook").pk,
    }
    cache.clear()
    before, sequences = _snapshot(), _sequences()
    try:
        with transaction.atomic():
            _editor(client, registers_ids)
            by_editor = _changes(before, _snapshot())
            raise _Undo
    except _Undo:
        pass
    _restore(sequences)
    cache.clear()
    assert not ProductPage.objects.filter(external_id="diff-1").exists()
    _importer(tmp_path, editor)
    by_importer = _without_import_provenance(_changes(before, _snapshot()))
    assert "wagtailcore_referenceindex" in by_editor  # the comparison covers what issue 25 saw missing
    assert sorted(by_importer) == sorted(by_editor), (sorted(by_importer), sorted(by_editor))
    for table in by_editor:
        assert by_importer[table] == by_editor[table], table
