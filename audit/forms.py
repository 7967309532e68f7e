import datetime

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput

from audit.share import Period, Query
from products.models import Unit

YEARS = range(2023, 2029)


class AuditFilterForm(forms.Form):
    """Period (a year, or from/to), unit and rollup: what every audit view reads from GET."""

    year = forms.TypedChoiceField(
        label=_("Năm"),
        coerce=int,
        required=False,
        empty_value=None,
        choices=[("", _("— chọn khoảng ngày —")), *((y, y) for y in YEARS)],
    )
    # Wagtail's date field (dd/mm/yyyy and its picker), as in the product editor: a browser's own
    # <input type=date> writes the date in the browser's language (mm/dd/yyyy in an English one).
    start = forms.DateField(label=_("Từ ngày"), required=False, widget=AdminDateInput)
    end = forms.DateField(label=_("Đến ngày"), required=False, widget=AdminDateInput)
    unit = forms.ModelChoiceField(
        label=_("Đơn vị"),
        queryset=Unit.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Tất cả đơn vị"),
    )
    rollup = forms.BooleanField(label=_("Gộp vào đơn vị kế thừa hiện nay"), required=False)

    def clean(self):
        cleaned = super().clean()
        year, start, end = cleaned.get("year"), cleaned.get("start"), cleaned.get("end")
        if year is None and not (start and end):
            if start or end:
                raise forms.ValidationError(_("Chọn cả ngày bắt đầu và ngày kết thúc, hoặc chọn một năm."))
            cleaned["year"] = datetime.date.today().year
        if start and end and end < start:
            raise forms.ValidationError(_("Ngày kết thúc phải sau ngày bắt đầu."))
        return cleaned

    def to_query(self):
        data = self.cleaned_data
        period = Period.year(data["year"]) if data.get("year") else Period(data["start"], data["end"])
        unit = data.get("unit")
        return Query(period, unit=unit.slug if unit else None, rollup=bool(data.get("rollup")))
