from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def validate_not_future(value):
    """Publication dates record what already happened."""
    if value and value > timezone.localdate():
        raise ValidationError(
            _("Ngày đăng %(date)s ở tương lai; hãy nhập ngày đã đăng tải."),
            params={"date": value.isoformat()},
            code="future_date",
        )
