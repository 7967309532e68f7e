"""Rows written by the thousand, each kind with one prepared statement (the importer, the audit's
kept months, the search and OAI queues).

Django's ``bulk_create`` builds a model instance per row and compiles a multi-row INSERT per
chunk; ``bulk_update`` compiles a ``CASE WHEN`` per field and row. The importer already holds
the values, so it sends them with ``cursor.executemany`` (one statement, prepared once, in a
tight loop on both SQLite and PostgreSQL), each value adapted by its model field exactly as the
ORM adapts it (``pre_save`` then ``get_db_prep_save``). Ids the database chose are read back
by a unique key afterwards (``ids_by``).
"""

import datetime

from django.db import connection, models, transaction
from django.db.models.constants import OnConflict
from wagtail.fields import StreamField

CHUNK = 500  # keys per ``IN (…)``: under SQLite's smallest limit of bound parameters (999)
ROWS_PER_STATEMENT = 500  # rows of one UPDATE … FROM (VALUES …) on PostgreSQL

# Fields whose ``get_db_prep_save`` hands back a value of this exact type (or None) unchanged on
# every backend; the importer's values are nearly all of these, and skipping the call for them
# halves the cost of a row. ``tests/importing/test_inserts.py`` checks it against Django.
UNCHANGED = {
    models.CharField: str,
    models.TextField: str,
    models.SlugField: str,
    models.URLField: str,
    models.IntegerField: int,
    models.PositiveIntegerField: int,
    models.BigIntegerField: int,
    models.BooleanField: bool,
}


def _quote(name):
    return connection.ops.quote_name(name)


def written_fields(model):
    """The model's own columns, but the id the database generates."""
    return [field for field in model._meta.local_concrete_fields if field is not model._meta.auto_field]


def new_instance(model, values):
    """An unsaved ``model`` from ``values`` (by attname; a field not named gets its default),
    through the positional constructor that ``Model.from_db`` uses: keyword arguments cost
    Django a lookup per field and a descriptor per relation."""
    return model(
        *[values[f.attname] if f.attname in values else f.get_default() for f in model._meta.concrete_fields]
    )


def plain_type(field):
    """The type of value ``field`` stores as it is (None: every value goes through Django)."""
    if isinstance(field, models.ForeignKey):
        target = field.target_field
        return int if isinstance(target, models.fields.AutoFieldMixin) else plain_type(target)
    return UNCHANGED.get(type(field))


def adapter(field):
    """``value → database value`` for ``field``: ``field.get_db_prep_save``, skipped where it
    would change nothing."""
    prep, plain = field.get_db_prep_save, plain_type(field)
    if isinstance(field, StreamField):
        prep = _stream_prep(field)
    if plain is not None:
        return lambda value: value if value is None or type(value) is plain else prep(value, connection)
    last = [None, None]  # (datetime, its database value): a batch's rows share one ``now``

    def adapt(value):
        if type(value) is not datetime.datetime:
            return prep(value, connection)
        if value is not last[0]:  # the very same (immutable) object: the same database value
            last[:] = value, prep(value, connection)
        return last[1]

    return adapt


def _stream_prep(field):
    """``StreamField.get_db_prep_save`` with its JSON field built once: Wagtail builds a new
    ``JSONField`` for every value it saves, a tenth of writing a product's row."""
    json_field = field.json_field

    def prep(value, connection):
        if hasattr(value, "as_sql"):
            return value
        return json_field.get_db_prep_value(field.get_prep_value(value), connection=connection, prepared=True)

    return prep


def insert_objects(model, objects, fields=None):
    """INSERT one row of ``model``'s table per object (a model instance, or anything that has the
    fields' attributes), adapted as ``Model.save`` would."""
    fields = fields or written_fields(model)
    columns = [(field.pre_save, adapter(field)) for field in fields]
    params = [[adapt(pre_save(obj, True)) for pre_save, adapt in columns] for obj in objects]
    _executemany(model, fields, params)


def insert_values(model, rows, ignore_conflicts=False):
    """INSERT one row of ``model``'s table per dict of ``attname → value``; a field the dict does
    not name gets its default. (No ``pre_save``: for models without ``auto_now`` fields.) With
    ``ignore_conflicts``, a row a unique constraint refuses is skipped, as ``bulk_create(…,
    ignore_conflicts=True)`` skips it."""
    fields = written_fields(model)
    columns = [(field, adapter(field)) for field in fields]
    params = [[adapt(_value(field, row)) for field, adapt in columns] for row in rows]
    _executemany(model, fields, params, OnConflict.IGNORE if ignore_conflicts else None)


def _value(field, row):
    return row[field.attname] if field.attname in row else field.get_default()


def _executemany(model, fields, params, on_conflict=None):
    if not params:
        return
    columns = ", ".join(_quote(field.column) for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    insert = connection.ops.insert_statement(on_conflict=on_conflict)  # INSERT [OR IGNORE] INTO
    suffix = connection.ops.on_conflict_suffix_sql(fields, on_conflict, None, None)  # [ON CONFLICT …]
    sql = f"{insert} {_quote(model._meta.db_table)} ({columns}) VALUES ({placeholders}) {suffix}"  # noqa: S608 - names from the model
    # One transaction, as bulk_create's: outside an atomic block SQLite would commit every row.
    with transaction.atomic(savepoint=False), connection.cursor() as cursor:
        # One prepared statement; psycopg sends the rows in a pipeline (multi-row INSERTs measured
        # slower on PostgreSQL: their parameters are bound in Python).
        cursor.executemany(sql, params)


def update_by_pk(model, attnames, rows):
    """Set ``attnames`` on rows of ``model``: ``rows`` are ``(pk, value, …)`` tuples, values
    already in database form (ids, numbers, text)."""
    if not rows:
        return
    fields = [model._meta.get_field(name) for name in attnames]
    table, pk = _quote(model._meta.db_table), _quote(model._meta.pk.column)
    with connection.cursor() as cursor:
        if not _round_trips():
            assignments = ", ".join(f"{_quote(field.column)} = %s" for field in fields)
            sql = f"UPDATE {table} SET {assignments} WHERE {pk} = %s"  # noqa: S608 - names from the model
            cursor.executemany(sql, [(*values, key) for key, *values in rows])
            return
        # One UPDATE … FROM (VALUES …) per chunk; each value cast to its column's type, which a
        # VALUES list of parameters (a NULL among them) does not tell PostgreSQL.
        casts = [model._meta.pk, *fields]
        row = f"({', '.join(f'%s::{field.cast_db_type(connection)}' for field in casts)})"
        names = ", ".join(f"c{i}" for i in range(len(casts)))
        assignments = ", ".join(f"{_quote(field.column)} = v.c{i + 1}" for i, field in enumerate(fields))
        for chunk in _chunks(rows, ROWS_PER_STATEMENT):
            values = ", ".join([row] * len(chunk))
            sql = f"UPDATE {table} SET {assignments} FROM (VALUES {values}) AS v ({names}) WHERE {table}.{pk} = v.c0"  # noqa: S608, E501 - names from the model
            cursor.execute(sql, [value for item in chunk for value in item])


def _round_trips():
    """Whether each UPDATE is a round trip to a server (not SQLite's in-process library)."""
    return connection.vendor != "sqlite"


def _chunks(items, size):
    return [items[start : start + size] for start in range(0, len(items), size)]


def ids_by(queryset, key, keys, also=()):
    """``{key value: id}`` of the rows of ``queryset`` whose ``key`` is one of ``keys``; with
    ``also`` (more field names), ``{(key value, *their values): id}``."""
    keys = list(keys)
    found = {}
    for start in range(0, len(keys), CHUNK):
        rows = queryset.filter(**{f"{key}__in": keys[start : start + CHUNK]}).values_list(key, *also, "pk")
        found.update((row[0] if not also else row[:-1], row[-1]) for row in rows)
    return found
