"""One archive file holds a whole installation: the database and the uploaded files.

A backup is a ``.tar.gz`` with ``manifest.json`` (version, date, database vendor, row
counts), the database (``database.sqlite3`` from SQLite's online backup API, or
``database.dump`` from ``pg_dump --format=custom``), ``media/`` (every uploaded file) and
``private/`` (``PRIVATE_MEDIA_ROOT``: the misinformation register's screenshots, which are
never in ``MEDIA_ROOT``). Restoring replaces the database and both folders with the
archive's, then the caller rebuilds the search index, which is derived data and never
backed up, and purges the page cache.

The archive holds password hashes and unpublished work: it is created readable by its owner
only (0600 from the first byte, whatever the umask). It holds no session: ``django_session``
keeps its table but not its rows, so whoever reads a backup cannot take over a logged-in
session, and after a restore everyone logs in again.

Native tools are used rather than ``dumpdata``: they are exact (sequences, revisions'
JSON, binary-equal text), fast, and what an operator already knows.
"""

import datetime
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import connection

from ops.health import version

MANIFEST = "manifest.json"
SQLITE_FILE = "database.sqlite3"
PG_FILE = "database.dump"
MEDIA_DIR = "media"
PRIVATE_DIR = "private"


class BackupError(Exception):
    """The backup or restore cannot go on; the message says why."""


def _pg_env():
    db = settings.DATABASES["default"]
    env = dict(os.environ)
    env.update(
        {
            "PGHOST": str(db.get("HOST") or "localhost"),
            "PGPORT": str(db.get("PORT") or 5432),
            "PGUSER": str(db.get("USER") or ""),
            "PGPASSWORD": str(db.get("PASSWORD") or ""),
            "PGDATABASE": str(db["NAME"]),
        }
    )
    return env


def _run(args, env):
    result = subprocess.run(args, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{args[0]}: {result.stderr.strip() or result.returncode}")


def _media_root():
    if not isinstance(default_storage, FileSystemStorage):
        return None  # object storage keeps its own copies (bucket versioning / replication)
    return Path(settings.MEDIA_ROOT)


def _private_root():
    """The private files' folder (monitoring's screenshots: a FileSystemStorage on every installation)."""
    root = getattr(settings, "MONITORING_PRIVATE_ROOT", None)
    return Path(root) if root else None


def _counts():
    tables = {
        "pages": "wagtailcore_page",
        "revisions": "wagtailcore_revision",
        "users": "auth_user",
        "groups": "auth_group",
        "documents": "wagtaildocs_document",
        "images": "wagtailimages_image",
    }
    counts = {}
    with connection.cursor() as cursor:
        for name, table in tables.items():
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
            counts[name] = cursor.fetchone()[0]
    return counts


def dump_database(folder):
    """Write the database into ``folder``; returns the file name inside the archive."""
    sessions = Session._meta.db_table
    if connection.vendor == "sqlite":
        if connection.in_atomic_block:
            # SQLite's backup API waits for the source's write lock, and a transaction of this
            # very connection holds it (BEGIN IMMEDIATE): the copy would wait forever.
            raise BackupError("a SQLite backup cannot run inside a transaction")
        target = sqlite3.connect(folder / SQLITE_FILE)
        connection.ensure_connection()
        with target:
            connection.connection.backup(target)
            target.execute(f"DELETE FROM {connection.ops.quote_name(sessions)}")  # noqa: S608
        target.execute("VACUUM")  # the deleted rows' pages would still hold the keys
        target.close()
        return SQLITE_FILE
    if connection.vendor == "postgresql":
        args = ["pg_dump", "--format=custom", "--no-owner", "--no-privileges"]
        args += [f"--exclude-table-data={sessions}", "-f", str(folder / PG_FILE)]
        _run(args, _pg_env())
        return PG_FILE
    raise BackupError(f"unsupported database: {connection.vendor}")


def _private_file(path):
    """A new file readable and writable by its owner only, from its creation on."""
    path.unlink(missing_ok=True)  # a stale one from a crash, perhaps with looser rights
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.fchmod(handle, 0o600)
    return os.fdopen(handle, "wb")


def _write_archive(partial, folder, manifest):
    with _private_file(partial) as raw:
        with tarfile.open(fileobj=raw, mode="w:gz") as archive:
            archive.add(folder / MANIFEST, arcname=MANIFEST)
            archive.add(folder / manifest["database_file"], arcname=manifest["database_file"])
            for root, name in ((_media_root(), MEDIA_DIR), (_private_root(), PRIVATE_DIR)):
                if root is not None and root.exists():
                    archive.add(root, arcname=name)
        raw.flush()
        os.fsync(raw.fileno())  # "done" means on the disk


def create_backup(output):
    """Write a backup archive to ``output``; returns the manifest."""
    output = Path(output)
    output.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="ttnq-backup-") as tmp:
        folder = Path(tmp)
        manifest = {
            "version": version(),
            "created": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "database": connection.vendor,
            "database_file": dump_database(folder),
            "counts": _counts(),
            "media": _media_root() is not None,
            "private_media": _private_root() is not None,
            "sessions": False,
        }
        (folder / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
        partial = output.with_name(output.name + ".part")
        _write_archive(partial, folder, manifest)
        partial.replace(output)  # a crash never leaves a half archive under the final name
    return manifest


def read_manifest(path):
    try:
        with tarfile.open(path, "r:gz") as archive:
            return json.load(archive.extractfile(MANIFEST))
    except (OSError, KeyError, tarfile.TarError, json.JSONDecodeError) as exc:
        raise BackupError(f"{path}: not a backup archive ({exc})") from exc


def database_is_empty():
    return not connection.introspection.table_names()


def _wipe_database():
    if connection.vendor == "postgresql":
        # Tables, sequences, functions: everything the migrations made lives in "public".
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE")
            cursor.execute("CREATE SCHEMA public")
    connection.close()


def load_database(file):
    if connection.vendor == "sqlite":
        source = sqlite3.connect(file)
        connection.ensure_connection()
        source.backup(connection.connection)  # replaces every page of the live database
        source.close()
    else:
        env = _pg_env()
        _run(
            [
                "pg_restore",
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "-d",
                env["PGDATABASE"],
                str(file),
            ],
            env,
        )
    connection.close()


def _replace_folder(target, source):
    """Make ``target`` hold exactly what ``source`` (the archive's copy, maybe absent) holds."""
    if target is None:
        return
    target.mkdir(parents=True, exist_ok=True)
    for child in target.iterdir():
        shutil.rmtree(child) if child.is_dir() else child.unlink()
    if source.exists():
        shutil.copytree(source, target, dirs_exist_ok=True)


def load_media(folder):
    _replace_folder(_media_root(), folder)


def load_private(folder, manifest):
    """Archives made before private files were backed up leave the folder as it is."""
    if manifest.get("private_media"):
        _replace_folder(_private_root(), folder)


def restore_backup(path):
    """Replace the database and media with the archive's; returns its manifest."""
    manifest = read_manifest(path)
    if manifest["database"] != connection.vendor:
        raise BackupError(
            f"the backup holds a {manifest['database']} database; this installation uses {connection.vendor}"
        )
    with tempfile.TemporaryDirectory(prefix="ttnq-restore-") as tmp, tarfile.open(path, "r:gz") as archive:
        archive.extractall(tmp, filter="data")  # refuses absolute paths, links out of tmp, devices
        folder = Path(tmp)
        _wipe_database()
        load_database(folder / manifest["database_file"])
        load_media(folder / MEDIA_DIR)
        load_private(folder / PRIVATE_DIR, manifest)
    return manifest
