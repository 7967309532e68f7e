"""Highlighted snippets cut from the stored text (never from the folded index text).

The stored text is not prepared again: each query word becomes one regular expression
that matches its written forms directly (every letter as the class of the characters
that fold to it, marks, apostrophes and ignorable characters allowed between letters),
compiled once per search and run over the text in C. Runs of Chinese, Lao and Khmer are
found as they are (they are not folded).
"""

import re
import unicodedata
from html import escape

from django.utils.safestring import mark_safe

from search.text import APOSTROPHES, CHARS, WORD_CLASS, prepare

WINDOW = 220
_SPACES_RE = re.compile(r"\s+")
# Between two letters of a word: combining marks, apostrophes, zero-width characters.
_BETWEEN = "[\u0300-\u036f\u00ad\u200b-\u200f\u2060\ufeff" + re.escape(APOSTROPHES) + "]*"
_NOT_WORD = f"(?!{WORD_CLASS})"
_NOT_AFTER_WORD = f"(?<!{WORD_CLASS})"


def _letter_classes():
    """{folded letter: regex class of every character written for it (case, marks, width)}."""
    variants = {}
    ranges = [(0x30, 0x39), (0x41, 0x5A), (0x61, 0x7A), (0xC0, 0x24F), (0x1E00, 0x1EFF), (0xFF10, 0xFF5A)]
    for start, end in ranges:
        for code in range(start, end + 1):
            folded = prepare(chr(code))
            if len(folded) == 1:
                variants.setdefault(folded, set()).add(chr(code))
    return {letter: "[" + re.escape("".join(sorted(chars))) + "]" for letter, chars in variants.items()}


LETTERS = _letter_classes()


def word_pattern(folded_word):
    """A regular expression for every written form of a folded index word."""
    return _BETWEEN.join(LETTERS.get(ch, re.escape(ch)) for ch in folded_word)


class Highlighter:
    """Finds a query's words in stored text; one per search, for every hit."""

    def __init__(self, groups):
        words = sorted({w for g in groups if g.kind != CHARS for w in g.words}, key=len, reverse=True)
        runs = sorted({"".join(g.words) for g in groups if g.kind == CHARS}, key=len, reverse=True)
        parts = []
        if words:
            # The leading look-ahead at the words' first letters lets the regex engine skip
            # ahead to candidates (five times faster over a text without a match).
            firsts = "".join(sorted({LETTERS.get(w[0], re.escape(w[0])).strip("[]") for w in words}))
            alternatives = "|".join(map(word_pattern, words))
            parts.append(f"(?=[{firsts}]){_NOT_AFTER_WORD}(?:{alternatives}){_NOT_WORD}")
        parts.extend(re.escape(run) for run in runs)
        self.pattern = re.compile("|".join(parts)) if parts else None

    def first(self, text):
        """Where the first match in ``text`` starts, or None."""
        match = self.pattern.search(text or "") if self.pattern else None
        return match.start() if match else None

    def highlight(self, text, window=WINDOW):
        """An HTML-safe excerpt of ``text`` around the first match, matches in ``<mark>``.

        Only the excerpt is tidied (runs of white space made one space, NFC): the text can
        be long, and every hit of a page is highlighted. (``html.escape``: Django's ``escape``
        wraps it in lazy-string machinery that costs more than the escaping.)
        """
        text = text or ""
        first = self.pattern.search(text) if self.pattern else None
        start = 0
        if first is not None and first.start() > window // 3:
            start = first.start() - window // 3
            space = _SPACES_RE.search(text, start, first.start())
            start = space.end() if space else start
        end = _window_end(text, start, window)
        out = ["…" if start else ""]
        pos = start
        if first is not None:
            for match in self.pattern.finditer(text, start, end):
                out.append(escape(text[pos : match.start()]))
                out.append(f"<mark>{escape(match.group())}</mark>")
                pos = match.end()
        out.append(escape(text[pos:end]))
        if end < len(text.rstrip()):
            out.append("…")
        excerpt = unicodedata.normalize("NFC", _SPACES_RE.sub(" ", "".join(out)).strip())
        return mark_safe(excerpt)  # noqa: S308 - every piece of text is escaped above


def _window_end(text, start, window):
    """Where an excerpt of about ``window`` characters from ``start`` ends: at a space."""
    end = start + window
    if end >= len(text):
        return len(text)
    space = text.rfind(" ", start + window // 2, end)
    return space if space > 0 else end


def highlight(text, groups, window=WINDOW):
    return Highlighter(groups).highlight(text, window)
