from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from products.visibility import public_pages


class HomePage(Page):
    """The portal's front page in one locale: an introduction and the latest products."""

    intro = models.TextField(_("giới thiệu"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["products.ProductIndexPage"]

    class Meta:
        verbose_name = _("trang chủ")

    def get_context(self, request, *args, **kwargs):
        from products.models import ProductIndexPage, ProductPage

        context = super().get_context(request, *args, **kwargs)
        context["latest_products"] = (
            public_pages(ProductPage.objects.descendant_of(self))
            .select_related("area", "format", "unit")
            .order_by("-first_published", "-pk")[:12]
        )
        context["product_index"] = public_pages(ProductIndexPage.objects.child_of(self)).first()
        return context
