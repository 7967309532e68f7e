"""``manage.py harvest_oai [source …] [--url URL --name NAME]``: harvest other instances' /oai/.

Without arguments every source is harvested; a source is named by its name, its address or
its id. ``--url`` adds a source (or finds the one with that address) and harvests it. Each
source's result is reported; a source that cannot be harvested is reported as an error (no
traceback) and the others still run; the command then exits non-zero.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from django.utils.translation import gettext as _

from harvesting.harvest import HarvestError, harvest
from harvesting.models import PREFIXES, Source


class Command(BaseCommand):
    help = "Harvest other instances' OAI-PMH archives (incrementally) as read-only remote records."

    def add_arguments(self, parser):
        parser.add_argument("sources", nargs="*", help="names, addresses or ids of sources (default: all)")
        parser.add_argument("--url", help="add a source with this OAI-PMH base address, and harvest it")
        parser.add_argument("--name", help="the name of the source added with --url (default: its address)")
        parser.add_argument("--prefix", choices=[p for p, _label in PREFIXES], help="metadata format")
        parser.add_argument("--set", dest="set_spec", default="", help="harvest only this OAI set")

    def _sources(self, options):
        chosen = []
        if options["url"]:
            source, _created = Source.objects.get_or_create(
                base_url=options["url"],
                defaults={
                    "name": options["name"] or options["url"],
                    "metadata_prefix": options["prefix"] or "",
                    "set_spec": options["set_spec"],
                },
            )
            chosen.append(source)
        for name in options["sources"]:
            match = Q(name=name) | Q(base_url=name) | (Q(pk=int(name)) if name.isdigit() else Q())
            found = list(Source.objects.filter(match))
            if not found:
                raise CommandError(
                    _("Không có nguồn thu thập nào tên hoặc địa chỉ “%(name)s”.") % {"name": name}
                )
            chosen.extend(found)
        if not chosen and not options["url"]:
            chosen = list(Source.objects.all())
        return chosen

    def handle(self, *args, **options):
        sources = self._sources(options)
        if not sources:
            raise CommandError(_("Chưa có nguồn thu thập nào: thêm một nguồn bằng --url."))
        failed = 0
        for source in sources:
            try:
                counts = harvest(source)
            except HarvestError as exc:
                failed += 1
                self.stderr.write(f"{source.name}: {exc}")
                continue
            self.stdout.write(f"{source.name}: {counts}")
        if failed:
            raise CommandError(
                _("%(failed)d trong %(total)d nguồn không thu thập được.")
                % {"failed": failed, "total": len(sources)}
            )
