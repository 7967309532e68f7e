"""Rebuild the archive index into a new generation and swap it in, with a progress bar.

``--repair`` instead compares every entry of the live index with the database and fixes
only the difference (what a killed process or an interrupted import left behind).
``--if-needed`` rebuilds only when the embedded index cannot answer (none yet for this
database, an older schema) or is empty beside live products: every start (``make serve``,
``make run``) runs it, so an upgrade that changes the index schema needs no step of its own.
"""

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from search import queue, remote, store
from search.documents import indexable
from search.engines import configured_engine
from search.indexing import rebuild, repair_index
from search.service import embedded_state


class Command(BaseCommand):
    help = "Rebuild the archive search index (the embedded Tantivy index, and Elasticsearch when configured)."

    def add_arguments(self, parser):
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")
        parser.add_argument(
            "--skip-elasticsearch", action="store_true", help="rebuild only the embedded Tantivy index"
        )
        parser.add_argument(
            "--repair",
            action="store_true",
            help="fix only what differs from the database in the live index (no new generation)",
        )
        parser.add_argument(
            "--if-needed",
            action="store_true",
            help="rebuild only if the embedded index cannot answer or is empty beside live products",
        )

    def handle(self, *args, no_progress=False, skip_elasticsearch=False, repair=False, **options):
        if options["if_needed"]:
            state, reason = embedded_state()
            if state == "ok":
                self.stdout.write("The archive index answers: nothing to rebuild.")
                return
            self.stdout.write(f"Rebuilding the archive index: {reason}")
        if repair:
            drained = queue.drain()
            with tqdm(unit="product", disable=no_progress, file=self.stderr) as bar:
                result = repair_index(progress=bar.update)
            self.stdout.write(f"Queue: {drained} rows written. Repair: {result}.")
            return
        elastic = None if skip_elasticsearch else configured_engine()
        if elastic is not None and not elastic.ping():
            self.stderr.write(
                f"Elasticsearch at {elastic.url} is unreachable: rebuilding the embedded Tantivy index only."
            )
            elastic = None
        ids = list(indexable().order_by("pk").values_list("pk", flat=True))
        ids += remote.index_ids(remote.indexable().order_by("pk").values_list("pk", flat=True))
        try:
            with tqdm(total=len(ids), unit="product", disable=no_progress, file=self.stderr) as bar:
                path, es_index = rebuild(ids, progress=bar.update, elastic=elastic)
        except store.RebuildRunning as exc:
            raise CommandError(str(exc)) from exc
        queue.drain()  # rows that writers left queued while the swap held the index
        if es_index:
            self.stdout.write(f"Elasticsearch: alias now points at {es_index}")
        self.stdout.write(f"Indexed {len(ids)} live products into {path.name}.")
