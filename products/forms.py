"""Admin forms for registers and product pages."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.admin.widgets.slug import SlugInput

from products import languages, slugs


class UnitForm(WagtailAdminModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Ngôn ngữ xuất bản"),
        choices=languages.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


class ProductPageForm(WagtailAdminPageForm):
    """Checks that need the whole form: the producing unit comes from the section.

    The slug may be left blank: the model makes an ASCII one from the title in any script.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False
            # Typed titles too: Wagtail's own urlify drops the letters it has no map for.
            self.fields["slug"].widget = SlugInput(formatters=slugs.browser_formatters())
        if "task" in self.fields and not self.instance.pk:
            # New products say which task of the plan they carry out (older ones may be filled
            # in from the listing's "Chưa có nhiệm vụ kế hoạch" worklist).
            self.fields["task"].required = True

    def clean(self):
        cleaned = super().clean()
        parent = self.parent_page.specific if self.parent_page else None
        unit = getattr(parent, "unit", None)
        if unit is None and not self.instance.unit_id:
            raise forms.ValidationError(
                _("Sản phẩm phải nằm trong chuyên mục của một đơn vị (Sản phẩm › Đơn vị).")
            )
        return cleaned
