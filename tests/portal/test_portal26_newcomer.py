"""What a newcomer meets on the first day (issue 26): `make test` says why tests were skipped,
and the development server's 404 is the portal's own page, not Django's English one.
"""

import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings

ROOT = Path(settings.BASE_DIR)


def test_pytest_prints_skip_reasons(tmp_path):
    """The README promises browser tests "skipped, with the reason": the project's pytest
    configuration (what `make test` runs) must print it."""
    probe = tmp_path / "test_probe.py"
    probe.write_text(
        "import pytest\n\n\n@pytest.mark.skip(reason='chromium-missing-probe')\ndef test_x():\n    pass\n"
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-c",
            str(ROOT / "pyproject.toml"),
            "--rootdir",
            str(ROOT),
            str(probe),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert "1 skipped" in result.stdout, result.stdout[-2000:] + result.stderr[-2000:]
    assert "SKIPPED [1]" in result.stdout and "chromium-missing-probe" in result.stdout, result.stdout[-2000:]


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("/vi/khong-co-trang-nay/", "Không tìm thấy trang"),
        ("/vi/san-pham/khong-co-don-vi-nay/", "Không tìm thấy trang"),
        ("/lo/khong-co-trang-nay/", "ບໍ່ພົບໜ້ານີ້"),
    ],
)
def test_dev_server_404_is_the_portals_page(client, db, path, text):
    with override_settings(DEBUG=True):
        response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert "Django tried these URL patterns" not in html and "Page not found" not in html, html[:300]
    assert text in html and 'class="site-header"' in html
