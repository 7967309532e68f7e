from django.conf import settings
from django.http import HttpResponseBadRequest
from django.utils import translation
from django.utils.translation import gettext as _


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


class RejectNulCharactersMiddleware:
    """A query string with a NUL character gets a 400, before any view sees it.

    PostgreSQL text cannot hold U+0000: a ``?unit=%00`` that reaches a queryset filter
    would raise a 500. Django's forms refuse NUL in their fields; parameters read straight
    from ``request.GET`` (search filters, the API, listings) are covered here.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if any("\x00" in key or any("\x00" in v for v in values) for key, values in request.GET.lists()):
            return HttpResponseBadRequest(
                _("Tham số không hợp lệ: có ký tự NUL."), content_type="text/plain; charset=utf-8"
            )
        return self.get_response(request)


class PortalNotFoundInDebugMiddleware:
    """With DEBUG on (``make run``), a path that is not found gets the portal's own 404, as in production.

    Django answers an ``Http404`` with its technical, English page whenever DEBUG is on, and
    ``handler404`` only with DEBUG off: a newcomer trying the portal on the development server
    would meet a page no reader ever sees. (An unknown admin path is no exception: without a
    language prefix, LocaleMiddleware sends it to ``/vi/admin/…``, a portal path, either way.)
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        from django.http import Http404

        if not settings.DEBUG or not isinstance(exception, Http404):
            return None
        from home.views import page_not_found

        return page_not_found(request, exception)
