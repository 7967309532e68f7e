"""Harvest sources and the remote records copied from them: read-only copies, never products."""

from django.db import models
from django.utils.translation import gettext_lazy as _

PREFIXES = [("ttnq", _("ttnq (đầy đủ các trường của kế hoạch)")), ("oai_dc", _("oai_dc (Dublin Core)"))]


class Source(models.Model):
    """Another instance's OAI-PMH endpoint. ``last_datestamp`` is the ``from`` of the next
    harvest: the server's ``responseDate`` when the last *complete* harvest began (so a change
    made while it ran is asked for again next time); a run that fails leaves it where it was.
    ``metadata_prefix`` empty: ``ttnq`` when the source offers it, else ``oai_dc``."""

    name = models.CharField(_("tên"), max_length=255)
    base_url = models.URLField(_("địa chỉ OAI-PMH"), max_length=500, unique=True)
    metadata_prefix = models.CharField(
        _("định dạng siêu dữ liệu"), max_length=20, blank=True, choices=PREFIXES
    )
    set_spec = models.CharField(_("tập hợp (set)"), max_length=255, blank=True)
    last_datestamp = models.CharField(_("mốc thời gian đã thu thập"), max_length=32, blank=True)
    last_run_at = models.DateTimeField(_("lần chạy gần nhất"), null=True, blank=True)
    last_result = models.TextField(_("kết quả lần chạy gần nhất"), blank=True)
    last_ok = models.BooleanField(_("lần chạy gần nhất thành công"), null=True)

    class Meta:
        verbose_name = _("nguồn thu thập")
        verbose_name_plural = _("nguồn thu thập")
        ordering = ["name"]

    def __str__(self):
        return self.name


class RemoteRecord(models.Model):
    """One OAI record of a source, as it last served it. ``deleted``: the source withdrew it
    (``status="deleted"``); the row stays so the withdrawal is known, but search drops it.
    Codes (``area``, ``unit``, ``format``) are the source's register slugs: instances of the
    same software share them, so the search's facets count remote records beside products."""

    source = models.ForeignKey(Source, models.CASCADE, related_name="records", verbose_name=_("nguồn"))
    identifier = models.CharField(_("định danh OAI"), max_length=255)
    url = models.URLField(_("địa chỉ gốc"), max_length=1000, blank=True)
    title = models.TextField(_("tiêu đề"), blank=True)
    summary = models.TextField(_("tóm tắt"), blank=True)
    language = models.CharField(_("ngôn ngữ"), max_length=20, blank=True)
    area = models.CharField(_("lĩnh vực"), max_length=100, blank=True)
    unit = models.CharField(_("đơn vị"), max_length=100, blank=True)
    unit_name = models.CharField(_("tên đơn vị"), max_length=255, blank=True)
    format = models.CharField(_("loại hình"), max_length=100, blank=True)
    first_published = models.DateField(_("ngày đăng đầu tiên"), null=True, blank=True)
    datestamp = models.DateTimeField(_("mốc thời gian OAI"))
    deleted = models.BooleanField(_("đã rút"), default=False)
    metadata_xml = models.TextField(_("siêu dữ liệu (XML)"), blank=True)
    harvested_at = models.DateTimeField(_("thu thập lúc"), auto_now=True)

    class Meta:
        verbose_name = _("bản ghi từ kho khác")
        verbose_name_plural = _("bản ghi từ kho khác")
        constraints = [
            models.UniqueConstraint(fields=["source", "identifier"], name="harvesting_record_per_source")
        ]
        ordering = ["-datestamp", "pk"]

    def __str__(self):
        return self.title or self.identifier
