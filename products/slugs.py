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
