"""The production entry points never run with DEBUG on, and refuse to start unconfigured."""

import os
import subprocess
import sys

from django.conf import settings

CLEAN_ENV = {
    k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "SECRET_KEY", "ALLOWED_HOSTS"}
}


def python(code, **env):
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env={**CLEAN_ENV, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_wsgi_without_a_secret_key_refuses_to_start():
    result = python("import cms.wsgi")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_wsgi_without_allowed_hosts_refuses_to_start():
    result = python("import cms.wsgi", SECRET_KEY="k" * 50)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_wsgi_configured_runs_production_settings_without_debug():
    code = "import cms.wsgi; from django.conf import settings as s; print(s.SETTINGS_MODULE, s.DEBUG)"
    result = python(code, SECRET_KEY="k" * 50, ALLOWED_HOSTS="nhanquyen.example.vn")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["cms.settings.production", "False"]


def test_asgi_defaults_to_production_too():
    result = python("import cms.asgi")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
