"""Purge the page cache when anything a public page shows changes (see ``home.cache``)."""

from django.db.models.signals import post_delete, post_save
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtailmedia.models import get_media_model

from home.cache import purge
from products.models import Channel, ContentArea, Format, PlanTask, Topic, Unit
from search.store import index_changed

# Pages shown to the public are published, unpublished (deletion unpublishes first), moved,
# put under or out of a view restriction, or imported in bulk; the rest they show are
# register names, images, documents and media. Search pages show the archive index, which is
# written after those changes commit (by whichever process holds its writer): each of its
# commits and swaps purges too.
SHOWN_MODELS = (Channel, ContentArea, Format, PlanTask, Topic, Unit, PageViewRestriction)

# Wagtail fills these in the first time it needs them and saves only them
# (``get_file_size``/``get_file_hash``), from GET views such as the admin's image and document
# edit pages, and the importer leaves them empty: no page shows them, so such a save must not
# purge every cached page.
FILE_METADATA_FIELDS = frozenset({"file_size", "file_hash"})


def _purge(sender, raw=False, update_fields=None, **kwargs):
    if raw or (update_fields and update_fields <= FILE_METADATA_FIELDS):
        return
    purge()


def connect():
    for signal in (page_published, page_unpublished, post_page_move, index_changed):
        signal.connect(_purge, dispatch_uid=f"home.page_cache.{id(signal)}")
    for model in (*SHOWN_MODELS, get_image_model(), get_document_model(), get_media_model()):
        for signal in (post_save, post_delete):
            signal.connect(
                _purge, sender=model, dispatch_uid=f"home.page_cache.{model.__name__}.{id(signal)}"
            )
