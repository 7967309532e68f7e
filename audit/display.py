"""How auditors' screens and the plan reports write figures, in Vietnamese, from one place.

One word per status (the audit's target 4 and monitoring's other targets share the states
"below" and "met"), one percent format (``66,7%``: a comma and one decimal everywhere), dates
as dd/mm/yyyy, months as mm/yyyy, and the Vietnamese name of every register key (unit, area,
format, channel, task, language) instead of its slug or code.
"""

import datetime

from django.utils.translation import gettext_lazy as _

from audit.definitions import DEFINITIONS

STATUS_LABELS = {
    "below": _("chưa đạt"),
    "met": _("đạt"),
    "within": _("đạt"),
    "above": _("vượt chỉ tiêu"),
    "no_data": _("chưa có số liệu"),
}
NONE = "—"

# The Vietnamese names of the content languages (products.languages gives each its own name,
# which for English or Bahnar is not a Vietnamese word).
LANGUAGE_NAMES = {
    "vi": _("Tiếng Việt"),
    "bdq": _("Tiếng Ba Na"),
    "sed": _("Tiếng Xơ Đăng"),
    "jra": _("Tiếng Gia Rai"),
    "jeh": _("Tiếng Giẻ"),
    "tdf": _("Tiếng Triêng"),
    "brb": _("Tiếng Brâu"),
    "rmx": _("Tiếng Rơ Măm"),
    "en": _("Tiếng Anh"),
    "fr": _("Tiếng Pháp"),
    "zh-hans": _("Tiếng Trung (giản thể)"),
    "lo": _("Tiếng Lào"),
    "km": _("Tiếng Khmer"),
}


def percent(value):
    """``0.6667`` → ``"66,7%"``; None (no denominator) → ``""``."""
    return "" if value is None else f"{value * 100:.1f}%".replace(".", ",")


def number(value):
    """``1234`` → ``"1.234"`` (Vietnamese thousands separator); None → a dash."""
    return NONE if value is None else f"{value:,}".replace(",", ".")


def day(value):
    """A date (or ISO date text) as dd/mm/yyyy."""
    if isinstance(value, str):
        value = datetime.date.fromisoformat(value[:10])
    return "" if value is None else value.strftime("%d/%m/%Y")


def month(key):
    """``"2024-07"`` → ``"07/2024"``."""
    return f"{key[5:7]}/{key[:4]}" if key and len(key) >= 7 else (key or NONE)


def language(code):
    return str(LANGUAGE_NAMES.get(code, code or NONE))


def register_names():
    """{"unit"|"area"|"format"|"channel"|"task"|"language": {key: Vietnamese name}}."""
    from products.models import Channel, ContentArea, Format, PlanTask, Unit

    names = {
        "unit": {u.slug: u.name_vi or u.name for u in Unit.objects.all()},
        "area": {a.slug: f"{a.slug}. {a.name_vi or a.name}" for a in ContentArea.objects.all()},
        "format": {f.slug: f.name_vi or f.name for f in Format.objects.all()},
        "channel": {c.slug: c.name_vi or c.name for c in Channel.objects.all()},
        "task": {t.slug: f"{t.slug} {t.name_vi or t.name}" for t in PlanTask.objects.all()},
        "language": {code: str(name) for code, name in LANGUAGE_NAMES.items()},
    }
    names["unit"][""] = str(_("(chưa gắn đơn vị)"))
    return names


def target_label(code, figure):
    """What the target asks: the band of target 4, the minimum count of target 3, else a share."""
    if code == "4":
        return f"{percent(figure['target']['min'])} – {percent(figure['target']['max'])}"
    if code == "3":
        return _("≥ %(n)s cuộc") % {"n": int(figure["target"])}
    return percent(figure["target"])


def target_cells(code, figure):
    """[title, numerator, denominator, share, target, status] of one target (its JSON figure)
    as the audit page, the indicators page and the Word and Excel reports all write it."""
    if code == "4":
        numerator, denominator = figure["counted"], figure["total"]
    else:
        numerator, denominator = figure["numerator"], figure["denominator"]
    return [
        str(DEFINITIONS[code].title),
        number(numerator),
        number(denominator),
        percent(figure.get("share")) if denominator else NONE,
        str(target_label(code, figure)),
        str(STATUS_LABELS.get(figure["status"], figure["status"])),
    ]
