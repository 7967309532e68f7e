"""Counting live products of a period from the product table alone, in one statement.

Every figure of the audit (target 4) and of the annual plan report is a count of the
same rows — live products whose ``first_published`` is in the period, optionally of
some units — grouped one way or another. The products table carries copies of ``live``,
of the channels (a bit mask) and of "digitised" (products/plan_counts.py), so the rows
come from one range of the ``product_plan_counts`` index: no join to the page table, no
probe of the publications per product.

One statement makes all the groupings the reports need (``GROUPINGS``): on PostgreSQL
with GROUPING SETS (one scan, a hash table per set); on SQLite, which has neither, as a
materialised CTE grouped several ways and glued with UNION ALL. Python then only adds up
grouped rows. The digital (and "online") channels are parameters: the auditors' setting
is read when the query runs, so a change of it shows at once.

The flags of each row, as the counting rule defines them:
- ``digital``: a publication on a digital channel; ``online``: on an online channel;
- ``counted`` (target 4): ethnic or foreign language, or digital — several count once;
- ``digitised``: body, transcript or attachment.
"""

from collections import namedtuple
from dataclasses import dataclass

from django.db import connection

from products import languages, plan_counts
from products.models import Channel, ProductPage, ProductPublication

# name → the columns grouped; every set also yields COUNT(*) and SUM(counted). Few sets of
# several columns rather than one set per breakdown: each set costs the database a pass
# (SQLite sorts the period's rows once per set), while the joint groups of these columns
# stay small (units × areas × months; tasks × formats × languages × flags; tasks × channel
# masks), and Python adds them up into every breakdown.
GROUPINGS = {
    "unit_area_month": ("unit_id", "area_id", "month"),
    "task_format_language": ("task_id", "format_id", "language"),
    "task_mask": ("task_id", "channel_mask"),
}
COLUMNS = ("unit_id", "area_id", "month", "task_id", "format_id", "channel_mask", "language")
# Summed in every set besides COUNT(*). A group's language says whether it is ethnic or
# foreign, so its digital count is all that parts and overlaps need.
SUMS = ("counted", "digital", "digitised", "online", "digitised * online")
SUM_NAMES = ("counted", "digital_count", "digitised_count", "online_count", "digitised_online_count")
Row = namedtuple("Row", ("grouping", *COLUMNS, "total", *SUM_NAMES))
OVERFLOW = "task_channel"  # (task_id, channel id) for channels without a bit of their own


@dataclass(frozen=True)
class Selection:
    """Which products: live, first published in [start, end], of ``unit_ids`` (None: all)."""

    start: object
    end: object
    unit_ids: tuple | None = None


@dataclass(frozen=True)
class ChannelSet:
    """A set of channel ids as SQL: the bits of those that have one, the ids of the others."""

    bits: int
    overflow_ids: tuple

    @classmethod
    def of(cls, channel_ids):
        bits, overflow = plan_counts.mask_of(set(channel_ids))
        return cls(bits, tuple(overflow))

    def test_sql(self, table="pp"):
        """SQL true when a product of ``table`` was published on one of the channels; params."""
        sql, params = f"({table}.{_col('channel_mask')} & CAST(%s AS BIGINT)) <> 0", [self.bits]
        if self.overflow_ids:
            sql = (
                f"({sql} OR (({table}.{_col('channel_mask')} & 1) <> 0 AND "
                f"{published_on_sql(table, self.overflow_ids)}))"
            )
            params += list(self.overflow_ids)
        return sql, params


def _q(name):
    return connection.ops.quote_name(name)


def _col(field_name):
    return _q(ProductPage._meta.get_field(field_name).column)


def published_on_sql(table, channel_ids):
    meta = ProductPublication._meta
    return (
        f"EXISTS (SELECT 1 FROM {_q(meta.db_table)} pub "
        f"WHERE pub.{_q(meta.get_field('page').column)} = {table}.{_q(ProductPage._meta.pk.column)} "
        f"AND pub.{_q(meta.get_field('channel').column)} IN ({placeholders(channel_ids)}))"
    )


def placeholders(values):
    return ", ".join(["%s"] * len(values)) or "NULL"


def _month_sql(table="pp"):
    column = f"{table}.{_col('first_published')}"
    if connection.vendor == "postgresql":
        return f"to_char({column}, 'YYYY-MM')"
    return f"substr({column}, 1, 7)"


def rows_sql(selection, digital, online):
    """SELECT of the products ``selection`` covers, one row each with its flags; and params."""
    # "Ethnic or foreign" is "not the national language": every product's language is one of
    # the programme's (it comes from a locale), and one comparison is cheaper than twelve.
    national = [lang.code for lang in languages.LANGUAGES if lang.category == languages.NATIONAL]
    digital_sql, digital_params = digital.test_sql()
    online_sql, online_params = online.test_sql()
    where = [f"pp.{_col('is_live')} = %s", f"pp.{_col('first_published')} BETWEEN %s AND %s"]
    where_params = [True, selection.start, selection.end]
    if selection.unit_ids is not None:
        where.append(f"pp.{_col('unit')} IN ({placeholders(selection.unit_ids)})")
        where_params += list(selection.unit_ids)
    sql = f"""
        SELECT pp.{_q(ProductPage._meta.pk.column)} AS id, pp.{_col("unit")} AS unit_id,
               pp.{_col("area")} AS area_id, pp.{_col("format")} AS format_id,
               pp.{_col("task")} AS task_id, pp.{_col("language")} AS language,
               pp.{_col("channel_mask")} AS channel_mask, {_month_sql()} AS month,
               CASE WHEN {digital_sql} THEN 1 ELSE 0 END AS digital,
               CASE WHEN {online_sql} THEN 1 ELSE 0 END AS online,
               CASE WHEN pp.{_col("digitised")} THEN 1 ELSE 0 END AS digitised,
               CASE WHEN pp.{_col("language")} NOT IN ({placeholders(national)}) OR {digital_sql}
                    THEN 1 ELSE 0 END AS counted
        FROM {_q(ProductPage._meta.db_table)} pp
        WHERE {" AND ".join(where)}
    """
    params = [*digital_params, *online_params, *national, *digital_params, *where_params]
    return sql, params


def groupings(by_month=False):
    """GROUPINGS, each also by month when ``by_month`` (the counts of several months at once)."""
    if not by_month:
        return GROUPINGS
    return {name: tuple(dict.fromkeys((*columns, "month"))) for name, columns in GROUPINGS.items()}


def _grouped_sql(rows_sql_text, with_overflow, by_month=False):
    sets = groupings(by_month)
    if connection.vendor == "postgresql":
        body = _grouping_sets_sql(sets)
    else:
        body = " UNION ALL ".join(_group_by_sql(name, columns) for name, columns in sets.items())
    if with_overflow:
        body += " UNION ALL " + _overflow_sql(by_month)
    # PostgreSQL scans once (GROUPING SETS); SQLite inlines the CTE into each GROUP BY, so each
    # reads the covering index and computes only the columns it groups or sums (measured faster
    # than writing the rows to a temporary table and reading it three times).
    materialized = "MATERIALIZED " if connection.vendor == "postgresql" else ""
    return f"WITH f AS {materialized}({rows_sql_text}) {body}"


def _group_by_sql(name, columns):
    keys = ", ".join(column if column in columns else "NULL" for column in COLUMNS)
    return f"SELECT '{name}', {keys}, COUNT(*), {_sums()} FROM f GROUP BY {', '.join(columns)}"


def _sums(table=""):
    return ", ".join(f"SUM({table}{expression})" for expression in SUMS)


def _grouping_sets_sql(groups):
    """One scan with GROUPING SETS; GROUPING() tells which set a row belongs to (a task may be NULL)."""
    flags = f"GROUPING({', '.join(COLUMNS)})"
    cases = " ".join(
        f"WHEN {flags} = {_grouping_value(columns)} THEN '{name}'" for name, columns in groups.items()
    )
    sets = ", ".join(f"({', '.join(columns)})" for columns in groups.values())
    return (
        f"SELECT CASE {cases} END, {', '.join(COLUMNS)}, COUNT(*), {_sums()} "
        f"FROM f GROUP BY GROUPING SETS ({sets})"
    )


def _grouping_value(columns):
    """GROUPING(a, b, …) sets bit 1 for each column *not* grouped, the first column highest."""
    value = 0
    for column in COLUMNS:
        value = value * 2 + (0 if column in columns else 1)
    return value


def _overflow_sql(by_month=False):
    """Channels with no bit of their own: counted from the publications, for the few products concerned."""
    meta = ProductPublication._meta
    channel = "pub." + _q(meta.get_field("channel").column)
    grouped = {"task_id": "f.task_id", "channel_mask": channel, **({"month": "f.month"} if by_month else {})}
    keys = ", ".join(grouped.get(c, "NULL") for c in COLUMNS)
    return (
        f"SELECT '{OVERFLOW}', {keys}, COUNT(DISTINCT f.id), "
        + ", ".join(
            f"COUNT(DISTINCT CASE WHEN f.{name} = 1 THEN f.id END)"
            for name in ("counted", "digital", "digitised", "online")
        )
        + ", COUNT(DISTINCT CASE WHEN f.digitised = 1 AND f.online = 1 THEN f.id END) "
        f"FROM f JOIN {_q(meta.db_table)} pub ON pub.{_q(meta.get_field('page').column)} = f.id "
        f"WHERE (f.channel_mask & 1) <> 0 AND {channel} > {plan_counts.MAX_BIT} "
        f"GROUP BY {', '.join(grouped.values())}"
    )


def count(selection, digital_ids, online_ids=(), by_month=False):
    """{grouping name: [Row]} for ``selection``: the grouped columns, ``total`` and the sums.

    Groupings: "unit", "area", "month", "task_format_language", "task_mask" and ``OVERFLOW``
    (rows only when channels whose id has no bit exist). ``by_month``: every grouping also by
    month, as {month: {grouping name: [Row]}}.
    """
    digital, online = ChannelSet.of(digital_ids), ChannelSet.of(online_ids)
    sql, params = rows_sql(selection, digital, online)
    with_overflow = Channel.objects.filter(pk__gt=plan_counts.MAX_BIT).exists()
    with connection.cursor() as cursor:
        cursor.execute(_grouped_sql(sql, with_overflow, by_month), params)
        rows = cursor.fetchall()
    months = {}
    for row in map(Row._make, rows):
        month = row.month if by_month else None
        if month not in months:
            months[month] = {name: [] for name in (*GROUPINGS, OVERFLOW)}
        months[month][row.grouping].append(row)
    if not by_month:
        return with_places_apart(months.get(None) or {name: [] for name in (*GROUPINGS, OVERFLOW)})
    return {month: with_places_apart(grouped, by_month=True) for month, grouped in months.items()}


PLACES = {"unit": "unit_id", "area": "area_id", "month": "month"}  # what "unit_area_month" splits into
FIGURES = len(SUMS) + 1  # a row ends with its total and its sums


def with_places_apart(grouped, by_month=False):
    """``grouped`` with its (unit, area, month) groups added up into one grouping per column.

    The breakdowns by unit, area and month each need one column; counting them jointly costs
    SQLite one sort instead of three, and the few hundred joint rows are added up here.
    """
    joint = grouped.pop("unit_area_month")
    for name, column in PLACES.items():
        sums = {}
        for row in joint:
            key, figures = getattr(row, column), row[-FIGURES:]
            before = sums.get(key)
            sums[key] = figures if before is None else [a + b for a, b in zip(before, figures, strict=True)]
        grouped[name] = [
            Row(name, *(key if c == column else None for c in COLUMNS), *figures)
            for key, figures in sums.items()
        ]
    if by_month:  # one month's rows: only its "month" grouping names the month
        for name, rows in grouped.items():
            if name != "month":
                grouped[name] = [row._replace(month=None) for row in rows]
    return grouped


def channel_rows(grouped):
    """[(channel_id, row)] from the mask rows and the overflow rows; a row holds task_id and the sums."""
    for row in grouped["task_mask"]:
        for channel_id in plan_counts.bit_channels(int(row.channel_mask)):
            yield channel_id, row
    for row in grouped[OVERFLOW]:
        yield int(row.channel_mask), row
