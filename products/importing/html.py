"""Body text: plain text or simple HTML → the HTML of one rich-text paragraph block.

The output is always in nh3's canonical form, so importing an exported body again
gives the same bytes.

Block elements the body does not keep (``<div>``, ``<section>``, table cells, ``<h1>`` …) are
boundaries between words: the sanitiser alone would drop their tags and glue the text of two
blocks (``<div>nhân</div><div>quyền</div>`` → ``nhânquyền``), so ``keep_block_boundaries`` first
turns them into paragraphs, or into line breaks inside a paragraph or a list item.
"""

import re
from html import escape
from html.parser import HTMLParser

import nh3

ALLOWED_TAGS = {"p", "br", "h2", "h3", "b", "i", "ol", "ul", "li", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}
_RENAME = (
    (re.compile(r"<(/?)strong(\s*)>", re.I), r"<\1b\2>"),
    (re.compile(r"<(/?)em(\s*)>", re.I), r"<\1i\2>"),
)
_LOOKS_LIKE_HTML = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>")
BOUNDARY_TAGS = {
    *("div", "section", "article", "aside", "header", "footer", "main", "nav", "address", "center"),
    *("blockquote", "pre", "figure", "figcaption", "details", "summary", "fieldset", "legend", "form"),
    *("table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th", "dl", "dt", "dd", "hr"),
    *("h1", "h4", "h5", "h6"),
}
_BOUNDARY = re.compile(r"</?(?:" + "|".join(sorted(BOUNDARY_TAGS)) + r")\b")
_KEPT_BLOCKS = {"p", "h2", "h3", "ol", "ul", "li"}


class _Boundaries(HTMLParser):
    """Re-writes sanitised HTML whose boundary tags are its only foreign ones: loose text between
    boundaries becomes a paragraph; inside a kept block a boundary becomes one ``<br>``."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.open, self.loose, self.pending, self.written = [], [], False, False, False

    def boundary(self):
        if self.loose:
            self.out.append("</p>")
            self.loose = False
        self.pending = True

    def content(self, markup):
        if not self.open and not self.loose:
            self.out.append("<p>")
            self.loose, self.written = True, False
        elif self.pending and self.written:
            self.out.append("<br>")
        self.out.append(markup)
        self.pending, self.written = False, True

    def handle_starttag(self, tag, attrs):
        markup = "<" + tag + "".join(f' {name}="{escape(value or "")}"' for name, value in attrs) + ">"
        if tag in BOUNDARY_TAGS:
            self.boundary()
        elif tag in _KEPT_BLOCKS:
            self.boundary()
            self.out.append(markup)
            self.open.append(tag)
            self.pending = self.written = False
        else:
            self.content(markup)

    def handle_endtag(self, tag):
        if tag in BOUNDARY_TAGS:
            self.boundary()
        elif tag in _KEPT_BLOCKS:
            if tag in self.open:
                del self.open[len(self.open) - 1 - self.open[::-1].index(tag) :]
            self.out.append(f"</{tag}>")
            self.pending, self.written = True, bool(self.open)
        elif self.open or self.loose:
            self.out.append(f"</{tag}>")

    def handle_data(self, data):
        if data.strip() or self.loose or self.open:
            self.content(escape(data, quote=False))


def keep_block_boundaries(html, attributes):
    """``html`` with its block elements outside ``ALLOWED_TAGS`` made paragraphs or line breaks
    (see the module's docstring); ``html`` itself when it has none. ``attributes``: those the
    caller's sanitiser keeps."""
    parsed = nh3.clean(
        html,
        tags=ALLOWED_TAGS | BOUNDARY_TAGS,
        attributes=attributes,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )
    if not _BOUNDARY.search(parsed):
        return html
    rewriter = _Boundaries()
    rewriter.feed(parsed)
    rewriter.close()
    rewriter.boundary()
    return "".join(rewriter.out)


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
        return _clean(keep_block_boundaries(text, ALLOWED_ATTRIBUTES))
    paragraphs = re.split(r"\r?\n\s*\r?\n", text.strip("\r\n"))
    html = "".join(
        "<p>" + "<br>".join(escape(line, quote=False) for line in paragraph.splitlines()) + "</p>"
        for paragraph in paragraphs
        if paragraph.strip()
    )
    return _clean(html)
