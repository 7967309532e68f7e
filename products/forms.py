"""Admin forms for registers and product pages."""

from django import forms
from django.forms.formsets import DELETION_FIELD_NAME, ORDERING_FIELD_NAME
from django.utils import timezone
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
        if "publications" in self.formsets:
            # A new "Lần đăng tải" row starts at today's date (the province's): choosing the
            # channel completes it, so autosave has nothing to refuse while the reporter writes.
            self.formsets["publications"].form.base_fields["date"].initial = province_today

    def defer_required_fields(self):
        """A draft (Wagtail's "save" and its autosave) may keep new inline rows untouched.

        Wagtail lifts a formset's minimum for a draft, but the "Lần đăng tải" row already shown
        for that minimum, and a "Tệp đính kèm" row just added, still refused to be empty: autosave
        said "Có lỗi nhập liệu" while the reporter was typing. Submitting and publishing still
        need a complete publication row.

        Such a row (nothing typed, no saved object) is sent as removed: Django then neither saves
        nor refuses it, and it keeps its cleaned ``ORDER`` for Wagtail's re-render after an
        autosave (which sorts the rows by it). This holds wherever the row stands: Wagtail's field
        updates after an autosave count every row as saved (``INITIAL_FORMS``), an untouched one it
        skipped too. The browser still shows the row, to be filled.
        """
        super().defer_required_fields()
        for formset in self.formsets.values():
            if not formset.can_order:  # only the admin's inline panels number their rows
                continue
            for form in formset.forms:
                if form.instance.pk is None and _untouched(form):
                    form.data = form.data.copy()
                    form.data[form.add_prefix(DELETION_FIELD_NAME)] = "on"

    def clean(self):
        cleaned = super().clean()
        parent = self.parent_page.specific if self.parent_page else None
        unit = getattr(parent, "unit", None)
        if unit is None and not self.instance.unit_id:
            raise forms.ValidationError(
                _("Sản phẩm phải nằm trong chuyên mục của một đơn vị (Sản phẩm › Đơn vị).")
            )
        return cleaned


def province_today():
    return timezone.localdate(timezone=timezone.get_default_timezone())


def _untouched(form):
    """Nothing typed in this unsaved row but the number the admin gives every row it shows
    (ORDER), compared with what a new row starts with (not with an unsaved object's empty fields)."""
    form.initial = {}
    return all(
        name in (ORDERING_FIELD_NAME, DELETION_FIELD_NAME) or not form[name]._has_changed()
        for name in form.fields
    )
