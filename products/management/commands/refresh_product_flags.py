"""Check or repair the products' plan-count copies (live, channels, digitised)."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from products.plan_counts import all_product_ids, refresh_flags, stale_flag_ids


class Command(BaseCommand):
    help = (
        "Kiểm tra (--check) hoặc tính lại các bản sao dùng để đếm số liệu kế hoạch "
        "(đang xuất bản, kênh đăng, đã số hóa) của mọi sản phẩm."
    )

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="chỉ báo các sản phẩm lệch, không sửa")
        parser.add_argument("--chunk-size", type=int, default=5000)

    def handle(self, *args, check=False, chunk_size=5000, **options):
        stale = []
        for chunk in all_product_ids(chunk_size):
            stale += stale_flag_ids(chunk)
        if check:
            if stale:
                raise CommandError(
                    f"{len(stale)} sản phẩm có bản sao lệch, ví dụ: {', '.join(map(str, stale[:20]))}."
                )
            self.stdout.write(self.style.SUCCESS("Mọi bản sao đều khớp."))
            return
        with transaction.atomic():
            for start in range(0, len(stale), chunk_size):
                refresh_flags(stale[start : start + chunk_size])
        self.stdout.write(self.style.SUCCESS(f"Đã tính lại {len(stale)} sản phẩm."))
