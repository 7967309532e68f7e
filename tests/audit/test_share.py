"""The target-4 figure on a hand-built set of products covering every branch of the rule."""

import datetime
import io
import json

import pytest
from django.core.management import call_command

from audit.share import Period, Query, compute
from products.models import Channel, ProductPage, Unit
from tests.factories import make_product

D = datetime.date
Y2024 = Period.year(2024)


@pytest.fixture
def products(registers):
    """2024: 7 live products in the period (4 counted), plus controls that must not count."""
    made = {
        # ethnic only
        "bdq": make_product(
            title="bdq",
            language="bdq",
            unit="dai-ptth-kon-tum",
            area="III",
            format="radio-feature",
            publications=[("radio", D(2024, 3, 1))],
        ),
        # foreign only
        "en": make_product(
            title="en",
            language="en",
            unit="bao-kon-tum",
            area="V",
            format="article",
            publications=[("online-news", D(2024, 4, 2))],
        ),
        # digital only
        "fb": make_product(
            title="fb",
            language="vi",
            unit="bao-kon-tum",
            area="III",
            format="video",
            publications=[("facebook", D(2024, 5, 3))],
        ),
        # two conditions: ethnic and digital (counts once), two channels
        "sed_yt": make_product(
            title="sed_yt",
            language="sed",
            unit="ubnd-dak-to",
            area="III",
            format="video",
            publications=[("radio", D(2024, 6, 1)), ("youtube", D(2024, 6, 2))],
        ),
        # none
        "vi1": make_product(
            title="vi1",
            language="vi",
            unit="bao-kon-tum",
            area="II",
            format="article",
            publications=[("print", D(2024, 1, 10))],
        ),
        "vi2": make_product(
            title="vi2",
            language="vi",
            unit="ubnd-dak-to",
            area="III",
            format="news",
            publications=[("loudspeaker", D(2024, 7, 1))],
        ),
        # first published in 2023, published again in 2024 on Facebook: belongs to 2023 only
        "again": make_product(
            title="again",
            language="vi",
            unit="bao-kon-tum",
            area="I",
            format="article",
            publications=[("print", D(2023, 12, 30)), ("facebook", D(2024, 1, 5))],
        ),
        # first published in 2024, again in 2025: 2024 only
        "next": make_product(
            title="next",
            language="vi",
            unit="so-tttt",
            area="I",
            format="news",
            publications=[("portal", D(2024, 12, 31)), ("portal", D(2025, 1, 2))],
        ),
        # a draft and an unpublished product in the period: never counted
        "draft": make_product(
            title="draft",
            language="bdq",
            unit="bao-kon-tum",
            live=False,
            publications=[("facebook", D(2024, 2, 2))],
        ),
    }
    unpublished = make_product(
        title="unpublished", language="en", unit="bao-kon-tum", publications=[("zalo", D(2024, 2, 3))]
    )
    unpublished.unpublish()
    made["unpublished"] = unpublished
    return made


def rows(report, dim):
    return {row["key"]: (row["total"], row["counted"], row["share"]) for row in report["breakdowns"][dim]}


def test_every_number_of_the_json(products):
    report = compute(Query(Y2024)).as_json()
    assert report["period"] == {"start": "2024-01-01", "end": "2024-12-31"}
    assert report["total"] == 7  # bdq en fb sed_yt vi1 vi2 next
    assert report["counted"] == 4  # bdq en fb sed_yt
    assert report["share"] == pytest.approx(4 / 7, abs=1e-6)
    assert report["target"] == {"min": 0.15, "max": 0.2}
    assert report["status"] == "above"
    assert report["parts"] == {"ethnic": 2, "foreign": 1, "digital": 2}
    assert report["overlaps"] == {"ethnic": 1, "foreign": 1, "digital": 1, "ethnic+digital": 1}
    assert report["digital_channels"] == ["facebook", "tiktok", "youtube", "zalo"]
    assert rows(report, "unit") == {
        "bao-kon-tum": (3, 2, pytest.approx(2 / 3, abs=1e-6)),
        "dai-ptth-kon-tum": (1, 1, 1.0),
        "ubnd-dak-to": (2, 1, 0.5),
        "so-tttt": (1, 0, 0.0),
    }
    assert rows(report, "area") == {
        "III": (4, 3, 0.75),
        "V": (1, 1, 1.0),
        "II": (1, 0, 0.0),
        "I": (1, 0, 0.0),
    }
    assert rows(report, "language") == {
        "vi": (4, 1, 0.25),
        "bdq": (1, 1, 1.0),
        "en": (1, 1, 1.0),
        "sed": (1, 1, 1.0),
    }
    # a product with several channels appears in each channel's row
    assert rows(report, "channel") == {
        "radio": (2, 2, 1.0),
        "online-news": (1, 1, 1.0),
        "facebook": (1, 1, 1.0),
        "youtube": (1, 1, 1.0),
        "print": (1, 0, 0.0),
        "loudspeaker": (1, 0, 0.0),
        "portal": (1, 0, 0.0),
    }
    assert rows(report, "format") == {
        "video": (2, 2, 1.0),
        "article": (2, 1, 0.5),
        "radio-feature": (1, 1, 1.0),
        "news": (2, 0, 0.0),
    }
    assert rows(report, "month") == {
        "2024-01": (1, 0, 0.0),
        "2024-03": (1, 1, 1.0),
        "2024-04": (1, 1, 1.0),
        "2024-05": (1, 1, 1.0),
        "2024-06": (1, 1, 1.0),
        "2024-07": (1, 0, 0.0),
        "2024-12": (1, 0, 0.0),
    }


def test_product_counts_in_the_year_of_its_first_publication(products):
    report_2023 = compute(Query(Period.year(2023))).as_json()
    assert report_2023["total"] == 1 and report_2023["counted"] == 1  # "again": digital via its 2024 repost
    assert compute(Query(Period.year(2025))).as_json()["total"] == 0


def test_status_against_the_band(products):
    from audit.share import Target

    assert Target(0.15, 0.20).status(0.15) == "within"
    assert Target(0.15, 0.20).status(0.20) == "within"
    assert Target(0.15, 0.20).status(0.1499) == "below"
    assert Target(0.15, 0.20).status(0.2001) == "above"
    from audit.models import AuditSettings

    settings = AuditSettings.load()
    settings.target_min, settings.target_max = "0.60", "0.70"
    settings.save()
    assert compute(Query(Y2024)).as_json()["status"] == "below"


def test_change_to_digital_channel_set(products):
    Channel.objects.filter(slug="radio").update(is_digital=True)  # bypasses signals: figures still follow
    report = compute(Query(Y2024)).as_json()
    assert report["digital_channels"] == ["facebook", "radio", "tiktok", "youtube", "zalo"]
    assert report["parts"]["digital"] == 3  # fb, sed_yt, bdq (radio)
    assert report["counted"] == 4  # bdq already counted as ethnic
    facebook = Channel.objects.get(slug="facebook")
    facebook.is_digital = False
    facebook.save()
    report = compute(Query(Y2024)).as_json()
    assert report["counted"] == 3 and report["parts"]["digital"] == 2
    from audit.models import DigitalChannelChange

    change = DigitalChannelChange.objects.first()
    assert change.channel == facebook and change.is_digital is False
    assert change.digital_set == ["radio", "tiktok", "youtube", "zalo"]


def test_unit_merged_into_successor_with_and_without_rollup(products):
    successor = Unit.objects.create(
        slug="ubnd-xa-dak-to", name_vi="UBND xã Đăk Tô", name_en="Dak To commune", kind="commune"
    )
    Unit.objects.filter(slug="ubnd-dak-to").update(successor=successor)
    make_product(
        title="new unit", language="vi", unit="ubnd-xa-dak-to", publications=[("facebook", D(2024, 9, 9))]
    )

    as_was = compute(Query(Y2024)).as_json()
    assert rows(as_was, "unit")["ubnd-dak-to"][:2] == (2, 1)
    assert rows(as_was, "unit")["ubnd-xa-dak-to"][:2] == (1, 1)
    rolled = compute(Query(Y2024, rollup=True)).as_json()
    assert "ubnd-dak-to" not in rows(rolled, "unit")
    assert rows(rolled, "unit")["ubnd-xa-dak-to"][:2] == (3, 2)

    only_old = compute(Query(Y2024, unit="ubnd-dak-to")).as_json()
    assert (only_old["total"], only_old["counted"]) == (2, 1)
    only_new = compute(Query(Y2024, unit="ubnd-xa-dak-to")).as_json()
    assert (only_new["total"], only_new["counted"]) == (1, 1)
    new_rolled = compute(Query(Y2024, unit="ubnd-xa-dak-to", rollup=True)).as_json()
    assert (new_rolled["total"], new_rolled["counted"]) == (3, 2)


def test_translation_is_a_product_of_its_own(registers):
    vi = make_product(title="vi", language="vi", publications=[("print", D(2024, 2, 1))])
    make_product(title="en", language="en", translation_of=vi, publications=[("online-news", D(2024, 2, 5))])
    report = compute(Query(Y2024)).as_json()
    assert (report["total"], report["counted"]) == (2, 1)


def test_digitised_indicator(products):
    report = compute(Query(Y2024)).as_json()
    # make_product leaves body, transcript and attachments empty
    assert report["digitised"] == {"count": 0, "share": 0.0}
    page = ProductPage.objects.get(title="vi1")
    page.transcript = "Lời thoại"
    page.save_revision().publish()
    assert compute(Query(Y2024)).as_json()["digitised"]["count"] == 1


def test_command_json_csv_xlsx_hold_the_same_numbers(products, tmp_path):
    out = io.StringIO()
    call_command("audit_share", "--year", "2024", stdout=out)
    report = json.loads(out.getvalue())
    assert (report["total"], report["counted"], report["status"]) == (7, 4, "above")

    csv_file, xlsx_file = tmp_path / "a.csv", tmp_path / "a.xlsx"
    call_command(
        "audit_share",
        "--from",
        "2024-01-01",
        "--to",
        "2024-12-31",
        "--format",
        "csv",
        "--output",
        str(csv_file),
        stderr=io.StringIO(),
    )
    call_command(
        "audit_share", "--year", "2024", "--format", "xlsx", "--output", str(xlsx_file), stderr=io.StringIO()
    )
    import csv

    csv_rows = list(csv.reader(csv_file.read_text(encoding="utf-8-sig").splitlines()))
    assert ["total", "", "7", "4", str(report["share"])] in csv_rows
    assert ["unit", "bao-kon-tum", "3", "2", str(rows(report, "unit")["bao-kon-tum"][2])] in csv_rows

    from openpyxl import load_workbook

    sheet = load_workbook(xlsx_file)["figures"]
    xlsx_rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert ["total", None, 7, 4, report["share"]] in xlsx_rows
    assert ["channel", "radio", 2, 2, 1] in xlsx_rows


def test_command_rejects_bad_arguments(db):
    from django.core.management.base import CommandError

    for args in (
        ["--year", "2024", "--from", "2024-01-01"],
        ["--from", "2024-13-01", "--to", "2024-12-31"],
        ["--year", "2024", "--unit", "khong-co"],
        [],
    ):
        with pytest.raises(CommandError):
            call_command("audit_share", *args, stdout=io.StringIO())
