"""One row per product that was ever public: what a harvester was (or is) shown of it."""

from urllib.parse import urlsplit

from django.db import models

from oai import conf
from products.site_root import site_root


def repository_identifier():
    """The ``repositoryIdentifier`` of the OAI identifiers: ``OAI_REPOSITORY_IDENTIFIER``, else the
    public address's host name (``nhanquyen.example.vn``)."""
    return conf.get("OAI_REPOSITORY_IDENTIFIER") or urlsplit(site_root()).hostname or "localhost"


class Record(models.Model):
    """A product's OAI record. ``identifier`` is fixed when the row is first written, so a later
    change of address never renames a record harvesters hold. ``sets`` are the set specs,
    space-separated and framed by spaces (`` area area:I … ``) so one ``contains`` finds a set;
    a withdrawn record keeps the sets it last had, so a harvester of one set learns of it too.
    ``digest`` is a hash of the metadata served; the datestamp moves only when it changes."""

    page_id = models.BigIntegerField(unique=True)
    identifier = models.CharField(max_length=255, unique=True)
    datestamp = models.DateTimeField(db_index=True)
    deleted = models.BooleanField(default=False)
    sets = models.TextField(blank=True)
    digest = models.CharField(max_length=64, blank=True)

    class Meta:
        indexes = [models.Index(fields=["datestamp", "page_id"], name="oai_record_order")]

    def __str__(self):
        return self.identifier

    @staticmethod
    def identifier_for(page_id, repository=None):
        return f"oai:{repository or repository_identifier()}:product-{page_id}"


class PendingRefresh(models.Model):
    """A product whose record must be looked at again (``oai.queue``): written by the page signals'
    receivers inside the change's transaction, drained in bulk once it commits."""

    page_id = models.BigIntegerField()
    queued_at = models.DateTimeField(db_index=True)

    def __str__(self):
        return f"{self.page_id} @ {self.queued_at:%Y-%m-%d %H:%M:%S}"
