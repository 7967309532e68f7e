"""Shared fixtures: every test database starts with the registers and the page tree seeded.

Seeded as every start seeds (``make run``, ``make serve``): ``seed_reference`` alone, which sets up
monitoring's roles too."""

import os

import pytest
from django.core.management import call_command
from django.db import transaction
from hypothesis import HealthCheck, settings

# Property-based sweeps (hypothesis): "ci", the default everywhere, runs the same examples on
# every run (derandomized; a failure prints the blob that replays it), so no run passes or fails
# by chance. HYPOTHESIS_PROFILE=explore draws new random examples, more of them (README, Tests).
_SWEEPS = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow], "print_blob": True}
settings.register_profile("ci", derandomize=True, database=None, max_examples=60, **_SWEEPS)
settings.register_profile("explore", derandomize=False, max_examples=600, **_SWEEPS)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


# Session fixtures that build a whole installation in other processes (tests/ops/conftest.py):
# under pytest-xdist (``make test``), the tests that use one go to one worker, which builds it once.
ONE_WORKER_FIXTURES = ("production_site", "dev_site")


@pytest.hookimpl(tryfirst=True)  # before xdist reads the groups
def pytest_collection_modifyitems(items):
    for item in items:
        for name in ONE_WORKER_FIXTURES:
            if name in getattr(item, "fixturenames", ()):
                item.add_marker(pytest.mark.xdist_group(name))
                break


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("seed_reference", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.fixture(scope="module")
def module_transaction(django_db_setup, django_db_blocker):
    """A transaction around the module, rolled back at its end: data that a module's tests only
    read is built once (in a fixture that depends on this one), not once per test.

    Each test still runs in its own savepoint inside it (pytest-django's ``db``), so what a test
    writes, or changes of the shared rows, go at the test's end. Fixtures built here must be
    re-read from the database by the tests (not kept as instances a test could change)."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


@pytest.fixture
def registers(db):
    """The seeded registers by slug: ``registers.area["I"]``, ``registers.channel["facebook"]`` …"""
    from tests.factories import Registers

    return Registers()


@pytest.fixture
def people(db, django_user_model):
    """One person per role of the matrix (``tests.roles``): ``people.editor`` … ``people.superuser``."""
    from tests.roles import make_people

    return make_people(django_user_model)


@pytest.fixture(autouse=True)
def empty_page_cache():
    """Each test starts with an empty portal page cache: a page cached by an earlier test
    shows data that test's rollback removed, and no signal tells the cache about a rollback."""
    from home.cache import page_cache

    page_cache().clear()
