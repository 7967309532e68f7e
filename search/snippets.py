"""Highlighted snippets cut from the stored text (never from the folded index text).

A word of the stored text is highlighted when its prepared form is a query word; runs of
Chinese, Lao and Khmer are searched for the query's words directly (they are not folded).
"""

import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import mark_safe

from search.text import CHARS, prepare

_WORD_RE = re.compile(r"(?:[^\W_]|[\u0300-\u036f'\u2019\u2018\u02bc])+")
WINDOW = 220


def _spans(text, groups):
    latin = set()
    other = set()
    for kind, words in groups:
        if kind == CHARS:
            other.add("".join(words))
        else:
            latin.update(words)
    spans = []
    if latin:
        for m in _WORD_RE.finditer(text):
            if prepare(m.group()).replace("'", "") in latin:
                spans.append((m.start(), m.end()))
    for word in other:
        for m in re.finditer(re.escape(word), text):
            spans.append((m.start(), m.end()))
    spans.sort()
    merged = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlight(text, groups, window=WINDOW):
    """An HTML-safe excerpt of ``text`` around the first match, matches in ``<mark>``."""
    text = unicodedata.normalize("NFC", text or "")
    text = re.sub(r"\s+", " ", text).strip()
    spans = _spans(text, groups) if groups else []
    if spans:
        first = spans[0][0]
        start = max(0, first - window // 3)
        if start:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < first else start
    else:
        start = 0
    end = min(len(text), start + window)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start + window // 2 else end
    out = ["…" if start else ""]
    pos = start
    for s, e in spans:
        if e <= start or s >= end:
            continue
        s, e = max(s, start), min(e, end)
        out.append(escape(text[pos:s]))
        out.append(f"<mark>{escape(text[s:e])}</mark>")
        pos = e
    out.append(escape(text[pos:end]))
    if end < len(text):
        out.append("…")
    return mark_safe("".join(out))  # noqa: S308 - every piece of text is escaped above
