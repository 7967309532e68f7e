"""``manage.py restore FILE [--force]``: put a backup back, then rebuild the search index.

Into an empty database it restores at once. A database that already holds data is
replaced only with ``--force``, and only after a safety backup of what is there now
(``backups/pre-restore-….tar.gz``): a mistyped file name never loses the current archive.

Afterwards the portal's page cache is purged (``purge_page_cache``, a command of the home
app, called by name: ops does not import home), so that no page cached before the restore —
a defaced one, say — is served after it: once as soon as the database and files are back,
and once more after the index is rebuilt (search pages cached meanwhile were incomplete).
"""

from django.core.cache import cache
from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand, CommandError

from ops.backup import BackupError, create_backup, database_is_empty, read_manifest, restore_backup
from ops.management.commands.backup import default_name

PURGE_PAGE_CACHE = "purge_page_cache"


def purge_page_cache():
    if PURGE_PAGE_CACHE in get_commands():
        call_command(PURGE_PAGE_CACHE)


class Command(BaseCommand):
    help = "Khôi phục cơ sở dữ liệu và tệp tải lên từ một bản sao lưu, rồi dựng lại chỉ mục tìm kiếm."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--force", action="store_true", help="thay cả cơ sở dữ liệu đang có dữ liệu")

    def handle(self, *args, file, force, **options):
        try:
            manifest = read_manifest(file)
            if not database_is_empty():
                if not force:
                    raise CommandError(
                        "Cơ sở dữ liệu đang có dữ liệu: thêm --force để thay (sẽ sao lưu bản hiện tại trước)."
                    )
                safety = default_name("pre-restore")
                create_backup(safety)
                self.stdout.write(f"Đã sao lưu dữ liệu hiện tại vào {safety}")
            restore_backup(file)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        cache.clear()
        purge_page_cache()
        call_command("rebuild_archive_index", stdout=self.stdout)
        purge_page_cache()
        self.stdout.write(f"Đã khôi phục {file} (bản {manifest['version']}, {manifest['created']}).")
