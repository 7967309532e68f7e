from django.core.management.base import BaseCommand

from products.demo import load_demo


class Command(BaseCommand):
    help = "Nạp kho lưu trữ mẫu (vi, bdq, sed, en, lo; 2023–2025). Chạy lại nhiều lần vẫn an toàn."

    def handle(self, *args, **options):
        created, updated = load_demo()
        self.stdout.write(self.style.SUCCESS(f"Sản phẩm mẫu: {created} mới, {updated} cập nhật."))
