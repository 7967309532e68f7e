"""Create the plan monitoring's groups, permissions, agencies and settings. Safe to run again.

``seed_reference`` (every start) does this too; the auditors' and administrators' share of the
plan's rights is set by ``seed_reference`` through the ``register_role_permissions`` hook."""

from django.core.management.base import BaseCommand

from monitoring.roles import ensure_roles


class Command(BaseCommand):
    help = (
        "Tạo các nhóm vai trò theo dõi kế hoạch (báo cáo của đơn vị, tổng hợp, xử lý tin giả) "
        "và danh sách cơ quan cấp tỉnh; seed_reference cũng làm việc này. Chạy lại không sao."
    )

    def handle(self, *args, **options):
        ensure_roles()
        self.stdout.write(self.style.SUCCESS("Đã tạo nhóm vai trò và quyền theo dõi kế hoạch."))
