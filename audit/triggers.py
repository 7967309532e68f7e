"""Database triggers that mark a month stale when any of its products' counted columns change.

The monthly counts (``audit.monthly``) are copies; a copy is only as good as the way it learns
of changes. Signals miss writes that bypass the ORM's ``save()`` (``QuerySet.update``, the bulk
importer's ``executemany``, hand-written SQL, a restore), so the database itself records them:
a row trigger on the product table (insert, delete, and an update that changes a counted
column) and on the publications table (a channel added, removed or changed) appends the
month of the product's ``first_published`` to ``audit_stalemonth``. Appending, never
updating, takes no lock that two writers could wait on.

The triggers are (re)installed after every ``migrate`` (``post_migrate``), not by a
migration: on SQLite, Django rebuilds a table to alter it and the rebuild drops its
triggers. When a trigger had to be created, every month is counted again.
"""

from django.db import connections

from audit.models import CountedMonth, MonthlyCount
from products.models import ProductPage, ProductPublication

# The product columns whose change changes a count (products/audit_flags.INDEX_FIELDS).
COUNTED_FIELDS = ("is_live", "first_published", "unit", "area", "format", "task", "language")
COUNTED_FIELDS += ("channel_mask", "digitised")
PREFIX = "audit_stale_"  # every trigger of this module is named so


def _names():
    q = connections["default"].ops.quote_name
    product, publication = ProductPage._meta, ProductPublication._meta
    return {
        "stale": q("audit_stalemonth"),
        "product": q(product.db_table),
        "pk": q(product.pk.column),
        "published": q(product.get_field("first_published").column),
        "publication": q(publication.db_table),
        "page": q(publication.get_field("page").column),
        "columns": [q(product.get_field(name).column) for name in COUNTED_FIELDS],
        "channel": q(publication.get_field("channel").column),
    }


def sqlite_statements():
    n = _names()
    changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in n["columns"])

    def mark(row):
        return (
            f"INSERT INTO {n['stale']} (month) SELECT substr({row}.{n['published']}, 1, 7) "
            f"WHERE {row}.{n['published']} IS NOT NULL;"
        )

    def mark_page(row):
        return (
            f"INSERT INTO {n['stale']} (month) SELECT substr({n['published']}, 1, 7) FROM {n['product']} "
            f"WHERE {n['pk']} = {row}.{n['page']} AND {n['published']} IS NOT NULL;"
        )

    return [
        f"CREATE TRIGGER IF NOT EXISTS audit_stale_product_ins AFTER INSERT ON {n['product']} "
        f"BEGIN {mark('NEW')} END",
        f"CREATE TRIGGER IF NOT EXISTS audit_stale_product_upd AFTER UPDATE ON {n['product']} "
        f"WHEN {changed} BEGIN {mark('OLD')} {mark('NEW')} END",
        f"CREATE TRIGGER IF NOT EXISTS audit_stale_product_del AFTER DELETE ON {n['product']} "
        f"BEGIN {mark('OLD')} END",
        f"CREATE TRIGGER IF NOT EXISTS audit_stale_publication_ins AFTER INSERT ON {n['publication']} "
        f"BEGIN {mark_page('NEW')} END",
        f"CREATE TRIGGER IF NOT EXISTS audit_stale_publication_upd AFTER UPDATE ON {n['publication']} "
        f"WHEN OLD.{n['channel']} IS NOT NEW.{n['channel']} OR OLD.{n['page']} IS NOT NEW.{n['page']} "
        f"BEGIN {mark_page('OLD')} {mark_page('NEW')} END",
        f"CREATE TRIGGER IF NOT EXISTS audit_stale_publication_del AFTER DELETE ON {n['publication']} "
        f"BEGIN {mark_page('OLD')} END",
    ]


def postgresql_statements():
    n = _names()
    changed = " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in n["columns"])
    month = f"to_char(%s.{n['published']}, 'YYYY-MM')"
    by_page = (
        f"INSERT INTO {n['stale']} (month) SELECT to_char({n['published']}, 'YYYY-MM') FROM {n['product']} "
        f"WHERE {n['pk']} = %s.{n['page']} AND {n['published']} IS NOT NULL;"
    )
    return [
        f"""CREATE OR REPLACE FUNCTION audit_mark_product_month() RETURNS trigger AS $$
        BEGIN
          IF TG_OP <> 'INSERT' AND OLD.{n["published"]} IS NOT NULL THEN
            INSERT INTO {n["stale"]} (month) VALUES ({month % "OLD"});
          END IF;
          IF TG_OP <> 'DELETE' AND NEW.{n["published"]} IS NOT NULL THEN
            INSERT INTO {n["stale"]} (month) VALUES ({month % "NEW"});
          END IF;
          RETURN NULL;
        END $$ LANGUAGE plpgsql""",
        f"""CREATE OR REPLACE FUNCTION audit_mark_publication_month() RETURNS trigger AS $$
        BEGIN
          IF TG_OP <> 'INSERT' THEN {by_page % "OLD"} END IF;
          IF TG_OP <> 'DELETE' THEN {by_page % "NEW"} END IF;
          RETURN NULL;
        END $$ LANGUAGE plpgsql""",
        f"CREATE OR REPLACE TRIGGER audit_stale_product_ins AFTER INSERT OR DELETE ON {n['product']} "
        "FOR EACH ROW EXECUTE FUNCTION audit_mark_product_month()",
        f"CREATE OR REPLACE TRIGGER audit_stale_product_upd AFTER UPDATE ON {n['product']} "
        f"FOR EACH ROW WHEN ({changed}) EXECUTE FUNCTION audit_mark_product_month()",
        f"CREATE OR REPLACE TRIGGER audit_stale_publication AFTER INSERT OR DELETE OR UPDATE OF "
        f"{n['channel']}, {n['page']} ON {n['publication']} "
        "FOR EACH ROW EXECUTE FUNCTION audit_mark_publication_month()",
    ]


def statements(connection):
    return postgresql_statements() if connection.vendor == "postgresql" else sqlite_statements()


def installed(connection):
    """How many of this module's triggers the database has."""
    if connection.vendor == "postgresql":
        sql = "SELECT COUNT(*) FROM pg_trigger WHERE NOT tgisinternal AND tgname LIKE %s ESCAPE '\\'"
    else:
        sql = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s ESCAPE '\\'"
    with connection.cursor() as cursor:
        cursor.execute(sql, [PREFIX.replace("_", "\\_") + "%"])
        return cursor.fetchone()[0]


def expected(connection):
    """How many triggers ``statements`` creates (on PostgreSQL, some create the functions they call)."""
    kinds = ("CREATE TRIGGER", "CREATE OR REPLACE TRIGGER")
    return sum(statement.startswith(kinds) for statement in statements(connection))


def install(using="default"):
    """Create the triggers that are missing; when any was, forget every monthly count."""
    connection = connections[using]
    if connection.vendor not in ("sqlite", "postgresql"):
        return False
    if installed(connection) == expected(connection):
        return False
    with connection.cursor() as cursor:
        for statement in statements(connection):
            cursor.execute(statement)
    CountedMonth.objects.using(using).all().delete()
    MonthlyCount.objects.using(using).all().delete()
    return True
