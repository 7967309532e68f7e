"""``manage.py purge_page_cache``: every page in the portal's page cache is stale at once (home/cache.py)."""

from django.core.management.base import BaseCommand

from home.cache import purge


class Command(BaseCommand):
    help = "Làm mới bộ nhớ đệm trang của cổng thông tin: mọi trang đã lưu đều được dựng lại."

    def handle(self, *args, **options):
        purge()
