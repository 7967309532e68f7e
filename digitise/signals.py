"""What digitise announces: a scan page's public text changed (OCR finished, a person corrected it).

digitise never imports search (the arrow runs search → digitise): search listens to
``scan_text_changed`` and re-indexes the products that carry the pages' files. Send it through
``text_changed`` inside the transaction that wrote the text; the index is written after it commits.
"""

from django.dispatch import Signal

# sender: ScanPage; scan_pages: the ScanPage rows whose ``text`` changed.
scan_text_changed = Signal()


def text_changed(pages):
    """Announce that these ScanPage rows have a new ``text`` (the one call both writers make)."""
    pages = list(pages)
    if pages:
        from digitise.models import ScanPage

        scan_text_changed.send(sender=ScanPage, scan_pages=pages)
