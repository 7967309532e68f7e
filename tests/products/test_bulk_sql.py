"""The importer's own INSERTs and UPDATEs (products.bulk_sql) write what Django would."""

import datetime
import uuid

import pytest
from django.db import connection
from wagtail.models import Page, PageLogEntry, Revision

from products import bulk_sql
from products.models import ProductPage, ProductPublication
from tests.importing.helpers import row, run, write_file

pytestmark = pytest.mark.django_db


def _values(field, sample):
    """Values of the kinds the importer writes, and of other kinds, for ``field``."""
    values = [None, getattr(sample, field.attname), "", "0", 0, 1, True, False, 7, "tiêu đề"]
    values.append(datetime.datetime(2024, 7, 30, 8, 15, tzinfo=datetime.UTC))
    values += [uuid.UUID(int=5), {"a": 1}, [1, 2]]
    return values


def _prep(field, value):
    """Django's adaptation, or the exception it raises."""
    try:
        return field.get_db_prep_save(value, connection)
    except Exception as error:  # noqa: BLE001 - the kind of error is what is compared
        return type(error)


@pytest.mark.parametrize("model", [Page, ProductPage, Revision, PageLogEntry, ProductPublication])
def test_each_columns_adapter_gives_what_django_gives(tmp_path, model):
    """Where the adapter skips ``get_db_prep_save`` it must return what that would have."""
    assert run(write_file(tmp_path / "a.jsonl", [row("ad-1", summary="Tóm tắt")]))[0]
    product = ProductPage.objects.get(external_id="ad-1")
    sample = {
        Page: product,
        ProductPage: product,
        Revision: product.latest_revision,
        PageLogEntry: PageLogEntry.objects.get(page=product, action="products.import"),
        ProductPublication: product.publications.get(),
    }[model]
    skipped = 0
    for field in bulk_sql.written_fields(model):
        plain = bulk_sql.plain_type(field)
        for value in _values(field, sample):
            expected = _prep(field, value)
            fast = plain is not None and (value is None or type(value) is plain)
            if not fast:  # the adapter calls Django: nothing to compare
                continue
            assert not isinstance(expected, type), (field.attname, value, expected)  # Django accepts it
            assert bulk_sql.adapter(field)(value) == expected == value, (field.attname, value)
            skipped += 1
    assert skipped  # the fast path is taken for this model's plain columns


def test_imported_products_point_at_their_own_revisions(tmp_path):
    """Each new product's latest revision is its own (published ones: also the live one); its
    import log entry names that revision; a draft has no live revision."""
    rows = [
        row(f"own-{i}", title="Cùng một tiêu đề", status="draft" if i % 3 == 0 else "published")
        for i in range(12)
    ]
    ok, output = run(write_file(tmp_path / "own.jsonl", rows), "--batch-size", "5")
    assert ok, output
    pages = ProductPage.objects.filter(external_id__startswith="own-").select_related("latest_revision")
    assert pages.count() == 12
    for page in pages:
        revision = page.latest_revision
        assert revision.object_id == str(page.pk) and revision.content["external_id"] == page.external_id
        assert page.revisions.count() == 1
        draft = int(page.external_id.split("-")[1]) % 3 == 0
        assert page.live is not draft
        assert page.live_revision_id == (None if draft else revision.pk)
        entry = PageLogEntry.objects.get(page=page, action="products.import")
        assert entry.revision_id == revision.pk and entry.data["published"] is not draft
    assert sum(p.live for p in pages) == 8


def test_a_datetime_shared_by_a_batch_is_adapted_as_django_does():
    field = Revision._meta.get_field("created_at")
    adapt = bulk_sql.adapter(field)
    first = datetime.datetime(2024, 7, 30, 8, 15, tzinfo=datetime.UTC)
    second = datetime.datetime(2024, 7, 30, 15, 15, tzinfo=datetime.timezone(datetime.timedelta(hours=7)))
    for value in (first, first, second, second, first, None):
        assert adapt(value) == field.get_db_prep_save(value, connection)


def _sent(value):
    """What goes to the database: PostgreSQL's Jsonb wrapper compares by identity, its text does not."""
    return value.dumps(value.obj) if hasattr(value, "obj") else value


def test_a_stream_body_is_adapted_as_wagtail_adapts_it(tmp_path):
    """The body's adapter builds its JSON field once; the value it gives is Wagtail's."""
    body = "Dòng một\nDòng hai với 'Bok và ơ̆"
    assert run(write_file(tmp_path / "b.jsonl", [row("sb-1", body=body)]))[0]
    product = ProductPage.objects.get(external_id="sb-1")
    field = ProductPage._meta.get_field("body")
    adapt = bulk_sql.adapter(field)
    for value in (product.body, list(product.body.raw_data), [], None):
        assert _sent(adapt(value)) == _sent(field.get_db_prep_save(value, connection))
    assert product.body.raw_data[0]["value"].endswith("Dòng hai với 'Bok và ơ̆</p>")


@pytest.mark.django_db(transaction=True)
def test_a_statement_whose_row_fails_leaves_none_of_its_rows():
    """Outside any atomic block too (the index queue writes there): all the rows or none."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import IntegrityError
    from wagtail.search.models import IndexEntry

    content_type = ContentType.objects.get_for_model(ProductPage).pk
    entry = {
        "content_type_id": content_type,
        "object_id": "dup-1",
        "title": "Quyền",
        "body": "",
        "autocomplete": "",
    }
    bulk_sql.insert_values(IndexEntry, [{**entry, "object_id": "dup-0"}])  # the values themselves are valid
    with pytest.raises(IntegrityError):
        bulk_sql.insert_values(IndexEntry, [entry, {**entry, "object_id": "dup-2"}, entry])
    assert list(
        IndexEntry.objects.filter(object_id__startswith="dup-").values_list("object_id", flat=True)
    ) == ["dup-0"]
