"""Several processes, one index: none fails, none loses an update; a crash is repaired.

Each test runs real processes (``tests/search/worker.py``) against a scratch copy of the
seeded test database (SQLite: a file; PostgreSQL: a database made from the test database
as template) and an index directory of their own, so that they can commit.
"""

import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from django.db import connection, connections

pytestmark = pytest.mark.django_db  # the test database must exist: the scratch one is its copy
WORKER = Path(__file__).with_name("worker.py")
ROOT = WORKER.parents[2]


@pytest.fixture(scope="module")
def scratch(django_db_setup, django_db_blocker, tmp_path_factory):
    """(environment, index dir) for worker processes sharing a scratch database."""
    folder = tmp_path_factory.mktemp("processes")
    with django_db_blocker.unblock():
        settings = connection.settings_dict
        if connection.vendor == "sqlite":
            path = folder / "scratch.sqlite3"
            connection.ensure_connection()
            with sqlite3.connect(path) as target:
                connection.connection.backup(target)
            url, dropper = f"sqlite:///{path}", None
        else:
            name = f"{settings['NAME']}_processes"
            connections.close_all()  # a template database must have no other session
            admin = psycopg.connect(
                dbname="postgres",
                user=settings["USER"],
                password=settings["PASSWORD"],
                host=settings["HOST"],
                port=settings["PORT"] or 5432,
                autocommit=True,
            )
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
            # A session another thread of this run left open (a live server's, an earlier
            # test's) would make the copy fail: the test database is this run's alone. Client
            # sessions only: an autovacuum worker on it is the server's (a non-superuser may
            # not end it), and CREATE DATABASE … TEMPLATE cancels that one itself.
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid() AND backend_type = 'client backend'",
                [settings["NAME"]],
            )
            admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{settings["NAME"]}"')
            url = f"postgres://{settings['USER']}:{settings['PASSWORD']}@{settings['HOST']}:{settings['PORT'] or 5432}/{name}"
            dropper = (admin, name)
    env = {**os.environ, "DATABASE_URL": url, "PYTHONPATH": str(ROOT)}
    yield env, folder / "index"
    if dropper:
        admin, name = dropper
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def start(scratch, *steps):
    """A worker process running these steps, each ``(command, argument, ...)``."""
    env, index = scratch
    return subprocess.Popen(
        [sys.executable, str(WORKER), str(index), json.dumps([[str(a) for a in step] for step in steps])],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(process, expect=0):
    """The answers of the worker's steps (it must end with ``expect``, and no traceback)."""
    out, err = process.communicate(timeout=900)
    assert process.returncode == expect, err
    assert "Traceback" not in err, err
    return json.loads(out.strip().splitlines()[-1]) if expect == 0 else None


def run(scratch, *steps, expect=0):
    return finish(start(scratch, *steps), expect)


def assert_matches_database(state):
    assert state["queued"] == 0
    assert state["index"] == state["database"]


def test_two_workers_publishing_and_an_import_at_once_lose_nothing(scratch):
    workers = [
        start(scratch, ("publish", 10, "Máy một")),
        start(scratch, ("publish", 10, "Máy hai")),
        start(scratch, ("import", 300, "Nhập song song", 50)),
    ]
    (one,), (two,), (imported,) = (finish(w) for w in workers)
    state, edited, everything = run(
        scratch, ("state",), ("search", "may mot sua"), ("search", "nhap song song")
    )
    assert_matches_database(state)
    assert len({*one, *two, *imported}) == 320
    assert {int(i) for i in state["index"]} >= {*one, *two, *imported}
    # Each edit republished while the others were writing is in its final form.
    assert set(edited) == {one[n] for n in (0, 3, 6, 9)}
    assert len(everything) == 100  # one page of 300 hits


def test_rows_left_by_a_process_that_gave_up_waiting_are_written_by_the_writer_holder(scratch, tmp_path):
    holding, done = tmp_path / "holding", tmp_path / "done"
    holder = start(scratch, ("hold-writer-then-publish", holding, done))
    (impatient,) = run(scratch, ("publish-impatiently", holding, done, 3))
    assert impatient["left"] == 3  # its drains gave up: the rows stayed queued
    ((held,),) = finish(holder)
    (state,) = run(scratch, ("state",))
    assert_matches_database(state)  # the holder wrote them before letting go
    assert {str(held), *map(str, impatient["ids"])} <= set(state["index"])


def test_a_process_killed_after_its_commit_is_repaired_by_the_next_search(scratch):
    run(scratch, ("publish-then-die", "Sập nguồn giữa chừng Đăk Tô"), expect=-signal.SIGKILL)
    (before,) = run(scratch, ("state",))
    assert before["queued"] == 1  # committed with the change
    (missing,) = set(before["database"]) - set(before["index"])
    found, after = run(scratch, ("search", "sap nguon giua chung", 0), ("state",))
    assert found == [int(missing)]  # that search repaired it
    assert_matches_database(after)


def test_an_import_killed_after_a_batch_commits_is_repaired_by_the_next_search(scratch):
    run(scratch, ("import-then-die", 30, "Nhập dở dang", 10), expect=-signal.SIGKILL)
    (before,) = run(scratch, ("state",))
    assert before["queued"] == 10  # the first batch's products were queued in its transaction
    assert len(set(before["database"]) - set(before["index"])) == 10
    found, after = run(scratch, ("search", "nhap do dang", 0), ("state",))
    assert len(found) == 10  # that search wrote the rows the dead import left
    assert_matches_database(after)
