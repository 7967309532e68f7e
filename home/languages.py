"""Which language the portal's chrome is in, for a reader of a given content language.

The chrome (navigation, search, listings, footer, error pages) is translated for the
languages in ``settings.PORTAL_UI_LANGUAGES``; a test keeps their catalogs complete. Readers
of any other language (the ethnic languages, until translators fill ``locale/<code>/``) get
the chrome in Vietnamese, rendered with Vietnamese active and marked ``lang="vi"``, so a
screen reader never reads Vietnamese with a Bahnar or Khmer voice.
"""

from django.conf import settings
from modeltranslation.utils import build_localized_fieldname

from products import languages

# og:locale wants language_TERRITORY.
OG_LOCALES = {
    "vi": "vi_VN",
    "en": "en_GB",
    "fr": "fr_FR",
    "zh-hans": "zh_CN",
    "lo": "lo_LA",
    "km": "km_KH",
}


def chrome_language(code):
    return code if code in settings.PORTAL_UI_LANGUAGES else languages.DEFAULT


def og_locale(code):
    return OG_LOCALES.get(code, f"{code}_VN")


def register_name(obj, ui):
    """(name, language) of a register row for a reader whose chrome is in ``ui``.

    One card, one language besides the product's own: the register's name in the chrome's
    language when the register is translated into it (``name_<ui>``, django-modeltranslation's
    field), else in Vietnamese, the registers' own language. Never English unless the chrome is
    English: a Khmer or Lao reader gets the Vietnamese name, not a third language.
    ``MODELTRANSLATION_FALLBACK_LANGUAGES`` would fall back to English; a register always has
    its Vietnamese name (``name`` is required), so the fallback here stops at Vietnamese.
    """
    if obj is None:
        return "", ui
    if ui != languages.DEFAULT and ui in settings.MODELTRANSLATION_LANGUAGES:
        translated = getattr(obj, build_localized_fieldname("name", ui), "") or ""
        if translated:
            return translated, ui
    return (getattr(obj, "name_vi", "") or obj.slug), languages.DEFAULT
