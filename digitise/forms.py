from django import forms
from django.utils.translation import gettext_lazy as _


class CorrectionForm(forms.Form):
    text = forms.CharField(
        label=_("Văn bản của trang"),
        widget=forms.Textarea(attrs={"rows": 24, "cols": 80, "spellcheck": "true"}),
        required=False,
        strip=False,
        help_text=_("Sửa những chỗ máy đọc sai; bản máy nhận dạng được giữ nguyên."),
    )
