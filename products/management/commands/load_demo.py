from django.core.management.base import BaseCommand

from products.demo import load_demo


class Command(BaseCommand):
    help = (
        "Nạp kho lưu trữ mẫu (vi, bdq, sed, en, lo) cho năm nay và hai năm trước, kèm hoạt động và "
        "báo cáo năm của đơn vị. Chạy lại nhiều lần vẫn an toàn."
    )

    def handle(self, *args, **options):
        created, updated = load_demo()
        self.stdout.write(self.style.SUCCESS(f"Sản phẩm mẫu: {created} mới, {updated} cập nhật."))
