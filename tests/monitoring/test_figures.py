"""Every indicator and task count of the plan, on the year built in tests/monitoring/data.py."""

import datetime
import io
import json

import pytest
from django.core.management import call_command

from audit.share import Period
from monitoring.figures.scope import Scope, reporting_unit_ids, units_due
from monitoring.models import Desk, PlanDuty
from monitoring.reporting.annual import plan_report
from products.models import Unit

D = datetime.date
TASK_SLUGS = [
    "1.1",
    "1.2",
    "2.1",
    "2.2",
    "2.3",
    "3.1",
    "3.2",
    "3.3",
    "3.4",
    "3.5",
    "3.6",
    "3.7",
    "4.1",
    "4.2",
    "4.3",
    "4.4",
    "5.1",
    "5.2",
    "5.3",
    "5.4",
    "6.1",
    "6.2",
]


def test_json_keys_and_every_target(plan_year):
    report = plan_report(Scope.year(2024))
    assert set(report) == {"period", "unit", "deadline", "tasks", "targets"}
    assert report["period"] == {"start": "2024-01-01", "end": "2024-12-31"}
    assert report["unit"] is None and report["deadline"] == "2024-11-30"
    assert list(report["tasks"]) == TASK_SLUGS
    targets = report["targets"]
    assert set(targets) == {"1", "2", "3", "4", "5a", "5b"}

    one = targets["1"]
    assert (one["numerator"], one["denominator"], one["status"]) == (2, 7, "below")
    assert one["share"] == pytest.approx(2 / 7, abs=1e-6)

    two = targets["2"]
    assert (two["numerator"], two["denominator"], two["status"]) == (20, 27, "below")
    assert {code: (c["staff"], c["trained"], c["status"]) for code, c in two["categories"].items()} == {
        "hr": (6, 5, "below"),
        "info": (6, 5, "below"),
        "press": (5, 4, "below"),
        "officials": (10, 6, "below"),
    }
    assert two["categories"]["officials"]["target"] == 0.7

    three = targets["3"]
    assert (three["numerator"], three["denominator"], three["status"]) == (1, None, "met")
    assert (three["audience"], three["items"]) == (500, 120)

    four = targets["4"]
    assert (four["total"], four["counted"], four["share"], four["status"]) == (6, 3, 0.5, "above")
    assert four["parts"] == {"ethnic": 1, "foreign": 1, "digital": 2}

    five_a = targets["5a"]
    assert (five_a["numerator"], five_a["denominator"], five_a["digitised"], five_a["online"]) == (1, 6, 3, 4)
    assert five_a["status"] == "below"

    five_b = targets["5b"]
    assert (five_b["numerator"], five_b["denominator"], five_b["share"], five_b["status"]) == (
        2,
        4,
        0.5,
        "below",
    )
    assert five_b["days_to_handle"] == {"median": 7.0, "mean": 7.0, "max": 10}


def test_task_counts(plan_year):
    tasks = plan_report(Scope.year(2024))["tasks"]
    assert tasks["3.1"] == {
        "products": 1,
        "activities": 0,
        "by_format": {"article": 1},
        "by_channel": {"facebook": 1},
        "by_language": {"bdq": 1},
    }
    assert tasks["3.2"] == {
        "products": 1,
        "activities": 0,
        "by_format": {"news": 1},
        "by_channel": {"print": 1},
        "by_language": {"vi": 1},
    }
    assert tasks["3.3"] == {
        "products": 2,
        "activities": 0,
        "by_format": {"radio-drama": 1, "radio-feature": 1},
        "by_channel": {"loudspeaker": 2, "youtube": 1},
        "by_language": {"vi": 2},
    }
    assert tasks["5.4"]["products"] == 1 and tasks["5.4"]["by_language"] == {"en": 1}
    assert {slug: t["activities"] for slug, t in tasks.items() if t["activities"]} == {
        "2.1": 1,
        "2.2": 1,
        "3.4": 1,
        "6.2": 1,
    }
    assert sum(t["products"] for t in tasks.values()) == 5  # p6 has no task


def test_target_4_equals_audit_share_for_the_same_period_and_unit(plan_year):
    for args, scope in (
        (["--year", "2024"], Scope.year(2024)),
        (["--year", "2024", "--unit", "bao-kon-tum"], Scope.year(2024, unit="bao-kon-tum")),
        (
            ["--year", "2024", "--unit", "ubnd-xa-dak-to", "--rollup"],
            Scope.year(2024, unit="ubnd-xa-dak-to", rollup=True),
        ),
        (["--from", "2024-03-01", "--to", "2024-05-31"], Scope(Period(D(2024, 3, 1), D(2024, 5, 31)))),
    ):
        out = io.StringIO()
        call_command("audit_share", *args, stdout=out)
        audit = json.loads(out.getvalue())
        four = plan_report(scope)["targets"]["4"]
        assert {k: four[k] for k in ("total", "counted", "share", "status")} == {
            k: audit[k] for k in ("total", "counted", "share", "status")
        }, args
    assert plan_report(Scope.year(2024, unit="bao-kon-tum"))["targets"]["4"]["total"] == 3
    assert plan_report(Scope.year(2024, unit="ubnd-xa-dak-to", rollup=True))["targets"]["4"]["total"] == 1


def test_units_as_they_were_and_rolled_up(plan_year):
    as_was = plan_report(Scope.year(2024))["targets"]["5b"]["by_unit"]
    assert {row["key"]: (row["numerator"], row["denominator"]) for row in as_was} == {
        "cong-an-tinh": (1, 2),
        "so-tttt": (1, 2),
    }
    products_2025 = plan_report(Scope.year(2025, unit="ubnd-xa-dak-to", rollup=True))["targets"]["5a"][
        "by_unit"
    ]
    assert {row["key"]: row["denominator"] for row in products_2025} == {"ubnd-xa-dak-to": 2}
    products_2025 = plan_report(Scope.year(2025))["targets"]["5a"]["by_unit"]
    assert {row["key"]: row["denominator"] for row in products_2025} == {
        "ubnd-dak-to": 1,
        "ubnd-xa-dak-to": 1,
    }


def test_a_dissolved_unit_is_reported_by_its_successor_from_the_year_it_is_gone(plan_year):
    district, commune = Unit.objects.get(slug="ubnd-dak-to"), plan_year.commune
    assert district in units_due(2024) and commune not in units_due(2024)
    assert district not in units_due(2025) and commune in units_due(2025)
    assert reporting_unit_ids(district, 2024) == (district.pk,)
    assert set(reporting_unit_ids(commune, 2025)) == {district.pk, commune.pk}
    report = plan_report(Scope.year(2025, unit=commune.slug, unit_ids=reporting_unit_ids(commune, 2025)))
    assert report["targets"]["4"]["total"] == 2 and report["tasks"]["3.3"]["products"] == 2


def test_renamed_unit_keeps_its_figures_and_its_desk(plan_year):
    desk = Desk.objects.get(role=PlanDuty.REPORTING, unit__slug="so-tttt")
    assert desk.group.name == "Báo cáo kế hoạch – Sở Khoa học và Công nghệ"
    report = plan_report(Scope.year(2024, unit="so-tttt"))
    assert report["targets"]["4"]["total"] == 1 and report["targets"]["5b"]["denominator"] == 2


def test_command_json(plan_year, tmp_path):
    out = io.StringIO()
    call_command("plan_report", "--year", "2024", "--format", "json", stdout=out)
    assert json.loads(out.getvalue()) == json.loads(json.dumps(plan_report(Scope.year(2024))))
    path = tmp_path / "r.json"
    call_command(
        "plan_report", "--year", "2024", "--unit", "bao-kon-tum", "--output", str(path), stderr=io.StringIO()
    )
    assert json.loads(path.read_text(encoding="utf-8"))["unit"] == "bao-kon-tum"
