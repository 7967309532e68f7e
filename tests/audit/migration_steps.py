"""Steps run in a scratch database of its own by tests/audit/test_trigger_migrations.py.

``python -m tests.audit.migration_steps seed|verify`` with ``DJANGO_SETTINGS_MODULE`` and
``DATABASE_URL`` naming the scratch settings and database; prints one JSON object. The checks
read the database's catalog and the products directly, not through ``audit.triggers``, so they
say the same whatever that module does.
"""

import datetime
import json
import sys

import django

D = datetime.date
YEAR = (D(2024, 1, 1), D(2024, 12, 31))


def trigger_names():
    """The audit's triggers the database has, read from its catalog."""
    from django.db import connection

    if connection.vendor == "postgresql":
        sql = "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgname LIKE 'audit\\_stale\\_%%'"
    else:
        sql = "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit\\_stale\\_%%' ESCAPE '\\'"
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return sorted(row[0] for row in cursor.fetchall())


def kept_and_counted():
    """A year of the audit's kept months, and the same year counted from the products."""
    from audit import facts, monthly
    from products.models import Channel
    from tests.audit.test_monthly import summed

    digital = list(Channel.objects.filter(is_digital=True).values_list("pk", flat=True))
    selection = facts.Selection(*YEAR)
    kept = summed(monthly.count(selection, digital))
    return _text(kept), _text(summed(facts.count(selection, digital)))


def _text(grouped):
    return repr(sorted((name, sorted(groups.items(), key=repr)) for name, groups in grouped.items()))


def seed():
    from django.core.management import call_command

    from audit.models import CountedMonth
    from tests.factories import make_product

    call_command("seed_reference", stdout=open("/dev/null", "w"))  # noqa: SIM115
    channels = ["online-news", "facebook", "radio"]
    for i in range(12):
        make_product(
            title=f"Sản phẩm {i}",
            language="vi" if i % 3 else "bdq",
            publications=[(channels[i % 3], D(2024, 1 + i, 5))],
        )
    kept, counted = kept_and_counted()  # every month of 2024 kept
    return {"agree": kept == counted, "counted_months": CountedMonth.objects.count()}


def verify():
    """The kept months agree with the products; a product update works and is seen by the audit."""
    from django.db.models import F

    from audit.models import StaleMonth
    from products.models import ProductPage

    before = kept_and_counted()
    product = ProductPage.objects.filter(is_live=True, first_published__year=2024, language="vi").first()
    product.title = f"{product.title} (sửa)"
    product.save()  # the editor's path
    ProductPage.objects.filter(pk=product.pk).update(language="sed", channel_mask=F("channel_mask"))
    marked = StaleMonth.objects.filter(month=f"{product.first_published:%Y-%m}").exists()
    after = kept_and_counted()
    return {
        "agree": before[0] == before[1],
        "marked": marked,
        "agree_after_update": after[0] == after[1],
        "triggers": trigger_names(),
    }


def update():
    """A product update, by the editor's path and by ``QuerySet.update``."""
    from products.models import ProductPage

    product = ProductPage.objects.filter(is_live=True).first()
    product.title = f"{product.title} (sửa)"
    product.save()
    ProductPage.objects.filter(pk=product.pk).update(language="en")
    return {"updated": True, "triggers": trigger_names()}


if __name__ == "__main__":
    django.setup()
    print(json.dumps({"seed": seed, "verify": verify, "update": update}[sys.argv[1]]()))
