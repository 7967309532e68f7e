"""The generated archive of the audit benchmark (bench/audit_bench.py): N products cloned from one
real product with set-based SQL, and their plan-count copies filled in one UPDATE."""

import datetime
import os
import time


def _language_case():
    """Languages spread like the archive's: mostly Vietnamese, then ethnic and foreign ones."""
    languages = ["vi"] * 36 + [
        "bdq",
        "sed",
        "jra",
        "jeh",
        "tdf",
        "brb",
        "rmx",
        "en",
        "fr",
        "zh-hans",
        "lo",
        "km",
    ]
    return (
        "CASE "
        + " ".join(f"WHEN s % {len(languages)} = {i} THEN '{c}'" for i, c in enumerate(languages))
        + " END"
    )


def _register_ids(cur):
    """Ids of the units, areas, formats and channels that seed_reference wrote."""
    ids = []
    for table in ("products_unit", "products_contentarea", "products_format", "products_channel"):
        cur.execute(f"SELECT id FROM {table} ORDER BY id")  # noqa: S608 - fixed table names
        ids.append([row[0] for row in cur.fetchall()])
    return ids


def pick(values, expr):
    """SQL choosing one of ``values`` by ``expr`` modulo their count."""
    return (
        "CASE "
        + " ".join(f"WHEN {expr} % {len(values)} = {i} THEN {v}" for i, v in enumerate(values))
        + " END"
    )


def _page_copy_sql(template, pg):
    """SQL numbering 1..n and the page columns copied from ``template`` with per-row values."""
    series = (
        "SELECT generate_series(1, %s) AS s"
        if pg
        else "WITH RECURSIVE g(s) AS (SELECT 1 UNION ALL SELECT s + 1 FROM g WHERE s < %s) SELECT s FROM g"
    )
    uuid = "gen_random_uuid()" if pg else "lower(hex(randomblob(16)))"
    pad = "lpad(s::text, 10, '0')" if pg else "printf('%%010d', s)"
    page_cols = [f.column for f in template._meta.get_parent_list()[0]._meta.local_fields if f.column != "id"]
    override = {
        "path": f"'Z' || {pad}",
        "slug": f"'p' || {pad}",
        "url_path": f"'/bench/p' || {pad} || '/'",
        "title": f"'Sản phẩm ' || {pad}",
        "draft_title": f"'Sản phẩm ' || {pad}",
        "translation_key": uuid,
        "latest_revision_id": "NULL",
        "live_revision_id": "NULL",
    }
    select_cols = ", ".join(override.get(c, f"t.{c}") for c in page_cols)
    return series, page_cols, select_cols


def build(n):

    from django.core.management import call_command
    from django.db import connection

    from tests.factories import make_product

    call_command("migrate", verbosity=0)
    call_command("seed_reference", stdout=open(os.devnull, "w"))  # noqa: SIM115
    call_command("seed_monitoring", stdout=open(os.devnull, "w"))  # noqa: SIM115
    template = make_product(title="template", publications=[("print", datetime.date(2023, 1, 1))])
    pg = connection.vendor == "postgresql"
    series, page_cols, select_cols = _page_copy_sql(template, pg)
    lang_case = _language_case()
    date_expr = "DATE '2023-01-01' + (s % 2190)" if pg else "date('2023-01-01', '+' || (s % 2190) || ' days')"
    with connection.cursor() as cur:
        units, areas, formats, channels = _register_ids(cur)

        started = time.perf_counter()
        cur.execute(
            f"INSERT INTO wagtailcore_page ({', '.join(page_cols)}) "
            f"SELECT {select_cols} FROM wagtailcore_page t, ({series}) g WHERE t.id = %s",
            [n, template.pk],
        )
        cur.execute("SELECT id FROM wagtailcore_page WHERE path LIKE 'Z%%' ORDER BY id LIMIT 1")
        first = cur.fetchone()[0]
        product = f"(SELECT id, id - {first} + 1 AS s FROM wagtailcore_page WHERE path LIKE 'Z%%')"
        cur.execute(
            "INSERT INTO products_productpage (page_ptr_id, summary, body, transcript, area_id, format_id, "
            "unit_id, language, first_published, is_live, channel_mask, digitised) "
            f"SELECT id, '', '[]', CASE WHEN s % 4 = 0 THEN 'x' ELSE '' END, {pick(areas, 's')}, "
            f"{pick(formats, '(s / 7)')}, {pick(units, '(s / 3)')}, {lang_case}, {date_expr}, "
            f"{'FALSE' if pg else '0'}, 0, {'FALSE' if pg else '0'} FROM {product} p"
        )
        cur.execute(
            "INSERT INTO products_productpublication (page_id, sort_order, channel_id, date, url, reference) "
            f"SELECT id, 0, {pick(channels, '(s * 7)')}, {date_expr}, '', '' FROM {product} p"
        )
        cur.execute(
            "INSERT INTO products_productpublication (page_id, sort_order, channel_id, date, url, reference) "
            f"SELECT id, 1, {pick(channels, '(s * 11 + 3)')}, {date_expr}, '', '' "
            f"FROM {product} p WHERE s % 3 = 0"
        )
        cur.execute(_fill_copies_sql(pg))
        # PostgreSQL: VACUUM sets the visibility map, so the counts can be index-only scans,
        # as they are on a database that autovacuum has visited.
        cur.execute("VACUUM ANALYZE" if pg else "ANALYZE")
    print(f"generated {n:,} products in {time.perf_counter() - started:.1f} s")


def _fill_copies_sql(pg):
    """The plan-count copies (products/plan_counts.py) for the generated rows, in one UPDATE."""
    shift = "(CAST(1 AS BIGINT) << CAST(pub.channel_id AS INTEGER))" if pg else "(1 << pub.channel_id)"
    return (
        "UPDATE products_productpage SET "
        "is_live = (SELECT live FROM wagtailcore_page WHERE id = page_ptr_id), "
        f"channel_mask = COALESCE((SELECT SUM(DISTINCT {shift}) FROM products_productpublication pub "
        "WHERE pub.page_id = page_ptr_id), 0), digitised = (transcript <> '' OR body <> '[]')"
    )
