"""``products.view_private_files``: who sees every private file, granted to the auditor and
administrator roles only (issue 24: file privacy used to read ``audit.view_audit``, which the
Department's consolidation desk also holds). ``seed_reference`` grants it from then on; this
grants it to the groups an existing installation already has."""

from django.db import migrations

CODENAME = "view_private_files"
NAME = "Xem và tải mọi tệp riêng tư (tệp của bản nháp, sản phẩm chưa công khai)"
ROLES = ("auditor", "administrator")


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    DeskRole = apps.get_model("products", "DeskRole")
    content_type, _ = ContentType.objects.get_or_create(app_label="products", model="deskrole")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=CODENAME, defaults={"name": NAME}
    )
    for record in DeskRole.objects.filter(role__in=ROLES).select_related("group"):
        record.group.permissions.add(permission)


def remove(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(content_type__app_label="products", codename=CODENAME).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("products", "0004_plan_count_copies"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="deskrole",
            options={
                "permissions": [(CODENAME, NAME)],
                "verbose_name": "vai trò của nhóm",
                "verbose_name_plural": "vai trò của nhóm",
            },
        ),
        migrations.RunPython(grant, remove),
    ]
