"""The index follows the page tree at once: publish, unpublish, move, delete, and bulk imports.

Editing a live product publishes a new revision (``page_published``); saving a draft
changes nothing live and so nothing in the index.
"""

from django.db.models.signals import post_delete
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from search.indexing import index_products, remove_products


def _product_ids(page):
    from products.models import ProductPage

    return list(ProductPage.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True))


def on_published(sender, instance, **kwargs):
    from products.models import ProductPage

    if isinstance(instance, ProductPage):
        index_products([instance.pk])


def on_unpublished(sender, instance, **kwargs):
    from products.models import ProductPage

    if isinstance(instance, ProductPage):
        remove_products([instance.pk])
    else:
        # Unpublishing a section or index takes its descendants with it (unpublish(include_descendants)).
        ids = _product_ids(instance)
        if ids:
            index_products(ids)


def on_moved(sender, instance, **kwargs):
    ids = _product_ids(instance)
    if ids:
        index_products(ids)  # new URL, and the unit of the section it now lives in


def on_deleted(sender, instance, **kwargs):
    remove_products([instance.pk])


def on_imported(sender, page_ids, **kwargs):
    index_products(page_ids)


def connect():
    page_published.connect(on_published, dispatch_uid="search.on_published")
    page_unpublished.connect(on_unpublished, dispatch_uid="search.on_unpublished")
    post_page_move.connect(on_moved, dispatch_uid="search.on_moved")
    from products.models import ProductPage
    from products.signals import products_imported

    products_imported.connect(on_imported, dispatch_uid="search.on_imported")
    post_delete.connect(on_deleted, sender=ProductPage, dispatch_uid="search.on_deleted_product")
    post_delete.connect(on_deleted, sender=Page, dispatch_uid="search.on_deleted_page")
