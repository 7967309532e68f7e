"""Load the plan's registers and build the page tree. Safe to run again."""

from django.core.management.base import BaseCommand
from django.db import transaction

from products import reference_data
from products.desk.roles import ensure_roles
from products.models import Channel, ContentArea, Format, PlanTask, Topic, Unit
from products.sections import ensure_site_tree
from products.signals import reference_seeded

NAMES = ("name_vi", "name_en")


def _upsert(model, entry, order, fields=NAMES):
    obj, _created = model.objects.update_or_create(
        slug=entry["slug"], defaults={"sort_order": order, **{name: entry[name] for name in fields}}
    )
    return obj


def seed_areas(data):
    for order, entry in enumerate(data["areas"]):
        _upsert(ContentArea, entry, order, (*NAMES, "description_vi", "description_en"))
    return len(data["areas"])


def seed_units(data):
    """Units keep the languages an installation added; the post_save signal gives each its sections."""
    units = {}
    for order, entry in enumerate(data["units"]):
        slug, langs = entry["slug"], entry["languages"]
        unit = Unit.objects.filter(slug=slug).first()
        if unit is None:
            unit = Unit(slug=slug, languages=langs, valid_from=data["plan_start"], valid_to=entry["valid_to"])
        unit.name_vi, unit.name_en, unit.kind, unit.sort_order = (
            entry["name_vi"],
            entry["name_en"],
            entry["kind"],
            order,
        )
        unit.languages = [*unit.languages, *(code for code in langs if code not in unit.languages)]
        unit.save()
        units[slug] = unit
    return units


def seed_tasks(data, units):
    for order, entry in enumerate(data["tasks"]):
        _upsert(PlanTask, entry, order).lead_units.set([units[slug] for slug in entry["lead_units"]])
    return len(data["tasks"])


def seed_channels(data):
    for order, entry in enumerate(data["channels"]):
        names = {name: entry[name] for name in NAMES}
        channel = Channel.objects.filter(slug=entry["slug"]).first()
        if channel is None:
            # is_digital is an auditors' setting: seed it once, never overwrite it.
            Channel.objects.create(
                slug=entry["slug"], is_digital=entry["is_digital"], sort_order=order, **names
            )
        else:
            Channel.objects.filter(pk=channel.pk).update(sort_order=order, **names)
    return len(data["channels"])


def seed_simple(model, entries):
    for order, entry in enumerate(entries):
        _upsert(model, entry, order)
    return len(entries)


class Command(BaseCommand):
    help = "Nạp các danh mục của kế hoạch (lĩnh vực, nhiệm vụ, loại hình, kênh, đơn vị, chủ đề) và cây trang."

    @transaction.atomic
    def handle(self, *args, **options):
        ensure_site_tree()
        data = reference_data.load()
        counts = {"areas": seed_areas(data)}
        units = seed_units(data)
        counts["units"] = len(units)
        counts["tasks"] = seed_tasks(data, units)
        counts["formats"] = seed_simple(Format, data["formats"])
        counts["channels"] = seed_channels(data)
        counts["topics"] = seed_simple(Topic, data["topics"])
        ensure_roles()
        reference_seeded.send(sender=self.__class__)
        summary = ", ".join(f"{name}: {n}" for name, n in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Đã nạp danh mục — {summary}."))
