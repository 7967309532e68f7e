"""OAI-PMH 2.0: the archive as a harvesting protocol serves it (issue 30, plan task 5.1).

Why an app of its own and not part of ``products``' API: a harvester keeps its own copy and
asks only "what changed since my last visit", so the provider must remember what the public
*used to* see. A product unpublished, deleted or restricted is gone from products' tables
(or from the public), yet a harvester that copied it must learn of the withdrawal: the
protocol's persistent deleted records. ``oai.Record`` is that memory, one row per product
ever public (identifier, datestamp, deleted, set specs, and a digest of what was served),
kept by receivers of products' and Wagtail's signals and by ``manage.py oai_sync`` (the
reconcile every start runs, which also covers bulk writes no signal saw). Resumption tokens
are signed and hold their own position, so they survive a restart and any number of servers.
The metadata is rendered from the live product at request time. oai imports products; products
knows nothing of it.
"""
