"""Archive engines: the embedded Tantivy index (default) and Elasticsearch (when configured)."""

from django.conf import settings


def configured_engine():
    """The Elasticsearch engine when ``ELASTICSEARCH_URL`` is set, else None.

    elasticsearch-dsl is imported only then: it adds some 30 MB to every process that
    loads it, the bulk importer's included, which must stay under 200 MB.
    """
    if not getattr(settings, "ELASTICSEARCH_URL", ""):
        return None
    from search.engines import elastic  # noqa: PLC0415 - see the docstring

    return elastic.configured_engine()
