"""The product row's plan-count copies (live, channel mask, digitised) stay exact on every path."""

import datetime
import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Page

from audit.share import Period, Query, compute
from products import plan_counts
from products.models import Channel, ProductPage, ProductPublication
from tests.factories import make_product

D = datetime.date


def stale():
    return plan_counts.stale_flag_ids(ProductPage.objects.values_list("pk", flat=True))


def bits(*slugs):
    return plan_counts.channel_mask(Channel.objects.filter(slug__in=slugs).values_list("pk", flat=True))


def test_publish_edit_unpublish_keep_the_copies(registers):
    page = make_product(live=False, publications=[("print", D(2024, 3, 1))])
    assert (page.is_live, page.channel_mask, page.digitised) == (False, bits("print"), False)

    page.save_revision().publish()
    page.refresh_from_db()
    assert page.is_live and not stale()

    # a draft edit adds Facebook and a transcript: the live row keeps its publications and copies
    page.publications.add(ProductPublication(channel=registers.channel["facebook"], date=D(2024, 3, 2)))
    page.transcript = "Lời thoại"
    revision = page.save_revision()
    page.refresh_from_db()
    assert page.channel_mask == bits("print") and not page.digitised and not stale()

    revision.publish()
    page.refresh_from_db()
    assert page.channel_mask == bits("print", "facebook") and page.digitised and not stale()

    # unpublished through a plain Page instance, which saves the page row only
    Page.objects.get(pk=page.pk).unpublish()
    page.refresh_from_db()
    assert not page.live and not page.is_live and not stale()
    assert compute(Query(Period.year(2024))).total == 0


def test_queryset_unpublish_and_copy_keep_the_copies(registers):
    first = make_product(title="a", publications=[("zalo", D(2024, 1, 1))])
    make_product(title="b", publications=[("radio", D(2024, 1, 2))])
    copy = first.copy(update_attrs={"slug": "a-copy", "external_id": None, "title": "a copy"}, keep_live=True)
    assert ProductPage.objects.get(pk=copy.pk).channel_mask == bits("zalo")
    Page.objects.type(ProductPage).live().unpublish()
    assert not ProductPage.objects.filter(is_live=True).exists() and not stale()


def test_bulk_import_sets_the_copies(registers, tmp_path):
    rows = [
        {
            "external_id": "imp-1",
            "title": "Nhập 1",
            "language": "bdq",
            "area": "III",
            "format": "article",
            "unit": "bao-kon-tum",
            "body": "<p>Nội dung</p>",
            "publications": [
                {"channel": "facebook", "date": "2024-05-01"},
                {"channel": "print", "date": "2024-05-02"},
            ],
        },
        {
            "external_id": "imp-2",
            "title": "Nhập 2",
            "language": "vi",
            "area": "II",
            "format": "news",
            "unit": "so-tttt",
            "publications": [{"channel": "radio", "date": "2024-06-01"}],
        },
    ]
    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    call_command("import_products", str(path), "--no-progress", stdout=io.StringIO(), stderr=io.StringIO())
    one, two = ProductPage.objects.get(external_id="imp-1"), ProductPage.objects.get(external_id="imp-2")
    assert (one.is_live, one.channel_mask, one.digitised) == (True, bits("facebook", "print"), True)
    assert (two.is_live, two.channel_mask, two.digitised) == (True, bits("radio"), False)
    assert not stale()
    report = compute(Query(Period.year(2024))).as_json()
    assert (report["total"], report["counted"]) == (2, 1)


def test_channel_without_a_bit_of_its_own_is_counted_exactly(registers):
    """A channel id over 62 sets the overflow bit; the counts look it up in the publications."""
    far = Channel.objects.create(slug="far-away", name_vi="Kênh xa", name_en="Far", pk=500, is_digital=True)
    near = make_product(title="near", publications=[("print", D(2024, 2, 1))])
    far_product = make_product(
        title="far", publications=[("far-away", D(2024, 2, 2)), ("radio", D(2024, 2, 3))]
    )
    far_product.refresh_from_db()
    assert far_product.channel_mask == bits("radio") | plan_counts.OVERFLOW_BIT
    report = compute(Query(Period.year(2024))).as_json()
    assert (report["total"], report["counted"], report["parts"]["digital"]) == (2, 1, 1)
    channels = {row["key"]: (row["total"], row["counted"]) for row in report["breakdowns"]["channel"]}
    assert channels == {"print": (1, 0), "radio": (1, 1), "far-away": (1, 1)}
    far.is_digital = False
    far.save()
    assert compute(Query(Period.year(2024))).counted == 0
    assert near.pk not in stale()


def test_drift_from_hand_written_sql_is_found_and_repaired(registers):
    page = make_product(publications=[("facebook", D(2024, 4, 1))])
    ProductPage.objects.filter(pk=page.pk).update(channel_mask=0, is_live=False)
    Page.objects.filter(pk=page.pk).update(title="x")  # unrelated change: still the same drift
    assert stale() == [page.pk]
    with pytest.raises(CommandError):
        call_command("refresh_product_flags", "--check", stdout=io.StringIO())
    call_command("refresh_product_flags", stdout=io.StringIO())
    assert not stale()
    call_command("refresh_product_flags", "--check", stdout=io.StringIO())
