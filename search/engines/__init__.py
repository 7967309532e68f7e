"""Archive engines: the embedded one (default) and Elasticsearch (when configured)."""
