"""Helpers of the search tests: searching, committing as a request does, the shared archive."""

import datetime
import json
from contextlib import contextmanager

from django.test import TestCase

from products.importing.run import run_import
from search.engines.base import SearchQuery
from search.service import run_search
from tests.factories import make_product
from tests.search.corpus import article


def find(q="", **kwargs):
    """The archive's answer to ``q`` (one page of up to 100 hits)."""
    filters = {k: v if isinstance(v, list) else [v] for k, v in kwargs.pop("filters", {}).items()}
    return run_search(SearchQuery(q=q, filters=filters, page_size=100, **kwargs))


def ids(q="", **kwargs):
    return set(find(q, **kwargs).ids)


@contextmanager
def committed():
    """Run, at the end of the block, what a commit would run (the index is written after
    commits, and a test's transaction never commits)."""
    with TestCase.captureOnCommitCallbacks(execute=True) as callbacks:
        yield callbacks


def publish(**kwargs):
    """A live product, indexed as its publication's commit would index it."""
    with committed():
        return make_product(**kwargs)


ARCHIVE = {
    "vi_udhr": {
        "title": "Tuyên ngôn toàn thế giới về nhân quyền",
        "language": "vi",
        "summary": article("vi", 8) + "\n" + article("vi", 9),
        "area": "I",
        "publications": [("online-news", datetime.date(2023, 12, 10))],
    },
    "vi_dakto": {
        "title": "Quyền con người ở Đăk Tô",
        "language": "vi",
        "summary": "Người dân huyện Đăk Tô được bảo đảm quyền con người.",
        "area": "III",
        "unit": "cong-an-tinh",
        "format": "news",
        "publications": [("facebook", datetime.date(2024, 5, 2)), ("print", datetime.date(2024, 5, 1))],
    },
    "vi_unmarked": {
        "title": "Tin van ban khong dau",
        "language": "vi",
        "summary": "Bai viet go khong dau ve quyen tre em o Kon Plong.",
        "area": "II",
        "publications": [("portal", datetime.date(2025, 1, 15))],
    },
    "en": {
        "title": "Universal Declaration of Human Rights",
        "language": "en",
        "summary": article("en", 9),
        "area": "I",
        "publications": [("online-news", datetime.date(2023, 12, 10))],
    },
    "fr": {
        "title": "Déclaration universelle des droits de l’homme",
        "language": "fr",
        "summary": article("fr", 9),
        "area": "I",
        "publications": [("online-news", datetime.date(2024, 12, 10))],
    },
    "zh": {"title": "世界人权宣言", "language": "zh-hans", "summary": article("zh-hans", 8), "area": "V"},
    "lo": {"title": "ປະກາດສາກົນ", "language": "lo", "summary": article("lo", 8), "area": "V"},
    "km": {"title": "សេចក្ដីប្រកាស", "language": "km", "summary": article("km", 8), "area": "V"},
    "bdq": {
        "title": "'Bok Bơ̆n hơ̆ch ăn kon pơlei",
        "language": "bdq",
        "summary": "Bơ̆n 'Năr pơm jang P’lơk. Kon adruh ŭnh ĕ dŏng.",
        "area": "III",
        "unit": "bao-kon-tum",
        "format": "radio-feature",
        "publications": [("radio", datetime.date(2025, 3, 3))],
    },
}


def build_archive():
    """Products in six languages from the UDHR, plus Vietnamese and Bahnar ones of our own."""
    with committed():
        return {key: make_product(**fields).pk for key, fields in ARCHIVE.items()}


def import_rows(rows, tmp_dir, **options):
    """Import product rows (dicts of the import columns) through the bulk importer, committed."""
    path = tmp_dir / f"products-{rows[0]['external_id']}.jsonl"
    defaults = {"task": "3.3", "body": "", "transcript": "", "topics": [], "translation_of": "", "files": []}
    with open(path, "w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps({**defaults, **row}, ensure_ascii=False, default=str) + "\n")
    with committed():
        result = run_import(path, **options)
    assert result.ok and result.written, result.report
    return result.page_ids
