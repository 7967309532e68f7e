"""The audit's triggers (audit/triggers.py) across migrations: a later migration of the products'
tables runs on a seeded database and leaves the kept monthly counts exact, migrating the audit back
leaves a working database, and forward again reinstalls them.

Each scenario runs ``manage.py migrate`` in a subprocess against a scratch database of its own (a
SQLite file, or a throwaway PostgreSQL database beside the test database), with the products'
migrations copied to a package the test adds throwaway migrations to (``MIGRATION_MODULES``).
"""

import json
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings

BASE = Path(settings.BASE_DIR)
DB = settings.DATABASES["default"]
POSTGRES = DB["ENGINE"].endswith("postgresql")
CLEAN_ENV = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL"}}

SETTINGS = """from cms.settings.test import *  # noqa: F403
MIGRATION_MODULES = {"products": "scratch_products_migrations"}
"""
HEADER = "from django.db import migrations, models\n\n\n"
ADD_FIELD = """class Migration(migrations.Migration):
    dependencies = [("products", "%s")]
    operations = [
        migrations.AddField("productpage", "%s", models.IntegerField(default=0, null=True)),
    ]
"""
# A write made while the migration runs, and a rebuild of the publications table on SQLite.
REBUILD = """def retell(apps, schema_editor):
    ProductPage = apps.get_model("products", "ProductPage")
    first = ProductPage.objects.filter(is_live=True, language="vi").order_by("first_published").first()
    ProductPage.objects.filter(pk=first.pk).update(language="bdq")


class Migration(migrations.Migration):
    dependencies = [("products", "9001_throwaway_field")]
    operations = [
        migrations.AddField("productpage", "another_throwaway", models.IntegerField(default=1, null=True)),
        migrations.AlterField(
            "productpublication", "reference", models.CharField(blank=True, max_length=300)
        ),
        migrations.RunPython(retell, migrations.RunPython.noop),
    ]
"""


def latest_products_migration():
    """The products app's newest migration: the throwaway ones come after whatever the code has."""
    return sorted(path.stem for path in (BASE / "products" / "migrations").glob("[0-9]*.py"))[-1]


def _admin_sql(statement):
    import psycopg

    with psycopg.connect(
        dbname="postgres", user=DB["USER"], password=DB["PASSWORD"], host=DB["HOST"], port=DB["PORT"] or 5432
    ) as admin:
        admin.autocommit = True
        admin.execute(statement)


class Scratch:
    """A database and a folder holding its settings and its copy of the products' migrations."""

    def __init__(self, root, name):
        self.root, self.name = Path(root), name
        self.migrations = self.root / "scratch_products_migrations"
        if POSTGRES:
            self.url = f"postgres://{DB['USER']}:{DB['PASSWORD']}@{DB['HOST']}:{DB['PORT'] or 5432}/{name}"
        else:
            self.url = f"sqlite:///{self.root / 'db.sqlite3'}"

    @classmethod
    def fresh(cls, root, name):
        scratch = cls(root, name)
        scratch.root.mkdir(parents=True, exist_ok=True)
        (scratch.root / "scratch_settings.py").write_text(SETTINGS)
        shutil.copytree(
            BASE / "products" / "migrations", scratch.migrations, ignore=shutil.ignore_patterns("__pycache__")
        )
        if POSTGRES:
            _admin_sql(f'DROP DATABASE IF EXISTS "{name}"')
            _admin_sql(f'CREATE DATABASE "{name}"')
        return scratch

    def clone(self, root, name):
        """A copy of this database and folder (the database must be idle)."""
        shutil.copytree(self.root, root, ignore=shutil.ignore_patterns("__pycache__"))
        if POSTGRES:
            _admin_sql(f'DROP DATABASE IF EXISTS "{name}"')
            _admin_sql(f'CREATE DATABASE "{name}" TEMPLATE "{self.name}"')
        return Scratch(root, name)

    def drop(self):
        if POSTGRES:
            _admin_sql(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')

    def add_migration(self, name, text):
        (self.migrations / f"{name}.py").write_text(HEADER + text)

    def run(self, *args):
        env = {**CLEAN_ENV, "DJANGO_SETTINGS_MODULE": "scratch_settings", "DATABASE_URL": self.url}
        env["PYTHONPATH"] = os.pathsep.join([str(self.root), str(BASE)])
        return subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
            [sys.executable, *args],
            cwd=BASE,
            env=env,
            capture_output=True,
            text=True,
            check=False,
            timeout=600,
        )

    def manage(self, *args):
        result = self.run("manage.py", *args)
        assert result.returncode == 0, result.stderr[-3000:]
        return result

    def step(self, name):
        result = self.run("-m", "tests.audit.migration_steps", name)
        assert result.returncode == 0, result.stderr[-3000:]
        return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    """A database migrated in one run through a throwaway ``ProductPage`` field, then seeded with
    a year of products whose months the audit keeps."""
    suffix = uuid.uuid4().hex[:8]
    scratch = Scratch.fresh(tmp_path_factory.mktemp("seeded") / "db", f"{DB['NAME']}_mig_{suffix}")
    scratch.add_migration("9001_throwaway_field", ADD_FIELD % (latest_products_migration(), "throwaway"))
    scratch.manage("migrate", "--no-input", "-v0")
    assert scratch.step("seed") == {"agree": True, "counted_months": 12}
    clones = []

    def clone():
        copy = scratch.clone(tmp_path_factory.mktemp("clone") / "db", f"{scratch.name}_{len(clones)}")
        clones.append(copy)
        return copy

    yield clone
    for copy in [*clones, scratch]:
        copy.drop()


def test_a_migration_rebuilding_the_counted_tables_keeps_the_kept_months_exact(seeded):
    scratch = seeded()
    scratch.add_migration("9002_throwaway_rebuild", REBUILD)
    scratch.manage("migrate", "--no-input", "-v0")
    result = scratch.step("verify")
    assert result["agree"], "the write made during the migration is missing from the kept months"
    assert result["marked"], "a product update after the migration did not mark its month"
    assert result["agree_after_update"]
    assert scratch.manage("check", "--deploy", "--database", "default").returncode == 0


def test_migrating_the_audit_back_leaves_a_working_database_and_forward_reinstalls_the_triggers(seeded):
    scratch = seeded()
    installed = scratch.step("update")["triggers"]
    assert installed

    scratch.manage("migrate", "audit", "0002", "--no-input", "-v0")
    assert scratch.step("update") == {"updated": True, "triggers": []}
    scratch.manage("migrate", "audit", "0001", "--no-input", "-v0")
    assert scratch.step("update") == {"updated": True, "triggers": []}

    scratch.manage("migrate", "--no-input", "-v0")
    result = scratch.step("verify")
    assert result["triggers"] == installed
    assert result["marked"] and result["agree"] and result["agree_after_update"]
    assert scratch.manage("check", "--deploy", "--database", "default").returncode == 0
