"""The record of each product ever public: its datestamp moves whenever what a harvester sees changes."""

import io

import pytest
from django.core.management import call_command

from oai.models import Record
from products.models import Channel, ContentArea, Unit
from products.sections import section_for
from tests.factories import make_product
from tests.importing.helpers import row, run, write_file
from tests.oai.conftest import age_records, restrict


def moved(since):
    return set(Record.objects.filter(datestamp__gt=since).values_list("page_id", flat=True))


def state(page):
    record = Record.objects.get(page_id=page.pk)
    return record.deleted, record.sets


@pytest.fixture
def two(db):
    first = make_product(title="Một", area="I")
    second = make_product(title="Hai", area="II", unit="dai-ptth-kon-tum")
    return first, second


def test_publishing_writes_a_record_with_its_sets(two):
    first, _ = two
    deleted, sets = state(first)
    assert not deleted
    assert set(sets.split()) == {
        "area",
        "area:I",
        "unit",
        "unit:bao-kon-tum",
        "language",
        "language:vi",
        "format",
        "format:article",
    }
    assert Record.objects.get(page_id=first.pk).identifier.endswith(f":product-{first.pk}")


def test_an_edit_moves_the_datestamp_a_draft_does_not(two):
    first, second = two
    since = age_records()
    first.title = "Nháp mới"
    first.save_revision()
    assert moved(since) == set()
    first.save_revision().publish()
    assert moved(since) == {first.pk}


def test_republishing_unchanged_does_not_move_it(two):
    first, _ = two
    since = age_records()
    first.save_revision().publish()
    assert moved(since) == set()


@pytest.mark.parametrize("withdraw", ["unpublish", "delete", "restrict", "restrict_section"])
def test_withdrawing_keeps_a_deleted_record(two, withdraw):
    first, second = two
    since = age_records()
    pk = first.pk
    if withdraw == "unpublish":
        first.unpublish()
    elif withdraw == "delete":
        first.delete()
    elif withdraw == "restrict":
        restrict(first)
    else:
        restrict(first.get_parent())
    assert moved(since) == {pk}
    record = Record.objects.get(page_id=pk)
    assert record.deleted and "area:I" in record.sets.split()


def test_lifting_a_restriction_and_republishing_bring_it_back(two):
    first, _ = two
    restriction = restrict(first)
    assert state(first)[0] is True
    restriction.delete()
    assert state(first)[0] is False
    first.unpublish()
    first.save_revision().publish()
    assert state(first)[0] is False


def test_a_move_to_another_section_moves_the_datestamp(two):
    """The product's address changes. (Its ``unit`` column is products' copy of the section's unit,
    refreshed by ProductPage.save(); Wagtail's move saves a plain Page, so it follows at the next publish.)"""
    first, _ = two
    since = age_records()
    first.move(section_for(Unit.objects.get(slug="dai-ptth-kon-tum"), "vi"), pos="last-child")
    assert moved(since) == {first.pk}


@pytest.mark.parametrize(
    ("register", "slug", "affects"),
    [(Unit, "dai-ptth-kon-tum", "second"), (ContentArea, "I", "first"), (Channel, "online-news", "both")],
)
def test_a_register_rename_moves_the_products_that_show_it(two, register, slug, affects):
    first, second = two
    since = age_records()
    row_ = register.objects.get(slug=slug)
    row_.name_vi = row_.name_vi + " (mới)"
    row_.save()
    expected = {"first": {first.pk}, "second": {second.pk}, "both": {first.pk, second.pk}}[affects]
    assert moved(since) == expected


def test_a_new_translation_moves_its_original(two):
    first, second = two
    since = age_records()
    translation = make_product(title="Bahnar", language="bdq", translation_of=first)
    assert moved(since) == {first.pk, translation.pk}


def test_oai_sync_rebuilds_what_signals_missed_and_changes_nothing_twice(two):
    first, second = two
    Record.objects.all().delete()
    call_command("oai_sync", stdout=io.StringIO())
    assert set(Record.objects.values_list("page_id", flat=True)) == {first.pk, second.pk}
    since = age_records()
    out = io.StringIO()
    call_command("oai_sync", stdout=out)
    assert moved(since) == set()
    assert "0" in out.getvalue()


def test_oai_sync_marks_a_product_withdrawn_behind_its_back(two):
    first, _ = two
    since = age_records()
    type(first).objects.filter(pk=first.pk).update(live=False)  # a bulk write no signal saw
    call_command("oai_sync", stdout=io.StringIO())
    assert moved(since) == {first.pk} and state(first)[0] is True


def test_an_import_writes_records(db, tmp_path):
    path = tmp_path / "rows.jsonl"
    write_file(path, [row("oai-1"), row("oai-2", area="V")])
    run(path)
    records = Record.objects.filter(deleted=False)
    assert records.count() == 2
    assert sum("area:V" in r.sets.split() for r in records) == 1


def test_every_start_reconciles_and_a_reseed_moves_nothing(two):
    first, second = two
    Record.objects.filter(page_id=first.pk).delete()
    since = age_records()
    call_command("seed_reference", stdout=io.StringIO())
    assert moved(since) == {first.pk}
    since = age_records()
    call_command("seed_reference", stdout=io.StringIO())
    assert moved(since) == set()
