"""Mergers as the unit register records them (``Unit.successor``), seen from a desk.

A unit merged into its successor keeps its own desk: its people go on editing, reviewing and
uploading as before. The successor's desk — and the desk of every later successor along the
chain — also takes the merged unit's sections, and its reviewers join the merged unit's
approval task, so that the work of the merged unit goes on under today's unit.
"""

from products.models import Unit


def successors(unit):
    """The units that took over ``unit``'s work, nearest first (a cycle stops the walk)."""
    return [Unit.objects.get(pk=pk) for pk in unit.successor_chain_ids() if pk != unit.pk]


def predecessors(unit):
    """Every unit merged into ``unit``, directly or through other mergers."""
    found, frontier = {}, [unit.pk]
    while frontier:
        merged = list(Unit.objects.filter(successor_id__in=frontier).exclude(pk__in=[unit.pk, *found]))
        found |= {merged_unit.pk: merged_unit for merged_unit in merged}
        frontier = [merged_unit.pk for merged_unit in merged]
    return list(found.values())


def related_units(unit):
    """The units whose desks change when ``unit``'s place in a merger changes."""
    return {other.pk: other for other in (*successors(unit), *predecessors(unit))}
