"""The admin login printed by `make run` is readable by its owner only (issue 12)."""

import io
import os
import stat

from django.core.management import call_command
from django.test import override_settings


def test_login_file_and_folder_are_private(tmp_path, db, monkeypatch):
    monkeypatch.setenv("ADMIN_USERNAME", "quantri-thu")
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    previous = os.umask(0o022)  # a permissive umask must not matter
    try:
        with override_settings(BASE_DIR=tmp_path):
            out = io.StringIO()
            call_command("ensure_admin", stdout=out)
    finally:
        os.umask(previous)
    login_file = tmp_path / ".local" / "admin-login.txt"
    assert stat.S_IMODE(login_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(login_file.parent.stat().st_mode) == 0o700
    assert "quantri-thu" in out.getvalue()


def test_existing_world_readable_login_is_tightened(tmp_path, db, monkeypatch):
    monkeypatch.setenv("ADMIN_USERNAME", "quantri-cu")
    folder = tmp_path / ".local"
    folder.mkdir(mode=0o755)
    (folder / "admin-login.txt").write_text("quantri-cu / cu\n")
    (folder / "admin-login.txt").chmod(0o644)
    with override_settings(BASE_DIR=tmp_path):
        call_command("ensure_admin", stdout=io.StringIO())
    assert stat.S_IMODE((folder / "admin-login.txt").stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
