"""Publication dates may not be in the future: the province's today, not the reader's."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from products.validators import validate_not_future


def test_today_in_the_province_is_accepted_and_tomorrow_refused_in_any_chosen_time_zone():
    """An editor may choose another time zone in Wagtail; the plan's dates are the province's.
    (Kiritimati is 7 hours ahead of Hồ Chí Minh City and Pago Pago 18 hours behind: at any hour,
    one of them has another date than the province.)"""
    today = timezone.localdate(timezone=timezone.get_default_timezone())
    for zone in ("Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC"):
        with timezone.override(zone):
            validate_not_future(today)
            with pytest.raises(ValidationError) as refused:
                validate_not_future(today + datetime.timedelta(days=1))
            assert refused.value.code == "future_date"
    validate_not_future(None)
