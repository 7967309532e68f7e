"""The generic views of the plan's registers, asking the model's permission policy about records.

Wagtail's generic views check the model permissions (``PermissionCheckedMixin``); the plan also
scopes rows to units, which its ``UnitPermissionPolicy`` (monitoring/permissions.py) decides. As
Wagtail's own document and image views do with their collection policy, these views ask the
policy for the rows a listing shows (``instances_user_has_any_permission_for``) and whether the
user may act on the record of the URL (``user_has_any_permission_for_instance``).

Refusals are the admin's 403 page (``products.desk.forbidden``) everywhere: listing, exports,
forms, history, usage; a record of a unit the user does not work for gets the same answer as no
permission at all (not a 404, which the locale middleware would turn into a redirect to
/vi/admin/…), and a ``PermissionDenied`` raised by Wagtail's view (which the admin would turn into
a redirect to the dashboard) is answered the same way. The views are named classes, set on the
registers' viewset (``PlanRegisterViewSet``), which a register's own views subclass.
"""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage

from monitoring.permissions import ANY_ACTION
from monitoring.views.exports import SafeExportMixin
from products.desk.forbidden import forbidden


class PolicyCheckedMixin:
    """The register's permission policy, asked before the view runs (see the module docstring)."""

    def record_actions(self):
        """The actions of this view: any of them on the record lets the user in."""
        if self.permission_required:
            return [self.permission_required]
        return self.any_permission_required or ANY_ACTION

    def refusal(self, request):
        """A view's own reason to refuse (a response), asked once the policy has let the user in."""
        return None

    def dispatch(self, request, *args, **kwargs):
        policy, user = self.permission_policy, request.user
        if not policy.user_has_any_permission(user, ANY_ACTION):
            return forbidden(request)
        pk = kwargs.get("pk")
        if pk is not None:
            record = policy.model._default_manager.filter(pk=unquote(str(pk))).first()
            if record is None or not policy.user_has_any_permission_for_instance(
                user, self.record_actions(), record
            ):
                return forbidden(request)  # another unit's record (or none): the same answer either way
        refusal = self.refusal(request)
        if refusal is not None:
            return refusal
        try:
            return super().dispatch(request, *args, **kwargs)
        except PermissionDenied:
            return forbidden(request)


class IndexView(PolicyCheckedMixin, SafeExportMixin, generic.IndexView):
    """The listing (and its CSV/XLSX export): the rows the policy lets the user see."""

    def get_base_queryset(self):
        allowed = self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, self.any_permission_required
        )
        return super().get_base_queryset().filter(pk__in=allowed.values("pk"))


class CreateView(PolicyCheckedMixin, generic.CreateView):
    pass


class EditView(PolicyCheckedMixin, generic.EditView):
    pass


class DeleteView(PolicyCheckedMixin, generic.DeleteView):
    pass


class InspectView(PolicyCheckedMixin, generic.InspectView):
    pass


class HistoryView(PolicyCheckedMixin, history.HistoryView):
    pass


class UsageView(PolicyCheckedMixin, usage.UsageView):
    pass


class CopyView(PolicyCheckedMixin, generic.CopyView):
    pass


class ReorderView(PolicyCheckedMixin, generic.ReorderView):
    pass
