"""The archive index moves to Tantivy on disk (search.store): the database's full-text
tables, the archive entries and the generation token go; the write queue comes.

Run ``manage.py rebuild_archive_index`` once after migrating: the new index starts empty.
Going back recreates empty tables (rebuild again there).
"""

from django.db import migrations, models

SQLITE_DROP = ["DROP TABLE IF EXISTS search_archive_vocab", "DROP TABLE IF EXISTS search_archive_fts"]
SQLITE_CREATE = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_archive_fts USING fts5("
    "title, body, chars, tags, tokenize = \"ascii tokenchars '_'\")",
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_archive_vocab USING fts5vocab(search_archive_fts, 'col')",
]
PG_DROP = ["DROP TABLE IF EXISTS search_archive_tsv"]
PG_CREATE = [
    "CREATE TABLE search_archive_tsv (page_id integer PRIMARY KEY, tsv tsvector NOT NULL) "
    "WITH (toast_tuple_target = 8160)",
    "ALTER TABLE search_archive_tsv ALTER COLUMN tsv SET STORAGE MAIN",
    "CREATE INDEX search_archive_tsv_gin ON search_archive_tsv USING gin (tsv)",
]


def run(sqlite, postgres):
    def apply(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        for sql in sqlite if vendor == "sqlite" else postgres if vendor == "postgresql" else []:
            schema_editor.execute(sql)

    return apply


class Migration(migrations.Migration):

    dependencies = [("search", "0005_sqlite_vocabulary")]

    operations = [
        migrations.RunPython(run(SQLITE_DROP, PG_DROP), run(SQLITE_CREATE, PG_CREATE)),
        migrations.DeleteModel(name="ArchiveEntry"),
        migrations.DeleteModel(name="ArchiveGeneration"),
        migrations.CreateModel(
            name="PendingIndexWrite",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("page_id", models.IntegerField()),
                ("queued_at", models.DateTimeField(auto_now_add=True, db_index=True)),
            ],
            options={"verbose_name": "pending archive index write"},
        ),
    ]
