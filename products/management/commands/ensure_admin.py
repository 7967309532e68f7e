"""Create the first administrator for a local installation and print the login.

The password comes from ``ADMIN_PASSWORD`` or is generated once and kept in
``.local/admin-login.txt`` (git-ignored), so that running the command again prints
the same login instead of changing it. The folder is 0700 and the file 0600 whatever the
umask: the file holds a password.
"""

import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Tạo tài khoản quản trị đầu tiên (nếu chưa có) và in thông tin đăng nhập."

    def handle(self, *args, **options):
        login_file = Path(settings.BASE_DIR) / ".local" / "admin-login.txt"
        username = os.environ.get("ADMIN_USERNAME", "admin")
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user is None:
            password = os.environ.get("ADMIN_PASSWORD") or secrets.token_urlsafe(12)
            User.objects.create_superuser(username, f"{username}@localhost", password)
            _write_private(login_file, f"{username} / {password}\n")
        if login_file.exists():
            _make_private(login_file)
            self.stdout.write(
                f"Đăng nhập quản trị http://127.0.0.1:8000/admin/ — {login_file.read_text().strip()}"
            )
        else:
            self.stdout.write(f"Tài khoản quản trị “{username}” đã có; mật khẩu không được lưu tại đây.")


def _make_private(login_file):
    login_file.parent.chmod(0o700)
    login_file.chmod(0o600)


def _write_private(login_file, text):
    """Create the file with mode 0600 from the start (never readable by others, even briefly)."""
    login_file.parent.mkdir(mode=0o700, exist_ok=True)
    login_file.parent.chmod(0o700)
    descriptor = os.open(login_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(text)
    login_file.chmod(0o600)
