"""The Content-Security-Policy of cms/settings/base.py, with one admin exception.

In the admin, Draftail (Wagtail's rich-text editor) adds ``<style>`` elements from its
JavaScript for placeholders and list numbering, with content that varies per block, so
neither hashes nor nonces can name them: ``style-src`` gains ``'unsafe-inline'`` under
``/admin/`` only. Scripts stay ``'self'`` everywhere (see ops.csp); the portal has no
exception at all.
"""

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware

ADMIN_PREFIX = "/admin/"


class SiteCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path_info.startswith(ADMIN_PREFIX):
            parts.replace = {**(parts.replace or {}), "style-src": [SELF, UNSAFE_INLINE]}
        return parts
