"""A period's counts from kept monthly copies: a year reads a few thousand grouped rows, not every product.

``audit.facts.count`` reads every live product of a period (one index range, grouped three
ways); at a consolidated archive's scale that is most of an audit's time, and it is the same
work every time the page is opened. So each calendar month, once counted, is kept
(``MonthlyCount``: exactly the grouped rows ``facts.count`` gives for that month) under its
*basis* — the rule version and the digital and online channel sets it was counted with, since
both are settings that change the counts. A period then adds up the kept rows of its whole
months, and counts its partial first and last months (if any) from the products as before.
Figures are the same either way: consumers add rows up, so a group split over months sums
to the group of the period.

Kept counts never go stale unnoticed: database triggers (``audit.triggers``) append the month
of every product or publication row that changes to ``StaleMonth``, whatever wrote it, and a
month with such rows is counted again before it is read. The stale rows seen are deleted by id
with the new counts, in one transaction, so a change committed while a month is being counted
leaves its own row behind and the month is counted again next time.

Queries limited to some units (a unit's audit, a unit's report) count from the products: one
unit's rows are few, and kept rows per unit would be as many as the products.
"""

import datetime
import hashlib

from django.db import IntegrityError, connection, transaction
from django.db.models import Max

from audit import facts
from audit.models import CountedMonth, MonthlyCount, StaleMonth
from products.bulk_sql import insert_values

RULE_VERSION = 1  # raise when the counting rule (audit.facts) changes: every kept month is counted again
MAX_BASES = 8  # channel sets kept at once; the least recently counted beyond that are dropped
MAX_MONTHS = 240  # a longer period (an auditor's "from 1900") is counted from the products, keeping nothing
DELETE_CHUNK = 5000
FIELDS = [name for name in facts.Row._fields if name not in ("grouping", "month")]
SUMMED = ("total", *facts.SUM_NAMES)


def count(selection, digital_ids, online_ids=()):
    """``facts.count(selection, digital_ids, online_ids)``, whole months read from the kept counts."""
    months, edges = split(selection.start, selection.end)
    if selection.unit_ids is not None or not months:
        return facts.count(selection, digital_ids, online_ids)
    basis = basis_of(digital_ids, online_ids)
    refresh(months, basis, digital_ids, online_ids)
    grouped = read(months, basis)
    for start, end in edges:
        for name, rows in facts.count(facts.Selection(start, end), digital_ids, online_ids).items():
            grouped[name].extend(rows)
    return grouped


def split(start, end):
    """(["YYYY-MM" of the whole months in [start, end]], [(start, end) of the partial months]).

    A period longer than ``MAX_MONTHS`` (or reaching the calendar's last month) is all "partial":
    it is counted from the products."""
    if end.year >= datetime.MAXYEAR or (end - start).days > MAX_MONTHS * 31:
        return [], [(start, end)]
    first = start if start.day == 1 else _next_month(start)
    after = _next_month(end)  # the first day after the last whole month
    if end + datetime.timedelta(days=1) != after:
        after = end.replace(day=1)
    months, day = [], first
    while day < after:
        months.append(f"{day:%Y-%m}")
        day = _next_month(day)
    if not months:
        return [], [(start, end)]
    edges = [(start, first - datetime.timedelta(days=1))] if start < first else []
    if after <= end:
        edges.append((after, end))
    return months, edges


def _next_month(day):
    return (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)


def month_bounds(month):
    first = datetime.date(int(month[:4]), int(month[5:7]), 1)
    return first, _next_month(first) - datetime.timedelta(days=1)


def basis_of(digital_ids, online_ids):
    digital = ",".join(map(str, sorted(set(digital_ids))))
    online = ",".join(map(str, sorted(set(online_ids))))
    basis = f"{RULE_VERSION};d:{digital};o:{online}"
    if len(basis) > 200:  # the column's width: very many channels
        basis = f"{RULE_VERSION};sha256:{hashlib.sha256(basis.encode()).hexdigest()}"
    return basis


def refresh(months, basis, digital_ids, online_ids):
    """Count again the months that changed, or that were never counted with ``basis``.

    The stale rows are read first: a change committed after that is in the counts or leaves
    a row of its own behind. Consecutive months are counted in one statement.
    """
    stale = {}
    for pk, month in StaleMonth.objects.filter(month__in=months).values_list("pk", "month"):
        stale.setdefault(month, []).append(pk)
    counted = set(CountedMonth.objects.filter(basis=basis, month__in=months).values_list("month", flat=True))
    todo = [month for month in months if month in stale or month not in counted]
    if not todo:
        return
    with transaction.atomic():  # one commit for all the months (each month in a savepoint of its own)
        for run in _consecutive(todo, months):
            start, end = month_bounds(run[0])[0], month_bounds(run[-1])[1]
            by_month = facts.count(facts.Selection(start, end), digital_ids, online_ids, by_month=True)
            for month in run:
                _keep(month, basis, stale.get(month, ()), by_month.get(month, {}))
        _prune()


def _consecutive(todo, months):
    """``todo`` cut into runs of months that follow each other in ``months``."""
    runs, position = [], {month: i for i, month in enumerate(months)}
    for month in todo:
        if runs and position[runs[-1][-1]] == position[month] - 1:
            runs[-1].append(month)
        else:
            runs.append([month])
    return runs


def _keep(month, basis, stale_ids, grouped):
    """Keep ``month``'s counts for ``basis``, and drop the stale rows that were counted."""
    rows = [
        {"month": month, "basis": basis, "grouping": row.grouping, **{f: getattr(row, f) for f in FIELDS}}
        for rows in grouped.values()
        for row in rows
    ]
    try:
        with transaction.atomic():
            if stale_ids:  # every basis of the month is out of date
                CountedMonth.objects.filter(month=month).delete()
                MonthlyCount.objects.filter(month=month).delete()
                stale_ids = list(stale_ids)
                for i in range(0, len(stale_ids), DELETE_CHUNK):
                    StaleMonth.objects.filter(pk__in=stale_ids[i : i + DELETE_CHUNK]).delete()
            CountedMonth.objects.create(month=month, basis=basis)
            insert_values(MonthlyCount, rows)  # a month's few hundred rows in one executemany
    except IntegrityError:
        pass  # another process counted this month with this basis at the same moment: its rows stand


def _prune():
    bases = list(
        CountedMonth.objects.values("basis").annotate(last=Max("counted_at")).order_by("-last")[MAX_BASES:]
    )
    old = [entry["basis"] for entry in bases]
    if old:
        CountedMonth.objects.filter(basis__in=old).delete()
        MonthlyCount.objects.filter(basis__in=old).delete()


def read(months, basis):
    """The kept rows of ``months`` as ``facts.count`` gives them, each group summed over the months."""
    q = connection.ops.quote_name
    keys = [
        f"CASE WHEN {q('grouping')} = 'month' THEN {q('month')} END" if name == "month" else q(name)
        for name in facts.COLUMNS
    ]
    sql = (
        f"SELECT {q('grouping')}, {', '.join(keys)}, {', '.join(f'SUM({q(name)})' for name in SUMMED)} "
        f"FROM {q(MonthlyCount._meta.db_table)} WHERE {q('basis')} = %s AND {q('month')} IN "
        f"({facts.placeholders(months)}) GROUP BY {q('grouping')}, {', '.join(keys)}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [basis, *months])
        rows = cursor.fetchall()
    grouped = {name: [] for name in (*facts.PLACES, *facts.GROUPINGS, facts.OVERFLOW)}
    grouped.pop("unit_area_month")
    for row in map(facts.Row._make, rows):
        grouped[row.grouping].append(row)
    return grouped
