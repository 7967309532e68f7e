"""The page tree of the archive.

Home (per locale) › Products index › one section per unit › products. Putting each
unit's products under its own section lets Wagtail's page permissions and workflows
apply per unit; the section pages are kept in step with the unit register by
``products.sections``.
"""

from django import forms
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from rest_framework.relations import SlugRelatedField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, ObjectList, TabbedInterface
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from products import listing, plan_counts
from products.blocks import ProductBodyBlock
from products.desk.panels import ProductLanguagePanel
from products.desk.permissions import ProductPermissionTester
from products.forms import ProductPageForm
from products.languages import LANGUAGES
from products.models.publications import ProductPublication
from products.models.registers import Unit
from products.slugs import ascii_slug
from products.text import nfc, nfc_stream
from products.visibility import public_pages


class ProductIndexPage(Page):
    """The products of one locale, listed newest first."""

    intro = models.TextField(_("giới thiệu"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["products.UnitSectionPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("danh mục sản phẩm")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        products = ProductPage.objects.public_listing().filter(language=self.locale.language_code)
        units = Unit.objects.filter(sections__locale=self.locale_id)
        context.update(listing.listing_context(request, products, units=units))
        return context


class UnitSectionPage(Page):
    """A unit's desk in one locale: its products live here, its groups get permissions here."""

    unit = models.ForeignKey(
        "products.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="sections"
    )

    content_panels = [*Page.content_panels, FieldPanel("unit", read_only=True)]
    parent_page_types = ["products.ProductIndexPage"]
    subpage_types = ["products.ProductPage"]

    class Meta:
        verbose_name = _("chuyên mục đơn vị")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Its unit's products in its language (``save()`` and, on a move, ``unit_follows_section``
        # keep a product's unit its section's), from the listing index without tree probes.
        language = self.locale.language_code
        products = ProductPage.objects.public_listing().filter(unit=self.unit_id, language=language)
        context.update(listing.listing_context(request, products, fixed_unit=self.unit))
        return context


class ProductPageQuerySet(PageQuerySet):
    def public_listing(self):
        """Products anyone may read, newest first: live and under no Wagtail view restriction.

        Every public listing, home page, feed and sitemap starts from this one query, so a
        rule about what the public may see is written once. "Live" is read from the product
        row's own copy (``is_live``, kept exact by ``products.plan_counts``): a listing's count
        and its page of ids then read the product table alone, where ``Page.live`` joined
        every matching product to its page row (a scan of the page table at 100,000 products).
        """
        return (
            public_pages(self, live=Q(is_live=True))
            .select_related("area", "format", "unit", "locale")
            .order_by("-first_published", "-pk")
        )


class ProductPage(Page):
    """A communication product in exactly one language (its locale).

    Translations share Wagtail's ``translation_key``; each is a product of its own for
    the audit. ``first_published`` is the earliest publication date and is what the
    audit counts by; ``save()`` keeps it right.
    """

    objects = PageManager.from_queryset(ProductPageQuerySet)()

    summary = models.TextField(_("tóm tắt"), blank=True)
    body = StreamField(ProductBodyBlock(), verbose_name=_("nội dung"), blank=True)
    transcript = models.TextField(
        _("lời thoại / bản ghi"), blank=True, help_text=_("Cho sản phẩm âm thanh, video.")
    )
    area = models.ForeignKey(
        "products.ContentArea",
        verbose_name=_("lĩnh vực nội dung"),
        null=True,
        on_delete=models.PROTECT,
        related_name="products",
    )
    task = models.ForeignKey(
        "products.PlanTask",
        verbose_name=_("nhiệm vụ kế hoạch"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="products",
    )
    format = models.ForeignKey(
        "products.Format",
        verbose_name=_("loại hình"),
        null=True,
        on_delete=models.PROTECT,
        related_name="products",
    )
    unit = models.ForeignKey(
        "products.Unit",
        verbose_name=_("đơn vị sản xuất"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="products",
    )
    topics = ParentalManyToManyField("products.Topic", verbose_name=_("chủ đề"), blank=True)
    external_id = models.CharField(
        _("mã ngoài"),
        max_length=100,
        unique=True,
        null=True,
        blank=True,
        help_text=_("Mã ổn định dùng khi nhập dữ liệu; để trống nếu không dùng."),
    )
    language = models.CharField(_("ngôn ngữ"), max_length=10, db_index=True, editable=False)
    first_published = models.DateField(
        _("ngày đăng đầu tiên"), null=True, blank=True, db_index=True, editable=False
    )
    # Copies for counting from this table alone (products/plan_counts.py says why and who keeps them).
    is_live = models.BooleanField(_("đang xuất bản (bản sao)"), default=False, editable=False)
    channel_mask = models.BigIntegerField(_("các kênh đã đăng (mặt nạ bit)"), default=0, editable=False)
    digitised = models.BooleanField(_("đã số hóa"), default=False, editable=False)

    # The editor in the order of the job: write, classify, record where it went out, attach
    # files; then Wagtail's own promote (slug, SEO) and settings (scheduling) tabs.
    content_panels = [
        ProductLanguagePanel(),
        *Page.content_panels,
        FieldPanel(
            "summary", help_text=_("Vài câu giới thiệu sản phẩm; hiện trong danh sách và kết quả tìm kiếm.")
        ),
        FieldPanel("body", help_text=_("Nội dung chính: đoạn văn, ảnh, trích dẫn, video nhúng.")),
        FieldPanel("transcript"),
    ]
    classification_panels = [
        FieldRowPanel(
            [
                FieldPanel("area", help_text=_("Nội dung tuyên truyền I–V theo mục III của Kế hoạch.")),
                FieldPanel("format", help_text=_("Bài viết, phóng sự, tin phát thanh, video…")),
            ]
        ),
        FieldPanel("task", help_text=_("Nhiệm vụ của Kế hoạch mà sản phẩm thực hiện.")),
        FieldPanel(
            "topics",
            widget=forms.CheckboxSelectMultiple,
            help_text=_("Các chủ đề trong văn bản hướng dẫn hằng năm, nếu có."),
        ),
    ]
    publication_panels = [
        InlinePanel(
            "publications",
            label=_("Lần đăng tải"),
            min_num=1,
            help_text=_("Mỗi lần sản phẩm được đăng, phát sóng hay trưng bày; cần ít nhất một lần."),
        ),
    ]
    attachment_panels = [
        InlinePanel(
            "attachments",
            label=_("Tệp đính kèm"),
            help_text=_("Tệp PDF, ảnh, âm thanh hoặc video của sản phẩm."),
        ),
    ]
    promote_panels = [*Page.promote_panels, FieldPanel("external_id")]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Nội dung")),
            ObjectList(classification_panels, heading=_("Phân loại")),
            ObjectList(publication_panels, heading=_("Đăng tải")),
            ObjectList(attachment_panels, heading=_("Tệp đính kèm")),
            ObjectList(promote_panels, heading=_("Quảng bá")),
            ObjectList(Page.settings_panels, heading=_("Cài đặt")),
        ]
    )
    # A copy or a translation is a product of its own: the source's (unique) external id stays with it.
    exclude_fields_in_copy = ["external_id"]
    base_form_class = ProductPageForm
    parent_page_types = ["products.UnitSectionPage"]
    subpage_types = []

    api_fields = [
        APIField("language"),
        APIField("external_id"),
        APIField("first_published"),
        APIField("summary"),
        APIField("body"),
        APIField("transcript"),
        APIField("area", serializer=SlugRelatedField(slug_field="slug", read_only=True)),
        APIField("task", serializer=SlugRelatedField(slug_field="slug", read_only=True)),
        APIField("format", serializer=SlugRelatedField(slug_field="slug", read_only=True)),
        APIField("unit", serializer=SlugRelatedField(slug_field="slug", read_only=True)),
        APIField("topics", serializer=SlugRelatedField(slug_field="slug", many=True, read_only=True)),
        APIField("publications"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("transcript"),
        index.FilterField("language"),
        index.FilterField("first_published"),
    ]

    class Meta:
        verbose_name = _("sản phẩm truyền thông")
        verbose_name_plural = _("sản phẩm truyền thông")
        indexes = [
            models.Index(fields=["first_published", "language"], name="product_period_lang"),
            # A public listing: one language, live, newest first (a year is a range of it), one
            # page; the filters' columns ride along, so a page's ids and a count are read from
            # the index alone, however deep the page.
            models.Index(
                fields=["language", "is_live", "first_published", "page_ptr", "area", "format", "unit"],
                name="product_listing",
            ),
            # Covers every column the plan's counts read: one index range per period.
            models.Index(fields=[*plan_counts.INDEX_FIELDS], name="product_plan_counts"),
        ]
        permissions = [
            ("translate_into_" + lang.code.replace("-", "_"), _("Dịch sang %s") % lang.local_name)
            for lang in LANGUAGES
        ]

    TEXT_FIELDS = ("title", "draft_title", "seo_title", "search_description", "summary", "transcript")

    def clean(self):
        self.normalise_text()
        super().clean()

    def save(self, *args, **kwargs):
        self.normalise_text()
        self.sync_derived_fields()
        kwargs["update_fields"] = plan_counts.sync_page(self, kwargs.get("update_fields"))
        return super().save(*args, **kwargs)

    def normalise_text(self):
        for field in self.TEXT_FIELDS:
            setattr(self, field, nfc(getattr(self, field)))
        body = nfc_stream(self.body)
        if body is not None:
            self.body = body

    def sync_derived_fields(self):
        """Language from the locale, unit from the section, first_published from publications."""
        if self.locale_id:
            self.language = self.locale.language_code
        parent = self.get_parent() if self.pk or self.depth else None
        section = parent.specific if parent is not None else None
        if isinstance(section, UnitSectionPage):
            self.unit_id = section.unit_id
        if not self.slug and parent is not None:
            self.slug = self._get_autogenerated_slug(ascii_slug(self.title, fallback=self.external_id or ""))
        self.first_published = ProductPublication.first_published(p.date for p in self.publications.all())

    def permissions_for_user(self, user):
        """Wagtail's page permissions plus the desk's rules (translators, moves within a language)."""
        return ProductPermissionTester(user, self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["translations"] = public_pages(self.get_translations(inclusive=False)).select_related(
            "locale"
        )
        return context
