"""``manage.py oai_sync``: bring every OAI record in step with the archive (idempotent).

Signals keep the records as editors work; this catches what no signal saw (a bulk write, a
process killed between an import's commit and its announcement, a database restored). Safe at
every start: unchanged products write nothing and keep their datestamps.
"""

from django.core.management.base import BaseCommand

from oai import queue, records


class Command(BaseCommand):
    help = "Bring the OAI-PMH records in step with the public archive."

    def handle(self, *args, **options):
        queue.drain()  # the rows a killed process left: the reconcile covers them, and they go
        written = records.reconcile()
        self.stdout.write(f"oai_sync: {written} records written")
