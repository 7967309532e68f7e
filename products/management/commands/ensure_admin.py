"""Create the first administrator for a local installation and print the login.

The password comes from ``ADMIN_PASSWORD`` or is generated once and kept in
``.local/admin-login.txt`` (git-ignored), so that running the command again prints
the same login instead of changing it.
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
            login_file.parent.mkdir(exist_ok=True)
            login_file.write_text(f"{username} / {password}\n", encoding="utf-8")
        if login_file.exists():
            self.stdout.write(
                f"Đăng nhập quản trị http://127.0.0.1:8000/admin/ — {login_file.read_text().strip()}"
            )
        else:
            self.stdout.write(f"Tài khoản quản trị “{username}” đã có; mật khẩu không được lưu tại đây.")
