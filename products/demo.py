"""A small, believable demo archive written for this project (not from the corpus).

Languages vi, bdq, sed, en, lo. The products are in ``products/fixtures/demo_products.json``;
those sharing a ``group`` are translations of each other. Their dates are written for
2023–2025 and moved to today's calendar when loaded (``shift``): the current year and the two
before it, nothing after today. A demo frozen in 2023–2025 opened the audit of a later year on
nothing. After the products, ``products.signals.demo_loaded`` lets the other apps add theirs
(monitoring: activities and unit reports).
"""

import datetime
import json
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from products.models import (
    Channel,
    ContentArea,
    Format,
    PlanTask,
    ProductPage,
    ProductPublication,
    Topic,
    Unit,
)
from products.sections import section_for
from products.signals import demo_loaded

PATH = Path(__file__).resolve().parent / "fixtures" / "demo_products.json"
LAST_YEAR = 2025  # the demo's dates are written for LAST_YEAR - 2 … LAST_YEAR


def today_here():
    """Today in the province's time zone (what ``validate_not_future`` compares with)."""
    return timezone.localdate(timezone=timezone.get_default_timezone())


def shift(date, today):
    """A date written for 2023–2025, moved to ``today``'s calendar: 2025 becomes this year, its
    dates squeezed between 1 January and today in the same order; earlier years move as many years."""
    year = date.year + today.year - LAST_YEAR
    try:
        moved = date.replace(year=year)
    except ValueError:  # 29 February in a common year
        moved = date.replace(year=year, day=28)
    if year < today.year:
        return moved
    new_year = datetime.date(year, 1, 1)
    return new_year + datetime.timedelta(days=(moved - new_year).days * (today - new_year).days // 365)


def demo_products(today=None):
    """The demo products as dicts, publication dates parsed and moved to ``today``'s calendar."""
    today = today or today_here()
    products = json.loads(PATH.read_text(encoding="utf-8"))["products"]
    for product in products:
        for publication in product["publications"]:
            publication["date"] = shift(datetime.date.fromisoformat(publication["date"]), today)
    return products


@transaction.atomic
def load_demo(today=None):
    """Create or update the demo products (dates as of ``today``, by default the real one), then
    announce it (``demo_loaded``); returns (created, updated). Safe to run again, any day."""
    today = today or today_here()
    created = updated = 0
    lookup = {
        "area": {a.slug: a for a in ContentArea.objects.all()},
        "task": {t.slug: t for t in PlanTask.objects.all()},
        "format": {f.slug: f for f in Format.objects.all()},
        "unit": {u.slug: u for u in Unit.objects.all()},
        "channel": {c.slug: c for c in Channel.objects.all()},
        "topic": {t.slug: t for t in Topic.objects.all()},
    }
    groups = {}
    for row in demo_products(today):
        group, lang = row["group"], row["language"]
        page = ProductPage.objects.filter(external_id=row["external_id"]).first()
        is_new = page is None
        if is_new:
            page = ProductPage(external_id=row["external_id"], locale=Locale.objects.get(language_code=lang))
            if group in groups:
                page.translation_key = groups[group]
        page.title, page.summary, page.transcript = row["title"], row["summary"], row["transcript"]
        page.body = [("paragraph", f"<p>{row['body']}</p>")]
        page.area, page.task = lookup["area"][row["area"]], lookup["task"][row["task"]]
        page.format = lookup["format"][row["format"]]
        page.topics = [lookup["topic"][t] for t in row["topics"]]
        page.publications = [
            ProductPublication(channel=lookup["channel"][p["channel"]], date=p["date"], url=p["url"])
            for p in row["publications"]
        ]
        if is_new:
            section_for(lookup["unit"][row["unit"]], lang).add_child(instance=page)
            created += 1
        else:
            updated += 1
        page.save_revision().publish()
        groups.setdefault(group, page.translation_key)
    demo_loaded.send(sender=load_demo, today=today)
    return created, updated
