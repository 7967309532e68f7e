"""What a figure covers: a period and the units (as they were, or rolled up to today's unit)."""

from dataclasses import dataclass
from functools import cached_property

from audit.share import Period, Query
from audit.units import unit_ids_for, unit_successor_map
from monitoring.models import PlanSettings, deadline
from products.models import Unit


@dataclass(frozen=True)
class Scope:
    period: Period
    unit: str | None = None  # unit slug
    rollup: bool = False
    unit_ids: tuple | None = None  # explicit ids (a unit's annual report, see reporting_unit_ids)

    @classmethod
    def year(cls, year, **kwargs):
        return cls(Period.year(year), **kwargs)

    @cached_property
    def covered_unit_ids(self):
        """The unit ids the scope covers, or None for every unit."""
        if self.unit_ids is not None:
            return frozenset(self.unit_ids)
        if self.unit:
            return frozenset(unit_ids_for(self.unit, self.rollup))
        return None

    def covers(self, unit_id):
        return self.covered_unit_ids is None or unit_id in self.covered_unit_ids

    def filter(self, queryset, field="unit"):
        if self.covered_unit_ids is None:
            return queryset
        return queryset.filter(**{f"{field}__in": self.covered_unit_ids})

    def audit_query(self):
        ids = tuple(sorted(self.covered_unit_ids)) if self.unit_ids is not None else None
        return Query(self.period, unit=self.unit, rollup=self.rollup, unit_ids=ids)

    @cached_property
    def unit_keys(self):
        """Unit id → the key of a per-unit table, read once for all the figures of the scope."""
        return UnitKeys(self.rollup)

    @cached_property
    def settings(self):
        return PlanSettings.load()

    @cached_property
    def online_channel_ids(self):
        return tuple(self.settings.online_channels.values_list("pk", flat=True))


class UnitKeys:
    """Turns unit ids into the keys of a per-unit table: the unit's own slug, or today's unit's."""

    def __init__(self, rollup):
        self.rollup = rollup
        self.mapping = unit_successor_map()

    def __call__(self, unit_id):
        if unit_id is None:
            return ""
        own, current = self.mapping.get(unit_id, (str(unit_id), str(unit_id)))
        return current if self.rollup else own


def reporting_unit_ids(unit, year):
    """The units a unit's annual report for ``year`` accounts for.

    The unit itself, and every unit that no longer existed on that year's deadline and whose
    successor chain first reaches an existing unit at this one: a district dissolved on
    1 July 2025 is reported for 2025 by the unit that took over its work, while for 2024 it
    reported itself.
    """
    day = deadline(year)
    units = {u.pk: u for u in Unit.objects.all()}

    def exists(u):
        return (u.valid_from is None or u.valid_from <= day) and (u.valid_to is None or day < u.valid_to)

    def reporter(u):
        seen = set()
        while not exists(u) and u.successor_id and u.successor_id not in seen:
            seen.add(u.pk)
            u = units[u.successor_id]
        return u if exists(u) else None

    return tuple(
        sorted(pk for pk, u in units.items() if pk == unit.pk or (not exists(u) and reporter(u) == unit))
    )


def units_due(year):
    """The units that must report for ``year``: those existing on its deadline."""
    day = deadline(year)
    return [
        u
        for u in Unit.objects.order_by("sort_order", "slug")
        if (u.valid_from is None or u.valid_from <= day) and (u.valid_to is None or day < u.valid_to)
    ]
