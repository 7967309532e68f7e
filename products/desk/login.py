"""The admin's login form with its password label translated.

Wagtail's ``LoginForm`` redeclares the password field without a label, so Django derives
"Password" from the field's name and no catalog can translate it.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm


class DeskLoginForm(LoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Mật khẩu")
