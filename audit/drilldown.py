"""The ids of exactly the products behind one number of the audit.

Built on the same row SELECT as the counts (``audit.facts.rows_sql``), with one more
condition per breakdown row and figure, so a drill-down lists what was counted.
"""

from audit import facts
from audit.share import digital_channel_ids, digital_channel_slugs, selection_for
from audit.units import unit_ids_for
from products import languages, plan_counts
from products.models import Channel, ContentArea, Format, PlanTask

WHICH = ("total", "counted", "ethnic", "foreign", "digital", "digitised")


def drilldown_sql(query, dim=None, key=None, which="total", online_ids=()):
    """SQL selecting the ids behind one number, and its params.

    ``dim``/``key`` name a breakdown row (``("unit", "bao-kon-tum")``, ``("month", "2024-05")``);
    ``which`` is a column (``counted``, a part, ``online``) or an exact overlap such as
    ``"ethnic+digital"``.
    """
    digital = facts.ChannelSet.of(digital_channel_ids(digital_channel_slugs(query)))
    flags_sql, params = facts.rows_sql(selection_for(query), digital, facts.ChannelSet.of(online_ids))
    where, extra = ["1 = 1"], []
    if dim:
        clause, dim_params = _dimension_clause(query, dim, key)
        where.append(clause)
        extra += dim_params
    clause, which_params = _which_clause(which)
    where.append(clause)
    return f"SELECT f.id FROM ({flags_sql}) f WHERE {' AND '.join(where)}", [*params, *extra, *which_params]


def _dimension_clause(query, dim, key):
    if dim == "unit":
        ids = unit_ids_for(key, query.rollup)
        return f"f.unit_id IN ({facts.placeholders(ids)})", ids
    if dim in ("area", "format"):
        model = ContentArea if dim == "area" else Format
        ids = list(model.objects.filter(slug=key).values_list("pk", flat=True))
        return f"f.{dim}_id IN ({facts.placeholders(ids)})", ids
    if dim == "task":
        if not key:
            return "f.task_id IS NULL", []
        ids = list(PlanTask.objects.filter(slug=key).values_list("pk", flat=True))
        return f"f.task_id IN ({facts.placeholders(ids)})", ids
    if dim in ("language", "month"):
        return f"f.{dim} = %s", [key]
    if dim == "channel":
        channel = Channel.objects.filter(slug=key).first()
        if channel is None:
            return "1 = 0", []
        return _channel_clause(channel.pk)
    raise ValueError(f"unknown breakdown {dim!r}")


def _channel_clause(channel_id):
    bit = plan_counts.channel_bit(channel_id)
    if bit != plan_counts.OVERFLOW_BIT:
        return "(f.channel_mask & CAST(%s AS BIGINT)) <> 0", [bit]
    return f"((f.channel_mask & 1) <> 0 AND {facts.published_on_sql('f', [channel_id])})", [channel_id]


def _which_clause(which):
    ethnic, foreign = list(languages.ETHNIC_CODES), list(languages.FOREIGN_CODES)
    simple = {
        "total": ("1 = 1", []),
        "counted": ("f.counted = 1", []),
        "digitised": ("f.digitised = 1", []),
        "online": ("f.online = 1", []),
        "digitised+online": ("f.digitised = 1 AND f.online = 1", []),
    }
    if which in simple:
        return simple[which]
    flags = which.split("+")
    columns = {
        "ethnic": (f"f.language IN ({facts.placeholders(ethnic)})", ethnic),
        "foreign": (f"f.language IN ({facts.placeholders(foreign)})", foreign),
        "digital": ("f.digital = 1", []),
    }
    if not flags or any(flag not in columns for flag in flags):
        raise ValueError(f"unknown figure {which!r}")
    if len(flags) == 1:
        return columns[flags[0]]
    clauses, params = [], []
    for name, (sql, values) in columns.items():
        clauses.append(sql if name in flags else f"NOT ({sql})")
        params += values
    return " AND ".join(clauses), params
