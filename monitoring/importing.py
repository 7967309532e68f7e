"""Importing activities from CSV, XLSX or JSONL: every row checked first, then all written or none.

Columns: ``external_id, unit, task, kind, title, date, end_date, place, description, audience,
items, participants``. ``participants`` lists ``category:unit:count`` items separated by ``|``
(``hr:bao-kon-tum:3|other::10``; categories hr, info, press, officials, other). A row whose
``external_id`` exists updates that activity (its participants replaced). Files are attached
in the admin.
"""

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from monitoring.models import Activity, ActivityKind, ActivityParticipants
from monitoring.models.activities import CATEGORY_CODES
from products.importing.readers import FileReadError, RowReadError, iter_rows
from products.importing.report import RowError
from products.models import PlanTask, Unit
from products.params import MAX_DB_INTEGER, NotAWholeNumber, whole_number
from products.text import nfc

COLUMNS = (
    "external_id",
    "unit",
    "task",
    "kind",
    "title",
    "date",
    "end_date",
    "place",
    "description",
    "audience",
    "items",
    "participants",
)
PARTICIPANT_CATEGORIES = (*CATEGORY_CODES, "other")
TEXT_LIMITS = {"title": 255, "place": 255, "external_id": 100}


@dataclass
class Result:
    rows: list = field(default_factory=list)  # (row number, fields, participants)
    errors: list = field(default_factory=list)
    created: int = 0
    updated: int = 0


class Checker:
    """Checks rows against the registers; ``allowed_units`` (ids) limits a unit desk to its units."""

    def __init__(self, allowed_units=None):
        self.units = {u.slug: u for u in Unit.objects.all()}
        self.tasks = {t.slug: t for t in PlanTask.objects.all()}
        self.allowed_units = allowed_units
        self.seen_ids = set()

    def check(self, number, raw):
        errors, data = [], {}
        value = {key: nfc(str(raw.get(key) or "")).strip() for key in COLUMNS}

        def fail(column, message):
            errors.append(RowError(number, column, message))

        for column, limit in TEXT_LIMITS.items():
            if len(value[column]) > limit:
                fail(column, _("dài quá %(n)s ký tự") % {"n": limit})
        data["unit"], data["task"] = self._unit(value["unit"], fail), self._task(value["task"], fail)
        if value["kind"] not in ActivityKind.values:
            fail(
                "kind",
                _("loại hoạt động phải là một trong: %(kinds)s") % {"kinds": ", ".join(ActivityKind.values)},
            )
        data["kind"] = value["kind"]
        if not value["title"]:
            fail("title", _("thiếu tên hoạt động"))
        data["date"] = _date(value["date"], "date", fail, required=True)
        data["end_date"] = _date(value["end_date"], "end_date", fail, required=False)
        if data["date"] and data["end_date"] and data["end_date"] < data["date"]:
            fail("end_date", _("ngày kết thúc trước ngày bắt đầu"))
        for column in ("audience", "items"):
            data[column] = _count(value[column], column, fail)
        participants = self._participants(value["participants"], fail)
        external_id = value["external_id"] or None
        if external_id in self.seen_ids:
            fail("external_id", _("mã ngoài lặp lại trong tệp"))
        if external_id:
            self.seen_ids.add(external_id)
        data.update(
            external_id=external_id,
            title=value["title"],
            place=value["place"],
            description=value["description"],
        )
        return data, participants, errors

    def _unit(self, slug, fail):
        unit = self.units.get(slug)
        if unit is None:
            fail("unit", _("không có đơn vị mã «%(slug)s»") % {"slug": slug})
        elif self.allowed_units is not None and unit.pk not in self.allowed_units:
            fail("unit", _("bạn không được nhập số liệu của đơn vị này"))
        return unit

    def _task(self, slug, fail):
        task = self.tasks.get(slug)
        if task is None:
            fail("task", _("không có nhiệm vụ «%(slug)s»") % {"slug": slug})
        return task

    def _participants(self, text, fail):
        result = []
        for item in filter(None, (part.strip() for part in text.split("|"))):
            parts = item.split(":")
            if len(parts) != 3 or parts[0] not in PARTICIPANT_CATEGORIES:
                fail(
                    "participants", _("«%(item)s» phải có dạng đối_tượng:mã_đơn_vị:số_người") % {"item": item}
                )
                continue
            unit = self.units.get(parts[1]) if parts[1] else None
            if parts[1] and unit is None:
                fail("participants", _("không có đơn vị mã «%(slug)s»") % {"slug": parts[1]})
            count = _count(parts[2], "participants", fail)
            result.append((parts[0], unit, count))
        return result


def _date(text, column, fail, required):
    if not text:
        if required:
            fail(column, _("thiếu ngày"))
        return None
    try:
        day = datetime.date.fromisoformat(text[:10])
    except ValueError:
        fail(column, _("ngày «%(value)s» không đúng dạng YYYY-MM-DD") % {"value": text})
        return None
    if day > datetime.date.today():
        fail(column, _("ngày ở tương lai"))
    return day


def _count(text, column, fail):
    """A head count or number of items: empty is 0; ASCII digits up to what the column holds."""
    try:
        return whole_number(text, minimum=0, maximum=MAX_DB_INTEGER, default=0)
    except NotAWholeNumber as error:
        fail(column, str(error))
        return 0


def check_file(path, allowed_units=None):
    """Read and check every row; raises FileReadError for a file that cannot be read at all."""
    checker, result = Checker(allowed_units), Result()
    for number, raw in iter_rows(path):
        if isinstance(raw, RowReadError):
            result.errors.append(RowError(number, "", raw.message))
            continue
        data, participants, errors = checker.check(number, raw)
        result.errors += errors
        result.rows.append((number, data, participants))
    return result


@transaction.atomic
def write(result):
    """Write checked rows (only when there is no error at all)."""
    if result.errors:
        raise ValueError("write() refuses a file with errors")
    for _number, data, participants in result.rows:
        activity = (
            Activity.objects.filter(external_id=data["external_id"]).first() if data["external_id"] else None
        )
        if activity is None:
            activity = Activity(**data)
            result.created += 1
        else:
            for name, value in data.items():
                setattr(activity, name, value)
            activity.participants.all().delete()
            result.updated += 1
        activity.save()
        ActivityParticipants.objects.bulk_create(
            ActivityParticipants(
                activity=activity, category=category, unit=unit, count=count, sort_order=order
            )
            for order, (category, unit, count) in enumerate(participants)
        )
    return result


def import_activities(path, allowed_units=None, dry_run=False):
    """Check ``path`` and, if every row is right and not ``dry_run``, write it. Returns the Result."""
    result = check_file(path, allowed_units)
    if not result.errors and not dry_run:
        write(result)
    return result


__all__ = ["FileReadError", "import_activities"]
