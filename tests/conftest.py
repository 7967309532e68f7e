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
# Module fixtures that install a scratch site in other processes (a minute or more each): without
# a group, ``--dist loadgroup`` deals a module's first tests to both workers and each builds it.
# One group per module (the module's name), so two such modules still run on different workers.
ONE_WORKER_MODULE_FIXTURES = {
    "tests.harvesting.test_two_instances": "source_instance",
    "tests.ops.test_backup": "site",
    "tests.portal.test_page_cache_servers": "hosts",
    "tests.audit.test_trigger_migrations": "seeded",
}


def _one_worker_group(item):
    names = getattr(item, "fixturenames", ())
    for name in ONE_WORKER_FIXTURES:
        if name in names:
            return name
    module = getattr(item, "module", None)
    module_name = module.__name__ if module else ""
    if ONE_WORKER_MODULE_FIXTURES.get(module_name) in names:
        return module_name
    return None


@pytest.hookimpl(tryfirst=True)  # before xdist reads the groups
def pytest_collection_modifyitems(items):
    for item in items:
        group = _one_worker_group(item)
        if group:
            item.add_marker(pytest.mark.xdist_group(group))


@pytest.hookimpl(trylast=True, specname="pytest_collection_modifyitems")  # after xdist's own
def pytest_collection_modifyitems_xdist_groups(config, items):
    """What ``--dist loadgroup`` does on each worker, done again so that it takes effect: the group
    is a ``@group`` suffix of the node id the scheduler reads. pytest-xdist 3.8 writes it to
    ``item._nodeid``, which pytest 9.2's structured node ids ignore (pytest-xdist issue 1386, fix
    in PR 1388, unreleased), so every ``xdist_group`` was silently dropped and each worker built
    the installations above. Remove when a pytest-xdist release carries the fix (the guard
    leaves a suffix already there alone)."""
    if not getattr(config.option, "loadgroup", False):
        return
    from _pytest.nodeid import coerce_node_id

    for item in items:
        names = {
            str(m.args[0] if m.args else m.kwargs.get("name", "default"))
            for m in item.iter_markers("xdist_group")
        }
        if names and item.nodeid.rfind("@") <= item.nodeid.rfind("]"):
            item._id = coerce_node_id(f"{item.nodeid}@{'_'.join(sorted(names))}")


@pytest.hookimpl(optionalhook=True)  # a pytest-xdist hook, run in the controller
def pytest_xdist_node_collection_finished(node, ids):
    """The first worker to finish collecting starts the run's scratch template (tests/scratch_template.py)."""
    config = node.config
    if not hasattr(config, "_scratch_template_builder"):
        from tests.scratch_template import build_in_background, shared_folder

        folder = shared_folder() or config._tmp_path_factory.getbasetemp()
        config._scratch_template_builder = build_in_background(folder, ids)


def pytest_sessionfinish(session):
    """The run's scratch templates (tests/scratch_template.py) are dropped by the process that ran
    the session: the pytest-xdist controller, whose temporary folder is the workers' parent."""
    builder = getattr(session.config, "_scratch_template_builder", None)
    if builder is not None:
        builder.join()
    factory = getattr(session.config, "_tmp_path_factory", None)
    if hasattr(session.config, "workerinput") or getattr(factory, "_basetemp", None) is None:
        return  # a worker, or a run that made no temporary folder (so no template)
    if os.environ.get("SCRATCH_TEMPLATE_DIR"):
        return  # a shared folder: its owner drops it (tests/scratch_template.py)
    from ops.scratch_template import drop_templates

    drop_templates(factory.getbasetemp())


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
    from django.core.cache import cache

    from home.cache import page_cache

    page_cache().clear()
    cache.clear()  # the API's kept counts are keyed by log entry ids, which come back after a rollback
