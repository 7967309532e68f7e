"""What the validation of a file found: row errors, counted and listed for the person importing."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

MAX_REPORTED_ERRORS = 10_000


@dataclass(frozen=True)
class RowError:
    row: int
    field: str
    message: str

    def __str__(self):
        if self.field:
            return _("Dòng %(row)s, trường «%(field)s»: %(message)s") % {
                "row": self.row,
                "field": self.field,
                "message": self.message,
            }
        return _("Dòng %(row)s: %(message)s") % {"row": self.row, "message": self.message}


@dataclass
class Report:
    rows: int = 0
    errors: list = field(default_factory=list)
    error_count: int = 0
    invalid_rows: set = field(default_factory=set)
    fatal: str = ""
    # external_id → translation_of, for rows that translate another product
    translation_map: dict = field(default_factory=dict)

    @property
    def valid_rows(self):
        return self.rows - len(self.invalid_rows)

    @property
    def ok(self):
        return not self.fatal and not self.error_count

    def add(self, error):
        self.error_count += 1
        self.invalid_rows.add(error.row)
        if len(self.errors) < MAX_REPORTED_ERRORS:
            self.errors.append(error)

    def lines(self):
        lines = []
        if self.fatal:
            lines.append(self.fatal)
        lines.extend(str(error) for error in sorted(self.errors, key=lambda e: (e.row, e.field)))
        if self.error_count > len(self.errors):
            lines.append(_("… và %(count)s lỗi khác.") % {"count": self.error_count - len(self.errors)})
        return lines
