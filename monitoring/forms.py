"""Admin forms: unit choices narrowed to the user's units; the misinformation register's rules."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm

from monitoring.permissions import sees_all_units, user_unit_ids


class UnitScopedForm(WagtailAdminModelForm):
    """A record of one of the user's units: the unit field offers only those."""

    unit_field = "unit"

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        field = self.fields.get(self.unit_field)
        if field is not None and for_user is not None and not sees_all_units(for_user):
            field.queryset = field.queryset.filter(pk__in=user_unit_ids(for_user))


class MisinformationForm(UnitScopedForm):
    """ "Handled" needs at least one action; its date defaults to the latest action's."""

    unit_field = "detected_by"

    def clean_screenshot(self):
        return check_screenshot_size(self.cleaned_data.get("screenshot"))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") != "handled":
            return cleaned
        actions = self.formsets.get("actions")
        dates = [
            form.cleaned_data.get("date")
            for form in (actions.forms if actions else [])
            if form.is_valid() and form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        dates = [day for day in dates if day]
        if not dates:
            raise forms.ValidationError(
                _("Ghi ít nhất một biện pháp xử lý trước khi chuyển sang «Đã xử lý».")
            )
        if not cleaned.get("handled_on"):
            cleaned["handled_on"] = max(dates)
            self.instance.handled_on = cleaned["handled_on"]
        return cleaned


class PrivateImageInput(forms.ClearableFileInput):
    """A file input for a file with no public URL: says a file is there, never links to it."""

    template_name = "monitoring/widgets/private_image.html"

    def is_initial(self, value):
        return bool(value and getattr(value, "name", None))

    def format_value(self, value):
        return value if self.is_initial(value) else None


def check_screenshot_size(upload):
    if upload and getattr(upload, "size", 0) > settings.UPLOAD_MAX_BYTES:
        raise forms.ValidationError(
            _("Tệp %(size)s, vượt giới hạn %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(settings.UPLOAD_MAX_BYTES)}
        )
    return upload
