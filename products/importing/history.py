"""What Wagtail records for each page it saves, written in bulk for imported products.

Wagtail's own path (``save_revision``, ``publish``) writes a page's revision, log entry and
search index entry one page at a time, tens of pages a second. The bulk importer writes the
same records a batch at a time: each new product gets a revision holding its content exactly as
Wagtail serialises it (so the editor opens the product as imported), the page points at it
(latest, and live when published), Wagtail's own log entries, subscription and reference index
rows are written (``products.importing.wagtail_records``), a ``products.import`` log entry says
who imported it, when, from which file and row, and Wagtail's search index (the admin's page
search) gets the page.
"""

import datetime
import functools
import json
from types import SimpleNamespace

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Field
from django.utils.encoding import is_protected_type
from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations
from wagtail.fields import StreamField
from wagtail.models import Page, PageLogEntry, Revision

from products import bulk_sql
from products.importing import wagtail_records
from products.importing.admin_search import AdminSearchEntries

IMPORT_ACTION = "products.import"


@functools.cache
def _serialized_fields(model):
    """(field, how) for each field ``serializable_data`` writes, in its order."""
    plan = []
    for field in model._meta.fields:
        if not field.serialize:
            continue
        if field.remote_field is not None:
            how = "id"
        elif isinstance(field, StreamField):
            how = "stream"
        elif type(field).value_to_string is Field.value_to_string:
            how = "str"  # str(value), as Field.value_to_string does
        else:
            how = "field"
        plan.append((field, how))
    return plan


def _serializable_fields(model, values):
    """modelcluster's ``get_serializable_data_for_fields`` for the object of ``model`` whose field
    values (by attname) are ``values``, without its per-call overheads (Wagtail builds a
    JSONField for every StreamField it serialises): the same output."""
    data = {"pk": values[model._meta.pk.attname]}
    for field, how in _serialized_fields(model):
        value = values[field.attname]
        if how == "id":
            data[field.name] = value
        elif how == "stream":
            data[field.name] = json.dumps(field.get_prep_value(value), cls=DjangoJSONEncoder)
        elif isinstance(value, datetime.datetime):
            data[field.name] = value.astimezone(datetime.UTC)
        elif is_protected_type(value):
            data[field.name] = value
        elif how == "str":
            data[field.name] = str(value)
        else:
            data[field.name] = field.value_to_string(SimpleNamespace(**{field.attname: value}))
    return data


def revision_content(product, children, m2m):
    """``product.serializable_data()`` from what the importer holds, without a query:
    ``children`` maps a child relation's name to its saved objects (instances, or dicts of
    their field values by attname), ``m2m`` a many-to-many field's name to its ids; relations
    not named are empty."""
    model = type(product)
    content = _serializable_fields(model, vars(product))
    child_relations, m2m_fields = _relations(model)
    for name, child_model in child_relations:
        content[name] = [
            _serializable_fields(child_model, child if isinstance(child, dict) else vars(child))
            for child in children.get(name, ())
        ]
    for name in m2m_fields:
        content[name] = list(m2m.get(name, ()))
    return content


# ``save_revision`` serialises a new page before ``publish`` sets when it was published and
# before it records when its latest revision was made: its first revision holds none of these.
NOT_YET_IN_FIRST_REVISION = ("first_published_at", "last_published_at", "latest_revision_created_at")


def first_revision_content(product, children, m2m):
    """The content of a new product's first revision, as the editor's add form saves it."""
    content = revision_content(product, children, m2m)
    content.update(dict.fromkeys(NOT_YET_IN_FIRST_REVISION))
    return content


@functools.cache
def _relations(model):
    """(child relations as (name, model), serialised many-to-many field names) of ``model``."""
    return (
        [
            (relation.get_accessor_name(), relation.related_model)
            for relation in get_all_child_relations(model)
        ],
        [field.name for field in get_all_child_m2m_relations(model) if field.serialize],
    )


def record_new_products(entries, *, user, source_name, search_entries=None):
    """Revisions, log entries and search index entries for just-created products.

    ``entries`` is a list of (product, row number, children, m2m) as ``revision_content``
    takes them; each product's ``live`` says whether it was published. ``search_entries``: an
    ``AdminSearchEntries`` kept across the batches of one import.
    """
    if not entries:
        return
    model = type(entries[0][0])
    content_type = ContentType.objects.get_for_model(model)
    now = entries[0][0].latest_revision_created_at
    revision_ids = _create_revisions(entries, content_type, user, now)
    products = [product for product, *_ in entries]
    for product in products:
        product.latest_revision_id = revision_ids[product.pk]
        product.live_revision_id = product.latest_revision_id if product.live else None
    bulk_sql.update_by_pk(
        Page,
        ["latest_revision_id", "live_revision_id"],
        [(product.pk, product.latest_revision_id, product.live_revision_id) for product in products],
    )
    wagtail_records.write_log_entries(
        products,
        content_type_id=content_type.pk,
        user=user,
        timestamp=now,
        extra=[
            {
                "content_type_id": content_type.pk,
                "page_id": product.pk,
                "revision_id": product.latest_revision_id,
                "label": product.title,
                "action": IMPORT_ACTION,
                "data": {"file": source_name, "row": row, "published": product.live},
                "timestamp": now,
                "user_id": user.pk if user is not None else None,
                "content_changed": True,
            }
            for product, row, _children, _m2m in entries
        ],
    )
    wagtail_records.subscribe_creator(products, user)
    wagtail_records.index_references([(product, children) for product, _row, children, _m2m in entries])
    (search_entries or AdminSearchEntries()).add(model, products)


def _create_revisions(entries, content_type, user, now):
    """One revision per product; ``{page id: revision id}``."""
    page_type = ContentType.objects.get_for_model(Page)
    bulk_sql.insert_values(
        Revision,
        [
            {
                "content_type_id": content_type.pk,
                "base_content_type_id": page_type.pk,
                "object_id": str(product.pk),
                "object_str": product.title,
                "content": first_revision_content(product, children, m2m),
                "user_id": user.pk if user is not None else None,
                "created_at": now,
            }
            for product, _row, children, m2m in entries
        ],
    )
    # The products are new: each has this one revision.
    revisions = Revision.objects.filter(base_content_type=page_type)
    ids = bulk_sql.ids_by(revisions, "object_id", [str(product.pk) for product, *_ in entries])
    return {int(object_id): pk for object_id, pk in ids.items()}


def log_import(page, *, user, source_name, row):
    """The log entry of a product an import updated (Wagtail logged the edit itself)."""
    PageLogEntry.objects.log_action(
        page,
        IMPORT_ACTION,
        user=user,
        revision=page.latest_revision,
        data={"file": source_name, "row": row, "published": page.live},
        content_changed=True,
    )
