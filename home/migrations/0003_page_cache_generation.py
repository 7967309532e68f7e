"""The page cache's shared purge generation (issue 24): one row, with a random first token."""

import secrets

from django.db import migrations, models


def first_generation(apps, schema_editor):
    Generation = apps.get_model("home", "PageCacheGeneration")
    Generation.objects.update_or_create(pk=1, defaults={"token": secrets.token_hex(16)})


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_create_homepage"),
    ]

    operations = [
        migrations.CreateModel(
            name="PageCacheGeneration",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("token", models.CharField(max_length=32)),
            ],
        ),
        migrations.RunPython(first_generation, migrations.RunPython.noop),
    ]
