"""``manage.py check --database default`` compares the audit's triggers in the database with the
code's (audit/triggers.py): a trigger dropped, disabled or rewritten by hand is an error, so
``check --deploy`` fails on it; ``migrate`` puts the code's triggers back."""

import pytest
from django.core import checks
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.db import connection

from audit.models import CountedMonth, StaleMonth
from products.models import ProductPage
from tests.audit.test_monthly import D, archive, archive_ids, both  # noqa: F401 - fixtures


def drift():
    """The audit's errors of ``check --deploy --database default``."""
    messages = checks.run_checks(
        databases=["default"], tags=[checks.Tags.database], include_deployment_checks=True
    )
    return [message for message in messages if message.id == "audit.E001"]


def drop_product_trigger():
    """Drop one of the triggers on the product table, whatever the code names it."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgname LIKE 'audit\\_stale\\_%%' "
                "AND tgrelid = %s::regclass ORDER BY tgname LIMIT 1",
                [ProductPage._meta.db_table],
            )
            name = cursor.fetchone()[0]
            cursor.execute(f"DROP TRIGGER {name} ON {ProductPage._meta.db_table}")
        else:
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit\\_stale\\_%' "
                "ESCAPE '\\' AND tbl_name = %s ORDER BY name LIMIT 1",
                [ProductPage._meta.db_table],
            )
            name = cursor.fetchone()[0]
            cursor.execute(f"DROP TRIGGER {name}")
    return name


def rewrite_a_trigger():
    """Replace the code's definition by one that no longer watches ``language``."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT p.proname, p.prosrc FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid "
                "WHERE t.tgname LIKE 'audit\\_stale\\_%%' AND t.tgrelid = %s::regclass LIMIT 1",
                [ProductPage._meta.db_table],
            )
            function, source = cursor.fetchone()
            assert "language" in source
            source = source.replace("language", "title")
            cursor.execute(
                f"CREATE OR REPLACE FUNCTION {function}() RETURNS trigger AS $${source}$$ LANGUAGE plpgsql"
            )
        else:
            cursor.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit\\_stale\\_%' "
                "ESCAPE '\\' AND sql LIKE '%%\"language\"%%'"
            )
            name, sql = cursor.fetchone()
            cursor.execute(f"DROP TRIGGER {name}")
            cursor.execute(sql.replace('"language"', '"title"'))


@pytest.mark.django_db
def test_the_check_is_silent_when_the_triggers_are_the_codes():
    assert drift() == []


@pytest.mark.django_db
def test_a_trigger_dropped_by_hand_is_reported_and_fails_check_deploy():
    name = drop_product_trigger()
    errors = drift()
    assert errors and all(error.level == checks.ERROR for error in errors)
    assert name in " ".join(error.msg for error in errors)
    with pytest.raises(SystemCheckError, match="audit.E001"):
        call_command("check", deploy=True, databases=["default"])


@pytest.mark.django_db
def test_a_trigger_rewritten_by_hand_is_reported():
    rewrite_a_trigger()
    assert drift()


@pytest.mark.django_db
def test_migrate_reinstalls_missing_triggers_and_recounts_every_kept_month(archive):  # noqa: F811
    both(D(2024, 1, 1), D(2024, 12, 31))
    counted = set(CountedMonth.objects.values_list("month", flat=True))
    assert counted
    drop_product_trigger()
    call_command("migrate", verbosity=0, skip_checks=False)  # as manage.py runs it: checks first
    assert drift() == []
    still_kept = set(CountedMonth.objects.values_list("month", flat=True))
    assert still_kept <= set(StaleMonth.objects.values_list("month", flat=True))  # each counted again
    kept, live = both(D(2024, 1, 1), D(2024, 12, 31))
    assert kept == live
