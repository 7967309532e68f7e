"""'Translate into…' limited to the languages a translator is assigned.

Each language has a permission ``products.translate_into_<code>`` (declared on
ProductPage); the per-language translator groups carry it. Wagtail's simple
translation view is reused, with its form narrowed to the permitted languages, so a
translator can neither see nor submit any other language. The copy is a draft in the
same unit's section of the target locale (sections share their translation_key).
"""

from django.http import HttpResponseForbidden
from django.utils.translation import gettext as _
from wagtail.contrib.simple_translation.forms import SubmitTranslationForm
from wagtail.contrib.simple_translation.views import SubmitPageTranslationView


def permission_codename(code):
    return "translate_into_" + code.replace("-", "_")


def permitted_language_codes(user):
    from products import languages

    return [code for code in languages.CODES if user.has_perm(f"products.{permission_codename(code)}")]


class AssignedLanguagesForm(SubmitTranslationForm):
    def __init__(self, instance, *args, user=None, **kwargs):
        super().__init__(instance, *args, **kwargs)
        allowed = permitted_language_codes(user)
        self.fields["locales"].queryset = self.fields["locales"].queryset.filter(language_code__in=allowed)


class AssignedLanguagesTranslationView(SubmitPageTranslationView):
    def get_form(self):
        data = self.request.POST if self.request.method == "POST" else None
        return AssignedLanguagesForm(self.object, data, user=self.request.user)

    def post(self, request, **kwargs):
        if not permitted_language_codes(request.user):
            return HttpResponseForbidden(_("Bạn chưa được phân công dịch sang ngôn ngữ nào."))
        return super().post(request, **kwargs)
