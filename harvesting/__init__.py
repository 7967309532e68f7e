"""Harvesting in: other instances' OAI-PMH archives, copied here as read-only remote records (issue 30).

Why an app of its own and not part of ``oai`` (the provider) or ``products``: a regional or
national instance of the same software aggregates the provinces by harvesting their ``/oai/``.
What it copies is not a communication product of this instance: nobody here produced or
published it, the local audit (target 4's language share) must never count it, and no page
of the portal shows it as its own. So it lives apart: a harvest ``Source`` (an endpoint, its
metadata format and how far it was harvested) and one ``RemoteRecord`` per OAI identifier
(what the source last served, or that it withdrew it). ``manage.py harvest_oai`` keeps them.

harvesting imports no other app of the project. The archive search finds remote records beside
products: ``search`` reads them (search → harvesting) and learns of changes through
``harvesting.signals.remote_records_changed``, as it learns of products' through page signals.
"""
