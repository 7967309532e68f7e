"""The period options the counting commands share: ``--year Y`` or ``--from DATE --to DATE``.

``audit_share`` and ``plan_report`` (monitoring) count over the same periods and read them the
same way; ``iso_date`` also reads ``remind_plan_reports --today``.
"""

import datetime

from django.core.management.base import CommandError

from audit.share import Period


def iso_date(value):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"Ngày không hợp lệ: {value!r} (cần YYYY-MM-DD).") from None


def add_period_arguments(parser):
    parser.add_argument("--year", type=int)
    parser.add_argument("--from", dest="start")
    parser.add_argument("--to", dest="end")


def period_from(options):
    """The period the options name; a clear error for none, both, or an end before the start."""
    year, start, end = options["year"], options["start"], options["end"]
    if year and (start or end):
        raise CommandError("Dùng --year hoặc --from/--to, không dùng cả hai.")
    if year:
        return Period.year(year)
    if not (start and end):
        raise CommandError("Cần --year Y hoặc cả --from NGÀY và --to NGÀY.")
    period = Period(iso_date(start), iso_date(end))
    if period.end < period.start:
        raise CommandError("--to phải sau --from.")
    return period
