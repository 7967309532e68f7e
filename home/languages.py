"""Which language the portal's chrome is in, for a reader of a given content language.

The chrome (navigation, search, listings, footer, error pages) is translated for the
languages in ``settings.PORTAL_UI_LANGUAGES``; a test keeps their catalogs complete. Readers
of any other language (the ethnic languages, until translators fill ``locale/<code>/``) get
the chrome in Vietnamese, rendered with Vietnamese active and marked ``lang="vi"``, so a
screen reader never reads Vietnamese with a Bahnar or Khmer voice.
"""

from django.conf import settings

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

    Registers are named in Vietnamese and English only: English readers get English,
    other foreign readers English where it exists (closer to them than Vietnamese),
    everyone else Vietnamese.
    """
    if obj is None:
        return "", ui
    english = getattr(obj, "name_en", "") or ""
    if ui != languages.DEFAULT and english and languages.category(ui) == languages.FOREIGN:
        return english, "en"
    return (getattr(obj, "name_vi", "") or obj.name or obj.slug), languages.DEFAULT
