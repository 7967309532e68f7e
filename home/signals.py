"""Purge the page cache when anything a public page shows changes (see ``home.cache``)."""

from django.db.models.signals import post_delete, post_save
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtailmedia.models import get_media_model

from home.cache import purge
from products.models import Channel, ContentArea, Format, PlanTask, Topic, Unit
from products.signals import products_imported

# Pages shown to the public are published, unpublished (deletion unpublishes first), moved,
# put under or out of a view restriction, or imported in bulk; the rest they show are
# register names, images, documents and media.
SHOWN_MODELS = (Channel, ContentArea, Format, PlanTask, Topic, Unit, PageViewRestriction)


def _purge(sender, raw=False, **kwargs):
    if not raw:
        purge()


def connect():
    for signal in (page_published, page_unpublished, post_page_move, products_imported):
        signal.connect(_purge, dispatch_uid=f"home.page_cache.{id(signal)}")
    for model in (*SHOWN_MODELS, get_image_model(), get_document_model(), get_media_model()):
        for signal in (post_save, post_delete):
            signal.connect(
                _purge, sender=model, dispatch_uid=f"home.page_cache.{model.__name__}.{id(signal)}"
            )
