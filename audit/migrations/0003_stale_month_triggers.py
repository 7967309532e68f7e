"""The triggers that mark a month stale when its products change (audit/triggers.py, their one
definition). Earlier installations had them from a ``post_migrate`` receiver: this replaces them.
Reversed, it drops them, so the products can be written to without the audit's tables."""

from django.db import migrations

from audit import triggers


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0002_monthly_counts"),
        ("products", "0005_private_files_permission"),
    ]

    operations = [migrations.RunPython(triggers.forwards, triggers.backwards)]
