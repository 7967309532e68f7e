import io
import json

from django.core.management import call_command
from django.core.management.base import CommandError

from products.importing import export


def row(external_id, **fields):
    data = {
        "external_id": external_id,
        "title": f"Sản phẩm {external_id}",
        "language": "vi",
        "area": "III",
        "task": "3.3",
        "format": "article",
        "unit": "bao-kon-tum",
        "summary": "",
        "body": "",
        "transcript": "",
        "topics": [],
        "publications": [{"channel": "online-news", "date": "2024-03-01", "url": ""}],
        "translation_of": "",
        "files": [],
    }
    data.update(fields)
    return data


def write_file(path, rows):
    """Write ``rows`` (JSONL-shaped dicts) as .jsonl, .csv or .xlsx by ``path``'s extension."""
    suffix = str(path).rsplit(".", 1)[1]
    if suffix == "xlsx":
        export.write_xlsx(iter(rows), path)
    else:
        with open(path, "w", encoding="utf-8", newline="") as stream:
            if suffix == "csv":
                export.write_csv(iter(rows), stream)
            else:
                for item in rows:
                    stream.write(json.dumps(item, ensure_ascii=False) + "\n")
    return path


def run(path, *args):
    """Run import_products; returns (ok, stdout + stderr)."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_products", str(path), *args, "--no-progress", stdout=out, stderr=err)
    except CommandError as error:
        return False, out.getvalue() + err.getvalue() + str(error)
    return True, out.getvalue() + err.getvalue()


def write_news_rows(path, count, prefix, title=None):
    """``count`` JSONL rows of Báo Kon Tum radio news, ``external_id`` (and title) from ``prefix``:
    the bulk import the multi-process tests run beside other writers."""
    with open(path, "w", encoding="utf-8") as out:
        for n in range(int(count)):
            row = {
                "external_id": f"{prefix}-{n}",
                "title": f"{title or prefix} {n}",
                "language": "vi",
                "area": "I",
                "task": "3.3",
                "format": "news",
                "unit": "bao-kon-tum",
                "summary": f"Nhập hàng loạt {prefix} số {n}",
                "publications": [{"channel": "radio", "date": "2024-05-01"}],
            }
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path
