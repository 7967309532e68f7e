"""One installed template per run, copied into each scratch installation (issue 28).

``Scratch.install`` (ops/scratch.py) migrates, makes the cache table, collects the static files
and seeds the registers: half a minute or more, the same work for every installation a run
builds. The test suite, and CI's fault scripts and load run, build it once, in a template folder
(a file lock lets one process build it while another waits), and each installation starts from
a copy: the SQLite file copied, or on PostgreSQL ``CREATE DATABASE … TEMPLATE``; its search
index copied, its static files hard-linked. What the copy holds is what ``install`` leaves; the
demo is loaded afterwards, in the copy, as ``install`` loads it after the registers.

There is one template per database server in a folder (``sqlite``, or a key of the PostgreSQL
server's address), so a fault script's own throwaway cluster never borrows another server's.
The bench scripts use a template only when ``SCRATCH_TEMPLATE_DIR`` names a folder (CI sets
it); run by hand they install from scratch, as ``make serve`` does. ``python -m
ops.scratch_template --drop FOLDER`` drops a folder's PostgreSQL templates at the end of a run.

Like ops/scratch.py, this module imports nothing from Django or the apps.
"""

import argparse
import contextlib
import fcntl
import hashlib
import json
import os
import secrets
import shutil
import subprocess
import sys
from pathlib import Path

from ops.scratch import PROJECT, Scratch, _admin_url, _pg_execute

FOLDER_VARIABLE = "SCRATCH_TEMPLATE_DIR"
READY = "template.json"


@contextlib.contextmanager
def _locked(folder):
    with open(folder / "scratch-template.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _server_key(database_url):
    if not database_url.startswith("postgres"):
        return "sqlite"
    return "postgresql-" + hashlib.sha256(_admin_url(database_url).encode()).hexdigest()[:12]


def _build(template):
    """What ``Scratch.install(demo=False)`` does, the static files collected in a process of their
    own beside the database's (no database in it): a process waiting for the template leaves a
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


def _template(folder, database_url):
    """The folder's installed template for this database server (built now if nobody has)."""
    root = folder / f"scratch-template-{_server_key(database_url)}"
    if (root / READY).exists():
        return root, json.loads((root / READY).read_text())
    shutil.rmtree(root, ignore_errors=True)  # what a failed build left
    postgres = database_url.startswith("postgres")
    name = f"ttnq_scratch_template_{secrets.token_hex(4)}" if postgres else None
    template = Scratch(root, database_url=database_url if postgres else "", db_name=name)
    try:
        _build(template)
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


def install(scratch, demo=False, folder=None):
    """``scratch`` as ``scratch.install(demo=demo)`` leaves it, copied from the template in
    ``folder`` (default: ``$SCRATCH_TEMPLATE_DIR``); with neither, installed from scratch."""
    folder = folder or os.environ.get(FOLDER_VARIABLE)
    if not folder:
        return scratch.install(demo=demo)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    with _locked(folder):
        template, record = _template(folder, scratch.database_url)
        _copy(template, record, scratch)
    if demo:
        scratch.commands(("load_demo",))
    return scratch


def prepare(folder, database_url=None):
    """Build ``folder``'s template for the server of ``database_url`` (default: ``$DATABASE_URL``,
    else SQLite) now, before an installation asks for it; one that asks meanwhile waits."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    with _locked(folder):
        _template(folder, database_url if database_url is not None else os.environ.get("DATABASE_URL", ""))


def drop_templates(folder):
    """Drop the PostgreSQL template databases made in ``folder`` (their servers may be gone)."""
    for ready in Path(folder).glob(f"scratch-template-*/{READY}"):
        record = json.loads(ready.read_text())
        if record["db_name"]:
            drop = f'DROP DATABASE IF EXISTS "{record["db_name"]}" WITH (FORCE)'
            with contextlib.suppress(Exception):  # a fault script's own cluster, already destroyed
                _pg_execute(record["database_url"], drop)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Drop a run's scratch templates.")
    parser.add_argument("--drop", required=True, metavar="FOLDER")
    dropped = parser.parse_args().drop
    drop_templates(dropped)
    shutil.rmtree(dropped, ignore_errors=True)
