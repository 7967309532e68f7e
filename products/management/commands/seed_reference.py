"""Load the plan's registers and build the page tree. Safe to run again."""

from django.core.management.base import BaseCommand
from django.db import transaction

from products import reference_data as data
from products.desk.roles import ensure_roles
from products.models import Channel, ContentArea, Format, PlanTask, Topic, Unit
from products.sections import ensure_site_tree


def _upsert(model, slug, order, **fields):
    obj, created = model.objects.update_or_create(slug=slug, defaults={"sort_order": order, **fields})
    return obj, created


class Command(BaseCommand):
    help = "Nạp các danh mục của kế hoạch (lĩnh vực, nhiệm vụ, loại hình, kênh, đơn vị, chủ đề) và cây trang."

    @transaction.atomic
    def handle(self, *args, **options):
        ensure_site_tree()
        counts = {}
        for order, (slug, vi, en) in enumerate(data.AREAS):
            desc_vi, desc_en = data.AREA_DESCRIPTIONS[slug]
            _upsert(
                ContentArea,
                slug,
                order,
                name_vi=vi,
                name_en=en,
                description_vi=desc_vi,
                description_en=desc_en,
            )
        counts["areas"] = len(data.AREAS)

        units = {}
        for order, (slug, vi, en, kind, langs, valid_to) in enumerate(data.UNITS):
            unit = Unit.objects.filter(slug=slug).first()
            if unit is None:
                unit = Unit(slug=slug, languages=langs, valid_from=data.PLAN_START, valid_to=valid_to)
            unit.name_vi, unit.name_en, unit.kind, unit.sort_order = vi, en, kind, order
            unit.languages = [*unit.languages, *(code for code in langs if code not in unit.languages)]
            unit.save()  # the post_save signal gives the unit its section pages
            units[slug] = unit
        counts["units"] = len(units)

        for order, (slug, vi, en, leads) in enumerate(data.TASKS):
            task, _ = _upsert(PlanTask, slug, order, name_vi=vi, name_en=en)
            task.lead_units.set([units[s] for s in leads])
        counts["tasks"] = len(data.TASKS)

        for order, (slug, vi, en) in enumerate(data.FORMATS):
            _upsert(Format, slug, order, name_vi=vi, name_en=en)
        counts["formats"] = len(data.FORMATS)

        for order, (slug, vi, en, digital) in enumerate(data.CHANNELS):
            channel = Channel.objects.filter(slug=slug).first()
            if channel is None:
                # is_digital is an auditors' setting: seed it once, never overwrite it.
                Channel.objects.create(
                    slug=slug, name_vi=vi, name_en=en, is_digital=digital, sort_order=order
                )
            else:
                Channel.objects.filter(pk=channel.pk).update(name_vi=vi, name_en=en, sort_order=order)
        counts["channels"] = len(data.CHANNELS)

        for order, (slug, vi, en) in enumerate(data.TOPICS):
            _upsert(Topic, slug, order, name_vi=vi, name_en=en)
        counts["topics"] = len(data.TOPICS)

        ensure_roles()
        summary = ", ".join(f"{name}: {n}" for name, n in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Đã nạp danh mục — {summary}."))
