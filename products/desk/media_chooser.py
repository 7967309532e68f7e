"""Audio and video attachments chosen with wagtailmedia's chooser, within the unit's collection.

wagtailmedia registers no form widget for a foreign key to its model, so the attachment form
showed a plain <select> of every unit's media; its chooser lists only what a person may change
(an editor: their own uploads). A product's media are the unit's, so the chooser shows the
collections where the person may add media (their unit's), as documents and images do.
"""

from django.db import models
from wagtail.admin.forms.models import register_form_field_override
from wagtailmedia.models import get_media_model
from wagtailmedia.permissions import permission_policy
from wagtailmedia.widgets import AdminMediaChooser


def register_media_chooser_widget():
    register_form_field_override(
        models.ForeignKey, to=get_media_model(), override={"widget": AdminMediaChooser}
    )


def units_media(media_files, request):
    """Hook ``construct_media_chooser_queryset``: the media of the person's collections."""
    if request.user.is_superuser:
        return media_files
    collections = permission_policy.collections_user_has_any_permission_for(request.user, ["add", "change"])
    return get_media_model().objects.filter(collection__in=collections).order_by(*media_files.query.order_by)
