"""English as the admin's second language: the same day-first dates as the Vietnamese admin.

Editors who switch the admin to English share its date pickers (WAGTAIL_DATE_FORMAT is
global); Django's en list tries %m/%d/%Y, which would silently read 03/04/2024 as 4 March.
Display formats are left to Django's en module.
"""

from cms.formats.vi.formats import (  # noqa: F401 (re-exported for Django's format lookup)
    DATE_INPUT_FORMATS,
    DATETIME_INPUT_FORMATS,
    FIRST_DAY_OF_WEEK,
    TIME_INPUT_FORMATS,
)
