"""Units as they were and rolled up to today's unit along ``successor`` links."""

from products.models import Unit


def unit_successor_map():
    """{unit id: (its slug, today's unit slug)} following successor links, cycle-safe."""
    rows = {
        pk: (slug, successor) for pk, slug, successor in Unit.objects.values_list("pk", "slug", "successor")
    }
    result = {}
    for pk, (slug, _successor) in rows.items():
        current, seen = pk, {pk}
        while rows[current][1] and rows[current][1] not in seen:
            current = rows[current][1]
            seen.add(current)
        result[pk] = (slug, rows[current][0])
    return result


def unit_ids_for(slug, rollup):
    """The unit ids a filter on ``slug`` covers: itself, plus its predecessors with rollup."""
    mapping = unit_successor_map()
    if rollup:
        return [pk for pk, (_own, current) in mapping.items() if current == slug]
    return [pk for pk, (own, _current) in mapping.items() if own == slug]
