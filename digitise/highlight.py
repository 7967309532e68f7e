"""Which words of a scan page a reader's query names: boxes over the image, marks in the text.

Matching ignores case, marks and apostrophes, and reads Vietnamese đ as d, as the archive
search does (digitise does not import search: the arrow runs the other way, so this is a
small fold of its own, enough to find on the page the words the search found).
"""

import re
import unicodedata
from html import escape

from django.utils.safestring import mark_safe

_MARKS_RE = re.compile("[\u0300-\u036f]")
_APOSTROPHES_RE = re.compile("['\u2019\u2018\u02bc\u02bb\ua78b\ua78c\uff07]")
_WORD_RE = re.compile(r"[\w'\u2019\u2018\u02bc\u0300-\u036f]+")


def fold(word):
    """``Quyền`` → ``quyen``; ``Đăk`` → ``dak``; ``’Bok`` → ``bok``."""
    decomposed = unicodedata.normalize("NFD", word.casefold().replace("đ", "d"))
    return _APOSTROPHES_RE.sub("", _MARKS_RE.sub("", decomposed))


def query_words(q):
    """The folded words of a query (quotes and operators aside)."""
    return {fold(w) for w in _WORD_RE.findall(q or "") if fold(w)}


def _percent(value, whole):
    return f"{100 * value / whole:.3f}%" if whole else "0%"


def boxes(page, q):
    """The query's words on ``page`` as boxes in percentages of the page image (so they scale
    with it at any width): ``[{"left", "top", "width", "height", "word"}, …]``."""
    wanted = query_words(q)
    if not wanted or not page.width or not page.height:
        return []
    out = []
    for x0, y0, x1, y1, word in page.words or []:
        if any(fold(piece) in wanted for piece in _WORD_RE.findall(word)):
            out.append(
                {
                    "left": _percent(x0, page.width),
                    "top": _percent(y0, page.height),
                    "width": _percent(x1 - x0, page.width),
                    "height": _percent(y1 - y0, page.height),
                    "word": word,
                }
            )
    return out


def marked_text(text, q):
    """The page text, HTML-escaped, the query's words in ``<mark>``."""
    wanted = query_words(q)
    if not wanted:
        return escape(text or "")
    out, pos = [], 0
    for match in _WORD_RE.finditer(text or ""):
        if fold(match.group()) in wanted:
            out.append(escape(text[pos : match.start()]))
            out.append(f"<mark>{escape(match.group())}</mark>")
            pos = match.end()
    out.append(escape((text or "")[pos:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece of text is escaped above


def matches(text, q):
    """Does ``text`` hold one of the query's words?"""
    wanted = query_words(q)
    return bool(wanted) and any(fold(w) in wanted for w in _WORD_RE.findall(text or ""))
