from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from products import languages
from products.models import ProductIndexPage, ProductPage
from products.visibility import public_pages

LATEST = 12
# A language with fewer products than this on its home gets Vietnamese ones after its own.
FEW = 6


class HomePage(Page):
    """The portal's front page in one locale: an introduction and the latest products."""

    intro = models.TextField(_("giới thiệu"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["products.ProductIndexPage"]

    class Meta:
        verbose_name = _("trang chủ")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        code = self.locale.language_code
        public = ProductPage.objects.public_listing()
        own = list(public.filter(language=code)[:LATEST])
        context["latest_products"] = own
        context["vietnamese_products"] = (
            self.vietnamese_fill(public, own) if len(own) < FEW and code != languages.DEFAULT else []
        )
        context["product_index"] = public_pages(ProductIndexPage.objects.child_of(self)).first()
        return context

    @staticmethod
    def vietnamese_fill(public, own):
        """Newest Vietnamese products, leaving out those already shown in translation."""
        shown = [product.translation_key for product in own]
        return list(
            public.filter(language=languages.DEFAULT).exclude(translation_key__in=shown)[: LATEST - len(own)]
        )


class PageCacheGeneration(models.Model):
    """The anonymous page cache's purge generation: one row, read by every app server.

    Every cached page is keyed by ``token``; a purge writes a new random one (``home.cache``).
    Random, not a counter: a database restored or rolled back to an older token never meets
    a later token again, so no page cached in the abandoned timeline can be served.
    """

    token = models.CharField(max_length=32)

    def __str__(self):
        return self.token
