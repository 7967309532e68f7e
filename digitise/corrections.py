"""People correct the machine: who may correct a scan page's text, and what a correction writes.

May correct: superusers and administrators (``digitise.change_scanpage``, granted through
``digitise.wagtail_hooks``); whoever may edit a product that carries the scan (that unit's
desk); and, when one of those products' units allows it
(``UnitCorrectionPolicy.readers_may_correct``), any signed-in reader to whom such a product is
public. A correction replaces ``text`` (what search and the public read), keeps
``ocr_text`` (the machine's original) untouched, and is a Wagtail revision of the page with a
``wagtail.edit`` log entry: who and when. Search re-indexes the products after the commit
(``digitise.signals.text_changed``).
"""

from django.db import transaction
from wagtail.models import Revision

from digitise.policies import UnitCorrectionPolicy
from digitise.reading import products_of
from digitise.signals import text_changed
from products.text import nfc
from products.visibility import public_pages


def may_correct(user, scan):
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser or user.has_perm("digitise.change_scanpage"):
        return True
    products = products_of(scan)
    if any(product.permissions_for_user(user).can_edit() for product in products):
        return True
    open_units = UnitCorrectionPolicy.objects.filter(readers_may_correct=True).values("unit_id")
    return public_pages(products).filter(unit_id__in=open_units).exists()


def correct(page, text, user):
    """Save ``text`` as the page's text, by ``user``: a revision, a log entry, a re-index."""
    text = nfc(text).replace("\r\n", "\n")
    with transaction.atomic():
        page.text = text
        page.corrected = True
        page.save(update_fields=["text", "corrected"])
        revision = page.save_revision(user=user, log_action=True)
        text_changed([page])
    return revision


def history(page):
    """The page's corrections, newest first, with who made them."""
    return Revision.objects.for_instance(page).select_related("user").order_by("-created_at", "-pk")
