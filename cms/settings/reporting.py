"""Plan monitoring's settings from the environment: private screenshots, reminders, report letterhead."""

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent.parent
# The misinformation register's screenshots live outside MEDIA_ROOT (which the web server
# may serve to anyone) and are served only through a view that checks the permission.
MONITORING_PRIVATE_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private"))
# Sender of the annual-report reminders (console backend in development).
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "no-reply@localhost")


def _list(name, default):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# The plan report's letterhead (Decree 30/2020/NĐ-CP), monitoring/reporting/letterhead.py. Kon Tum
# merged into Quảng Ngãi on 1 July 2025: reports for years from REPORT_MERGER_YEAR on carry the new
# province's authority and place, earlier years' reports those of their time.
REPORT_MERGER_YEAR = int(os.environ.get("REPORT_MERGER_YEAR", "2025"))
REPORT_AUTHORITY = os.environ.get("REPORT_AUTHORITY", "UBND TỈNH QUẢNG NGÃI")
REPORT_AUTHORITY_BEFORE_MERGER = os.environ.get("REPORT_AUTHORITY_BEFORE_MERGER", "UBND TỈNH KON TUM")
REPORT_PROVINCE = os.environ.get("REPORT_PROVINCE", "Quảng Ngãi")
REPORT_PROVINCE_BEFORE_MERGER = os.environ.get("REPORT_PROVINCE_BEFORE_MERGER", "Kon Tum")
# The lead department: units report to it; it sends the province-wide report (plan section V)
# to the province's People's Committee and to the ministries listed here (comma-separated).
REPORT_LEAD_UNIT = os.environ.get("REPORT_LEAD_UNIT", "Sở Thông tin và Truyền thông")
REPORT_MINISTRIES = _list("REPORT_MINISTRIES", "Bộ Thông tin và Truyền thông")
