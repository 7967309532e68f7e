"""Content-Security-Policy (django-csp), the same in every environment (read by base.py)."""

from csp.constants import NONE, SELF

# Scripts, styles and fonts come from this site only: no inline script or style (the
# admin's few inline initialisers are replaced by ops/static/ops/js/admin-csp.js).
# Images and media may be data:/blob: URLs (upload previews); the only framed hosts are
# the social-media players that products.embeds builds.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", "blob:"],
        "media-src": [SELF, "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [
            SELF,
            "https://www.youtube-nocookie.com",
            "https://www.tiktok.com",
            "https://www.facebook.com",
        ],
        "frame-ancestors": [SELF],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
