"""A throwaway installation for end-to-end checks: its own database, files and server.

The browser tests, the backup round trip, the fault scripts and the load benchmark all need
the real thing — ``manage.py`` commands and gunicorn in other processes, with production
settings — but must never touch the developer's database or the test database. A
``Scratch`` makes one beside them: an SQLite file in a temporary folder, or a new database
on the PostgreSQL server named by ``DATABASE_URL`` (dropped again by ``destroy``).

This module is imported by tests and bench scripts before Django is set up: it imports
nothing from Django or the apps.
"""

import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _admin_url(url):
    """The same PostgreSQL server, its maintenance database (for CREATE/DROP DATABASE)."""
    parts = urllib.parse.urlsplit(url)
    return parts._replace(path="/postgres").geturl()


def _pg_execute(url, sql):
    import psycopg  # only for PostgreSQL scratches

    with psycopg.connect(_admin_url(url), autocommit=True) as conn:
        conn.execute(sql)


class Scratch:
    def __init__(self, root, database_url=None, settings="cms.settings.production", env=None, db_name=None):
        """``db_name`` names the PostgreSQL database (kept by ``stop``, reused when it exists)."""
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        base = database_url if database_url is not None else os.environ.get("DATABASE_URL", "")
        if base.startswith("postgres"):
            self.db_name = db_name or f"ttnq_scratch_{secrets.token_hex(4)}"
            self.database_url = urllib.parse.urlsplit(base)._replace(path=f"/{self.db_name}").geturl()
            try:
                _pg_execute(base, f'CREATE DATABASE "{self.db_name}"')
            except Exception as exc:
                if not (db_name and "already exists" in str(exc)):  # a named database is reused
                    raise
        else:
            self.db_name = None
            self.database_url = f"sqlite:///{self.root / 'db.sqlite3'}"
        self.server = None
        self.port = None
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": settings,
            "DATABASE_URL": self.database_url,
            "SECRET_KEY": secrets.token_urlsafe(40),
            "ALLOWED_HOSTS": "localhost,127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",
            "MEDIA_ROOT": str(self.root / "media"),
            "PRIVATE_MEDIA_ROOT": str(self.root / "private"),
            "STATIC_ROOT": str(self.root / "static"),
            "SEARCH_INDEX_DIR": str(self.root / "search-index"),
            "LOG_LEVEL": "WARNING",
            **(env or {}),
        }

    @property
    def vendor(self):
        return "postgresql" if self.db_name else "sqlite"

    def manage(self, *args, check=True, timeout=1800):
        """Run ``manage.py`` with this installation's settings; returns the CompletedProcess."""
        return subprocess.run(  # noqa: S603
            [sys.executable, str(PROJECT / "manage.py"), *args],
            env=self.env,
            cwd=PROJECT,
            capture_output=True,
            text=True,
            check=check,
            timeout=timeout,
        )

    def commands(self, *commands):
        """Run several management commands in one process (each start of Django costs seconds)."""
        code = "from django.core.management import call_command\n" + "".join(
            f"call_command(*{list(command)!r}, verbosity=0)\n" for command in commands
        )
        return self.manage("shell", "--no-imports", "-c", code)

    def install(self, demo=True):
        """What ``make serve`` does before starting: migrate, cache table, static files, registers."""
        commands = [("migrate", "--no-input"), ("createcachetable",), ("collectstatic", "--no-input")]
        commands += [("seed_reference",), *((("load_demo",),) if demo else ())]
        self.commands(*commands)
        return self

    def start(self, port=None, workers=2, threads=4, extra=()):
        """Start gunicorn (the production server) on 127.0.0.1 and wait until /health/ answers.

        ``workers``/``threads`` None: the sizes of cms/gunicorn.conf.py."""
        self.port = port or free_port()
        args = [sys.executable, "-m", "gunicorn", "-c", str(PROJECT / "cms" / "gunicorn.conf.py")]
        args += ["--bind", f"127.0.0.1:{self.port}"]
        args += ["--workers", str(workers)] if workers else []
        args += ["--threads", str(threads)] if threads else []
        env = {**self.env, "GUNICORN_ACCESS_LOG": os.devnull}
        log = open(self.root / "server.log", "ab")  # noqa: SIM115 - closed with the server
        self.server = subprocess.Popen(  # noqa: S603
            [*args, *extra, "cms.wsgi"], env=env, cwd=PROJECT, stdout=log, stderr=log, start_new_session=True
        )
        self.wait_healthy()
        return self

    @property
    def url(self):
        return f"http://localhost:{self.port}"

    def health(self):
        """(HTTP status, JSON body) of /health/, or (None, reason) when nothing answers."""
        try:
            with urllib.request.urlopen(self.url + "/health/", timeout=10) as response:  # noqa: S310
                return response.status, json.load(response)
        except urllib.error.HTTPError as error:
            return error.code, json.load(error)
        except OSError as error:
            return None, str(error)

    def wait_healthy(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.server is not None and self.server.poll() is not None:
                raise RuntimeError(f"gunicorn exited: {(self.root / 'server.log').read_text()[-2000:]}")
            status, _ = self.health()
            if status == 200:
                return
            time.sleep(0.3)
        raise TimeoutError(f"{self.url}/health/ not healthy after {timeout}s")

    def stop(self):
        if self.server is not None and self.server.poll() is None:
            os.killpg(self.server.pid, signal.SIGTERM)
            try:
                self.server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.server.pid, signal.SIGKILL)
                self.server.wait()
        self.server = None

    def destroy(self):
        self.stop()
        if self.db_name:
            _pg_execute(self.database_url, f'DROP DATABASE IF EXISTS "{self.db_name}" WITH (FORCE)')


class PostgresCluster:
    """A PostgreSQL server of its own (initdb in a temporary folder, a free port), for fault tests.

    Restarting it disturbs nobody else's databases. Run as root it runs the server as the
    ``postgres`` system user (PostgreSQL refuses to run as root).
    """

    BIN = Path("/usr/lib/postgresql/15/bin")

    def __init__(self):
        # Its own folder under /tmp: the postgres user cannot enter another user's private temp folder.
        self.root = Path(tempfile.mkdtemp(prefix="ttnq-pg-"))
        self.data = self.root / "pgdata"
        self.port = free_port()
        self.url = f"postgres://ttnq:ttnq@127.0.0.1:{self.port}/ttnq"

    def _as_postgres(self, *args):
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        result = subprocess.run([*prefix, *map(str, args)], capture_output=True, text=True, check=False)  # noqa: S603
        if result.returncode:
            raise RuntimeError(f"{Path(str(args[0])).name}: {result.stderr.strip()}")

    def create(self):
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres")
        self._as_postgres(
            self.BIN / "initdb", "-D", self.data, "-U", "postgres", "--auth=trust", "-E", "UTF8"
        )
        self.start()
        psql = [self.BIN / "psql", "-h", "127.0.0.1", "-p", self.port, "-U", "postgres", "-q"]
        self._as_postgres(*psql, "-c", "CREATE ROLE ttnq LOGIN CREATEDB PASSWORD 'ttnq'")
        self._as_postgres(*psql, "-c", "CREATE DATABASE ttnq OWNER ttnq")
        return self

    def start(self):
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.root}"
        self._as_postgres(
            self.BIN / "pg_ctl", "-D", self.data, "-o", options, "-l", self.root / "pg.log", "-w", "start"
        )

    def stop(self):
        self._as_postgres(self.BIN / "pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop")

    def destroy(self):
        with contextlib.suppress(subprocess.CalledProcessError):
            self.stop()
        shutil.rmtree(self.root, ignore_errors=True)
