"""Body text: plain text or simple HTML → the HTML of one rich-text paragraph block.

The output is always in nh3's canonical form, so importing an exported body again
gives the same bytes.
"""

import re
from html import escape

import nh3

ALLOWED_TAGS = {"p", "br", "h2", "h3", "b", "i", "ol", "ul", "li", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}
_RENAME = (
    (re.compile(r"<(/?)strong(\s*)>", re.I), r"<\1b\2>"),
    (re.compile(r"<(/?)em(\s*)>", re.I), r"<\1i\2>"),
)
_LOOKS_LIKE_HTML = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>")


def _clean(html):
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


def body_to_html(value):
    """The sanitised HTML for ``value`` ("" when there is no body)."""
    if value is None:
        return ""
    text = str(value)
    if not text.strip():
        return ""
    if _LOOKS_LIKE_HTML.search(text):
        for pattern, replacement in _RENAME:
            text = pattern.sub(replacement, text)
        return _clean(text)
    paragraphs = re.split(r"\r?\n\s*\r?\n", text.strip("\r\n"))
    html = "".join(
        "<p>" + "<br>".join(escape(line, quote=False) for line in paragraph.splitlines()) + "</p>"
        for paragraph in paragraphs
        if paragraph.strip()
    )
    return _clean(html)
