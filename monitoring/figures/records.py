"""The records behind each number of the indicators page, by the same functions that count them."""

from types import SimpleNamespace

from django.db.models.expressions import RawSQL

from audit.drilldown import drilldown_sql
from monitoring.figures import targets
from monitoring.models import STAFF_CATEGORIES
from products.models import ProductPage

CODES = ("1", "2", "3", "4", "5a", "5b")
WHICH = ("numerator", "denominator")
CATEGORY_LABELS = {code: label for code, label, _share in STAFF_CATEGORIES}


class UnknownRecords(ValueError):
    pass


def records(scope, code, which, unit_key=None):
    """(kind, records) behind ``which`` of target ``code``; ``unit_key`` narrows to a per-unit row.

    ``kind`` names the columns to show: agencies, training, staff, activities, products, items.
    """
    if code not in CODES or which not in WHICH:
        raise UnknownRecords(f"{code}/{which}")
    keys = scope.unit_keys

    def mine(unit_id):
        return unit_key is None or keys(unit_id) == unit_key

    if code == "1":
        active, running = targets.agencies(scope)
        return "agencies", [a for a in (running if which == "numerator" else active) if mine(a.unit_id)]
    if code == "2":
        return _training(scope, which, mine)
    if code == "3":
        return "activities", [a for a in targets.exhibitions(scope).order_by("date", "pk") if mine(a.unit_id)]
    if code in ("4", "5a"):
        return "products", _products(scope, code, which, unit_key)
    detected, handled = targets.misinformation(scope)
    chosen = handled if which == "numerator" else detected
    return "items", [
        item
        for item in chosen.select_related("detected_by").order_by("detected_on", "pk")
        if mine(item.detected_by_id)
    ]


def _training(scope, which, mine):
    rows = [row for row in targets.training_rows(scope) if mine(row[0])]
    units = {count.unit_id: count.unit for count in targets.staff_counts(scope)}
    return "training", [
        SimpleNamespace(
            unit=units[unit_id],
            category=str(CATEGORY_LABELS[category]),
            staff=staff,
            trained=capped,
            counted=capped if which == "numerator" else staff,
            source=source,
        )
        for unit_id, category, staff, _trained, capped, source in rows
    ]


def _products(scope, code, which, unit_key):
    query = scope.audit_query()
    if code == "4":
        figure = "counted" if which == "numerator" else "total"
        online = ()
    else:
        figure = "digitised+online" if which == "numerator" else "total"
        online = scope.online_channel_ids
    sql, params = drilldown_sql(query, "unit" if unit_key else None, unit_key, figure, online_ids=online)
    return (
        ProductPage.objects.filter(pk__in=RawSQL(sql, params))  # noqa: S611 - parameterised
        .select_related("unit", "area", "format", "task")
        .order_by("first_published", "pk")
    )
