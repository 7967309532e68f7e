"""python manage.py import_units PATH — renames and mergers of producing units (.jsonl/.csv).

Columns: slug, name_vi, name_en, kind, valid_from, valid_to, successor. The successor may
be a unit in the database or one further down the same file. All rows are checked
first; with any error nothing is written.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _

from products.importing.readers import FileReadError, RowReadError, iter_rows
from products.importing.report import RowError
from products.importing.rows import parse_date
from products.models import Unit
from products.text import nfc


class Command(BaseCommand):
    help = "Nhập danh mục đơn vị (đổi tên, sáp nhập) từ tệp .jsonl hoặc .csv."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, path, dry_run=False, **options):
        if not str(path).lower().endswith((".jsonl", ".csv")):
            raise CommandError(_("Chỉ nhận tệp .jsonl hoặc .csv."))
        rows, checked, errors, seen = self._read(path)
        known = set(Unit.objects.values_list("slug", flat=True))
        errors.extend(_successor_errors(checked, known, seen))
        if errors:
            for error in sorted(errors, key=lambda e: e.row):
                self.stderr.write(str(error))
            raise CommandError(_("%(count)s lỗi: chưa nhập gì.") % {"count": len(errors)})
        if dry_run:
            self.stdout.write(_("%(count)s đơn vị hợp lệ; chạy thử: chưa nhập gì.") % {"count": len(rows)})
            return
        with transaction.atomic():
            created, updated = _write(rows)
        self.stdout.write(
            _("Đã nhập %(created)s đơn vị mới, cập nhật %(updated)s đơn vị.")
            % {"created": created, "updated": updated}
        )

    def _read(self, path):
        """(good rows, every checked row, errors, slug → row) of the file, nothing written."""
        kinds = {choice for choice, _label in Unit.Kind.choices}
        rows, checked, errors, seen = [], [], [], {}
        try:
            for number, raw in iter_rows(path):
                if isinstance(raw, RowReadError):
                    errors.append(RowError(number, "", raw.message))
                    continue
                clean, row_errors = self._clean(number, raw, kinds)
                if clean and clean["slug"] in seen:
                    row_errors.append(
                        RowError(
                            number,
                            "slug",
                            _("mã «%(value)s» trùng với dòng %(other)s trong tệp")
                            % {"value": clean["slug"], "other": seen[clean["slug"]]},
                        )
                    )
                errors.extend(row_errors)
                checked.append(clean)
                if clean and not row_errors:
                    seen[clean["slug"]] = number
                    rows.append(clean)
        except FileReadError as error:
            raise CommandError(str(error)) from error
        return rows, checked, errors, seen

    @staticmethod
    def _clean(number, raw, kinds):
        errors = []

        def text(name):
            return nfc(str(raw.get(name) or "")).strip()

        clean = {
            "row": number,
            "present": set(raw),
            **{name: text(name) for name in ("slug", "name_vi", "name_en", "kind", "successor")},
        }
        if not clean["slug"]:
            errors.append(RowError(number, "slug", _("thiếu mã đơn vị")))
        if clean["kind"] and clean["kind"] not in kinds:
            errors.append(
                RowError(
                    number, "kind", _("loại đơn vị không hợp lệ: «%(value)s»") % {"value": clean["kind"]}
                )
            )
        for name in ("valid_from", "valid_to"):
            value = text(name)
            clean[name] = parse_date(value) if value else None
            if value and clean[name] is None:
                errors.append(
                    RowError(
                        number,
                        name,
                        _("ngày không hợp lệ: «%(value)s» (cần dạng YYYY-MM-DD)") % {"value": value},
                    )
                )
        if clean["valid_from"] and clean["valid_to"] and clean["valid_to"] < clean["valid_from"]:
            errors.append(RowError(number, "valid_to", _("ngày hết hiệu lực phải sau ngày bắt đầu")))
        return clean, errors


def _successor_errors(checked, known, seen):
    """A successor must be a unit in the database or in the file, and not the unit itself."""
    errors = []
    for clean in checked:
        successor = clean["successor"]
        if successor and successor not in known and successor not in seen:
            errors.append(
                RowError(
                    clean["row"],
                    "successor",
                    _("đơn vị kế thừa không có trong danh mục hay trong tệp: «%(value)s»")
                    % {"value": successor},
                )
            )
        if successor == clean["slug"]:
            errors.append(RowError(clean["row"], "successor", _("một đơn vị không thể kế thừa chính nó")))
    return errors


def _write(rows):
    """First the units themselves, then the links between them: (created, updated)."""
    created = updated = 0
    units = {}
    for clean in rows:
        unit = Unit.objects.filter(slug=clean["slug"]).first()
        if unit is None:
            unit, created = Unit(slug=clean["slug"]), created + 1
        else:
            updated += 1
        for name in ("name_vi", "name_en", "kind", "valid_from", "valid_to"):
            # A column the file has is authoritative (an empty date clears it); names and
            # kind are only replaced by a value.
            if name in clean["present"] and (clean[name] or name in ("valid_from", "valid_to")):
                setattr(unit, name, clean[name])
        if not unit.name_vi:
            unit.name_vi = unit.slug
        unit.full_clean(exclude=["successor", "languages"])
        unit.save()
        units[unit.slug] = unit
    for clean in rows:
        if "successor" not in clean["present"]:
            continue
        unit = units[clean["slug"]]
        successor = Unit.objects.get(slug=clean["successor"]) if clean["successor"] else None
        if unit.successor_id != (successor.pk if successor else None):
            unit.successor = successor
            unit.full_clean(exclude=["languages"])
            unit.save()
    return created, updated
