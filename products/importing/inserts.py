"""Rows the importer writes by the thousand, each kind with one prepared statement.

Django's ``bulk_create`` builds a model instance per row and compiles a multi-row INSERT per
chunk; ``bulk_update`` compiles a ``CASE WHEN`` per field and row. The importer already holds
the values, so it sends them with ``cursor.executemany`` (one statement, prepared once, in a
tight loop on both SQLite and PostgreSQL), each value adapted by its model field exactly as the
ORM adapts it (``pre_save`` then ``get_db_prep_save``). Ids the database chose are read back
by a unique key afterwards (``ids_by``).
"""

import datetime

from django.db import connection, models

CHUNK = 500  # keys per ``IN (…)``: under SQLite's smallest limit of bound parameters (999)

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


def insert_objects(model, objects, fields=None):
    """INSERT one row of ``model``'s table per object (a model instance, or anything that has the
    fields' attributes), adapted as ``Model.save`` would."""
    fields = fields or written_fields(model)
    columns = [(field.pre_save, adapter(field)) for field in fields]
    params = [[adapt(pre_save(obj, True)) for pre_save, adapt in columns] for obj in objects]
    _executemany(model, fields, params)


def insert_values(model, rows):
    """INSERT one row of ``model``'s table per dict of ``attname → value``; a field the dict does
    not name gets its default. (No ``pre_save``: for models without ``auto_now`` fields.)"""
    fields = written_fields(model)
    columns = [(field, adapter(field)) for field in fields]
    params = [[adapt(_value(field, row)) for field, adapt in columns] for row in rows]
    _executemany(model, fields, params)


def _value(field, row):
    return row[field.attname] if field.attname in row else field.get_default()


def _executemany(model, fields, params):
    if not params:
        return
    columns = ", ".join(_quote(field.column) for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {_quote(model._meta.db_table)} ({columns}) VALUES ({placeholders})"  # noqa: S608 - names from the model
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


def update_by_pk(model, attnames, rows):
    """Set ``attnames`` on rows of ``model``: ``rows`` are ``(pk, value, …)`` tuples, values
    already in database form (ids, numbers, text)."""
    if not rows:
        return
    fields = [model._meta.get_field(name) for name in attnames]
    assignments = ", ".join(f"{_quote(field.column)} = %s" for field in fields)
    pk = _quote(model._meta.pk.column)
    sql = f"UPDATE {_quote(model._meta.db_table)} SET {assignments} WHERE {pk} = %s"  # noqa: S608 - names from the model
    with connection.cursor() as cursor:
        cursor.executemany(sql, [(*values, key) for key, *values in rows])


def ids_by(queryset, key, keys, also=()):
    """``{key value: id}`` of the rows of ``queryset`` whose ``key`` is one of ``keys``; with
    ``also`` (more field names), ``{(key value, *their values): id}``."""
    keys = list(keys)
    found = {}
    for start in range(0, len(keys), CHUNK):
        rows = queryset.filter(**{f"{key}__in": keys[start : start + CHUNK]}).values_list(key, *also, "pk")
        found.update((row[0] if not also else row[:-1], row[-1]) for row in rows)
    return found
