"""The archive index: one row per live product, kept by ``search.indexing``.

``ArchiveEntry`` holds what a result shows and the facet values; the full-text side
lives beside it in a table of the database's own engine: an FTS5 virtual table
``search_archive_fts`` on SQLite (rowid = page id; migration 0002), a table
``search_archive_tsv`` (page id, tsvector, GIN index; migration 0004) on PostgreSQL.
Both hold only prepared text (``search.text``); the pages themselves are never altered.
"""

from django.db import models


class ArchiveEntry(models.Model):
    page_id = models.IntegerField(primary_key=True)
    language = models.CharField(max_length=10, db_index=True)
    area = models.CharField(max_length=40, blank=True)
    year = models.IntegerField(null=True)
    unit = models.CharField(max_length=40, blank=True)
    format = models.CharField(max_length=40, blank=True)
    channels = models.TextField(blank=True)  # space-separated slugs
    topics = models.TextField(blank=True)  # space-separated slugs
    first_published = models.DateField(null=True)
    title = models.TextField()
    url = models.TextField(blank=True)
    external_id = models.CharField(max_length=100, blank=True)
    text = models.TextField(blank=True)  # stored text (not folded), for snippets

    class Meta:
        verbose_name = "archive entry"

    def __str__(self):
        return self.title


class ArchiveGeneration(models.Model):
    """A token that changes with every write to the archive index.

    Search processes keep the facet values of the whole archive in memory
    (``search.engines.facet_table``) and reload them when this token differs from the one
    they loaded with. A random token, not a counter: a rolled-back write must never leave
    a number that a later write could reuse.
    """

    token = models.CharField(max_length=32)

    class Meta:
        verbose_name = "archive index generation"

    def __str__(self):
        return self.token
