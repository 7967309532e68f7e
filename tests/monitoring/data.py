"""A year of plan data (2024, and a little of 2025) over several units, one renamed and one merged.

Units: Báo Kon Tum, Đài PT-TH, UBND huyện Đăk Tô (dissolved 1 July 2025 into a commune made
here, "UBND xã Đăk Tô"), Sở TT&TT (renamed here, as the 2025 mergers rename it), Công an tỉnh,
Sở VH-TT-DL, MTTQ tỉnh. Every figure the tests expect is spelled out beside the data.
"""

import datetime
from types import SimpleNamespace

from wagtail.rich_text import RichText

from monitoring.models import (
    ActionKind,
    Activity,
    ActivityKind,
    ActivityParticipants,
    Agency,
    HandlingAction,
    MisinformationItem,
    SpokespersonAppointment,
    StaffCount,
    Status,
)
from products.models import PlanTask, ProductPage, Unit
from tests.factories import make_product

D = datetime.date
MODELS = {"products": ProductPage, "activities": Activity, "items": MisinformationItem}


def unit(slug):
    return Unit.objects.get(slug=slug)


def task(slug):
    return PlanTask.objects.get(slug=slug)


def build_products():
    body = [("paragraph", RichText("<p>Nội dung</p>"))]
    return {
        # ethnic + digital (Facebook) + online, digitised: counted
        "p1": make_product(
            title="Bơ̆n 'Bok",
            language="bdq",
            task="3.1",
            format="article",
            body=body,
            publications=[("facebook", D(2024, 3, 1))],
        ),
        # national, print only, transcript (digitised, not online): not counted
        "p2": make_product(
            title="Báo in",
            task="3.2",
            format="news",
            transcript="Lời thoại",
            publications=[("print", D(2024, 4, 1))],
        ),
        # national, loudspeaker + YouTube (digital, online), not digitised: counted
        "p3": make_product(
            title="Phóng sự",
            unit="dai-ptth-kon-tum",
            task="3.3",
            format="radio-feature",
            publications=[("loudspeaker", D(2024, 5, 1)), ("youtube", D(2024, 5, 2))],
        ),
        # district, loudspeaker only: not counted
        "p4": make_product(
            title="Kịch truyền thanh",
            unit="ubnd-dak-to",
            task="3.3",
            format="radio-drama",
            body=body,
            publications=[("loudspeaker", D(2024, 6, 1))],
        ),
        # foreign on the portal (online), no body: counted, not digitised
        "p5": make_product(
            title="Human rights",
            language="en",
            unit="so-tttt",
            task="5.4",
            format="article",
            publications=[("portal", D(2024, 7, 1))],
        ),
        # no task: in the figures, in no task
        "p6": make_product(
            title="Không nhiệm vụ", format="news", publications=[("online-news", D(2024, 8, 1))]
        ),
        # controls: a draft in 2024, a product of 2023
        "draft": make_product(
            title="Bản nháp", task="3.1", live=False, publications=[("zalo", D(2024, 2, 2))]
        ),
        "old": make_product(title="Năm trước", task="3.1", publications=[("zalo", D(2023, 12, 1))]),
        # 2025: the district before its dissolution, the commune after
        "p2025_district": make_product(
            title="Huyện 2025",
            unit="ubnd-dak-to",
            task="3.3",
            format="news",
            publications=[("loudspeaker", D(2025, 3, 1))],
        ),
        "p2025_commune": make_product(
            title="Xã 2025",
            unit="ubnd-xa-dak-to",
            task="3.3",
            format="news",
            publications=[("zalo", D(2025, 8, 1))],
        ),
    }


def build_activities():
    training = Activity.objects.create(
        unit=unit("so-tttt"),
        task=task("2.2"),
        kind=ActivityKind.TRAINING,
        title="Tập huấn kỹ năng",
        date=D(2024, 6, 10),
        place="Kon Tum",
        audience=28,
    )
    for category, slug, count in (
        ("hr", "bao-kon-tum", 3),
        ("info", "so-tttt", 5),
        ("press", "bao-kon-tum", 4),
        ("officials", "mttq-tinh", 6),
        ("other", None, 10),
    ):
        ActivityParticipants.objects.create(
            activity=training, category=category, unit=unit(slug) if slug else None, count=count
        )
    return {
        "training": training,
        "exhibition": Activity.objects.create(
            unit=unit("so-vhttdl"),
            task=task("3.4"),
            kind=ActivityKind.EXHIBITION,
            title="Triển lãm ảnh lưu động",
            date=D(2024, 8, 15),
            audience=500,
            items=120,
        ),
        "exhibition_2025": Activity.objects.create(
            unit=unit("so-tttt"),
            task=task("3.7"),
            kind=ActivityKind.EXHIBITION,
            title="Triển lãm thành tựu",
            date=D(2025, 1, 10),
        ),
        "award": Activity.objects.create(
            unit=unit("dai-ptth-kon-tum"),
            task=task("6.2"),
            kind=ActivityKind.AWARD_ENTRY,
            title="Phóng sự gửi Giải báo chí quốc gia",
            date=D(2024, 10, 1),
            items=2,
        ),
        "briefing": Activity.objects.create(
            unit=unit("so-tttt"),
            task=task("2.1"),
            kind=ActivityKind.PRESS_BRIEFING,
            title="Hội nghị cung cấp thông tin cho báo chí",
            date=D(2024, 9, 1),
            audience=40,
        ),
    }


def build_staff():
    StaffCount.objects.create(unit=unit("bao-kon-tum"), year=2024, hr_staff=4, press_staff=5)
    StaffCount.objects.create(unit=unit("so-tttt"), year=2024, hr_staff=2, hr_trained=2, info_staff=6)
    StaffCount.objects.create(unit=unit("mttq-tinh"), year=2024, officials_staff=10)


def build_agencies():
    """Seeded agencies (6 units of kind department/office/police) plus one that is no unit."""
    appoint = SpokespersonAppointment.objects.create
    appoint(
        agency=Agency.objects.get(unit__slug="so-tttt"),
        name="Nguyễn Văn A",
        decision_number="12/QĐ-STTTT",
        decision_date=D(2023, 5, 1),
    )
    appoint(
        agency=Agency.objects.get(unit__slug="cong-an-tinh"),
        name="Trần B",
        decision_number="3/QĐ-CAT",
        decision_date=D(2024, 2, 1),
        ended_on=D(2024, 6, 30),
    )
    appoint(
        agency=Agency.objects.get(unit__slug="so-vhttdl"),
        name="Lê C",
        decision_number="7/QĐ-SVHTTDL",
        decision_date=D(2025, 1, 5),
    )
    justice = Agency.objects.create(name="Sở Tư pháp", sort_order=99)
    appoint(agency=justice, name="Phạm D", decision_number="9/QĐ-STP", decision_date=D(2023, 3, 3))


def build_misinformation(products):
    def item(detected_on, slug, status=Status.DETECTED, handled_on=None):
        return MisinformationItem.objects.create(
            detected_on=detected_on,
            platform="facebook",
            url="https://facebook.com/post/1",
            summary="Xuyên tạc",
            detected_by=unit(slug),
            status=status,
            handled_on=handled_on,
        )

    m1 = item(D(2024, 3, 1), "cong-an-tinh", Status.HANDLED, D(2024, 3, 5))
    HandlingAction.objects.create(item=m1, kind=ActionKind.REMOVED, date=D(2024, 3, 5))
    m2 = item(D(2024, 5, 1), "so-tttt", Status.HANDLED, D(2024, 5, 11))
    HandlingAction.objects.create(
        item=m2, kind=ActionKind.REBUTTED, date=D(2024, 5, 11), product=products["p1"]
    )
    m3 = item(D(2024, 11, 20), "cong-an-tinh", Status.HANDLING)
    m4 = item(D(2024, 12, 28), "so-tttt", Status.HANDLED, D(2025, 1, 3))
    return {"m1": m1, "m2": m2, "m3": m3, "m4": m4}


def build_plan_year():
    commune = Unit.objects.create(
        slug="ubnd-xa-dak-to",
        name_vi="UBND xã Đăk Tô",
        name_en="Dak To Commune",
        kind="commune",
        valid_from=D(2025, 7, 1),
        languages=["vi"],
    )
    Unit.objects.filter(slug="ubnd-dak-to").update(successor=commune)
    renamed = unit("so-tttt")
    renamed.name_vi = "Sở Khoa học và Công nghệ"
    renamed.save()
    products = build_products()
    activities = build_activities()
    build_staff()
    build_agencies()
    items = build_misinformation(products)
    return SimpleNamespace(products=products, activities=activities, items=items, commune=commune)
