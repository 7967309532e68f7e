"""The index follows the page tree: publish (an editor's or the importer's), unpublish, move, delete, privacy.

Each handler only queues the products concerned (``search.queue.enqueue``), inside the
transaction of the change; the index is written after it commits. Editing a live product
publishes a new revision (``page_published``); saving a draft changes nothing live and so
nothing in the index. A privacy restriction (password, login, groups) added to or removed
from a page changes whether the products under it are public: they are queued too.
"""

from django.db.backends.signals import connection_created
from django.db.models.signals import post_delete, post_migrate, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from digitise.reading import product_ids_for_pages
from digitise.signals import scan_text_changed
from harvesting.signals import remote_records_changed
from products.models import ProductPage
from search import owner, remote
from search.queue import enqueue


def _product_ids(page):
    return list(ProductPage.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True))


def on_published(sender, instance, **kwargs):
    if isinstance(instance, ProductPage):
        enqueue([instance.pk])


def on_subtree_changed(sender, instance, **kwargs):
    """Unpublish (a section's takes its descendants along) or move: every product below."""
    enqueue(_product_ids(instance))


def on_deleted(sender, instance, **kwargs):
    enqueue([instance.pk])


def on_restriction_changed(sender, instance, **kwargs):
    try:
        page = instance.page
    except Page.DoesNotExist:  # the page itself is being deleted: on_deleted handles it
        return
    enqueue(_product_ids(page))


def on_remote_records_changed(sender, ids, **kwargs):
    """Records harvested from another instance (``harvesting``): written or withdrawn."""
    enqueue(remote.index_ids(ids))


def on_scan_text_changed(sender, scan_pages, **kwargs):
    """OCR finished or a person corrected a page: the products carrying its file change."""
    enqueue(product_ids_for_pages(scan_pages))


def connect():
    page_published.connect(on_published, dispatch_uid="search.on_published")
    page_unpublished.connect(on_subtree_changed, dispatch_uid="search.on_unpublished")
    post_page_move.connect(on_subtree_changed, dispatch_uid="search.on_moved")
    post_delete.connect(on_deleted, sender=ProductPage, dispatch_uid="search.on_deleted_product")
    post_save.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid="search.restricted")
    post_delete.connect(
        on_restriction_changed, sender=PageViewRestriction, dispatch_uid="search.unrestricted"
    )
    remote_records_changed.connect(on_remote_records_changed, dispatch_uid="search.remote_records")
    scan_text_changed.connect(on_scan_text_changed, dispatch_uid="search.scan_text_changed")
    # Which database, so which index folder (search.owner): read again on a new connection,
    # and made again after a flush (tests) emptied its table.
    connection_created.connect(owner.forget, dispatch_uid="search.forget_database_key")
    post_migrate.connect(_ensure_identity, dispatch_uid="search.ensure_database_identity")


def _ensure_identity(sender, using="default", **kwargs):
    if sender.label == "search":
        owner.ensure_identity(using=using)
