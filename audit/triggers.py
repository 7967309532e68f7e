"""Database triggers that mark a month stale when any of its products' counted columns change.

The monthly counts (``audit.monthly``) are copies; a copy is only as good as the way it learns
of changes. Signals miss writes that bypass the ORM's ``save()`` (``QuerySet.update``, the bulk
importer's ``executemany``, hand-written SQL, a restore), so the database itself records them:
a row trigger on the product table (insert, delete, and an update that changes a counted
column: ``products.plan_counts.INDEX_FIELDS``, the columns the counts read) and on the
publications table (a channel added, removed or moved) appends the month of the product's
``first_published`` to ``audit_stalemonth``. Appending, never updating, takes no lock that two
writers could wait on.

This module is their one definition; the database gets them from it in three ways:

- migration ``audit.0003_stale_month_triggers`` creates them, and its reverse drops them, so
  ``migrate audit 0002`` (or earlier) leaves a database whose products can be written;
- a ``migrate`` run with work to do drops them first (``pre_migrate``) and creates them again at
  its end (``post_migrate``) when that migration is applied: on SQLite, Django alters a table by
  rebuilding it, the rebuild drops the table's own triggers and fails on any other trigger that
  names it. Writes made while they were away are not seen, so every month kept or holding
  products is marked stale and counted again before it is read. (The migration itself, run
  inside such a run, leaves the creating to ``post_migrate``.)
- ``migrate`` with nothing to do puts them back if they differ from the code's (dropped,
  disabled or rewritten by hand, or a run that failed half-way).

``manage.py check --database default`` (``audit.checks``, id ``audit.E001``) reports any
difference between the triggers in the database and this module's.
"""

from django.db import connections, transaction
from django.db.migrations.recorder import MigrationRecorder

from audit.models import CountedMonth, StaleMonth
from products.models import ProductPage, ProductPublication
from products.plan_counts import INDEX_FIELDS

PREFIX = "audit_stale_"  # every trigger of this module is named so
OWNER = ("audit", "0003_stale_month_triggers")  # the migration that creates them
VENDORS = ("sqlite", "postgresql")
# PostgreSQL: trigger -> (the model whose table it is on, the function it runs)
PG_TRIGGERS = {
    "audit_stale_product": (ProductPage, "audit_mark_product_month"),
    "audit_stale_publication": (ProductPublication, "audit_mark_publication_month"),
}
ROW_AFTER_INSERT_DELETE_UPDATE = 1 | 4 | 8 | 16  # pg_trigger.tgtype: FOR EACH ROW, the three events
_migrating = set()  # aliases in a migrate run that dropped the triggers (before_migrate)


def _names(connection):
    q = connection.ops.quote_name
    product, publication, stale = ProductPage._meta, ProductPublication._meta, StaleMonth._meta
    published = q(product.get_field("first_published").column)
    if connection.vendor == "postgresql":
        month = f"to_char({{row}}{published}, 'YYYY-MM')"
    else:
        month = f"substr({{row}}{published}, 1, 7)"
    return {
        "stale": f"{q(stale.db_table)} ({q(stale.get_field('month').column)})",
        "product": q(product.db_table),
        "pk": q(product.pk.column),
        "published": published,
        "month": month,  # .format(row="OLD.") or row=""
        "publication": q(publication.db_table),
        "page": q(publication.get_field("page").column),
        "columns": [q(product.get_field(name).column) for name in INDEX_FIELDS],
        "channel": q(publication.get_field("channel").column),
    }


def sqlite_triggers(connection):
    """{name: CREATE TRIGGER statement}, as SQLite keeps it in ``sqlite_master.sql``."""
    n = _names(connection)
    changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in n["columns"])

    def mark(row):
        return (
            f"INSERT INTO {n['stale']} SELECT {n['month'].format(row=row + '.')} "
            f"WHERE {row}.{n['published']} IS NOT NULL;"
        )

    def mark_page(row):
        return (
            f"INSERT INTO {n['stale']} SELECT {n['month'].format(row='')} FROM {n['product']} "
            f"WHERE {n['pk']} = {row}.{n['page']} AND {n['published']} IS NOT NULL;"
        )

    moved = f"OLD.{n['channel']} IS NOT NEW.{n['channel']} OR OLD.{n['page']} IS NOT NEW.{n['page']}"
    on_product, on_publication = f"ON {n['product']}", f"ON {n['publication']}"
    bodies = {
        "product_ins": f"AFTER INSERT {on_product} BEGIN {mark('NEW')} END",
        "product_upd": f"AFTER UPDATE {on_product} WHEN {changed} BEGIN {mark('OLD')} {mark('NEW')} END",
        "product_del": f"AFTER DELETE {on_product} BEGIN {mark('OLD')} END",
        "publication_ins": f"AFTER INSERT {on_publication} BEGIN {mark_page('NEW')} END",
        "publication_upd": f"AFTER UPDATE {on_publication} WHEN {moved} "
        f"BEGIN {mark_page('OLD')} {mark_page('NEW')} END",
        "publication_del": f"AFTER DELETE {on_publication} BEGIN {mark_page('OLD')} END",
    }
    return {PREFIX + key: f"CREATE TRIGGER {PREFIX}{key} {body}" for key, body in bodies.items()}


def postgresql_functions(connection):
    """{function name: its PL/pgSQL body}; an update that changes nothing counted returns early."""
    n = _names(connection)
    changed = " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in n["columns"])
    moved = " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in (n["channel"], n["page"]))

    def mark(row):
        return f"INSERT INTO {n['stale']} VALUES ({n['month'].format(row=row + '.')});"

    def mark_page(row):
        return (
            f"INSERT INTO {n['stale']} SELECT {n['month'].format(row='')} FROM {n['product']} "
            f"WHERE {n['pk']} = {row}.{n['page']} AND {n['published']} IS NOT NULL;"
        )

    def body(unchanged, old, new):
        return f"""
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NOT ({unchanged}) THEN RETURN NULL; END IF;
  END IF;
  IF TG_OP <> 'INSERT' THEN {old} END IF;
  IF TG_OP <> 'DELETE' THEN {new} END IF;
  RETURN NULL;
END
"""

    product_old = f"IF OLD.{n['published']} IS NOT NULL THEN {mark('OLD')} END IF;"
    product_new = f"IF NEW.{n['published']} IS NOT NULL THEN {mark('NEW')} END IF;"
    return {
        "audit_mark_product_month": body(changed, product_old, product_new),
        "audit_mark_publication_month": body(moved, mark_page("OLD"), mark_page("NEW")),
    }


def statements(connection):
    """The statements that create this module's triggers (and, on PostgreSQL, their functions)."""
    if connection.vendor == "sqlite":
        return list(sqlite_triggers(connection).values())
    q = connection.ops.quote_name
    functions = [
        f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger AS $${body}$$ LANGUAGE plpgsql"
        for name, body in postgresql_functions(connection).items()
    ]
    return functions + [
        f"CREATE TRIGGER {name} AFTER INSERT OR DELETE OR UPDATE ON {q(model._meta.db_table)} "
        f"FOR EACH ROW EXECUTE FUNCTION {function}()"
        for name, (model, function) in PG_TRIGGERS.items()
    ]


# --- what the database has ------------------------------------------------------------------


def _installed(connection):
    """{trigger name: its definition as the database keeps it} for every trigger named with PREFIX."""
    like = PREFIX.replace("_", "\\_") + "%"
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT t.tgname, c.relname, p.proname, t.tgtype, t.tgenabled, t.tgqual IS NULL, "
                "t.tgattr::text FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                "JOIN pg_proc p ON p.oid = t.tgfoid "
                "WHERE NOT t.tgisinternal AND t.tgname LIKE %s AND pg_table_is_visible(c.oid)",
                [like],
            )
            return {row[0]: tuple(row[1:]) for row in cursor.fetchall()}
        cursor.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s ESCAPE '\\'", [like]
        )
        return {name: " ".join(sql.split()) for name, sql in cursor.fetchall()}


def _installed_functions(connection):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT proname, prosrc FROM pg_proc WHERE proname = ANY(%s) AND pg_function_is_visible(oid)",
            [list(postgresql_functions(connection))],
        )
        return {name: " ".join(source.split()) for name, source in cursor.fetchall()}


def _expected(connection):
    if connection.vendor == "sqlite":
        return {name: " ".join(sql.split()) for name, sql in sqlite_triggers(connection).items()}
    return {
        name: (model._meta.db_table, function, ROW_AFTER_INSERT_DELETE_UPDATE, "O", True, "")
        for name, (model, function) in PG_TRIGGERS.items()
    }


def drift(connection):
    """How the database's triggers differ from this module's: a list of sentences, empty if they agree."""
    installed, expected = _installed(connection), _expected(connection)
    problems = [f"trigger {name} is missing" for name in sorted(set(expected) - set(installed))]
    problems += [
        f"trigger {name} is not defined by the code" for name in sorted(set(installed) - set(expected))
    ]
    problems += [
        f"trigger {name} differs from the code's definition"
        for name in sorted(set(installed) & set(expected))
        if installed[name] != expected[name]
    ]
    if connection.vendor == "postgresql":
        functions = _installed_functions(connection)
        for name, body in sorted(postgresql_functions(connection).items()):
            if name not in functions:
                problems.append(f"function {name} is missing")
            elif functions[name] != " ".join(body.split()):
                problems.append(f"function {name} differs from the code's definition")
    return problems


def owner_applied(connection):
    """Whether the migration that creates the triggers is applied (so the database should have them)."""
    recorder = MigrationRecorder(connection)
    return recorder.has_table() and OWNER in recorder.applied_migrations()


# --- creating and dropping ------------------------------------------------------------------


def drop(connection):
    """Drop every trigger named with PREFIX (whatever version of this module made it)."""
    q = connection.ops.quote_name
    with connection.cursor() as cursor:
        for name, definition in _installed(connection).items():
            if connection.vendor == "postgresql":
                cursor.execute(f"DROP TRIGGER {q(name)} ON {q(definition[0])}")
            else:
                cursor.execute(f"DROP TRIGGER {q(name)}")
        if connection.vendor == "postgresql":
            for name in postgresql_functions(connection):
                cursor.execute(f"DROP FUNCTION IF EXISTS {name}()")


def mark_every_month(connection):
    """Mark stale every month kept or holding products: writes made while the triggers were away count."""
    n = _names(connection)
    counted, q = CountedMonth._meta, connection.ops.quote_name
    month = q(counted.get_field("month").column)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {n['stale']} SELECT {month} FROM {q(counted.db_table)} "
            f"UNION SELECT {n['month'].format(row='')} FROM {n['product']} WHERE {n['published']} IS NOT NULL"
        )


def install(connection):
    """Replace whatever triggers the database has by this module's, and mark every month stale."""
    with transaction.atomic(using=connection.alias):
        drop(connection)
        with connection.cursor() as cursor:
            for statement in statements(connection):
                cursor.execute(statement)
        mark_every_month(connection)


# --- the migration and the migrate run ------------------------------------------------------


def forwards(apps, schema_editor):
    """Migration 0003: create them, unless ``migrate`` will at the end of its run (after_migrate)."""
    connection = schema_editor.connection
    if connection.vendor in VENDORS and connection.alias not in _migrating:
        install(connection)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor in VENDORS:
        drop(schema_editor.connection)


def before_migrate(using, plan):
    """``pre_migrate``: a run with migrations to apply or unapply works without the triggers."""
    connection = connections[using]
    if plan and connection.vendor in VENDORS:
        drop(connection)
        _migrating.add(using)


def after_migrate(using):
    """``post_migrate``: the triggers back when their migration is applied and they were dropped
    for the run or differ from the code's. Returns whether they were (re)created."""
    connection = connections[using]
    dropped = using in _migrating
    _migrating.discard(using)
    if connection.vendor not in VENDORS or not owner_applied(connection):
        return False
    if not dropped and not drift(connection):
        return False
    install(connection)
    return True
