"""The figures as rows and sentences, shared by the Word document, the workbook and the admin pages."""

from django.utils.translation import gettext as _

from monitoring.figures.definitions import DEFINITIONS
from monitoring.figures.targets import STATUS_LABELS

TARGET_ORDER = ("1", "2", "3", "4", "5a", "5b")


def percent(value):
    return "" if value is None else f"{value * 100:.1f}%".replace(".", ",")


def target_label(code, target):
    if code == "4":
        return f"{percent(target['target']['min'])} – {percent(target['target']['max'])}"
    if code == "3":
        return _("≥ %(n)s cuộc") % {"n": int(target["target"])}
    return percent(target["target"])


def target_rows(targets):
    """A header and one row per target: code, title, numerator, denominator, share, target, status."""
    header = [
        _("Chỉ tiêu"),
        _("Nội dung"),
        _("Tử số"),
        _("Mẫu số"),
        _("Tỷ lệ"),
        _("Mục tiêu"),
        _("Đánh giá"),
    ]
    rows = [header]
    for code in TARGET_ORDER:
        target = targets[code]
        if code == "4":
            numerator, denominator, share = target["counted"], target["total"], target["share"]
        else:
            numerator, denominator, share = target["numerator"], target["denominator"], target["share"]
        rows.append(
            [
                code,
                str(DEFINITIONS[code].title),
                numerator,
                "" if denominator is None else denominator,
                percent(share),
                target_label(code, target),
                str(STATUS_LABELS.get(target["status"], target["status"])),
            ]
        )
    return rows


def task_line(figures, labels):
    """ "3 sản phẩm (Tin: 2, Bài viết: 1; kênh …; ngôn ngữ …); 1 hoạt động"."""
    parts = [_("%(n)s sản phẩm") % {"n": figures["products"]}]
    details = []
    for key, title in (("by_format", "format"), ("by_channel", "channel"), ("by_language", "language")):
        if figures[key]:
            names = labels[title]
            details.append(", ".join(f"{names.get(k, k)}: {v}" for k, v in figures[key].items()))
    if details:
        parts[0] += " (" + "; ".join(details) + ")"
    parts.append(_("%(n)s hoạt động") % {"n": figures["activities"]})
    return "; ".join(parts)
