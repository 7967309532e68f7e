"""'Dịch sang…' limited to the languages a translator is assigned.

Each language has a permission ``products.translate_into_<code>`` (declared on ProductPage);
the per-language translator groups carry it. Wagtail's simple translation view is reused, with
its form narrowed to the permitted languages, so a translator can neither see nor submit any
other language. A translator may translate any unit's published product (Wagtail would ask for
edit rights on it); the copy is a draft in the same unit's section of the target locale
(sections share their translation_key), which the translator may then edit (see
``products.desk.permissions``).
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseForbidden
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from wagtail.contrib.simple_translation.forms import SubmitTranslationForm
from wagtail.contrib.simple_translation.views import SubmitPageTranslationView
from wagtail.models import Page

from products.desk.permissions import permitted_language_codes
from products.models import ProductPage
from products.sections import section_for


class AssignedLanguagesForm(SubmitTranslationForm):
    def __init__(self, instance, *args, user=None, **kwargs):
        super().__init__(instance, *args, **kwargs)
        allowed = permitted_language_codes(user)
        self.fields["locales"].queryset = self.fields["locales"].queryset.filter(language_code__in=allowed)


class AssignedLanguagesTranslationView(SubmitPageTranslationView):
    def get_object(self):
        page = get_object_or_404(Page, id=self.kwargs["page_id"]).specific
        if page.is_root():
            raise Http404
        published_product = isinstance(page, ProductPage) and page.live
        if not (published_product or page.permissions_for_user(self.request.user).can_edit()):
            raise PermissionDenied
        return page

    def get_form(self):
        data = self.request.POST if self.request.method == "POST" else None
        return AssignedLanguagesForm(self.object, data, user=self.request.user)

    def post(self, request, **kwargs):
        if not permitted_language_codes(request.user):
            return HttpResponseForbidden(_("Bạn chưa được phân công dịch sang ngôn ngữ nào."))
        self.ensure_target_sections()
        return super().post(request, **kwargs)

    def ensure_target_sections(self):
        """The unit's section in each chosen language, so that the copy has its parent there."""
        if not isinstance(self.object, ProductPage) or self.object.unit is None:
            return
        form = self.get_form()
        if form.is_valid():
            for locale in form.cleaned_data["locales"]:
                section_for(self.object.unit, locale.language_code)
