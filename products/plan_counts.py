"""Denormalised copies on each product row that let the plan's figures be counted from one table.

The audit (target 4) and the annual report count live products by their first
publication date, language, unit, area, task, format, channels and whether they are
digitised. Read from the normalised tables, every count joins ``wagtailcore_page`` (for
``live``) and probes the publications and attachments of each product; at a million
products that costs seconds. So ``products_productpage`` carries three copies:

- ``is_live``: ``Page.live``;
- ``channel_mask``: one bit per channel the product was published on — bit *n* stands for
  the channel whose id is *n* (1 … 62); a channel with a larger id sets bit 0 instead
  (``OVERFLOW_BIT``), and the few queries that need such a channel look it up in the
  publications table for the products with that bit;
- ``digitised``: the product has a body, a transcript or an attachment.

Which channels count as digital is *not* stored: it is the auditors' setting, read
when a query runs, so the figures follow a change of it at once.

Who keeps them exact: ``ProductPage.save()`` (every editor, publish, unpublish, copy,
move and revision path ends there), ``sync_live_copy`` for an unpublish made through a
plain ``Page`` instance, and the bulk importer, which writes rows without ``save()`` and so
computes the copies with the row from the same ``channel_mask`` and ``is_digitised``
(``products/importing/writer.py``). ``stale_flag_ids()`` finds rows whose copies disagree with
the tables (after hand-written SQL, say); ``refresh_flags(ids)`` rewrites them, one query per
batch; ``manage.py refresh_product_flags`` reports and repairs them that way.
"""

from django.db import connection

# The columns of the covering index the plan's counts read (one index range per period).
INDEX_FIELDS = (
    "is_live",
    "first_published",
    "unit",
    "area",
    "format",
    "task",
    "language",
    "channel_mask",
    "digitised",
)
MAX_BIT = 62  # bit 63 is the sign of a signed 64-bit integer on both databases
OVERFLOW_BIT = 1  # bit 0: published on a channel whose id has no bit of its own


def channel_bit(channel_id):
    """The bit a publication on ``channel_id`` sets in ``channel_mask``."""
    if 0 < channel_id <= MAX_BIT:
        return 1 << channel_id
    return OVERFLOW_BIT


def channel_mask(channel_ids):
    mask = 0
    for channel_id in channel_ids:
        mask |= channel_bit(channel_id)
    return mask


def mask_of(channel_ids):
    """(bits of the channels that have one, ids of the channels that overflow)."""
    bits = channel_mask(pk for pk in channel_ids if 0 < pk <= MAX_BIT)
    return bits, sorted(pk for pk in channel_ids if not 0 < pk <= MAX_BIT)


def bit_channels(mask):
    """The channel ids whose bits are set in ``mask`` (bit 0, the overflow bit, excluded)."""
    return [bit for bit in range(1, MAX_BIT + 1) if mask >> bit & 1]


def is_digitised(body_is_empty, transcript, has_attachments):
    """The rule of the target-5 indicator: a body, a transcript or an attachment."""
    return not body_is_empty or bool(transcript) or has_attachments


def sync_page(page, update_fields=None):
    """Set ``page``'s copies from the state being saved; returns the fields to write.

    A save limited to some fields (a draft revision saves only its bookkeeping) writes
    neither the publications nor the attachments, so the copies stay as they are, except
    the live copy when ``live`` itself is written.
    """
    if update_fields is None:
        page.is_live = page.live
        page.channel_mask = channel_mask(
            publication.channel_id for publication in page.publications.all() if publication.channel_id
        )
        page.digitised = is_digitised(
            body_is_empty=not len(page.body or []),
            transcript=page.transcript,
            has_attachments=bool(page.attachments.all()),
        )
        return None
    update_fields = list(update_fields)
    if "live" in update_fields and "is_live" not in update_fields:
        page.is_live = page.live
        update_fields.append("is_live")
    return update_fields


# --- set-based upkeep ------------------------------------------------------------------


def _tables():
    from products.models import ProductAttachment, ProductPage, ProductPublication

    quote = connection.ops.quote_name
    page = ProductPage._meta
    return {
        "product": quote(page.db_table),
        "id": quote(page.pk.column),
        "page": quote(page.get_parent_list()[0]._meta.db_table),
        "publication": quote(ProductPublication._meta.db_table),
        "attachment": quote(ProductAttachment._meta.db_table),
    }


def _recomputed_sql():
    """SELECT id, live, mask, digitised recomputed from the normalised tables."""
    from products.models import ProductAttachment, ProductPage, ProductPublication

    t = _tables()
    quote = connection.ops.quote_name
    page_fk = quote(ProductPublication._meta.get_field("page").column)
    channel_fk = quote(ProductPublication._meta.get_field("channel").column)
    attachment_fk = quote(ProductAttachment._meta.get_field("page").column)
    body = quote(ProductPage._meta.get_field("body").column)
    transcript = quote(ProductPage._meta.get_field("transcript").column)
    # SUM(DISTINCT bit) is the bitwise OR of the distinct bits: both databases have it.
    bit = f"CASE WHEN pub.{channel_fk} BETWEEN 1 AND {MAX_BIT} THEN {_shift('pub.' + channel_fk)} ELSE 1 END"
    return f"""
        SELECT pp.{t["id"]},
               wp.live,
               COALESCE((SELECT SUM(DISTINCT {bit}) FROM {t["publication"]} pub
                         WHERE pub.{page_fk} = pp.{t["id"]}), 0),
               CASE WHEN pp.{body} <> '[]' OR pp.{transcript} <> '' OR EXISTS (
                   SELECT 1 FROM {t["attachment"]} att WHERE att.{attachment_fk} = pp.{t["id"]}
               ) THEN 1 ELSE 0 END
        FROM {t["product"]} pp JOIN {t["page"]} wp ON wp.id = pp.{t["id"]}
    """  # noqa: S608 - table and column names from the models


def _shift(column):
    if connection.vendor == "postgresql":
        return f"(CAST(1 AS BIGINT) << CAST({column} AS INTEGER))"
    return f"(1 << {column})"


def refresh_flags(page_ids):
    """Recompute the copies of the products ``page_ids`` from the tables; returns how many.

    The bulk importer calls this for each batch it writes, inside the batch's transaction.
    """
    from products.models import ProductPage

    rows = _recomputed_rows(page_ids)
    updates = [
        ProductPage(page_ptr_id=pk, is_live=bool(live), channel_mask=int(mask), digitised=bool(digitised))
        for pk, live, mask, digitised in rows
    ]
    ProductPage.objects.bulk_update(updates, ["is_live", "channel_mask", "digitised"], batch_size=500)
    return len(updates)


def all_product_ids(chunk_size=5000):
    """Every product id, in chunks: for repairing or checking the whole archive."""
    from products.models import ProductPage

    ids = list(ProductPage.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), chunk_size):
        yield ids[start : start + chunk_size]


def _recomputed_rows(page_ids):
    ids = list(page_ids)
    if not ids:
        return []
    t = _tables()
    sql = _recomputed_sql() + f" WHERE pp.{t['id']} IN ({', '.join(['%s'] * len(ids))})"
    with connection.cursor() as cursor:
        cursor.execute(sql, ids)
        return cursor.fetchall()


def stale_flag_ids(page_ids):
    """Ids of products whose stored copies differ from what the tables say."""
    from products.models import ProductPage

    expected = {
        pk: (bool(live), int(mask), bool(digitised))
        for pk, live, mask, digitised in _recomputed_rows(page_ids)
    }
    stored = ProductPage.objects.filter(pk__in=list(expected)).values_list(
        "pk", "is_live", "channel_mask", "digitised"
    )
    return sorted(pk for pk, live, mask, digitised in stored if expected[pk] != (live, mask, digitised))


def sync_live_copy(instance):
    """After an unpublish through a plain ``Page`` (which saves only the page row)."""
    from products.models import ProductPage

    if instance.is_live != instance.live:
        ProductPage.objects.filter(pk=instance.pk).update(is_live=instance.live)
        instance.is_live = instance.live
