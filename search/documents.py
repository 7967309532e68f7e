"""Index documents read from the database, the source of truth, a batch at a time.

A product is *indexable* when the public may see it, by the portal's one rule
(``products.visibility``): live, and no Wagtail privacy restriction (password, login,
groups) on it or on any of its ancestors. Everything else leaves the index. Documents are
read with a handful of queries per batch, never a page object at a time: the bulk importer
indexes thousands of products a second through here.

Rich text and StreamField blocks become text with a line break at every block element
and ``<br>``, so no two words are glued together.
"""

import hashlib
import html
import json
import re

from django.db.models import TextField
from django.db.models.functions import Cast
from wagtail import blocks
from wagtail.models import Page, Site

from digitise.reading import page_texts
from products.models import ProductAttachment, ProductPage, ProductPublication
from products.visibility import public_pages

SNIPPET_SOURCE_CHARS = 20_000  # the stored text snippets are cut from
_BLOCK_TAG_RE = re.compile(
    r"<\s*/?\s*(?:p|div|h[1-6]|li|ul|ol|dl|dt|dd|blockquote|pre|table|tr|td|th|section|article"
    r"|figure|figcaption|header|footer|br|hr)\b[^>]*>",
    re.IGNORECASE,
)
_TAG_RE = re.compile(r"<[^>]*>")
FIELDS = (
    "pk",
    "title",
    "slug",
    "path",
    "url_path",
    "last_published_at",
    "language",
    "first_published",
    "external_id",
    "summary",
    "transcript",
    "area__slug",
    "unit__slug",
    "format__slug",
    "body_json",  # the body as stored (JSON text): its texts need no StreamValue
)


def html_to_text(source):
    """Text of rich text: block elements and line breaks become line breaks."""
    return html.unescape(_TAG_RE.sub("", _BLOCK_TAG_RE.sub("\n", source or "")))


def block_texts(block, raw):
    """The searchable texts of a block's raw (JSON) value, without building block values."""
    if isinstance(block, blocks.RichTextBlock):
        return [html_to_text(raw)] if isinstance(raw, str) else []
    if isinstance(block, (blocks.CharBlock, blocks.TextBlock)):
        return [raw] if isinstance(raw, str) and block.search_index else []
    if isinstance(block, blocks.StructBlock):
        raw = raw if isinstance(raw, dict) else {}
        return [t for name, child in block.child_blocks.items() for t in block_texts(child, raw.get(name))]
    if isinstance(block, blocks.StreamBlock):
        return stream_texts(block, raw)
    if isinstance(block, blocks.ListBlock):
        items = raw if isinstance(raw, list) else []
        values = [i["value"] if isinstance(i, dict) and "type" in i and "value" in i else i for i in items]
        return [t for value in values for t in block_texts(block.child_block, value)]
    return []


def stream_texts(stream_block, raw_items):
    texts = []
    for item in raw_items or []:
        child = stream_block.child_blocks.get(item.get("type")) if isinstance(item, dict) else None
        if child is not None:
            texts.extend(block_texts(child, item.get("value")))
    return texts


def version_of(last_published_at, url_path):
    """What makes an index entry current: its publication and its place in the tree."""
    key = f"{last_published_at.isoformat() if last_published_at else ''}|{url_path}".encode()
    return int.from_bytes(hashlib.blake2b(key, digest_size=8).digest(), "big")


def content_of(doc):
    """A hash of everything an index entry is made from (``version`` aside): the repair
    compares it with the entry's, so a change that moved neither the publication date nor the
    page (a title changed by SQL, a register renamed, a file's text extracted) is seen too."""
    fields = {key: value for key, value in doc.items() if key not in ("version", "content")}
    key = json.dumps(fields, sort_keys=True, ensure_ascii=False, default=str).encode()
    return int.from_bytes(hashlib.blake2b(key, digest_size=8).digest(), "big")


def indexable():
    """Products that belong in the index: those the portal lists (``products.visibility``).

    Not Wagtail's ``.public()``: it writes one ``OR`` per restriction, which SQLite refuses
    past 1,000 (and the portal would then list what the search could not index)."""
    return public_pages(ProductPage.objects.all())


def indexable_versions():
    """{page id: version} of every product that belongs in the index."""
    rows = indexable().values_list("pk", "last_published_at", "url_path").iterator(chunk_size=5000)
    return {pk: version_of(published, url_path) for pk, published, url_path in rows}


def _by_page(rows):
    out = {}
    for page_id, value in rows:
        out.setdefault(page_id, []).append(value)
    return out


_section_urls = {}  # (section path, its url_path, the sites' root paths) -> the section's URL


def section_urls(paths):
    """{section path: URL} of the sections of a batch's products (a product's URL is its
    section's and its slug): one query, and each section's URL worked out once per process for
    as long as neither the section's place in the tree nor the sites change."""
    roots = tuple(Site.get_site_root_paths())
    if len(_section_urls) > 10_000:
        _section_urls.clear()
    urls = dict.fromkeys(paths, "")
    for page in Page.objects.filter(path__in=list(urls)):
        key = (page.path, page.url_path, roots)
        if key not in _section_urls:
            _section_urls[key] = page.get_url() or ""
        urls[page.path] = _section_urls[key]
    return urls


def load(page_ids):
    """The index documents of the indexable products among ``page_ids``, by page id."""
    ids = sorted({int(i) for i in page_ids})
    rows = list(
        indexable().filter(pk__in=ids).annotate(body_json=Cast("body", TextField())).values_list(*FIELDS)
    )
    if not rows:
        return {}
    found = [row[0] for row in rows]
    channels = _by_page(
        ProductPublication.objects.filter(page_id__in=found).values_list("page_id", "channel__slug")
    )
    topics = _by_page(
        ProductPage.topics.through.objects.filter(productpage_id__in=found).values_list(
            "productpage_id", "topic__slug"
        )
    )
    attachments = _by_page(
        ProductAttachment.objects.filter(page_id__in=found)
        .exclude(extracted_text="")
        .order_by("page_id", "sort_order")
        .values_list("page_id", "extracted_text")
    )
    scan_pages = page_texts(found)
    stream_block = ProductPage._meta.get_field("body").stream_block
    urls = section_urls({row[FIELDS.index("path")][: -Page.steplen] for row in rows})
    docs = {}
    for row in rows:
        row = dict(zip(FIELDS, row, strict=True))
        pk = row["pk"]
        parts = [
            row["summary"],
            *stream_texts(stream_block, _stream_items(row["body_json"])),
            row["transcript"],
            *attachments.get(pk, []),
        ]
        parts = [p for p in parts if p and p.strip()]
        section_url = urls[row["path"][: -Page.steplen]]
        docs[pk] = _document(
            row,
            parts=parts,
            scan_pages=scan_pages.get(pk, []),
            url=f"{section_url}{row['slug']}/" if section_url else "",
            channels=sorted(set(channels.get(pk, []))),
            topics=sorted(set(topics.get(pk, []))),
        )
    return docs


def _stream_items(stored):
    items = json.loads(stored) if stored else []
    return items if isinstance(items, list) else []


def with_scan_pages(parts, scan_pages):
    """The parts followed by the scan pages' texts, and where each page's text lies in the
    stored text (``"\n".join(parts)``): ``[[scan id, page number, start, end], …]`` for the
    pages that begin inside the first ``SNIPPET_SOURCE_CHARS``, so a snippet can name its page."""
    parts = list(parts)
    offset = sum(len(p) + 1 for p in parts)
    pages = []
    for scan_id, number, text in scan_pages:
        if not text.strip():
            continue
        if offset < SNIPPET_SOURCE_CHARS:
            pages.append([scan_id, number, offset, offset + len(text)])
        parts.append(text)
        offset += len(text) + 1
    return parts, pages


def _document(row, *, parts, url, channels, topics, scan_pages=()):
    published = row["first_published"]
    parts, pages = with_scan_pages(parts, scan_pages)
    doc = {
        "page_id": row["pk"],
        "language": row["language"],
        "area": row["area__slug"] or "",
        "year": published.year if published else None,
        "unit": row["unit__slug"] or "",
        "format": row["format__slug"] or "",
        "channels": channels,
        "topics": topics,
        "first_published": published,
        "title": row["title"],
        "url": url,
        "external_id": row["external_id"] or "",
        "parts": parts,
        "text": "\n".join(parts)[:SNIPPET_SOURCE_CHARS],
        "version": version_of(row["last_published_at"], row["url_path"]),
    }
    if pages:  # only then: a product without scans keeps the entry (and content hash) it had
        doc["pages"] = pages
    doc["content"] = content_of(doc)
    return doc
