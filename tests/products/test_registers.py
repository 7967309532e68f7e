"""The seed command loads every register with the slugs import files rely on."""

import pytest
from django.core.management import call_command

from products.models import Channel, ContentArea, Format, PlanTask, Topic, Unit

AREAS = ["I", "II", "III", "IV", "V"]
TASKS = [
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
FORMATS = [
    "news",
    "article",
    "feature",
    "radio-feature",
    "radio-drama",
    "sketch",
    "tv-report",
    "video",
    "infographic",
    "photo-story",
    "photo-exhibition",
    "poster",
    "publication",
    "e-magazine",
    "podcast",
    "short-message",
]
CHANNELS = [
    "print",
    "online-news",
    "radio",
    "television",
    "portal",
    "facebook",
    "zalo",
    "tiktok",
    "youtube",
    "loudspeaker",
    "e-bulletin",
    "exhibition",
    "publication",
    "meeting",
    "school",
]
UNITS = [
    "so-tttt",
    "bao-kon-tum",
    "dai-ptth-kon-tum",
    "cong-an-tinh",
    "so-vhttdl",
    "so-gddt",
    "so-ngoai-vu",
    "vp-ubnd-tinh",
    "ubnd-tp-kon-tum",
    "ubnd-dak-ha",
    "ubnd-dak-to",
    "ubnd-ngoc-hoi",
    "ubnd-dak-glei",
    "ubnd-sa-thay",
    "ubnd-kon-ray",
    "ubnd-kon-plong",
    "ubnd-tu-mo-rong",
    "ubnd-ia-hdrai",
    "mttq-tinh",
]


@pytest.mark.parametrize(
    "model,slugs",
    [(ContentArea, AREAS), (PlanTask, TASKS), (Format, FORMATS), (Channel, CHANNELS), (Unit, UNITS)],
)
def test_register_slugs_and_names(db, model, slugs):
    rows = {row.slug: row for row in model.objects.all()}
    assert sorted(rows) == sorted(slugs)
    for row in rows.values():
        assert row.name_vi and row.name_en, row.slug


def test_topics_from_guidance_letter(db):
    slugs = set(Topic.objects.values_list("slug", flat=True))
    assert {"upr", "rebut-us-report", "human-trafficking", "workers-rights"} <= slugs


def test_only_social_networks_are_digital_by_default(db):
    digital = set(Channel.objects.filter(is_digital=True).values_list("slug", flat=True))
    assert digital == {"facebook", "zalo", "tiktok", "youtube"}


def test_names_follow_active_language(db):
    from django.utils import translation

    area = ContentArea.objects.get(slug="I")
    with translation.override("en"):
        assert area.name == "International human-rights law"
    with translation.override("vi"):
        assert area.name == "Luật pháp quốc tế về quyền con người"
    with translation.override("bdq"):  # falls back to Vietnamese
        assert area.name == "Luật pháp quốc tế về quyền con người"


def test_task_lead_units(db):
    assert list(PlanTask.objects.get(slug="5.3").lead_units.values_list("slug", flat=True)) == [
        "cong-an-tinh"
    ]
    assert PlanTask.objects.get(slug="3.3").lead_units.count() == 10
    assert not PlanTask.objects.get(slug="4.1").lead_units.exists()


def test_seed_is_idempotent_and_keeps_digital_setting(db):
    Channel.objects.filter(slug="radio").update(is_digital=True)
    call_command("seed_reference", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Unit.objects.count() == len(UNITS)
    assert Channel.objects.get(slug="radio").is_digital is True


def test_district_units_have_successor_fields(db):
    unit = Unit.objects.get(slug="ubnd-dak-to")
    assert unit.kind == Unit.Kind.DISTRICT
    assert unit.valid_to.isoformat() == "2025-07-01"


def test_unit_successor_cycle_rejected(db):
    from django.core.exceptions import ValidationError

    a, b = Unit.objects.get(slug="ubnd-dak-ha"), Unit.objects.get(slug="ubnd-dak-to")
    a.successor = b
    a.save()
    b.successor = a
    with pytest.raises(ValidationError):
        b.full_clean()
