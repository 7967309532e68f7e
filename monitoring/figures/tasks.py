"""Per plan task (1.1 … 6.2): live products first published in the period, and activities dated in it."""

from django.db.models import Count

from audit import facts
from monitoring.models import Activity
from products.models import Channel, Format, PlanTask


def task_counts(scope, grouped):
    """{task slug: {products, activities, by_format, by_channel, by_language}} for every task.

    ``grouped`` is the audit's grouped counts for the same scope (``Result.grouped``): the
    products are counted once for all figures.
    """
    tasks = {task.pk: task.slug for task in PlanTask.objects.order_by("sort_order", "slug")}
    formats = dict(Format.objects.values_list("pk", "slug"))
    channels = dict(Channel.objects.values_list("pk", "slug"))
    result = {slug: _empty() for slug in tasks.values()}

    for row in grouped["task_format_language"]:
        if row.task_id not in tasks:
            continue
        entry = result[tasks[row.task_id]]
        entry["products"] += row.total
        _add(entry["by_format"], formats.get(row.format_id, ""), row.total)
        _add(entry["by_language"], row.language, row.total)
    for channel_id, row in facts.channel_rows(grouped):
        if row.task_id in tasks:
            _add(
                result[tasks[row.task_id]]["by_channel"],
                channels.get(channel_id, str(channel_id)),
                row.total,
            )

    for task_id, count in activities(scope).values_list("task_id").annotate(n=Count("pk")):
        if task_id in tasks:
            result[tasks[task_id]]["activities"] = count
    for entry in result.values():
        for key in ("by_format", "by_channel", "by_language"):
            entry[key] = dict(sorted(entry[key].items(), key=lambda item: (-item[1], item[0])))
    return result


def products_without_task(grouped):
    return sum(row.total for row in grouped["task_format_language"] if row.task_id is None)


def activities(scope):
    return scope.filter(
        Activity.objects.filter(date__gte=scope.period.start, date__lte=scope.period.end)
    ).select_related("unit", "task")


def _empty():
    return {"products": 0, "activities": 0, "by_format": {}, "by_channel": {}, "by_language": {}}


def _add(mapping, key, count):
    mapping[key] = mapping.get(key, 0) + count
