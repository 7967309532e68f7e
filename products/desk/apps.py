from wagtail.users.apps import WagtailUsersAppConfig


class DeskUsersConfig(WagtailUsersAppConfig):
    """Wagtail's users app with the desk's user and group admin (``products.desk.users``)."""

    user_viewset = "products.desk.users.DeskUserViewSet"
    group_viewset = "products.desk.users.DeskGroupViewSet"

    def ready(self):
        super().ready()  # registers Wagtail's policies for User and Group; ours replace them
        from django.contrib.auth import get_user_model
        from django.contrib.auth.models import Group
        from wagtail.permissions import register_permission_policy

        from products.desk import lockouts  # noqa: F401 - connects the lockout log
        from products.desk.users import DeskGroupPermissionPolicy, DeskUserPermissionPolicy

        User = get_user_model()
        register_permission_policy(User, DeskUserPermissionPolicy(User))
        register_permission_policy(Group, DeskGroupPermissionPolicy(Group))
