"""What an operator relies on in ``manage.py backup`` / ``restore`` (ops/backup.py).

The archive holds everything a disaster restore needs (the private screenshots of the
misinformation register too), nothing that lets its reader into a live session, and it is
readable by its owner only from the moment it exists. A restore is what the public sees at
once: no page cached before it is served after it.

The in-process tests back up the test database; the others run ``manage.py`` and gunicorn
in scratch installations (ops/scratch.py), on the vendor of the test run.
"""

import hashlib
import os
import sqlite3
import stat
import subprocess
import tarfile
import urllib.error
import urllib.request

import pytest
from django.db import connection

from ops.backup import BackupError, create_backup
from ops.scratch import Scratch
from tests.scratch_template import installed_scratch

SCREENSHOT = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8  # the bytes are what must come back
MAKE_SCREENSHOT = (
    "import datetime; from django.core.files.base import ContentFile;"
    "from monitoring.models import MisinformationItem; from products.models import Unit;"
    "item = MisinformationItem(detected_on=datetime.date(2026, 3, 2), platform='facebook',"
    " summary='Xuyên tạc về quyền con người', detected_by=Unit.objects.first());"
    "item.screenshot.save('anh.png', ContentFile({data!r})); print('NAME' + item.screenshot.name)"
)
DEFACE = "from tests.factories import make_product; print('URL' + make_product(title={title!r}).url)"
DEFACED = "Trang bị thay nội dung – xóa ngay"


def restore(site, archive, *flags):
    """``manage.py restore``; the safety backup a ``--force`` writes (under backups/) is removed."""
    out = site.manage("restore", *flags, str(archive)).stdout
    for line in out.splitlines():
        if "pre-restore-" in line:
            os.unlink(line[line.index("/") :].strip())
    return out


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("backup-site")
    site = installed_scratch(tmp_path_factory, root)
    try:
        site.start(workers=1)  # one process: the second request sees the first one's cached page
        yield site
    finally:
        site.destroy()


def get(site, path):
    """(status, X-Page-Cache, body) of an anonymous GET."""
    try:
        with urllib.request.urlopen(site.url + path, timeout=30) as response:  # noqa: S310
            return response.status, response.headers.get("X-Page-Cache"), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("X-Page-Cache"), ""


def test_private_screenshots_are_in_the_backup_and_come_back_after_a_disaster(site, tmp_path):
    out = site.manage("shell", "--no-imports", "-c", MAKE_SCREENSHOT.format(data=SCREENSHOT)).stdout
    name = out[out.index("NAME") + 4 :].strip()
    archive = tmp_path / "backup.tar.gz"
    site.manage("backup", "--output", str(archive))
    with tarfile.open(archive) as tar:
        assert any(member.name.endswith(name) for member in tar.getmembers()), "screenshot not archived"
    # The disk dies: a new machine, an empty database, no files.
    new_root = tmp_path / "new-machine"
    new = Scratch(new_root)
    try:
        restore(new, archive)
        restored = new_root / "private" / name
        assert restored.exists(), "the screenshot is not back"
        assert hashlib.sha256(restored.read_bytes()).digest() == hashlib.sha256(SCREENSHOT).digest()
    finally:
        new.destroy()


def test_a_restore_is_not_hidden_by_the_page_cache(site, tmp_path):
    """A product defaced the site after the last backup: once restored, no reader sees it."""
    clean = tmp_path / "before-defacing.tar.gz"
    site.manage("backup", "--output", str(clean))
    out = site.manage("shell", "--no-imports", "-c", DEFACE.format(title=DEFACED)).stdout
    product = out[out.index("URL") + 3 :].strip()  # a path: /vi/san-pham/<unit>/<slug>/
    for path in ("/vi/", product):
        get(site, path)
        status, cache, body = get(site, path)
        assert (status, cache) == (200, "hit") and DEFACED in body, path
    restore(site, clean, "--force")
    status, _, body = get(site, "/vi/")
    assert status == 200 and DEFACED not in body
    assert get(site, product)[0] == 404


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.mark.django_db(transaction=True)  # SQLite's backup API cannot copy from inside a transaction
def test_the_archive_is_readable_by_its_owner_only_from_the_first_byte(tmp_path, umask_022, monkeypatch):
    """It holds password hashes and unpublished work: not one byte readable by another account."""
    modes = {}
    add = tarfile.TarFile.add

    def watching_add(self, *args, **kwargs):
        for entry in tmp_path.iterdir():
            modes[entry.name] = stat.S_IMODE(entry.stat().st_mode)
        return add(self, *args, **kwargs)

    monkeypatch.setattr(tarfile.TarFile, "add", watching_add)
    output = tmp_path / "ttnq.tar.gz"
    create_backup(output)
    assert modes, "nothing was written while the archive was built"
    assert {name: oct(mode) for name, mode in modes.items() if mode & 0o077} == {}
    assert stat.S_IMODE(output.stat().st_mode) == 0o600


def archived_database_text(archive, tmp_path):
    """The database in the archive, as bytes a session key can be searched in."""
    with tarfile.open(archive) as tar:
        tar.extractall(tmp_path / "x", filter="data")
    folder = tmp_path / "x"
    if connection.vendor == "sqlite":
        database = folder / "database.sqlite3"
        with sqlite3.connect(database) as db:
            assert db.execute("SELECT COUNT(*) FROM django_session").fetchone() == (0,)
        return database.read_bytes()
    command = ["pg_restore", "-f", "-", str(folder / "database.dump")]
    sql = subprocess.run(command, capture_output=True, check=True).stdout  # noqa: S603
    assert b"CREATE TABLE public.django_session" in sql  # the table stays, empty
    return sql


@pytest.mark.django_db(transaction=True)  # committed: pg_dump reads from another connection
def test_the_archive_carries_no_live_session(client, django_user_model, tmp_path):
    """Whoever reads a backup must not be able to take over a logged-in administrator's session.

    Transactional tests run after a flush of the seeded data (browser tests flush it): the
    administrator is made here, not taken from ``people``."""
    client.force_login(django_user_model.objects.create_superuser("quantri", "quantri@example.vn", "x"))
    key = client.session.session_key
    assert key
    archive = tmp_path / "ttnq.tar.gz"
    create_backup(archive)
    assert key.encode() not in archived_database_text(archive, tmp_path)


@pytest.mark.django_db
def test_a_sqlite_backup_inside_a_transaction_is_refused_not_hung(tmp_path):
    """The copy would wait forever for the write lock its own transaction holds (IMMEDIATE)."""
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's online backup API only; PostgreSQL uses pg_dump from another connection")
    with pytest.raises(BackupError, match="inside a transaction"):
        create_backup(tmp_path / "ttnq.tar.gz")
