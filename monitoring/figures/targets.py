"""Targets 1, 2, 3 and 5b from the monitoring registers; 4 and 5a from the products (audit.facts).

Each ``target_N(scope)`` returns an ``Indicator``: numerator, denominator, share, the target,
status, a per-unit table, and — through ``records`` — the rows behind the numbers.
"""

from dataclasses import dataclass, field
from statistics import mean, median

from django.db.models import Sum

from audit.display import STATUS_LABELS
from audit.share import compute
from monitoring.figures.definitions import DEFINITIONS
from monitoring.models import (
    CATEGORY_CODES,
    STAFF_CATEGORIES,
    Activity,
    ActivityKind,
    ActivityParticipants,
    Agency,
    MisinformationItem,
    StaffCount,
    Status,
)
from monitoring.models.activities import EXHIBITION_KINDS, TRAINING_KINDS


def ratio(part, whole):
    return round(part / whole, 6) if whole else 0.0


def share_status(numerator, denominator, target):
    if not denominator:
        return "no_data"
    return "met" if numerator / denominator >= target - 1e-9 else "below"


@dataclass
class Indicator:
    code: str
    numerator: int
    denominator: int | None
    target: float
    status: str
    by_unit: list = field(default_factory=list)  # [{"key", "numerator", "denominator", "share"}]
    extra: dict = field(default_factory=dict)

    @property
    def share(self):
        return ratio(self.numerator, self.denominator) if self.denominator is not None else None

    @property
    def definition(self):
        return DEFINITIONS[self.code]

    def as_json(self):
        return {
            "numerator": self.numerator,
            "denominator": self.denominator,
            "share": self.share,
            "target": self.target,
            "status": self.status,
            "by_unit": self.by_unit,
            **self.extra,
        }


def _by_unit(pairs, scope):
    """[(unit_id, numerator, denominator)] → per-unit rows keyed as the scope wants them."""
    key = scope.unit_keys
    merged = {}
    for unit_id, numerator, denominator in pairs:
        entry = merged.setdefault(key(unit_id), [0, 0])
        entry[0] += numerator
        entry[1] += denominator or 0
    return [
        {"key": k, "numerator": n, "denominator": d, "share": ratio(n, d)}
        for k, (n, d) in sorted(merged.items())
    ]


# --- target 1: spokesperson mechanism -------------------------------------------------------


def agencies(scope):
    """(agencies active at the period's end in scope, those with a spokesperson then)."""
    day = scope.period.end
    active = [
        agency
        for agency in Agency.objects.prefetch_related("spokespersons").order_by("sort_order", "name")
        if agency.active_on(day)
        and (scope.covered_unit_ids is None or agency.unit_id in scope.covered_unit_ids)
    ]
    return active, [agency for agency in active if agency.spokesperson_on(day)]


def target_1(scope):
    active, running = agencies(scope)
    ids = {agency.pk for agency in running}
    target = float(scope.settings.target_1)
    by_unit = _by_unit([(a.unit_id, int(a.pk in ids), 1) for a in active], scope)
    return Indicator(
        "1", len(running), len(active), target, share_status(len(running), len(active), target), by_unit
    )


# --- target 2: training coverage ------------------------------------------------------------


def staff_counts(scope):
    """The head-count rows of the year the period ends in."""
    return scope.filter(StaffCount.objects.filter(year=scope.period.end.year)).select_related("unit")


def trained_participations(scope):
    """Participant rows of training activities in the period, attributed to units in scope."""
    return scope.filter(
        ActivityParticipants.objects.filter(
            activity__kind__in=TRAINING_KINDS,
            activity__date__gte=scope.period.start,
            activity__date__lte=scope.period.end,
            category__in=CATEGORY_CODES,
            unit__isnull=False,
        )
    ).select_related("activity", "unit")


def _derived_trained(scope):
    totals = trained_participations(scope).values("unit_id", "category").annotate(n=Sum("count"))
    return {(row["unit_id"], row["category"]): row["n"] for row in totals}


def training_rows(scope):
    """[(unit_id, category, staff, trained, capped trained, source)] — the rows target 2 adds up.

    Trained is the count entered for the unit and year, else the participants of the
    period's training activities; a participation count may exceed the head-count (someone
    trained twice), so it is capped at the head-count.
    """
    derived = _derived_trained(scope)
    rows = []
    for count in staff_counts(scope):
        for code in CATEGORY_CODES:
            staff, entered = getattr(count, f"{code}_staff"), getattr(count, f"{code}_trained")
            trained, source = (
                (entered, "entered")
                if entered is not None
                else (derived.get((count.unit_id, code), 0), "activities")
            )
            rows.append((count.unit_id, code, staff, trained, min(trained, staff), source))
    return rows


def target_2(scope):
    rows = training_rows(scope)
    settings = scope.settings
    targets = {code: float(settings.target_2) for code in CATEGORY_CODES}
    targets["officials"] = float(settings.target_2_officials)
    categories = {}
    for code, label, _share in STAFF_CATEGORIES:
        staff = sum(r[2] for r in rows if r[1] == code)
        trained = sum(r[4] for r in rows if r[1] == code)
        categories[code] = {
            "label": str(label),
            "staff": staff,
            "trained": trained,
            "share": ratio(trained, staff),
            "target": targets[code],
            "status": share_status(trained, staff, targets[code]),
        }
    numerator, denominator = sum(r[4] for r in rows), sum(r[2] for r in rows)
    statuses = {c["status"] for c in categories.values() if c["status"] != "no_data"}
    status = "no_data" if not statuses else ("met" if statuses == {"met"} else "below")
    by_unit = _by_unit([(r[0], r[4], r[2]) for r in rows], scope)
    return Indicator("2", numerator, denominator, targets["hr"], status, by_unit, {"categories": categories})


# --- target 3: exhibitions --------------------------------------------------------------------


def exhibitions(scope):
    return scope.filter(
        Activity.objects.filter(
            kind__in=EXHIBITION_KINDS, date__gte=scope.period.start, date__lte=scope.period.end
        ).select_related("unit", "task")
    )


def target_3(scope):
    held = list(exhibitions(scope))
    minimum = scope.settings.target_3
    status = "met" if len(held) >= minimum else "below"
    by_unit = _by_unit([(a.unit_id, 1, 0) for a in held], scope)
    for row in by_unit:
        row["denominator"], row["share"] = None, None
    extra = {"audience": sum(a.audience for a in held), "items": sum(a.items for a in held)}
    return Indicator("3", len(held), None, float(minimum), status, by_unit, extra)


# --- targets 4 and 5a: products ---------------------------------------------------------------


def target_4_and_5a(scope):
    """The audit for the scope (target 4 as ``audit_share`` gives it) and target 5a from the same counts."""
    result = compute(scope.audit_query(), online_ids=scope.online_channel_ids)
    by_place = result.grouped["unit"]
    both = sum(row.digitised_online_count for row in by_place)
    target = float(scope.settings.target_5a)
    five_a = Indicator(
        "5a",
        both,
        result.total,
        target,
        share_status(both, result.total, target),
        _by_unit([(r.unit_id, r.digitised_online_count, r.total) for r in by_place], scope),
        {
            "digitised": sum(row.digitised_count for row in by_place),
            "online": sum(row.online_count for row in by_place),
        },
    )
    return result, five_a


# --- target 5b: misinformation handled --------------------------------------------------------


def misinformation(scope):
    """(items detected in the period, those handled by the period's end)."""
    detected = scope.filter(
        MisinformationItem.objects.filter(
            detected_on__gte=scope.period.start, detected_on__lte=scope.period.end
        ),
        field="detected_by",
    )
    handled = detected.filter(status=Status.HANDLED, handled_on__lte=scope.period.end)
    return detected, handled


def target_5b(scope):
    """Handled by the period's end among the items detected in it: one query, the rule of
    ``misinformation()`` (status handled, handled on or before the end) applied to its rows."""
    end = scope.period.end
    items = [
        (
            unit_id,
            status == Status.HANDLED and handled_on is not None and handled_on <= end,
            detected_on,
            handled_on,
        )
        for unit_id, status, detected_on, handled_on in misinformation(scope)[0].values_list(
            "detected_by_id", "status", "detected_on", "handled_on"
        )
    ]
    numerator, denominator = sum(done for _unit, done, *_dates in items), len(items)
    days = [(handled_on - detected_on).days for _unit, done, detected_on, handled_on in items if done]
    target = float(scope.settings.target_5b)
    pairs = [(unit_id, int(done), 1) for unit_id, done, *_dates in items]
    extra = {
        "days_to_handle": {
            "median": median(days) if days else None,
            "mean": round(mean(days), 2) if days else None,
            "max": max(days) if days else None,
        }
    }
    return Indicator(
        "5b",
        numerator,
        denominator,
        target,
        share_status(numerator, denominator, target),
        _by_unit(pairs, scope),
        extra,
    )


def all_targets(scope):
    """{code: Indicator or audit Result} for every target, the audit run once."""
    audit_result, five_a = target_4_and_5a(scope)
    return {
        "1": target_1(scope),
        "2": target_2(scope),
        "3": target_3(scope),
        "4": audit_result,
        "5a": five_a,
        "5b": target_5b(scope),
    }


__all__ = ["ActivityKind", "Indicator", "STATUS_LABELS", "all_targets"]
