"""The figures as rows and sentences, shared by the Word document, the workbook and the admin pages.

A target's row is ``audit.display.target_cells``: the audit page, the indicators page and both
documents write the same title, figures, share and status word.
"""

from django.utils.translation import gettext as _

from audit.display import percent, target_cells, target_label

TARGET_ORDER = ("1", "2", "3", "4", "5a", "5b")

__all__ = ["TARGET_ORDER", "percent", "target_label", "target_rows", "task_line"]


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
    return [header, *([code, *target_cells(code, targets[code])] for code in TARGET_ORDER)]


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
