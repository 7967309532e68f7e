"""Vietnamese date formats on top of Django's: dd/mm/yyyy, weeks starting on Monday.

Django's vi module writes dates as "Ngày 01 tháng 1 năm 2023" (long in admin listings) and
short dates as d-m-Y, and has no input formats, so its forms would fall back to the US
month-first list; WAGTAIL_DATE_FORMAT must be parseable here. The portal's templates
already write d/m/Y.
"""

DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "d/m/Y H:i"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FIRST_DAY_OF_WEEK = 1
# Django appends the ISO formats (2024-07-30, 2024-07-30 08:30) to every input list.
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d/%m/%y"]
DATETIME_INPUT_FORMATS = ["%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%d/%m/%Y"]
TIME_INPUT_FORMATS = ["%H:%M", "%H:%M:%S"]
