from products import languages


def portal_languages(request):
    """The 13 content languages, each named in itself, for the portal's language switcher."""
    return {"portal_languages": languages.LANGUAGES}
