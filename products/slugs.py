"""ASCII slugs for titles in any of the 13 languages.

Django's slugify drops đ and every non-Latin letter, which leaves Lao, Khmer and
Chinese titles with an empty slug: fold the marks first and fall back to a stable
token when nothing Latin is left.
"""

import unicodedata

from django.utils.text import slugify

_EXTRA = str.maketrans({"đ": "d", "Đ": "D", "ơ": "o", "Ơ": "O", "ư": "u", "Ư": "U"})


def ascii_slug(text, fallback="san-pham", max_length=80):
    folded = unicodedata.normalize("NFKD", (text or "").translate(_EXTRA))
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return slugify(folded)[:max_length].strip("-") or slugify(fallback) or "san-pham"


def _fold(char):
    return ascii_slug(char, fallback="-") if char.strip() else ""


def browser_formatters():
    """Regex replacements for Wagtail's slug field (``SlugInput(formatters=...)``), run in the
    browser before its ``urlify``, which keeps only ASCII and has no map for most Vietnamese
    and Bahnar letters (ề, ợ, ŏ…): each letter is folded as ``ascii_slug`` folds it, then the
    combining marks left over (the breve of ơ̆, ư̆; text typed decomposed) are removed."""
    groups = {}
    for codepoint in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        char = chr(codepoint)
        folded = _fold(char)
        if char.isalpha() and folded.isascii() and folded.isalpha():
            groups.setdefault(folded if char.islower() else folded.upper(), []).append(char)
    formatters = [(f"[{''.join(chars)}]", base) for base, chars in sorted(groups.items())]
    return [*formatters, ("[\u0300-\u036f]", "")]
