"""A small, believable demo archive written for this project (not from the corpus).

Dates lie in 2023–2025; languages vi, bdq, sed, en, lo. The products are in
``products/fixtures/demo_products.json``; those sharing a ``group`` are translations of each
other.
"""

import datetime
import json
from pathlib import Path

from django.db import transaction
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

PATH = Path(__file__).resolve().parent / "fixtures" / "demo_products.json"


def demo_products():
    """The demo products as dicts, publication dates parsed."""
    products = json.loads(PATH.read_text(encoding="utf-8"))["products"]
    for product in products:
        for publication in product["publications"]:
            publication["date"] = datetime.date.fromisoformat(publication["date"])
    return products


@transaction.atomic
def load_demo():
    """Create or update the demo products; returns (created, updated)."""
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
    for row in demo_products():
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
    return created, updated
