"""The rows that hang off new products: publications and topic links, one executemany each."""

from products import bulk_sql
from products.models import ProductPage, ProductPublication


def insert_publications(rows, products):
    """Each product's publications, in the row's order; ``{page id: [field values by attname]}``,
    ids included (read back by page and position: the pages are new)."""
    items = [
        {
            "page_id": product.pk,
            "channel_id": channel_id,
            "date": date,
            "url": url,
            "reference": reference,
            "sort_order": order,
        }
        for row, product in zip(rows, products, strict=True)
        for order, (channel_id, date, url, reference) in enumerate(row.publications)
    ]
    bulk_sql.insert_values(ProductPublication, items)
    ids = bulk_sql.ids_by(
        ProductPublication.objects.all(),
        "page_id",
        [product.pk for product in products],
        also=("sort_order",),
    )
    by_page = {product.pk: [] for product in products}
    for item in items:
        item["id"] = ids[item["page_id"], item["sort_order"]]
        by_page[item["page_id"]].append(item)
    return by_page


def insert_topics(rows, products):
    through = ProductPage.topics.through
    bulk_sql.insert_values(
        through,
        [
            {"productpage_id": product.pk, "topic_id": topic_id}
            for row, product in zip(rows, products, strict=True)
            for topic_id in row.topic_ids
        ],
    )
