"""Building products for tests, the way editors and imports do: under the unit's section."""

import datetime
from types import SimpleNamespace

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


class Registers(SimpleNamespace):
    def __init__(self):
        super().__init__(
            area={a.slug: a for a in ContentArea.objects.all()},
            task={t.slug: t for t in PlanTask.objects.all()},
            format={f.slug: f for f in Format.objects.all()},
            channel={c.slug: c for c in Channel.objects.all()},
            unit={u.slug: u for u in Unit.objects.all()},
            topic={t.slug: t for t in Topic.objects.all()},
        )


def make_product(
    *,
    title="Sản phẩm thử",
    language="vi",
    unit="bao-kon-tum",
    area="III",
    format="article",
    task=None,
    publications=(("online-news", datetime.date(2024, 3, 1)),),
    live=True,
    translation_of=None,
    **fields,
):
    """Create a product page; ``publications`` is a list of (channel slug, date[, url])."""
    from wagtail.models import Locale

    page = ProductPage(
        title=title,
        locale=Locale.objects.get(language_code=language),
        area=ContentArea.objects.get(slug=area) if area else None,
        format=Format.objects.get(slug=format) if format else None,
        task=PlanTask.objects.get(slug=task) if task else None,
        live=False,
        **fields,
    )
    if translation_of is not None:
        page.translation_key = translation_of.translation_key
    page.publications = [
        ProductPublication(channel=Channel.objects.get(slug=p[0]), date=p[1], url=p[2] if len(p) > 2 else "")
        for p in publications
    ]
    section_for(Unit.objects.get(slug=unit), language).add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    page.refresh_from_db()
    return page
