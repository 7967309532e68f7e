"""The target-4 figure: share of products in ethnic or foreign languages or on digital platforms.

The counting is ``audit.facts``: one statement over the product table's plan-count
copies returns the products of the period grouped several ways (``audit.monthly`` keeps
those counts per month, so that whole months are not counted again); this module turns those
grouped rows into the figures (Python adds up grouped rows, never loops over products).
Parts and overlaps come from the (language, digital) groups: the language decides
"ethnic" and "foreign".

The rule (shown on the audit page):
- a product counts in a period when it is live and ``first_published`` is in the period;
- it is *counted* when its language is ethnic, or foreign, or at least one publication
  is on a channel marked digital; several conditions count once;
- share = counted / total; status below / within / above the band (bounds included).
"""

import datetime
from dataclasses import dataclass, field

from audit import facts, monthly
from audit.display import STATUS_LABELS  # noqa: F401 (the one vocabulary, re-exported)
from audit.models import AuditSettings
from audit.units import unit_ids_for, unit_successor_map
from products import languages
from products.models import Channel, ContentArea, Format

BREAKDOWNS = ("unit", "area", "language", "channel", "format", "month")


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date  # inclusive

    @classmethod
    def year(cls, year):
        return cls(datetime.date(year, 1, 1), datetime.date(year, 12, 31))

    def as_json(self):
        return {"start": self.start.isoformat(), "end": self.end.isoformat()}


@dataclass
class Query:
    period: Period
    unit: str | None = None  # unit slug
    rollup: bool = False  # count predecessors' products under today's unit
    digital_channels: tuple | None = None  # channel slugs; None = the current setting
    unit_ids: tuple | None = None  # explicit unit ids, overriding ``unit``/``rollup`` (annual reports)


@dataclass
class Target:
    min: float = 0.15
    max: float = 0.20

    def status(self, share):
        if share < self.min:
            return "below"
        if share > self.max:
            return "above"
        return "within"


@dataclass
class Result:
    query: Query
    target: Target
    total: int = 0
    counted: int = 0
    parts: dict = field(default_factory=dict)
    overlaps: dict = field(default_factory=dict)
    digitised: int = 0
    breakdowns: dict = field(default_factory=dict)
    digital_channels: list = field(default_factory=list)
    grouped: dict = field(default_factory=dict, repr=False)  # the raw counts, for the plan report

    @property
    def share(self):
        return ratio(self.counted, self.total)

    @property
    def status(self):
        """below / within / above the band; no_data without products (as the other targets say)."""
        return self.target.status(self.share) if self.total else "no_data"

    def as_json(self):
        return {
            "period": self.query.period.as_json(),
            "unit": self.query.unit,
            "rollup": self.query.rollup,
            "total": self.total,
            "counted": self.counted,
            "share": self.share,
            "target": {"min": self.target.min, "max": self.target.max},
            "status": self.status,
            "parts": self.parts,
            "overlaps": self.overlaps,
            "digital_channels": self.digital_channels,
            "digitised": {"count": self.digitised, "share": ratio(self.digitised, self.total)},
            "breakdowns": self.breakdowns,
        }


def ratio(part, whole):
    return round(part / whole, 6) if whole else 0.0


def digital_channel_slugs(query):
    if query.digital_channels is not None:
        return sorted(query.digital_channels)
    return sorted(Channel.objects.filter(is_digital=True).values_list("slug", flat=True))


def selection_for(query):
    """The products a query covers, as the counting module takes them."""
    unit_ids = query.unit_ids
    if unit_ids is None and query.unit:
        unit_ids = tuple(unit_ids_for(query.unit, query.rollup))
    return facts.Selection(query.period.start, query.period.end, unit_ids)


def digital_channel_ids(slugs):
    return list(Channel.objects.filter(slug__in=slugs).values_list("pk", flat=True))


def compute(query, target=None, online_ids=()):
    """The whole audit for ``query``: headline, parts, overlaps and every breakdown.

    ``online_ids`` (channels that count as "disseminated online", target 5a) is passed
    through for the plan report, which reads the same counts.
    """
    target = target or current_target()
    digital_slugs = digital_channel_slugs(query)
    grouped = monthly.count(selection_for(query), digital_channel_ids(digital_slugs), online_ids)
    result = Result(query=query, target=target, digital_channels=digital_slugs, grouped=grouped)
    _fill(result, grouped)
    return result


def _fill(result, grouped):
    """Headline, parts and exact overlaps from the (task, format, language) groups."""
    parts, overlaps = {"ethnic": 0, "foreign": 0, "digital": 0}, {}
    for row in grouped["task_format_language"]:
        result.total += row.total
        result.counted += row.counted
        result.digitised += row.digitised_count
        category = languages.category(row.language) if row.language in languages.BY_CODE else None
        own = {languages.ETHNIC: "ethnic", languages.FOREIGN: "foreign"}.get(category)
        parts["digital"] += row.digital_count
        if own:
            parts[own] += row.total
            _add(overlaps, own, row.total - row.digital_count)
            _add(overlaps, f"{own}+digital", row.digital_count)
        else:
            _add(overlaps, "digital", row.digital_count)
    result.parts = parts
    result.overlaps = {combo: count for combo, count in overlaps.items() if count}
    result.breakdowns = _breakdowns(grouped, result.query.rollup)


def _add(counts, key, value):
    counts[key] = counts.get(key, 0) + value


def _breakdowns(grouped, rollup):
    names = {
        "area": dict(ContentArea.objects.values_list("pk", "slug")),
        "format": dict(Format.objects.values_list("pk", "slug")),
        "channel": dict(Channel.objects.values_list("pk", "slug")),
    }
    units = unit_successor_map()

    def unit_key(pk):
        own, current = units.get(pk, (str(pk), str(pk))) if pk is not None else ("", "")
        return current if rollup else own

    by_kind = grouped["task_format_language"]
    raw = {
        "unit": [(unit_key(r.unit_id), r.total, r.counted) for r in grouped["unit"]],
        "area": [(names["area"].get(r.area_id, ""), r.total, r.counted) for r in grouped["area"]],
        "month": [(r.month, r.total, r.counted) for r in grouped["month"]],
        "language": [(r.language, r.total, r.counted) for r in by_kind],
        "format": [(names["format"].get(r.format_id, ""), r.total, r.counted) for r in by_kind],
        "channel": [
            (names["channel"].get(ch, str(ch)), r.total, r.counted) for ch, r in facts.channel_rows(grouped)
        ],
    }
    return {dim: _merged(raw[dim]) for dim in BREAKDOWNS}


def _merged(rows):
    merged = {}
    for key, total, counted in rows:
        entry = merged.setdefault(key or "", [0, 0])
        entry[0] += total
        entry[1] += counted
    return sorted(
        ({"key": k, "total": t, "counted": c, "share": ratio(c, t)} for k, (t, c) in merged.items()),
        key=lambda row: (-row["total"], row["key"]),
    )


def current_target():
    settings = AuditSettings.load()
    return Target(min=float(settings.target_min), max=float(settings.target_max))


def yearly(years, unit=None, rollup=False):
    """Share per year, for the chart against the band."""
    return [(year, compute(Query(Period.year(year), unit=unit, rollup=rollup))) for year in years]
