"""Starting a new product: language and unit first, then the add form under the right section.

A product's language is its section's locale. Wagtail's "choose parent" step keeps to one
locale (Vietnamese by default) and skips itself when a reporter may add in one section there,
so a Bahnar product would be written into the Vietnamese section. Every way into the add form
(dashboard, listing, explorer) passes through ``NewProductView`` or shows ``ProductLanguagePanel``,
which says the language and unit on the form and links back here to change them.
"""

from django import forms
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.admin.views.pages.choose_parent import ChooseParentView

from products import languages
from products.desk.panels import chooser_url, language_label
from products.models import ProductPage, Unit, UnitSectionPage


class NewProductForm(forms.Form):
    language = forms.ChoiceField(label=_("Ngôn ngữ của sản phẩm"), widget=forms.RadioSelect)
    unit = forms.ModelChoiceField(label=_("Đơn vị sản xuất"), queryset=Unit.objects.none())

    def __init__(self, sections, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.sections = sections
        codes = set(sections.values_list("locale__language_code", flat=True))
        self.fields["language"].choices = [(c, n) for c, n in languages.choices() if c in codes]
        self.fields["unit"].queryset = Unit.objects.filter(pk__in=sections.values("unit")).order_by("name_vi")
        if self.fields["unit"].queryset.count() == 1:
            self.fields["unit"].initial = self.fields["unit"].queryset.get().pk

    def clean(self):
        cleaned = super().clean()
        unit, language = cleaned.get("unit"), cleaned.get("language")
        if unit and language:
            section = self.sections.filter(unit=unit, locale__language_code=language).first()
            if section is None:
                self.add_error(
                    "language",
                    gettext("%(unit)s không xuất bản bằng ngôn ngữ này (%(language)s).")
                    % {"unit": unit.name_vi, "language": language_label(language)},
                )
            cleaned["section"] = section
        return cleaned


class NewProductView(ChooseParentView):
    """Asks for the language and the unit (never skipped), then opens the add form there."""

    model = ProductPage
    page_title = _("Viết sản phẩm mới")

    def get_locale(self):
        return None  # every language the reporter writes in, not the default locale's sections

    @classmethod
    def valid_sections(cls, user):
        pages = cls(model=ProductPage).get_valid_parent_pages(user)
        return UnitSectionPage.objects.filter(pk__in=pages.values("pk")).select_related("locale", "unit")

    @cached_property
    def sections(self):
        return self.valid_sections(self.request.user)

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data())

    def get_form(self):
        if self.request.method == "POST":
            return NewProductForm(self.sections, self.request.POST)
        initial = {
            key: self.request.GET.get(key) for key in ("language", "unit") if self.request.GET.get(key)
        }
        return NewProductForm(self.sections, initial=initial)

    def get_page_subtitle(self):
        return ""

    @cached_property
    def submit_button_label(self):
        return gettext("Tiếp tục")

    def form_valid(self, form):
        section = form.cleaned_data["section"]
        return redirect("wagtailadmin_pages:add", "products", "productpage", section.pk)


class NewProductPanel(Component):
    """Dashboard: the newsroom's first action, writing a new product."""

    name = "new_product"
    order = 50

    def __init__(self, request):
        self.request = request

    def render_html(self, parent_context=None):
        if not NewProductView.valid_sections(self.request.user).exists():
            return ""
        return format_html(
            '<section class="w-panel w-panel--dashboard" id="new-product">'
            '<a class="button button-primary" href="{}">{}</a></section>',
            chooser_url(),
            gettext("Viết sản phẩm mới"),
        )
