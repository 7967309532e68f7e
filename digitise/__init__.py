"""Digitisation of the paper archive: scanned files become searchable text, page by page.

An app of its own because the work is unlike the rest of the domain: it runs outside the request on
a task queue (django-tasks' database backend and its ``db_worker``), calls OCRmyPDF and Tesseract, keeps
page images and word positions, and lets people correct the machine's text with revisions. It reads
``products`` (a product's attachments and language) and never the reverse; the search app reads it.
"""
