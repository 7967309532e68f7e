"""The editor's panel that says which language and unit a product is written in.

Kept apart from ``products.desk.new_product`` (which imports the models) because the page
model's panels import it.
"""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from wagtail.admin.panels import Panel

from products import languages

CHOOSER_URL_NAME = "product_listing:choose_parent"


def chooser_url(**initial):
    query = urlencode({key: value for key, value in initial.items() if value})
    return reverse(CHOOSER_URL_NAME) + (f"?{query}" if query else "")


def language_label(code):
    try:
        return languages.get(code).local_name
    except KeyError:
        return code


class ProductLanguagePanel(Panel):
    """The product's language and unit, shown at the top of the editor (never "None")."""

    class BoundPanel(Panel.BoundPanel):
        def section(self):
            parent = getattr(self.form, "parent_page", None)
            if parent is None and self.instance.pk:
                parent = self.instance.get_parent()
            specific = parent.specific if parent is not None else None
            return specific if hasattr(specific, "unit_id") else None

        def render_html(self, parent_context=None):
            section = self.section()
            locale = section.locale if section else getattr(self.instance, "locale", None)
            code = locale.language_code if locale else ""
            unit = section.unit if section else self.instance.unit
            change = ""
            if not self.instance.pk:
                change = format_html(
                    ' <a href="{}">{}</a>',
                    chooser_url(language=code, unit=unit.pk if unit else ""),
                    gettext("Đổi ngôn ngữ hoặc đơn vị"),
                )
            return format_html(
                '<p class="help-block help-info" data-product-language="{}">{}: <strong>{}</strong> · '
                "{}: <strong>{}</strong>{}</p>",
                code,
                gettext("Ngôn ngữ của sản phẩm"),
                language_label(code) if code else "—",
                gettext("Đơn vị sản xuất"),
                unit.name_vi if unit else "—",
                change,
            )
