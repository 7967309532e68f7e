"""Create the plan monitoring's groups, permissions, agencies and settings. Safe to run again."""

from django.core.management.base import BaseCommand

from monitoring.roles import ensure_roles


class Command(BaseCommand):
    help = (
        "Tạo các nhóm vai trò theo dõi kế hoạch (báo cáo của đơn vị, tổng hợp, xử lý tin giả), "
        "quyền của kiểm tra viên và quản trị viên, danh sách cơ quan cấp tỉnh. Chạy lại không sao."
    )

    def handle(self, *args, **options):
        ensure_roles()
        self.stdout.write(self.style.SUCCESS("Đã tạo nhóm vai trò và quyền theo dõi kế hoạch."))
