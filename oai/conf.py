"""The provider's four knobs: a Django setting of that name wins, else the environment variable
(docs/deploy.md, "For the national database: harvesting"), else the default."""

import os

from django.conf import settings

DEFAULTS = {
    "OAI_REPOSITORY_IDENTIFIER": "",  # empty: the public address's host name
    "OAI_ADMIN_EMAIL": "",  # empty: DEFAULT_FROM_EMAIL
    "OAI_PAGE_SIZE": "250",
    "OAI_RESUMPTION_TOKEN_SECONDS": str(24 * 3600),
}


def get(name):
    value = getattr(settings, name, None)
    if value is None:
        value = os.environ.get(name, DEFAULTS[name])
    return value
