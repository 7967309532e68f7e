"""Users and groups in the admin: administrators manage them, never beyond their own role.

The rules of the matrix (``users.*`` and ``groups.*`` rows):
- only superusers make, edit, deactivate, delete or change the password of a superuser: the
  "superuser" box is not on an administrator's form, and a superuser's page is closed to them;
- an administrator puts other people in groups, never changes their own groups;
- role groups are edited by superusers only, and administrators put others in them: the desk's
  (a ``DeskRole`` record), whose rights are the matrix, re-applied by ``seed_reference``, and
  those other apps declare through the ``register_role_groups`` hook (monitoring's plan desks:
  products never imports them, they tell products which groups are theirs);
- other groups an administrator creates or edits may hold only rights the administrator role
  itself holds: its model permissions, its collection permissions, and no page permission.

Wagtail's supported way in: a ``WagtailUsersAppConfig`` naming these viewsets (``apps.py``),
permission policies for users and groups, and the bulk actions replaced by stricter ones.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.models import Collection, GroupCollectionPermission
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.users.forms import GroupForm, UserCreationForm, UserEditForm
from wagtail.users.views import groups, users
from wagtail.users.views.bulk_actions import AssignRoleBulkAction, SetActiveStateBulkAction

from products.desk.models import DeskRole

User = get_user_model()


def administrator_rights():
    """(model permission ids, collection permission ids) the administrator role holds."""
    group = Group.objects.filter(desk_role__role=DeskRole.Kind.ADMINISTRATOR).first()
    if group is None:
        return set(), set()
    model = set(group.permissions.values_list("pk", flat=True))
    root = Collection.get_first_root_node()
    collection = set(
        GroupCollectionPermission.objects.filter(group=group, collection=root).values_list(
            "permission", flat=True
        )
    )
    return model, collection


ROLE_GROUPS_HOOK = "register_role_groups"


def role_groups():
    """Every role group: the desk's, and those each ``register_role_groups`` hook returns (a
    queryset of groups whose rights the hook's app sets, as ``seed_monitoring`` does its desks')."""
    declared = Q(desk_role__isnull=False)
    for declare in hooks.get_hooks(ROLE_GROUPS_HOOK):
        declared |= Q(pk__in=declare().values("pk"))
    return Group.objects.filter(declared)


def is_role_group(group):
    return role_groups().filter(pk=group.pk).exists()


def assignable_groups(user):
    """The groups ``user`` may put people in: all for superusers; otherwise the role groups
    (``role_groups``) and groups holding nothing beyond the administrator role."""
    if user.is_superuser:
        return Group.objects.all()
    model_ids, collection_ids = administrator_rights()
    beyond = Group.objects.exclude(pk__in=role_groups().values("pk")).filter(
        Q(page_permissions__isnull=False)
        | Q(permissions__isnull=False, permissions__pk__in=Permission.objects.exclude(pk__in=model_ids))
        | Q(collection_permissions__permission__in=Permission.objects.exclude(pk__in=collection_ids))
    )
    return Group.objects.exclude(pk__in=beyond.values("pk"))


class DeskUserPermissionPolicy(ModelPermissionPolicy):
    """A superuser's account is for superusers only; nobody changes their own groups in bulk."""

    def user_has_permission_for_instance(self, user, action, instance):
        if instance.is_superuser and not user.is_superuser:
            return False
        return super().user_has_permission_for_instance(user, action, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, action, instance) for action in actions)


class DeskGroupPermissionPolicy(ModelPermissionPolicy):
    """Role groups are edited and deleted by superusers only."""

    def user_has_permission_for_instance(self, user, action, instance):
        if action in ("change", "delete") and not user.is_superuser and is_role_group(instance):
            return False
        return super().user_has_permission_for_instance(user, action, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, action, instance) for action in actions)


# -- users -------------------------------------------------------------------------------


class ManagedByMixin:
    """The form knows who fills it in: no superuser box and no own groups for non-superusers."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.for_user = for_user
        if for_user is None or not for_user.is_superuser:
            self.fields.pop("is_superuser", None)
            if self.instance.pk is not None and for_user is not None and self.instance.pk == for_user.pk:
                self.fields.pop("groups", None)
            elif "groups" in self.fields and for_user is not None:
                self.fields["groups"].queryset = assignable_groups(for_user)

    def clean_groups(self):
        """Groups the form does not offer (beyond the administrator) stay as they were."""
        chosen = list(self.cleaned_data["groups"])
        if self.instance.pk is None or self.for_user is None or self.for_user.is_superuser:
            return chosen
        kept = self.instance.groups.exclude(pk__in=assignable_groups(self.for_user).values("pk"))
        return chosen + list(kept)

    def save(self, commit=True):
        if self.for_user is None or not self.for_user.is_superuser:
            self.instance.is_superuser = False
        return super().save(commit=commit)


class DeskUserCreationForm(ManagedByMixin, UserCreationForm):
    pass


class DeskUserEditForm(ManagedByMixin, UserEditForm):
    pass


class FormForUserMixin:
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}


class InstancePermissionMixin:
    """Wagtail's generic edit and delete views check the model permission only; this checks
    the object too."""

    instance_action = "change"

    def dispatch(self, request, *args, **kwargs):
        instance = getattr(self, "object", None) or self.get_object()
        if not self.permission_policy.user_has_permission_for_instance(
            request.user, self.instance_action, instance
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class UserCreateView(FormForUserMixin, users.CreateView):
    pass


class UserEditView(InstancePermissionMixin, FormForUserMixin, users.EditView):
    pass


class UserIndexView(users.IndexView):
    """Wagtail's users list, with each person's roles (the groups they are in)."""

    @cached_property
    def columns(self):
        roles = Column("roles", label=_("Vai trò"), accessor=self.role_names)
        return [*super().columns[:2], roles, *super().columns[2:]]

    @staticmethod
    def role_names(user):
        return ", ".join(group.name for group in user.groups.all()) or "—"

    def get_base_queryset(self):
        return super().get_base_queryset().prefetch_related("groups")


class DeskUserViewSet(users.UserViewSet):
    index_view_class = UserIndexView
    add_view_class = UserCreateView
    edit_view_class = UserEditView

    def get_form_class(self, for_update=False):
        return DeskUserEditForm if for_update else DeskUserCreationForm


class DeskSetActiveStateBulkAction(SetActiveStateBulkAction):
    def check_perm(self, obj):
        return super().check_perm(obj) and (self.request.user.is_superuser or not obj.is_superuser)


class DeskAssignRoleBulkAction(AssignRoleBulkAction):
    def check_perm(self, obj):
        user = self.request.user
        if user.is_superuser:
            return super().check_perm(obj)
        return super().check_perm(obj) and not obj.is_superuser and obj.pk != user.pk

    def get_execution_context(self):
        context = super().get_execution_context()
        if not assignable_groups(self.request.user).filter(pk=context["role"].pk).exists():
            raise PermissionDenied
        return context


# -- groups ------------------------------------------------------------------------------


class WithinAdministratorRoleMixin:
    """A non-superuser's group may hold only what the administrator role holds."""

    def is_valid(self, form):
        if not super().is_valid(form):
            return False
        if self.request.user.is_superuser:
            return True
        model_ids, collection_ids = administrator_rights()
        wanted = {p.pk for p in form.cleaned_data.get("permissions", [])}
        beyond = bool(wanted - model_ids)
        for panel in self.permission_panel_forms:
            for panel_form in panel.forms:
                data = getattr(panel_form, "cleaned_data", None) or {}
                if panel_form in getattr(panel, "deleted_forms", []) or not data.get("permissions"):
                    continue
                ids = {p.pk for p in data["permissions"]}
                beyond |= "page" in data or bool(ids - collection_ids)
        if beyond:
            form.add_error(None, _("Quản trị viên chỉ được cấp những quyền mà vai trò quản trị viên có."))
            self.produced_error_message = self.get_error_message()
            return False
        return True


class GroupCreateView(WithinAdministratorRoleMixin, groups.CreateView):
    pass


class GroupEditView(InstancePermissionMixin, WithinAdministratorRoleMixin, groups.EditView):
    pass


class GroupDeleteView(InstancePermissionMixin, groups.DeleteView):
    instance_action = "delete"


class DeskGroupViewSet(groups.GroupViewSet):
    add_view_class = GroupCreateView
    edit_view_class = GroupEditView
    delete_view_class = GroupDeleteView

    def get_form_class(self, for_update=False):
        return GroupForm
