"""A real ``db_worker`` on the ``ocr`` backend: killed after a page, started again, every page read once.

The processes share a scratch copy of the seeded test database (tests/search/test_processes.py)
and media folders of the test's own.
"""

import os
import signal
import sqlite3
import subprocess
import sys
import time

import psycopg
import pytest

from tests.digitise import scans
from tests.search.test_processes import ROOT, scratch  # noqa: F401 - the scratch database fixture

pytestmark = pytest.mark.django_db

MAKE_SCAN = """
from django.db import transaction
from digitise.tasks import scan_for
from tests.digitise import scans
with transaction.atomic():
    doc = scans.document("ba-trang.tif", open({path!r}, "rb").read())
    print(scan_for(document=doc, language="vi").pk)
"""


def query(url, sql, params=()):
    if url.startswith("sqlite:///"):
        with sqlite3.connect(url[len("sqlite:///") :], timeout=30) as db:
            return db.execute(sql.replace("%s", "?"), params).fetchall()
    with psycopg.connect(url.replace("postgres://", "postgresql://")) as db:
        return db.execute(sql, params).fetchall()


def manage(env, *args, **kwargs):
    return subprocess.Popen(
        [sys.executable, "manage.py", *args], env=env, cwd=ROOT, text=True, stdout=subprocess.PIPE, **kwargs
    )


def wait_for(predicate, seconds=300):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def test_a_killed_worker_resumes_and_reads_each_page_exactly_once(scratch, tmp_path):  # noqa: F811
    env, _index = scratch
    env = {
        **env,
        "DJANGO_SETTINGS_MODULE": "tests.digitise.worker_settings",
        "OCR_TEST_MEDIA": str(tmp_path / "media"),
        "OCR_TEST_PRIVATE": str(tmp_path / "private"),
    }
    url = env["DATABASE_URL"]
    source = tmp_path / "ba-trang.tif"
    source.write_bytes(scans.tiff(scans.page(scans.FIRST), scans.page(scans.SECOND), scans.page(scans.THIRD)))
    out, _err = manage(env, "shell", "-c", MAKE_SCAN.format(path=str(source))).communicate(timeout=300)
    scan_id = int(out.strip().splitlines()[-1])

    def statuses():
        rows = query(
            url, "SELECT status FROM digitise_scanpage WHERE scan_id = %s ORDER BY number", [scan_id]
        )
        return [row[0] for row in rows]

    worker = manage(
        env, "db_worker", "--backend", "ocr", "--no-reload", "--no-startup-delay", "--interval", "0.1"
    )
    try:
        assert wait_for(lambda: "done" in statuses()), "the worker read no page"
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=60)
    killed_at = statuses()
    assert killed_at.count("done") < 3, killed_at  # killed in the middle of the scan
    assert query(url, "SELECT status FROM digitise_scan WHERE id = %s", [scan_id]) == [("running",)]

    resumed = manage(env, "ocr_scans", "--resume")
    assert "1" in resumed.communicate(timeout=300)[0] and resumed.returncode == 0
    batch = manage(env, "db_worker", "--backend", "ocr", "--no-reload", "--no-startup-delay", "--batch")
    batch.communicate(timeout=600)
    assert batch.returncode == 0

    pages = query(
        url,
        "SELECT status, attempts, text FROM digitise_scanpage WHERE scan_id = %s ORDER BY number",
        [scan_id],
    )
    assert [(status, attempts) for status, attempts, _text in pages] == [("done", 1)] * 3
    for (_status, _attempts, text), sentence in zip(
        pages, (scans.FIRST, scans.SECOND, scans.THIRD), strict=True
    ):
        assert scans.has_words(text, sentence)
    assert query(url, "SELECT status, pages_done FROM digitise_scan WHERE id = %s", [scan_id]) == [
        ("done", 3)
    ]
    assert os.listdir(tmp_path / "private" / "scans" / "pdf")
