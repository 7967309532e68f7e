"""What a product holds besides its text: the times it went out, and its files.

``ProductPublication`` also owns the rules a publication keeps wherever it is entered
(``rule_errors``), so that the importer checks what the editor's form checks.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from rest_framework.relations import SlugRelatedField
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.models import Orderable

from products.pdftext import extract_pdf_text
from products.validators import validate_not_future


class ProductPublication(Orderable):
    """One time a product went out on a channel."""

    page = ParentalKey("products.ProductPage", on_delete=models.CASCADE, related_name="publications")
    channel = models.ForeignKey(
        "products.Channel", verbose_name=_("kênh"), on_delete=models.PROTECT, related_name="publications"
    )
    date = models.DateField(_("ngày đăng"), validators=[validate_not_future])
    url = models.URLField(_("đường dẫn"), max_length=500, blank=True)
    reference = models.CharField(
        _("số, kỳ, chương trình"),
        max_length=255,
        blank=True,
        help_text=_("Ví dụ: số báo, khung giờ phát sóng, nơi trưng bày."),
    )

    api_fields = [
        APIField("channel", serializer=SlugRelatedField(slug_field="slug", read_only=True)),
        APIField("date"),
        APIField("url"),
        APIField("reference"),
    ]

    panels = [
        FieldRowPanel([FieldPanel("channel"), FieldPanel("date")]),
        FieldPanel("url"),
        FieldPanel("reference"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("lần đăng tải")
        indexes = [models.Index(fields=["channel", "page"], name="publication_channel_page")]

    def __str__(self):
        return f"{self.channel} {self.date}"

    @classmethod
    def rule_errors(cls, *, date, url, reference):
        """{field name: ValidationError} for a publication that breaks the rules of its fields.

        The rules are the fields' own validators (a date not in the future, a web address and
        a reference within their lengths): what the editor's inline form runs. Code that builds
        publications without the form (the importer) asks here, so that both keep one rule.
        Empty values are left to the caller: whether they are required depends on the path.
        """
        errors = {}
        for name, value in (("date", date), ("url", url), ("reference", reference)):
            if value in ("", None):
                continue
            try:
                cls._meta.get_field(name).run_validators(value)
            except ValidationError as error:
                errors[name] = error
        return errors

    @staticmethod
    def first_published(dates):
        """The date the audit counts a product by: its earliest publication (None: none yet)."""
        dates = [date for date in dates if date]
        return min(dates) if dates else None


class ProductAttachment(Orderable):
    """A file that belongs to a product: a PDF, an image, or an audio/video file."""

    page = ParentalKey("products.ProductPage", on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("tài liệu"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("ảnh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    media = models.ForeignKey(
        "wagtailmedia.Media",
        verbose_name=_("âm thanh / video"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    caption = models.CharField(_("chú thích"), max_length=255, blank=True)
    extracted_text = models.TextField(
        _("văn bản trích xuất"),
        blank=True,
        editable=False,
        help_text=_("Văn bản lấy từ tệp PDF, dùng cho tìm kiếm."),
    )

    panels = [FieldPanel("document"), FieldPanel("image"), FieldPanel("media"), FieldPanel("caption")]

    class Meta(Orderable.Meta):
        verbose_name = _("tệp đính kèm")

    def save(self, *args, **kwargs):
        """A PDF attached in the editor gets its text extracted once, for the archive search."""
        if self.document_id and not self.extracted_text and self.document.file.name.lower().endswith(".pdf"):
            with self.document.file.open("rb") as handle:
                self.extracted_text = extract_pdf_text(handle)
        super().save(*args, **kwargs)

    def clean(self):
        if not (self.document_id or self.image_id or self.media_id):
            raise ValidationError(_("Chọn một tài liệu, ảnh hoặc tệp âm thanh/video."))
