"""Make every page the portal has cached stale, on every app server.

For changes the page cache cannot hear of: a restore (``manage.py restore`` runs it), SQL by
hand, files replaced on disk. Writes a new random purge generation (``home.cache``): every
server's next request of each page renders it again.
"""

from django.core.management.base import BaseCommand

from home.cache import page_cache, purge_now


class Command(BaseCommand):
    help = "Purge the portal's anonymous page cache on every app server (a new shared generation)."

    def handle(self, *args, **options):
        purge_now()
        page_cache().clear()  # this process's own copy, if it has one
        if options["verbosity"]:
            self.stdout.write("Page cache purged: every app server renders each page again.")
