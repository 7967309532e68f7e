"""Keeping ``oai.Record`` in step with what the public sees: ``refresh(ids)`` and ``reconcile()``.

``refresh`` looks at products as they are now: a public product gets a live record whose
datestamp moves when its metadata digest or its sets differ from the record's (or it was
withdrawn); a product with a live record that is no longer public (unpublished, deleted,
restricted, or never existed) becomes a deleted record, keeping its last sets. A product that
was never public gets no record at all. So ``refresh`` is idempotent: asking again about
unchanged products writes nothing, and the signal receivers may ask generously.
"""

from django.db import transaction
from django.utils import timezone

from oai import facts
from oai.models import Record
from products.models import ProductPage

CHUNK = 500


def now():
    return timezone.now().replace(microsecond=0)


def refresh(page_ids):
    """Bring the records of ``page_ids`` up to date; returns how many rows were written."""
    ids = sorted(set(page_ids))
    written = 0
    for start in range(0, len(ids), CHUNK):
        written += _refresh_chunk(ids[start : start + CHUNK])
    return written


def _refresh_chunk(ids):
    stamp = now()
    records = {record.page_id: record for record in Record.objects.filter(page_id__in=ids)}
    new, changed = [], []
    public = set()
    for page_id, fact in facts.facts(ids):
        public.add(page_id)
        sets = " " + " ".join(facts.set_specs(fact)) + " "
        digest = facts.digest(fact)
        record = records.get(page_id)
        if record is None:
            new.append(
                Record(
                    page_id=page_id,
                    identifier=Record.identifier_for(page_id),
                    datestamp=stamp,
                    sets=sets,
                    digest=digest,
                )
            )
        elif record.deleted or record.digest != digest or record.sets != sets:
            record.deleted, record.sets, record.digest, record.datestamp = False, sets, digest, stamp
            changed.append(record)
    for page_id, record in records.items():
        if page_id not in public and not record.deleted:
            record.deleted, record.digest, record.datestamp = True, "", stamp
            changed.append(record)
    with transaction.atomic():
        Record.objects.bulk_create(new, ignore_conflicts=True)
        Record.objects.bulk_update(changed, ["deleted", "sets", "digest", "datestamp"])
    return len(new) + len(changed)


def with_translations(page_ids):
    """``page_ids`` and every product sharing a translation key with one: their lists of
    translations show each other."""
    keys = ProductPage.objects.filter(pk__in=page_ids).values("translation_key")
    return set(page_ids) | set(
        ProductPage.objects.filter(translation_key__in=keys).values_list("pk", flat=True)
    )


def reconcile():
    """Every product and every live record: what ``manage.py oai_sync`` runs."""
    ids = set(ProductPage.objects.values_list("pk", flat=True))
    ids |= set(Record.objects.filter(deleted=False).values_list("page_id", flat=True))
    return refresh(ids)
