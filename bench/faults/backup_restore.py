"""Fault 4: backup → wipe → restore gives back the same archive, byte for byte.

    .venv/bin/python bench/faults/backup_restore.py                     # SQLite
    DATABASE_URL=postgres://ttnq:ttnq@127.0.0.1:5432/ttnq .venv/bin/python bench/faults/backup_restore.py

A scratch installation (production settings, its own database and media folder; on
PostgreSQL a new database beside the one in DATABASE_URL) gets the demo plus
tests/ops/sample_archive.py (Vietnamese, Bahnar ơ̆ ư̆ 'Bok, Lao and Khmer text; paragraph,
image, embed and quote blocks; PDF, image and audio attachments with their files; a
translation, a draft, unpublished changes, revisions, a user in a group, a misinformation
record with its private screenshot). Then:
  1. ``manage.py backup`` writes one archive;
  2. a second, empty installation runs ``manage.py restore`` on it;
  3. the first one is damaged (a product, a user, an uploaded file and a private screenshot
     deleted) and restored in place with ``--force`` (its safety backup is removed afterwards).
After each restore every row of every model, every file's SHA-256 and the answers of the
archive search must equal the original's. Exits 1 with the differences otherwise.
"""

import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from ops.scratch import Scratch  # noqa: E402
from ops.scratch_template import install  # noqa: E402

QUERIES = ["Bok", "bon", "quyen con nguoi", "ສິດທິ", "សិទ្ធិ", "Đăk Tô"]
SEARCH = (
    "import json; from django.test import Client; c = Client(HTTP_HOST='localhost');"
    "hits = lambda q: [(h['id'], h['title']) for h in c.get('/api/search/', {'q': q}).json()['results']];"
    f"print('SEARCH' + json.dumps({{q: hits(q) for q in {QUERIES!r}}}, ensure_ascii=False))"
)
BUILD = "from tests.ops.sample_archive import build; build()"
DAMAGE = (
    "from products.models import ProductPage; from django.contrib.auth.models import User;"
    "from wagtail.documents.models import Document;"
    "ProductPage.objects.filter(language='km').delete();"
    "User.objects.filter(username='phongvien.bahnar').delete();"
    "d = Document.objects.first(); d.file.delete(save=False);"
    "from monitoring.models import MisinformationItem;"
    "MisinformationItem.objects.first().screenshot.delete(save=False)"
)


def state(site, name):
    """(rows and files, search answers) of an installation."""
    out = site.root.parent / f"{name}.json"
    code = f"from tests.ops.sample_archive import snapshot; snapshot({str(out)!r})\n{SEARCH}"
    answers = site.manage("shell", "--no-imports", "-c", code).stdout
    search = json.loads(answers[answers.index("SEARCH") + len("SEARCH") :])
    return json.loads(out.read_text(encoding="utf-8")), search


def differences(expected, actual):
    (rows_a, search_a), (rows_b, search_b) = expected, actual
    found = []
    for table in sorted(set(rows_a["rows"]) | set(rows_b["rows"])):
        if rows_a["rows"].get(table) != rows_b["rows"].get(table):
            found.append(f"table {table} differs")
    if rows_a["files"] != rows_b["files"]:
        changed = set(rows_a["files"].items()) ^ set(rows_b["files"].items())
        found.append(f"files differ: {sorted(changed)[:5]}")
    if search_a != search_b:
        found.append(f"search answers differ: {search_a} != {search_b}")
    return found


def check(label, expected, site, name):
    found = differences(expected, state(site, name))
    print(f"{label}: {'identical' if not found else 'DIFFERENT'}")
    for line in found:
        print("   ", line)
    return not found


def main():
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="ttnq-fault-backup-") as tmp:
        tmp = Path(tmp)
        original = install(Scratch(tmp / "original"), demo=True)
        fresh = Scratch(tmp / "fresh")
        try:
            original.manage("shell", "--no-imports", "-c", BUILD)
            original.commands(("rebuild_archive_index", "--no-progress"))
            expected = state(original, "expected")
            rows = sum(len(v) for v in expected[0]["rows"].values())
            print(f"archive: {rows} rows, {len(expected[0]['files'])} files ({original.vendor})")
            archive = tmp / "backup.tar.gz"
            print(original.manage("backup", "--output", str(archive)).stdout.strip().splitlines()[-1])
            fresh.manage("restore", str(archive))
            ok = check("restore onto an empty database", expected, fresh, "fresh")
            original.manage("shell", "-c", DAMAGE)
            damaged = differences(expected, state(original, "damaged"))
            print(f"damaged: {len(damaged)} differences (the comparison sees the damage)")
            ok &= bool(damaged)
            out = original.manage("restore", "--force", str(archive)).stdout
            for line in out.splitlines():  # the safety backup of the damaged state, under backups/
                if "pre-restore-" in line:
                    Path(line[line.index("/") :].strip()).unlink()
            ok &= check("damage, then restore --force in place", expected, original, "restored")
        finally:
            original.destroy()
            fresh.destroy()
    print(f"{'PASS' if ok else 'FAIL'} in {time.monotonic() - started:.0f} s")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
