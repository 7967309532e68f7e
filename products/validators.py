from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def validate_not_future(value):
    """Publication dates record what already happened: not after today in the province's time
    zone (``TIME_ZONE``), whatever time zone the person entering them has chosen."""
    if value and value > timezone.localdate(timezone=timezone.get_default_timezone()):
        raise ValidationError(
            _("Ngày đăng %(date)s ở tương lai; hãy nhập ngày đã đăng tải."),
            params={"date": value.isoformat()},
            code="future_date",
        )
