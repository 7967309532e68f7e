"""Rebuild the archive index from the live products, with a progress bar."""

from django.core.management.base import BaseCommand
from tqdm import tqdm

from search.engines.elastic import configured_engine
from search.engines.embedded import EmbeddedEngine
from search.indexing import BATCH, _live_products, clear_index, document_for, write_documents


class Command(BaseCommand):
    help = "Rebuild the archive search index (embedded engine, and Elasticsearch when configured)."

    def add_arguments(self, parser):
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")
        parser.add_argument(
            "--skip-elasticsearch", action="store_true", help="rebuild only the embedded engine's index"
        )

    def handle(self, *args, no_progress=False, skip_elasticsearch=False, **options):
        from products.models import ProductPage

        ids = list(ProductPage.objects.live().order_by("pk").values_list("pk", flat=True))
        engine = EmbeddedEngine.for_connection()
        elastic = None if skip_elasticsearch else configured_engine()
        if elastic is not None and not elastic.ping():
            self.stderr.write(
                f"Elasticsearch at {elastic.url} is unreachable: rebuilding the embedded index only."
            )
            elastic = None
        clear_index()
        bar = tqdm(total=len(ids), unit="product", disable=no_progress, file=self.stderr)

        def batches():
            for start in range(0, len(ids), BATCH):
                docs = [document_for(p) for p in _live_products(ids[start : start + BATCH])]
                write_documents(docs, engine)
                bar.update(len(docs))
                yield docs

        if elastic is not None:
            new_index = elastic.rebuild(batches())  # new versioned index, alias swapped at the end
            self.stdout.write(f"Elasticsearch: alias now points at {new_index}")
        else:
            for _docs in batches():
                pass
        bar.close()
        engine.optimize()
        self.stdout.write(f"Indexed {len(ids)} live products.")
