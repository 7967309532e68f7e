"""SQLite: an fts5vocab table over the archive's FTS5 table.

Its per-column document counts tell the engine when bm25 would score every hit alike
(``SqliteEngine.scores_all_equal``). PostgreSQL is unchanged.
"""

from django.db import migrations


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS search_archive_vocab "
            "USING fts5vocab(search_archive_fts, 'col')"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS search_archive_vocab")


class Migration(migrations.Migration):
    dependencies = [("search", "0004_postgres_vector_table")]
    operations = [migrations.RunPython(create, drop)]
