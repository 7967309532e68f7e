"""Where OCR output lives: beside the private files, never under a public URL.

A scan's page images and searchable PDF may belong to a draft or restricted product, so they are
served by a view that asks the product's visibility first (like the product's own files).
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible


@deconstructible
class ScanStorage(FileSystemStorage):
    """Files under ``<PRIVATE_MEDIA_ROOT>/scans``, read when used, with no public URL."""

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return os.path.join(settings.MONITORING_PRIVATE_ROOT, "scans")

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("scan files have no public URL: serve them through digitise's views")
