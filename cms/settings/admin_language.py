"""Admin in Vietnamese: catalogs, dates, offline avatars (imported by ``base``)."""

# locale/_overrides/ holds the Vietnamese catalogs (django, djangojs) for Wagtail,
# wagtailmedia and modeltranslation. Any LOCALE_PATHS entry beats the apps' own catalogs
# (for the JavaScript catalog too); the project's locale/ comes first, so it wins if a
# msgid is in both. `make messages` never rewrites _overrides/ (README, "Translations").
# Day-first dates in the admin's date pickers; the format modules in cms/formats/ make
# vi and en parse them that way (Django's en would read 03/04/2024 as 4 March).
FORMAT_MODULE_PATH = ["cms.formats"]
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
# No gravatar: the admin must work without the internet; avatars are uploaded or the default.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
