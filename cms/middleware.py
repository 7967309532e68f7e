from django.conf import settings
from django.utils import translation


class AdminDefaultLanguageMiddleware:
    """The admin speaks Vietnamese by default, whatever the browser asks for.

    LocaleMiddleware picks the language from Accept-Language for URLs without a prefix,
    so an English browser would get an English login page. Signed-in users get their
    profile's language from Wagtail; everyone else gets LANGUAGE_CODE unless they chose
    a language explicitly (Django's language cookie).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/admin/") and settings.LANGUAGE_COOKIE_NAME not in request.COOKIES:
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
        return self.get_response(request)
