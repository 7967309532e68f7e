"""Public surface benchmark: CPU spent on refused and on answered anonymous requests.

    .venv/bin/python bench/public_bench.py                      # 10,000 products, scratch SQLite
    .venv/bin/python bench/public_bench.py --products 2000 --repeat 20
    .venv/bin/python bench/public_bench.py --database-url postgres://u:p@127.0.0.1:5432/db_bench

Builds a fresh database (import_bench's generated rows, imported live), gives every tenth
product an image attachment and every hundredth a view restriction, then sends each request
``--repeat`` times through Django's test client in one process and prints the CPU time
(``time.process_time``) per request: p50 and p95, and the process's peak memory. The refused
requests are the issue-12 500s and the bounds; the answered ones show what the privacy filters
(public products, public files) cost on a listing and on one file.
"""

import argparse
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from import_bench import ROOT, fresh_database, generate  # noqa: E402

CHILD = r"""
import io, resource, statistics, sys, time, django
django.setup()
from django.test.utils import setup_test_environment
setup_test_environment()  # the test client's host, "testserver", is then allowed
from django.core.files.images import ImageFile
from django.test import Client
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction
from products.importing.run import run_import
from products.models import ProductAttachment, ProductPage

run_import(sys.argv[1], progress=False)
buffer = io.BytesIO(); PILImage.new("RGB", (8, 8)).save(buffer, "PNG")
Image = get_image_model()
products = list(ProductPage.objects.order_by("pk").values_list("pk", flat=True))
image = Image.objects.create(title="bench", file=ImageFile(io.BytesIO(buffer.getvalue()), name="bench.png"))
Image.objects.bulk_create([Image(title=f"bench {i}", file=image.file.name, width=8, height=8)
                           for i in range(len(products) // 10)])
images = list(Image.objects.order_by("pk").values_list("pk", flat=True))
ProductAttachment.objects.bulk_create([ProductAttachment(page_id=p, image_id=i)
                                       for p, i in zip(products[::10], images)])
PageViewRestriction.objects.bulk_create([PageViewRestriction(page_id=p, restriction_type="login")
                                         for p in products[5::100]])
words = "+".join(f"tu{i}" for i in range(600))
REFUSED = [
    "/api/v2/products/?topics=khong-co", "/api/v2/products/?unit=khong-co",
    "/api/v2/pages/?offset=99999999999999999999", "/api/v2/pages/?search=%22",
    f"/api/v2/pages/?search={words}", "/api/v2/images/?offset=100001",
    "/api/search/?page=99999999999999999999", f"/api/search/?q={words}",
]
ANSWERED = [
    "/api/v2/products/?area=II&topics=upr&limit=20", "/api/v2/products/?limit=100&offset=5000",
    "/api/v2/pages/?search=quyen", "/api/v2/images/?limit=100",
    f"/media/{image.file.name}", "/vi/san-pham/",
]
client = Client()
repeat = int(sys.argv[2])
for kind, urls in (("refused", REFUSED), ("answered", ANSWERED)):
    for url in urls:
        times = []
        for _ in range(repeat):
            start = time.process_time()
            status = client.get(url).status_code
            times.append((time.process_time() - start) * 1000)
        times.sort()
        p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
        print(f"{kind:8} {status} p50 {statistics.median(times):7.1f} ms  p95 {p95:7.1f} ms  {url[:70]}")
print(f"peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--products", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--database-url", default="", help="PostgreSQL URL (its database is dropped!)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="public-bench-") as workdir:
        path = os.path.join(workdir, "products.jsonl")
        generate(path, args.products, "jsonl")
        env = fresh_database(args.database_url, workdir)
        print(
            f"{args.products:,} products, {'postgresql' if args.database_url else 'sqlite'}, CPU per request:"
        )
        subprocess.run([sys.executable, "-c", CHILD, path, str(args.repeat)], env=env, cwd=ROOT, check=True)


if __name__ == "__main__":
    main()
