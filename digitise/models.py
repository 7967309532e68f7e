"""A scanned file and its pages: the machine's text, the people's corrections, the words' positions.

``Scan`` is keyed by the file (a Wagtail document or image), not by the attachment row: the same
file attached to a product and its translation is read once, and an editor's save of the product
(which rewrites its attachment rows) never loses the OCR.

``ScanPage.text`` is what search and the public read: the OCR text, or the latest correction.
``ocr_text`` keeps the machine's original forever. Each correction is a Wagtail revision of the page
(``RevisionMixin``: who and when), with a ``wagtail.edit`` log entry.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import RevisionMixin

from digitise.storage import ScanStorage


class Scan(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Đang chờ nhận dạng")
        RUNNING = "running", _("Đang nhận dạng")
        DONE = "done", _("Đã nhận dạng")
        PARTIAL = "partial", _("Đã nhận dạng, có trang lỗi")
        FAILED = "failed", _("Lỗi nhận dạng")
        TEXT_LAYER = "text", _("Có sẵn lớp chữ, không cần nhận dạng")

    document = models.OneToOneField(
        "wagtaildocs.Document", null=True, blank=True, on_delete=models.CASCADE, related_name="scan"
    )
    image = models.OneToOneField(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.CASCADE, related_name="scan"
    )
    languages = models.CharField(
        _("ngôn ngữ nhận dạng"), max_length=100, help_text=_("Mô hình Tesseract, ví dụ vie+eng.")
    )
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    page_count = models.PositiveIntegerField(_("số trang"), default=0)
    pages_done = models.PositiveIntegerField(_("số trang đã xử lý"), default=0)
    searchable_pdf = models.FileField(
        _("PDF/A tìm kiếm được"), storage=ScanStorage(), upload_to="pdf/", blank=True, max_length=255
    )
    error = models.TextField(_("lỗi"), blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    started_at = models.DateTimeField(_("bắt đầu lúc"), null=True, blank=True)
    finished_at = models.DateTimeField(_("xong lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("bản quét")
        verbose_name_plural = _("bản quét")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(document__isnull=False, image__isnull=True)
                | models.Q(document__isnull=True, image__isnull=False),
                name="digitise_scan_one_file",
            )
        ]

    def __str__(self):
        return str(self.document or self.image)


class ScanPage(RevisionMixin, models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Đang chờ")
        DONE = "done", _("Đã nhận dạng")
        TEXT_LAYER = "text", _("Lớp chữ có sẵn")
        FAILED = "failed", _("Lỗi")

    scan = models.ForeignKey(Scan, on_delete=models.CASCADE, related_name="pages")
    number = models.PositiveIntegerField(_("trang số"))
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.PENDING)
    error = models.TextField(_("lỗi"), blank=True)
    ocr_text = models.TextField(_("văn bản máy nhận dạng"), blank=True, editable=False)
    text = models.TextField(_("văn bản"), blank=True)
    # [[x0, y0, x1, y1, "word"], ...] in the page image's pixels, from hOCR; the corrected text keeps them.
    words = models.JSONField(_("vị trí các từ"), default=list, blank=True, editable=False)
    width = models.PositiveIntegerField(default=0, editable=False)
    height = models.PositiveIntegerField(default=0, editable=False)
    image = models.FileField(
        _("ảnh trang"), storage=ScanStorage(), upload_to="pages/", blank=True, max_length=255, editable=False
    )
    seconds = models.FloatField(_("thời gian nhận dạng (giây)"), default=0, editable=False)
    corrected = models.BooleanField(_("đã hiệu đính"), default=False)
    # How many times the page was read to the end (success or failure): 1 after a resumed worker.
    attempts = models.PositiveIntegerField(_("số lần nhận dạng"), default=0, editable=False)

    class Meta:
        verbose_name = _("trang quét")
        verbose_name_plural = _("trang quét")
        ordering = ["scan", "number"]
        constraints = [models.UniqueConstraint(fields=["scan", "number"], name="digitise_scanpage_unique")]

    def __str__(self):
        return f"{self.scan} · {self.number}"
