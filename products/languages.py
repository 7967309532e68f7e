"""The programme's 13 content languages: the one source of truth.

Settings build ``LANGUAGES``, ``LANG_INFO`` and ``WAGTAIL_CONTENT_LANGUAGES`` from
this list; the audit reads the category; the portal shows the local name. This
module imports nothing from Django so that settings can use it.
"""

from dataclasses import dataclass

NATIONAL = "national"
ETHNIC = "ethnic"
FOREIGN = "foreign"


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # English name, as Django's LANG_INFO wants it
    local_name: str  # the name in the language itself
    category: str  # NATIONAL, ETHNIC or FOREIGN
    script: str  # ISO 15924


LANGUAGES = (
    Language("vi", "Vietnamese", "Tiếng Việt", NATIONAL, "Latn"),
    Language("bdq", "Bahnar", "Bahnar", ETHNIC, "Latn"),
    Language("sed", "Sedang", "Xơ Đăng", ETHNIC, "Latn"),
    Language("jra", "Jarai", "Jrai", ETHNIC, "Latn"),
    Language("jeh", "Jeh", "Giẻ", ETHNIC, "Latn"),
    Language("tdf", "Trieng", "Triêng", ETHNIC, "Latn"),
    Language("brb", "Brao", "Brâu", ETHNIC, "Latn"),
    Language("rmx", "Romam", "Rơ Măm", ETHNIC, "Latn"),
    Language("en", "English", "English", FOREIGN, "Latn"),
    Language("fr", "French", "Français", FOREIGN, "Latn"),
    Language("zh-hans", "Simplified Chinese", "简体中文", FOREIGN, "Hans"),
    Language("lo", "Lao", "ພາສາລາວ", FOREIGN, "Laoo"),
    Language("km", "Khmer", "ភាសាខ្មែរ", FOREIGN, "Khmr"),
)

BY_CODE = {language.code: language for language in LANGUAGES}
CODES = tuple(BY_CODE)
DEFAULT = "vi"
ETHNIC_CODES = tuple(lang.code for lang in LANGUAGES if lang.category == ETHNIC)
FOREIGN_CODES = tuple(lang.code for lang in LANGUAGES if lang.category == FOREIGN)

# Scripts written without spaces between words: search must segment them.
UNSPACED_SCRIPTS = frozenset({"Hans", "Laoo", "Khmr"})

# Languages Django ships no LANG_INFO for; settings add these entries.
EXTRA_LANG_INFO = {
    lang.code: {
        "bidi": False,
        "code": lang.code,
        "name": lang.name,
        "name_local": lang.local_name,
    }
    for lang in LANGUAGES
    if lang.code in ETHNIC_CODES or lang.code == "lo"
}


def get(code):
    """The Language for ``code``; raises KeyError for a code outside the programme."""
    return BY_CODE[code]


def category(code):
    return BY_CODE[code].category


def choices():
    """(code, local name) pairs for forms and filters."""
    return [(lang.code, lang.local_name) for lang in LANGUAGES]
