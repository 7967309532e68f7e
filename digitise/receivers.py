"""Scans are found where files meet products: an attachment saved, a product published.

The importer writes attachments in bulk (no ``post_save``) and then sends ``page_published`` for
each product it publishes, inside its transaction; the editor's publish saves the attachment rows.
Either way each scan file gets its ``Scan`` once, queued when the transaction commits.
"""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.signals import page_published

from digitise.tasks import scan_for
from products.models import ProductAttachment, ProductPage


def _scan_attachment(attachment, language):
    if attachment.document_id:
        scan_for(document=attachment.document, language=language)
    elif attachment.image_id:
        scan_for(image=attachment.image, language=language)


@receiver(post_save, sender=ProductAttachment, dispatch_uid="digitise.attachment_saved")
def attachment_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    _scan_attachment(instance, getattr(instance.page, "language", ""))


@receiver(page_published, sender=ProductPage, dispatch_uid="digitise.product_published")
def product_published(sender, instance, **kwargs):
    """The published product's attachments as it carries them (its cluster's rows: no query for
    the importer's products nor for a revision's page)."""
    for attachment in instance.attachments.all():
        if attachment.document_id or attachment.image_id:
            _scan_attachment(attachment, instance.language)
