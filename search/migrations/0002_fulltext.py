"""The full-text side of the archive index, in each database's own engine.

SQLite: an FTS5 table over prepared words (the ``ascii`` tokenizer splits on the
spaces ``search.text`` puts between words and keeps every non-ASCII letter and mark);
``chars`` holds the grapheme stream of Chinese, Lao and Khmer text, ``tags`` the filter words.
PostgreSQL: a ``tsvector`` column built from the same words (no parser, no
dictionary, no extension) with a GIN index.
"""

from django.db import migrations

SQLITE_UP = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_archive_fts USING fts5("
    "title, body, chars, tags, tokenize = \"ascii tokenchars '_'\")",
    # Facet values, language and date per rowid in a small table of their own: grouping the
    # hits reads these short rows, never the FTS content rows with whole bodies in them.
    "CREATE TABLE IF NOT EXISTS search_archive_meta ("
    "id INTEGER PRIMARY KEY, facets TEXT NOT NULL, lang TEXT NOT NULL, date TEXT NOT NULL)",
]
SQLITE_DOWN = ["DROP TABLE IF EXISTS search_archive_fts", "DROP TABLE IF EXISTS search_archive_meta"]
PG_UP = [
    "ALTER TABLE search_archiveentry ADD COLUMN tsv tsvector",
    "CREATE INDEX search_archiveentry_tsv ON search_archiveentry USING gin (tsv)",
]
PG_DOWN = ["DROP INDEX IF EXISTS search_archiveentry_tsv", "ALTER TABLE search_archiveentry DROP COLUMN tsv"]


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for sql in SQLITE_UP:
            schema_editor.execute(sql)
    elif vendor == "postgresql":
        for sql in PG_UP:
            schema_editor.execute(sql)


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for sql in SQLITE_DOWN:
            schema_editor.execute(sql)
    elif vendor == "postgresql":
        for sql in PG_DOWN:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
