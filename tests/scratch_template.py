"""One installed scratch database per test run, copied into each scratch installation (issue 28).

``Scratch.install`` (ops/scratch.py) migrates, makes the cache table, collects the static files
and seeds the registers: half a minute or more, the same work for every installation a test
builds. The run builds it once, in a template folder beside the workers' temporary folders (a
file lock lets one pytest-xdist worker build it while another waits), and each installation
starts from a copy: the SQLite file copied, or on PostgreSQL ``CREATE DATABASE … TEMPLATE``;
its search index copied, its static files hard-linked. What the copy holds is what ``install``
leaves; the demo is loaded afterwards, in the copy, as ``install`` loads it after the registers.

Tests of the migrations themselves (tests/audit/test_trigger_migrations.py) build their own
databases, and so does a restore onto an empty one (tests/ops/test_backup.py).
"""

import contextlib
import fcntl
import json
import os
import secrets
import shutil
import subprocess
import sys

from ops.scratch import PROJECT, Scratch, _pg_execute

READY = "template.json"


def run_folder(tmp_path_factory):
    """The temporary folder of the whole run: the workers' folders' parent under pytest-xdist."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@contextlib.contextmanager
def _locked(folder):
    with open(folder / "scratch-template.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _install(template):
    """What ``Scratch.install(demo=False)`` does, the static files collected in a process of their
    own beside the database's (no database in it): a worker waiting for the template leaves a
    core free, and collectstatic (gzip and brotli for each file) is the longer half."""
    static = subprocess.Popen(  # noqa: S603 - our own interpreter, fixed arguments
        [sys.executable, str(PROJECT / "manage.py"), "collectstatic", "--no-input", "-v0"],
        env=template.env,
        cwd=PROJECT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        template.commands(("migrate", "--no-input"), ("createcachetable",), ("seed_reference",))
        _out, err = static.communicate(timeout=1800)
    finally:
        if static.poll() is None:
            static.kill()
            static.wait()
    if static.returncode:
        raise RuntimeError(f"collectstatic failed: {err[-2000:]}")


def _template(folder):
    """The run's installed template (built now if no worker has built it): its folder and record."""
    root = folder / "scratch-template"
    if (root / READY).exists():
        return root, json.loads((root / READY).read_text())
    shutil.rmtree(root, ignore_errors=True)  # what a failed build left
    template = Scratch(root, db_name=f"ttnq_scratch_template_{secrets.token_hex(4)}")
    try:
        _install(template)
    except BaseException:
        template.destroy()
        raise
    record = {"db_name": template.db_name, "database_url": template.database_url}
    (root / READY).write_text(json.dumps(record))
    return root, record


def _copy(root, record, scratch):
    if scratch.db_name:
        _pg_execute(scratch.database_url, f'DROP DATABASE "{scratch.db_name}"')
        _pg_execute(
            scratch.database_url, f'CREATE DATABASE "{scratch.db_name}" TEMPLATE "{record["db_name"]}"'
        )
    else:
        for name in ("db.sqlite3", "db.sqlite3-wal"):
            if (root / name).exists():
                shutil.copyfile(root / name, scratch.root / name)
    for folder in ("MEDIA_ROOT", "PRIVATE_MEDIA_ROOT", "SEARCH_INDEX_DIR"):
        name = os.path.basename(scratch.env[folder])  # the same names in both: Scratch's defaults
        if (root / name).exists():
            shutil.copytree(root / name, scratch.env[folder], dirs_exist_ok=True)
    shutil.copytree(root / "static", scratch.env["STATIC_ROOT"], copy_function=os.link, dirs_exist_ok=True)


def installed_scratch(tmp_path_factory, root, demo=False, **kwargs):
    """``Scratch(root, **kwargs)`` as ``install(demo=demo)`` leaves it, from the run's template."""
    scratch = Scratch(root, **kwargs)
    try:
        folder = run_folder(tmp_path_factory)
        with _locked(folder):
            template, record = _template(folder)
            _copy(template, record, scratch)
        if demo:
            scratch.commands(("load_demo",))
    except BaseException:
        scratch.destroy()
        raise
    return scratch


def drop_template(folder):
    """Drop the run's PostgreSQL template database, if one was made (at the end of the run)."""
    ready = folder / "scratch-template" / READY
    if ready.exists():
        record = json.loads(ready.read_text())
        if record["db_name"]:
            _pg_execute(record["database_url"], f'DROP DATABASE IF EXISTS "{record["db_name"]}" WITH (FORCE)')
