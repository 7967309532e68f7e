"""An ``InlinePanel`` that survives Wagtail's autosave with a row added but not filled yet.

After an autosave, Wagtail renders the edit form again and sorts each inline formset's rows by
their cleaned ``ORDER``. A row the editor has added but not touched ("Thêm tệp đính kèm" clicked,
no file chosen yet) is one Django does not clean at all (an unchanged extra form), so it has no
``ORDER`` and the sort raised ``KeyError`` (wagtail/admin/panels/inline_panel.py): every autosave
answered 500 until the row was filled. Such a row sorts last here, where the browser shows it.
"""

from django.forms.formsets import ORDERING_FIELD_NAME
from wagtail.admin.panels import InlinePanel


def _order_untouched_rows(form, relation_name):
    formset = form.formsets.get(relation_name) if form is not None else None
    if formset is None or not (formset.is_bound and formset.can_order and formset.is_valid()):
        return
    for row in formset.forms:
        if ORDERING_FIELD_NAME not in row.cleaned_data:  # left unchanged: Django never cleaned it
            row.cleaned_data[ORDERING_FIELD_NAME] = len(formset.forms)


class OrderedInlinePanel(InlinePanel):
    class BoundPanel(InlinePanel.BoundPanel):
        def __init__(self, **kwargs):
            _order_untouched_rows(kwargs.get("form"), kwargs["panel"].relation_name)
            super().__init__(**kwargs)
