"""Who issues a plan report and to whom, for the report's year (settings ``REPORT_*``).

The plan (section V) has the units report to the lead department, and the department report
to the province's People's Committee and the ministry. Kon Tum merged into Quảng Ngãi on
1 July 2025: a report's authority and place are those of its year.
"""

from django.conf import settings


def merged(year):
    return year >= settings.REPORT_MERGER_YEAR


def authority(year):
    """The line above the issuing unit's name: the province's People's Committee of that year."""
    return settings.REPORT_AUTHORITY if merged(year) else settings.REPORT_AUTHORITY_BEFORE_MERGER


def province(year):
    return settings.REPORT_PROVINCE if merged(year) else settings.REPORT_PROVINCE_BEFORE_MERGER


def lead_unit():
    return settings.REPORT_LEAD_UNIT


def recipients(unit, year):
    """The bodies a report is addressed to: a unit's report to the lead department; the
    province-wide report (no unit: the lead department's) to the province and the ministries."""
    if unit is not None:
        return [lead_unit()]
    return [f"Ủy ban nhân dân tỉnh {province(year)}", *settings.REPORT_MINISTRIES]
