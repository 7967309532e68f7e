"""Lighthouse (npm ``lighthouse``, pinned in package.json) on the portal, mobile, with Debian's Chromium.

    npm ci && .venv/bin/python bench/lighthouse.py [--port 8106] [--keep]

Builds a scratch SQLite database with the registers and the demo archive, starts the
production server (gunicorn, ``cms.settings.production``: WhiteNoise, CSP, page cache) on
127.0.0.1, and runs Lighthouse's mobile preset (a mid-range phone on slow 4G) on the home,
a listing, a product with its translations and a search in several languages. Prints
the four category scores per page, and the bytes and requests Chromium needed (images
left out); the JSON reports go to bench/out/lighthouse/ (git-ignored).
"""

import argparse
import json
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
OUT = ROOT / "bench" / "out" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def environment(scratch, port):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(48),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}",  # the site root of absolute links
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": f"sqlite:///{scratch / 'lighthouse.sqlite3'}",
        "STATIC_ROOT": str(scratch / "static"),
        "MEDIA_ROOT": str(scratch / "media"),
        "BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "2",
        "GUNICORN_ACCESS_LOG": "/dev/null",
        "LOG_LEVEL": "WARNING",
    }


def prepare(env):
    for command in (
        ["migrate", "--no-input", "-v0"],
        ["createcachetable"],
        ["seed_reference"],
        ["load_demo"],
        ["collectstatic", "--no-input", "-v0"],
    ):
        subprocess.run(
            [sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
        )


def urls(env):
    """The pages to audit, found in the demo archive."""
    code = (
        "import django; django.setup();"
        "from products.models import ProductPage;"
        "p = ProductPage.objects.public_listing().filter(language='vi', translation_key__in="
        "ProductPage.objects.filter(language='en').values('translation_key')).first();"
        "print(p.url); print(p.get_translation(p.locale.__class__.objects.get(language_code='en')).url)"
    )
    vi_product, en_product = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout.split()
    return {
        "vi home": "/vi/",
        "bdq home": "/bdq/",
        "km home": "/km/",
        "vi listing": "/vi/san-pham/?area=III",
        "vi product": vi_product,
        "en product": en_product,
        "vi search": "/vi/search/?q=quy%E1%BB%81n",
        "lo search": "/lo/search/?q=UPR",
        # No 404: Lighthouse refuses to audit a page answered with 404 (axe covers it in tests/browser).
    }


def start(env, port):
    server = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "-c", "cms/gunicorn.conf.py", "cms.wsgi:application"],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=1)  # noqa: S310
            return server
        except OSError:
            time.sleep(0.2)
    os.killpg(server.pid, signal.SIGTERM)
    raise SystemExit("gunicorn did not answer within 20 s")


def audit(url, name):
    OUT.mkdir(parents=True, exist_ok=True)
    report = OUT / f"{name.replace(' ', '-')}.json"
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}",
            "--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking",
        ],
        env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
        check=True,
    )
    data = json.loads(report.read_text(encoding="utf-8"))
    scores = [round(100 * data["categories"][c]["score"]) for c in CATEGORIES]
    items = data["audits"]["network-requests"]["details"]["items"]
    own = [i for i in items if i.get("resourceType") != "Image" and not i["url"].startswith("data:")]
    failed = [
        a["id"]
        for c in CATEGORIES
        for ref in data["categories"][c]["auditRefs"]
        if ref["weight"] and (a := data["audits"][ref["id"]])["score"] is not None and a["score"] < 1
    ]
    return scores, sum(i.get("transferSize", 0) for i in own), len(own), failed


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--port", type=int, default=8106)
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is missing: run `npm ci` in the project folder")
    with tempfile.TemporaryDirectory(prefix="ttnq-lighthouse-") as scratch:
        env = environment(Path(scratch), args.port)
        prepare(env)
        pages = urls(env)
        server = start(env, args.port)
        try:
            print(
                f"{'page':12} {'perf':>5} {'a11y':>5} {'b.p.':>5} {'seo':>5} {'bytes':>7} {'req':>4}"
                "  below 100"
            )
            for name, path in pages.items():
                scores, size, count, failed = audit(f"http://127.0.0.1:{args.port}{path}", name)
                print(
                    f"{name:12} {scores[0]:5} {scores[1]:5} {scores[2]:5} {scores[3]:5} {size:7} {count:4}  "
                    + " ".join(failed)
                )
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
