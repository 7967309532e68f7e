"""Digitisation's settings (digitise/): the task queue and the OCR limits, from the environment.

Two task backends: ``default`` stays immediate (Wagtail's own tasks run in the request, as before),
``ocr`` keeps tasks in the database for ``manage.py db_worker --backend ocr`` to run outside it.
"""

import os

TASK_APPS = ["django_tasks", "django_tasks_db"]
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "ocr": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
# A file with more pages is OCR'd up to this page; the rest are reported, not read.
OCR_MAX_PAGES = int(os.environ.get("OCR_MAX_PAGES", "500"))
# A page larger than this (at 300 dpi: an A3 page is about 17.4 million) fails, with the reason.
OCR_MAX_PIXELS = int(os.environ.get("OCR_MAX_PIXELS", str(40_000_000)))
# Tesseract (and each program run for one page) is stopped after this, and the page fails.
OCR_PAGE_SECONDS = int(os.environ.get("OCR_PAGE_SECONDS", "180"))
# The programs, by name on PATH or by full path.
OCR_TESSERACT = os.environ.get("OCR_TESSERACT", "tesseract")
OCR_PDFTOPPM = os.environ.get("OCR_PDFTOPPM", "pdftoppm")
OCR_OCRMYPDF = os.environ.get("OCR_OCRMYPDF", "ocrmypdf")
