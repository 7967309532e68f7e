"""What Wagtail's editor writes around a new page, written for a batch of imported products.

Publishing a page the editor's way (the admin's add form: ``add_child``, ``save_revision``,
``revision.publish``) leaves, besides the page and its revision:

- log entries: ``wagtail.create`` (``Page.save`` of a new page), ``wagtail.edit`` (the
  revision) and, once published, ``wagtail.publish``, all sharing the request's uuid;
- the creator's ``PageSubscription`` (comment notifications on, as the add view starts it);
- the page's rows in Wagtail's ``ReferenceIndex`` (images and documents its body uses, its
  attachments, its registers): ``products.media_access`` finds a body's files only there;
- the ``page_published`` signal, once per published page, after it is saved.

The importer writes the same here, a batch at a time, so that nothing downstream has to know
whether an editor or an import wrote a page. ``tests/importing/test_import_against_the_editor.py``
compares the rows of both paths table by table.
"""

import copy
import functools
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from modelcluster.models import get_all_child_relations
from wagtail.models import PageLogEntry, PageSubscription, ReferenceIndex, Revision
from wagtail.signals import page_published

from products import bulk_sql


def log_entries(product, *, content_type_id, user_id, timestamp):
    """The log entries Wagtail writes for ``product`` created (and published, if live) in one
    request: dicts of field values by attname, in the order Wagtail writes them.

    ``log()`` gives the entries of one request one uuid; each product is one such request. The
    label is ``get_admin_display_title()`` (the draft title) and ``data`` is ``{}`` (no
    previous revision, no rename); only the create entry has no revision."""
    shared = {
        "content_type_id": content_type_id,
        "page_id": product.pk,
        "label": product.draft_title,
        "user_id": user_id,
        "timestamp": timestamp,
        "uuid": uuid.uuid4(),
        "data": {},
        "content_changed": True,
        "deleted": False,
    }
    actions = ["wagtail.create", "wagtail.edit"] + (["wagtail.publish"] if product.live else [])
    return [
        {
            **shared,
            "action": action,
            "revision_id": None if action == "wagtail.create" else product.latest_revision_id,
        }
        for action in actions
    ]


def write_log_entries(products, *, content_type_id, user, timestamp, extra=()):
    """Wagtail's entries for each of ``products``, then ``extra`` (more entry dicts)."""
    user_id = user.pk if user is not None else None
    fields = {"content_type_id": content_type_id, "user_id": user_id, "timestamp": timestamp}
    rows = [entry for product in products for entry in log_entries(product, **fields)]
    bulk_sql.insert_values(PageLogEntry, [*rows, *extra])


def subscribe_creator(products, user):
    """The creator's subscription to each new page, as the admin's add view saves it."""
    if user is None:
        return
    bulk_sql.insert_values(
        PageSubscription,
        [{"user_id": user.pk, "page_id": product.pk, "comment_notifications": True} for product in products],
    )


def index_references(entries):
    """Each product's rows in Wagtail's reference index, as Wagtail's own
    ``ReferenceIndex.create_or_update_for_object`` (what its ``update_reference_index_task``
    runs after a page is saved) writes them, for the whole batch at once, inside its transaction:
    the references Wagtail extracts from each page (``_extract_references_from_object``), less
    those already stored, inserted in one prepared statement (conflicts ignored, as Wagtail's
    ``bulk_create`` ignores them); stored ones no longer there deleted
    (``create_or_update_for_object`` asks the database twice per page: most of an import's
    queries). ``tests/importing/test_import_against_the_editor.py`` compares the rows with the
    editor's.

    ``entries`` are ``(product, children)``, ``children`` mapping a child relation's name to
    the objects just written (instances, or dicts of field values by attname with their ids);
    relations not named are empty. Wagtail reads a page's children through its relation
    managers: given them in memory, it asks the database nothing per relation."""
    if not entries or not ReferenceIndex.is_indexed(type(entries[0][0])):
        return
    model = type(entries[0][0])
    content_types = [
        ContentType.objects.get_for_model(klass, for_concrete_model=False)
        for klass in [model, *model._meta.get_parent_list()]
    ]
    references = {
        str(product.pk): set(
            ReferenceIndex._extract_references_from_object(_with_children(product, children))
        )
        for product, children in entries
    }
    existing = _stored_references(content_types[-1], list(references))
    known = {content_type.pk for content_type in content_types}
    bulk_sql.insert_values(  # Wagtail's bulk_create(…, ignore_conflicts=True), a statement prepared once
        ReferenceIndex,
        _reference_rows(content_types, references, existing),
        ignore_conflicts=connection.features.supports_ignore_conflicts,
    )
    stale = [
        pk
        for object_id, stored in existing.items()
        for reference, (content_type_id, pk) in stored.items()
        if reference not in references[object_id] and content_type_id in known
    ]
    ReferenceIndex.objects.filter(id__in=stale).delete()


def _reference_rows(content_types, references, existing):
    """The index rows of the references not stored yet, by attname, as Wagtail builds them."""
    return [
        {
            "content_type_id": content_types[0].pk,
            "base_content_type_id": content_types[-1].pk,
            "object_id": object_id,
            "to_content_type_id": to_content_type_id,
            "to_object_id": to_object_id,
            "model_path": model_path,
            "content_path": content_path,
            "content_path_hash": ReferenceIndex._get_content_path_hash(content_path),
        }
        for object_id, found in references.items()
        for to_content_type_id, to_object_id, model_path, content_path in found
        - set(existing.get(object_id, {}))
    ]


def _with_children(product, children):
    """A copy of ``product`` whose child relations hold ``children`` (the page receivers are given
    keeps none)."""
    clone = copy.copy(product)
    clone.__dict__.pop("_cluster_related_objects", None)
    for name, child_model in _child_relations(type(product)):
        objects = [
            child if isinstance(child, child_model) else bulk_sql.new_instance(child_model, child)
            for child in children.get(name, ())
        ]
        setattr(clone, name, objects)
    return clone


@functools.cache
def _child_relations(model):
    return [
        (relation.get_accessor_name(), relation.related_model) for relation in get_all_child_relations(model)
    ]


def _stored_references(base_content_type, object_ids):
    """{object id: {(to content type, to object, model path, content path): (content type, id)}}
    of the rows already in the index for these objects."""
    stored = {}
    for start in range(0, len(object_ids), bulk_sql.CHUNK):
        rows = ReferenceIndex.objects.filter(
            base_content_type=base_content_type, object_id__in=object_ids[start : start + bulk_sql.CHUNK]
        ).values_list(
            "object_id",
            "id",
            "content_type_id",
            "to_content_type",
            "to_object_id",
            "model_path",
            "content_path",
        )
        for object_id, pk, content_type_id, *reference in rows:
            stored.setdefault(object_id, {})[tuple(reference)] = (content_type_id, pk)
    return stored


def announce_published(products):
    """``page_published`` for each live product, as ``PublishPageRevisionAction`` sends it
    (sender the specific class, the specific page, its live revision): the one signal every
    receiver listens to, whoever wrote the page."""
    live = [product for product in products if product.live]
    if not live:
        return
    revisions = Revision.objects.defer("content").in_bulk([product.live_revision_id for product in live])
    for product in live:
        product._state.adding, product._state.db = False, "default"  # saved, as from the database
        page_published.send(
            sender=type(product), instance=product, revision=revisions[product.live_revision_id]
        )
