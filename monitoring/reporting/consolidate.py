"""The Department's provincial report, compiled from the units' accepted reports.

Task counts and the numerators and denominators of targets 2, 3, 4, 5a and 5b are the sums of
what the units submitted (their frozen figures), so the provincial report says what the units
certified. Target 1 is the Department's own register of provincial agencies (most agencies
are not reporting units), counted province-wide at the year's end.
"""

from audit.share import Target, ratio
from monitoring.figures.scope import Scope
from monitoring.figures.targets import share_status, target_1
from monitoring.models import deadline
from monitoring.reporting.content import accepted_reports

ADDITIVE = ("numerator", "denominator")


def _merge_counts(into, counts):
    for key, value in counts.items():
        into[key] = into.get(key, 0) + value


def _sum_tasks(reports):
    tasks = {}
    for report in reports:
        for slug, figures in report.figures["tasks"].items():
            entry = tasks.setdefault(
                slug, {"products": 0, "activities": 0, "by_format": {}, "by_channel": {}, "by_language": {}}
            )
            entry["products"] += figures["products"]
            entry["activities"] += figures["activities"]
            for key in ("by_format", "by_channel", "by_language"):
                _merge_counts(entry[key], figures[key])
    return tasks


def _sum_target(reports, code):
    parts = [r.figures["targets"][code] for r in reports]
    summed = {key: sum(p[key] or 0 for p in parts) for key in ADDITIVE}
    summed["share"] = ratio(summed["numerator"], summed["denominator"])
    summed["by_unit"] = [row for p in parts for row in p["by_unit"]]
    return summed, parts


def _target_2(reports, template):
    summed, parts = _sum_target(reports, "2")
    categories = {}
    for code, category in template["categories"].items():
        staff = sum(p["categories"][code]["staff"] for p in parts)
        trained = sum(p["categories"][code]["trained"] for p in parts)
        categories[code] = {
            **category,
            "staff": staff,
            "trained": trained,
            "share": ratio(trained, staff),
            "status": share_status(trained, staff, category["target"]),
        }
    statuses = {c["status"] for c in categories.values() if c["status"] != "no_data"}
    status = "no_data" if not statuses else ("met" if statuses == {"met"} else "below")
    return {**summed, "target": template["target"], "status": status, "categories": categories}


def _target_4(reports, template):
    parts = [r.figures["targets"]["4"] for r in reports]
    total, counted = sum(p["total"] for p in parts), sum(p["counted"] for p in parts)
    band = Target(template["target"]["min"], template["target"]["max"])
    sums = {}
    for key in ("parts", "overlaps"):
        sums[key] = {}
        for p in parts:
            _merge_counts(sums[key], p[key])
    return {
        "total": total,
        "counted": counted,
        "share": ratio(counted, total),
        "status": band.status(ratio(counted, total)) if total else "no_data",
        "target": template["target"],
        **sums,
        "digital_channels": template["digital_channels"],
    }


def _target_3(reports, template):
    summed, parts = _sum_target(reports, "3")
    minimum = template["target"]
    return {
        **summed,
        "denominator": None,
        "share": None,
        "target": minimum,
        "status": "met" if summed["numerator"] >= minimum else "below",
        "audience": sum(p["audience"] for p in parts),
        "items": sum(p["items"] for p in parts),
    }


def _target_5a(reports, template):
    summed, parts = _sum_target(reports, "5a")
    status = share_status(summed["numerator"], summed["denominator"], template["target"])
    extra = {key: sum(p[key] for p in parts) for key in ("digitised", "online")}
    return {**summed, **extra, "target": template["target"], "status": status}


def _target_5b(reports, template):
    summed, parts = _sum_target(reports, "5b")
    handled = [(p["numerator"], p["days_to_handle"]) for p in parts if p["numerator"]]
    days = {
        "median": None,  # medians of the units do not add up to the province's
        "mean": round(sum(n * d["mean"] for n, d in handled) / sum(n for n, _d in handled), 2)
        if handled
        else None,
        "max": max((d["max"] for _n, d in handled), default=None),
    }
    status = share_status(summed["numerator"], summed["denominator"], template["target"])
    return {**summed, "target": template["target"], "status": status, "days_to_handle": days}


def consolidated(year, template):
    """(the provincial JSON, the accepted reports it adds up).

    ``template`` is a freshly computed province-wide report: it gives the thresholds and the band.
    """
    reports = [r for r in accepted_reports(year) if r.figures]
    given = template["targets"]
    targets = {
        "1": target_1(Scope.year(year)).as_json(),
        "2": _target_2(reports, given["2"]),
        "3": _target_3(reports, given["3"]),
        "4": _target_4(reports, given["4"]),
        "5a": _target_5a(reports, given["5a"]),
        "5b": _target_5b(reports, given["5b"]),
    }
    data = {
        "period": template["period"],
        "unit": None,
        "deadline": deadline(year).isoformat(),
        "tasks": _sum_tasks(reports),
        "targets": targets,
    }
    return data, reports
