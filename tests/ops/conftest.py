"""A production installation in other processes (gunicorn, manage.py), shared by the module's tests.

Built once per test session from a database of the same vendor as the test run (SQLite file,
or a new PostgreSQL database beside the test database), a copy of the run's migrated and seeded
template with its static files (tests/scratch_template.py), then the demo and an administrator.
Nothing here touches the test database.
"""

import shutil

import pytest

from tests.scratch_template import installed_scratch

CHROMIUM = "/usr/bin/chromium"
ADMIN = ("quantri", "Mật-khẩu-đủ-dài-2026")
needs_chromium = pytest.mark.skipif(
    shutil.which(CHROMIUM) is None, reason=f"{CHROMIUM} is not installed (apt-get install chromium)"
)


@pytest.fixture(scope="session")
def production_site(tmp_path_factory):
    site = installed_scratch(tmp_path_factory, tmp_path_factory.mktemp("production-site"), demo=True)
    try:
        site.env["DJANGO_SUPERUSER_PASSWORD"] = ADMIN[1]
        site.manage("createsuperuser", "--no-input", "--username", ADMIN[0], "--email", "qt@example.vn")
        site.start()
        yield site
    finally:
        site.destroy()


@pytest.fixture(scope="session")
def dev_site(tmp_path_factory):
    """What ``make run`` starts from, in other processes: the development settings
    (``cms.settings.dev``: the DATABASES block of ``cms/settings/base.py``, not the test settings)
    on a copy of the run's migrated database, registers seeded, no demo (the same migrations
    whatever the settings: tests/scratch_template.py). Processes: ``tests.ops.processes``."""
    site = installed_scratch(
        tmp_path_factory, tmp_path_factory.mktemp("dev-site"), settings="cms.settings.dev"
    )
    try:
        yield site
    finally:
        site.destroy()


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium for one module. Not for the session: while Playwright's sync API is open,
    the thread has a running event loop and Django refuses every later database call of the
    worker (SynchronousOnlyOperation), and with the installations' xdist groups run first, the
    module's tests no longer come last on their worker."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield chromium
        chromium.close()
