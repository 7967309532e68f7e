"""One incremental harvest of a source with Sickle: what changed since the last complete run.

The next run's ``from`` is the source's ``responseDate`` to the ``Identify`` that opens a run,
taken on the source's own clock before anything is listed, and stored only when the whole
list (every resumption token) was written: a run that fails half-way leaves it where it was,
so the next run asks for the same changes again. Writing a record twice changes nothing
(records are compared with what is stored), so nothing is lost and nothing is doubled.
Each batch of records is written in its own transaction and announced to the search
(``remote_records_changed``).
"""

import datetime
from dataclasses import dataclass, field

import requests
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from lxml import etree
from sickle import Sickle, oaiexceptions
from sickle.iterator import OAIResponseIterator
from sickle.models import Record
from sickle.oaiexceptions import NoRecordsMatch

from harvesting import metadata
from harvesting.models import RemoteRecord, Source
from harvesting.signals import remote_records_changed

TIMEOUT = 60  # seconds for one request to the source
OAI = "{http://www.openarchives.org/OAI/2.0/}"


# What a source may answer instead of records (Sickle raises one class per OAI-PMH error code,
# none derived from another); noRecordsMatch is not among them: an incremental run finds nothing.
OAI_ERRORS = tuple(
    error
    for name, error in vars(oaiexceptions).items()
    if isinstance(error, type) and issubclass(error, Exception) and error is not NoRecordsMatch
)


class HarvestError(Exception):
    """A harvest that could not finish, with a message for the operator."""


class NotOAI(Exception):
    """The address answered XML, but not an OAI-PMH ``Identify``."""


@dataclass
class Counts:
    new: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    skipped: int = 0
    changed_ids: list = field(default_factory=list, repr=False)

    def __str__(self):
        return _("%(new)d mới, %(updated)d cập nhật, %(deleted)d bị rút, %(unchanged)d không đổi") % {
            "new": self.new,
            "updated": self.updated,
            "deleted": self.deleted,
            "unchanged": self.unchanged,
        }


def parse_datestamp(value):
    value = value.strip()
    if len(value) == 10:
        value += "T00:00:00Z"
    return datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))


def client(source):
    return Sickle(source.base_url, timeout=TIMEOUT)


def _prefix(sickle, source):
    if source.metadata_prefix:
        return source.metadata_prefix
    offered = {f.metadataPrefix for f in sickle.ListMetadataFormats()}
    return "ttnq" if "ttnq" in offered else "oai_dc"


def _apply(source, record, counts):
    """Write one listed record (live or withdrawn) and count what it changed."""
    header = record.header
    stored = RemoteRecord.objects.filter(source=source, identifier=header.identifier).first()
    stamp = parse_datestamp(header.datestamp)
    if header.deleted:
        if stored is None or stored.deleted:
            counts.unchanged += stored is not None
            return
        stored.deleted, stored.datestamp = True, stamp
        stored.save()
        counts.deleted += 1
        counts.changed_ids.append(stored.pk)
        return
    values = metadata.fields(record.xml)
    if values is None:
        counts.skipped += 1
        return
    values.update(datestamp=stamp, deleted=False)
    if stored is not None and all(getattr(stored, k) == v for k, v in values.items()):
        counts.unchanged += 1
        return
    row, created = RemoteRecord.objects.update_or_create(
        source=source, identifier=header.identifier, defaults=values
    )
    counts.new += created
    counts.updated += not created
    counts.changed_ids.append(row.pk)


def _write(source, pages, counts):
    """Each page of the list (one resumption token's worth) in a transaction of its own, so
    what arrived before a failure is kept (and compared, not doubled, when it comes again)."""
    for page in pages:
        records = [Record(element) for element in page.xml.iterfind(f".//{OAI}record")]
        with transaction.atomic():
            start = len(counts.changed_ids)
            for record in records:
                _apply(source, record, counts)
            if ids := counts.changed_ids[start:]:
                remote_records_changed.send(sender=RemoteRecord, ids=ids)


def _run(source):
    sickle = client(source)
    answer = sickle.harvest(verb="Identify").xml
    began = (answer.findtext(f"{OAI}responseDate") or "").strip()
    if answer.find(f"{OAI}Identify") is None or not began:
        raise NotOAI(etree.tostring(answer, encoding="unicode")[:200])
    day_only = (answer.findtext(f"{OAI}Identify/{OAI}granularity") or "").strip() == "YYYY-MM-DD"
    params = {"metadataPrefix": _prefix(sickle, source), "ignore_deleted": False}
    if source.last_datestamp:
        params["from"] = source.last_datestamp[:10] if day_only else source.last_datestamp
    if source.set_spec:
        params["set"] = source.set_spec
    counts = Counts()
    sickle.iterator = OAIResponseIterator  # a page at a time: see _write
    try:
        records = sickle.ListRecords(**params)
    except NoRecordsMatch:
        return began, counts
    _write(source, records, counts)
    return began, counts


def _failure(source, exc):
    if isinstance(exc, OAI_ERRORS):
        code = type(exc).__name__
        return _("Máy chủ OAI-PMH %(url)s trả lời lỗi %(code)s: %(message)s") % {
            "url": source.base_url,
            "code": code[:1].lower() + code[1:],
            "message": exc,
        }
    if isinstance(exc, (etree.XMLSyntaxError, NotOAI)):
        return _("%(url)s không trả lời bằng XML OAI-PMH: %(message)s") % {
            "url": source.base_url,
            "message": exc,
        }
    return _("Không kết nối được tới %(url)s: %(message)s") % {"url": source.base_url, "message": exc}


def harvest(source: Source):
    """Harvest ``source`` from its last datestamp; returns the Counts, or raises HarvestError."""
    try:
        began, counts = _run(source)
    except (requests.RequestException, *OAI_ERRORS, etree.XMLSyntaxError, NotOAI) as exc:
        message = _failure(source, exc)
        source.last_run_at, source.last_ok, source.last_result = timezone.now(), False, message
        source.save(update_fields=["last_run_at", "last_ok", "last_result"])
        raise HarvestError(message) from exc
    source.last_datestamp = began or source.last_datestamp
    source.last_run_at, source.last_ok, source.last_result = timezone.now(), True, str(counts)
    source.save(update_fields=["last_datestamp", "last_run_at", "last_ok", "last_result"])
    return counts
