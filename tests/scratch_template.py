"""The test run's scratch installations, each a copy of one installed template (issue 28).

The template (ops/scratch_template.py) lives in the run's temporary folder, beside the
pytest-xdist workers' folders. Under pytest-xdist the controller starts building it as soon as
the workers have collected a test that uses it, so that no worker sits waiting for it while the
other builds; a worker that asks first waits on the template's lock. The controller drops it
when the session ends (tests/conftest.py), unless ``SCRATCH_TEMPLATE_DIR`` names the folder:
then the run leaves it to whoever set it (CI, whose fault scripts copy the same template).

Tests of the migrations themselves (tests/audit/test_trigger_migrations.py) build their own
databases, and so does a restore onto an empty one (tests/ops/test_backup.py).
"""

import os
import threading
from pathlib import Path

from ops.scratch import Scratch
from ops.scratch_template import FOLDER_VARIABLE, install, prepare

# Where the tests that install scratches live (their fixtures call installed_scratch). Used only
# to start the template early: a test elsewhere that needs it still gets it, on demand.
TEMPLATE_USERS = ("tests/ops/", "tests/harvesting/", "tests/portal/test_page_cache_servers.py")


def shared_folder():
    """``$SCRATCH_TEMPLATE_DIR``, when it names a folder: CI's, whose templates the fault scripts
    and the load run after the tests use too, and which CI drops itself."""
    folder = os.environ.get(FOLDER_VARIABLE)
    return Path(folder) if folder else None


def run_folder(tmp_path_factory):
    """Where the run's template lives: the shared folder, or else the temporary folder of the
    whole run (the workers' folders' parent under pytest-xdist)."""
    base = tmp_path_factory.getbasetemp()
    return shared_folder() or (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base)


def installed_scratch(tmp_path_factory, root, demo=False, **kwargs):
    """``Scratch(root, **kwargs)`` as ``install(demo=demo)`` leaves it, from the run's template."""
    scratch = Scratch(root, **kwargs)
    try:
        install(scratch, demo=demo, folder=run_folder(tmp_path_factory))
    except BaseException:
        scratch.destroy()
        raise
    return scratch


def build_in_background(folder, node_ids):
    """A thread building the run's template now, if any collected test will need it (or None)."""
    if not any(node_id.startswith(TEMPLATE_USERS) for node_id in node_ids):
        return None
    thread = threading.Thread(target=prepare, args=(folder,), name="scratch-template", daemon=True)
    thread.start()
    return thread
