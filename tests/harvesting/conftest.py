"""A second instance to harvest: a real server process on a database of its own.

The source is a ``Scratch`` installation (``ops.scratch``, a copy of the run's installed template:
``tests.scratch_template``): gunicorn with production settings
on a free port, its own SQLite file or PostgreSQL database (as ``DATABASE_URL`` says), seeded
with the registers; products are made and changed there with ``manage.py shell``, as an editor's
process would. The harvest runs in the test process, into the test database.
"""

import json

import pytest

from tests.scratch_template import installed_scratch


class SourceInstance:
    def __init__(self, scratch):
        self.scratch = scratch

    @property
    def oai_url(self):
        return f"{self.scratch.url}/oai/"

    def run(self, code):
        """Run Python in a ``manage.py shell`` of the source; its last line of output, read as JSON."""
        result = self.scratch.manage("shell", "--no-imports", "-c", "import json\n" + code)
        return json.loads(result.stdout.strip().splitlines()[-1])

    def publish(self, **fields):
        """A live product on the source: [page id, its URL path]."""
        code = (
            "from tests.factories import make_product\n"
            f"page = make_product(**{fields!r})\nprint(json.dumps([page.pk, page.url]))"
        )
        return self.run(code)


@pytest.fixture(scope="module")
def source_instance(tmp_path_factory):
    scratch = installed_scratch(tmp_path_factory, tmp_path_factory.mktemp("oai-source"))
    try:
        scratch.start(workers=1, threads=2)
        yield SourceInstance(scratch)
    finally:
        scratch.destroy()
