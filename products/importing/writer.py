"""Writing validated rows: new products in bulk, existing ones (by ``external_id``) in place.

New products are inserted in batches, bypassing Wagtail's one-page-at-a-time
``add_child`` + revision + publish (tens of pages a second): the materialised paths of
the new children of each unit section are computed here (treebeard ``MP_Node``, 4
base-36 characters per level), the ``wagtailcore_page`` rows go in with
``Page.objects.bulk_create``, the ``products_productpage`` rows with
``cursor.executemany`` (Django's bulk_create refuses multi-table inheritance), then
publications, topic links and attachments, and the section's ``numchild`` is raised.
Each batch is one transaction: an interrupted import leaves whole batches, and
running it again updates those and creates the rest. Each new product then gets what
Wagtail's own path would have written (``products.importing.history``): a revision, a log
entry naming the importer, the file and the row, and its entry in Wagtail's search index.

Rights (``products.importing.rights``): a row is published only when the importer may
publish in its unit; otherwise it is a draft, submitted to the unit's review workflow.
Re-imported products go through the ordinary Wagtail path (revision, publish or submit).
"""

import os
import time
import uuid

from django.contrib.contenttypes.models import ContentType
from django.core.files import File
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Locale, Page

from products.audit_flags import refresh_flags
from products.importing import history
from products.importing.rights import ImportRights
from products.importing.validation import resolve_root
from products.signals import products_imported
from products.slugs import ascii_slug


def announce_imported(page_ids):
    """Tell the listeners (the archive search among them) which products a batch wrote."""
    if page_ids:
        products_imported.send(sender=Writer, page_ids=list(page_ids))


class SectionState:
    """A unit section and where its next new child goes."""

    def __init__(self, section):
        self.section = section
        self.slugs = set(self.children().values_list("slug", flat=True))
        self.next_step = None

    def children(self):
        # A range on the (indexed) path, not LIKE 'path%', which SQLite scans the whole table for.
        low = self.section.path + Page.alphabet[0] * Page.steplen
        high = self.section.path + Page.alphabet[-1] * Page.steplen
        return Page.objects.filter(path__gte=low, path__lte=high)

    def refresh_step(self):
        last = self.children().order_by("-path").values_list("path", flat=True).first()
        self.next_step = (int(last[-Page.steplen :], len(Page.alphabet)) + 1) if last else 1

    def take_path(self):
        path = Page._get_path(self.section.path, self.section.depth + 1, self.next_step)
        self.next_step += 1
        return path

    def take_slug(self, title, external_id):
        base = ascii_slug(title, fallback=external_id)[:70].strip("-") or "san-pham"
        slug, n = base, 1
        while slug in self.slugs:
            n += 1
            slug = f"{base}-{n}"
        self.slugs.add(slug)
        return slug


class Writer:
    def __init__(self, *, translation_map, as_draft=False, user=None, rights=None, source_name=""):
        from products.models import ProductPage, Unit

        self.translation_map = translation_map
        self.as_draft = as_draft
        self.user = user
        self.rights = rights or ImportRights(user)
        self.source_name = source_name
        self.units = {unit.pk: unit for unit in Unit.objects.all()}
        self.locales = {}
        self.sections = {}
        self.pending_keys = {}  # root external_id → translation_key given before the root was written
        self.content_type = ContentType.objects.get_for_model(ProductPage)
        self.created = 0
        self.updated = 0
        self.index_seconds = 0.0  # time spent by the products_imported listeners (search), for the bench

    # -- helpers ---------------------------------------------------------------------------

    def publishes(self, unit_id):
        return not self.as_draft and self.rights.may_publish(unit_id)

    def submits(self, unit_id):
        """Rows the importer may not publish go to the unit's review."""
        return not self.rights.may_publish(unit_id)

    def locale(self, code):
        if code not in self.locales:
            self.locales[code] = Locale.objects.get(language_code=code)
        return self.locales[code]

    def section_state(self, unit_id, language):
        key = (unit_id, language)
        if key not in self.sections:
            from products.sections import section_for

            self.sections[key] = SectionState(section_for(self.units[unit_id], language))
        return self.sections[key]

    def translation_keys(self, rows, existing_keys):
        """The translation_key each row gets (None: keep or make its own)."""
        from products.models import ProductPage

        roots = {row.external_id: resolve_root(self.translation_map, row.external_id) for row in rows}
        wanted = {root for ext, root in roots.items() if root != ext}
        db_keys = dict(
            ProductPage.objects.filter(external_id__in=wanted).values_list("external_id", "translation_key")
        )
        keys, batch_roots = {}, {}
        for row in rows:  # roots first, so that their translations in the batch share their key
            if roots[row.external_id] != row.external_id:
                continue
            if row.external_id in existing_keys:
                keys[row.external_id] = None
            else:
                keys[row.external_id] = self.pending_keys.pop(row.external_id, None) or uuid.uuid4()
                batch_roots[row.external_id] = keys[row.external_id]
        for row in rows:
            root = roots[row.external_id]
            if root != row.external_id:
                keys[row.external_id] = (
                    db_keys.get(root)
                    or batch_roots.get(root)
                    or self.pending_keys.setdefault(root, uuid.uuid4())
                )
        return keys

    # -- a batch ---------------------------------------------------------------------------

    def write_batch(self, rows):
        """Write ``rows`` in one transaction; returns the ids of the pages created or updated."""
        from products.models import ProductPage

        if not rows:
            return []
        for row in rows:  # sections may need creating (a Wagtail publish): do it first
            self.section_state(row.unit_id, row.language)
        with transaction.atomic():
            existing = {
                page.external_id: page
                for page in ProductPage.objects.filter(external_id__in=[row.external_id for row in rows])
            }
            keys = self.translation_keys(rows, existing)
            new_rows = [row for row in rows if row.external_id not in existing]
            ids = self._create(new_rows, keys)
            self._submit_for_review(
                [pk for pk, row in zip(ids, new_rows, strict=True) if self.submits(row.unit_id)]
            )
            for row in rows:
                if row.external_id in existing:
                    ids.append(self._update(existing[row.external_id], row, keys[row.external_id]))
        started = time.perf_counter()
        announce_imported(ids)
        self.index_seconds += time.perf_counter() - started
        return ids

    def _create(self, rows, keys):  # noqa: PLR0914 - one bulk insert per table
        from products.models import ProductPage

        if not rows:
            return []
        now = timezone.now()
        by_section = {}
        for row in rows:
            by_section.setdefault(self.section_state(row.unit_id, row.language), []).append(row)
        pages, products = [], []
        for state, section_rows in by_section.items():
            # Lock the section while its children's paths are taken.
            list(Page.objects.select_for_update().filter(pk=state.section.pk).values_list("pk"))
            state.refresh_step()
            for row in section_rows:
                slug = state.take_slug(row.title, row.external_id)
                live = self.publishes(row.unit_id)
                product = ProductPage(
                    title=row.title,
                    draft_title=row.title,
                    slug=slug,
                    content_type=self.content_type,
                    live=live,
                    has_unpublished_changes=not live,
                    url_path=f"{state.section.url_path}{slug}/",
                    owner=self.user,
                    path=state.take_path(),
                    depth=state.section.depth + 1,
                    numchild=0,
                    locale=self.locale(row.language),
                    translation_key=keys[row.external_id],
                    first_published_at=now if live else None,
                    last_published_at=now if live else None,
                    latest_revision_created_at=now,
                    summary=row.summary,
                    body=[{"type": "paragraph", "value": row.body, "id": str(uuid.uuid4())}]
                    if row.body
                    else [],
                    transcript=row.transcript,
                    area_id=row.area_id,
                    task_id=row.task_id,
                    format_id=row.format_id,
                    unit_id=row.unit_id,
                    external_id=row.external_id,
                    language=row.language,
                    first_published=min(p[1] for p in row.publications) if row.publications else None,
                )
                products.append(product)
                pages.append(
                    Page(
                        **{
                            f.attname: getattr(product, f.attname)
                            for f in Page._meta.concrete_fields
                            if not f.primary_key
                        }
                    )
                )
            Page.objects.filter(pk=state.section.pk).update(numchild=F("numchild") + len(section_rows))
        Page.objects.bulk_create(pages)
        if any(page.pk is None for page in pages):  # backends that do not return ids
            by_path = dict(Page.objects.filter(path__in=[p.path for p in pages]).values_list("path", "pk"))
            for page in pages:
                page.pk = by_path[page.path]
        for page, product in zip(pages, products, strict=True):
            product.page_ptr_id = product.pk = product.id = page.pk
        self._insert_children(products)

        ordered_rows = [r for rows_ in by_section.values() for r in rows_]
        self._create_children(ordered_rows, products)
        refresh_flags([product.pk for product in products])  # plan-count copies (products/audit_flags.py)
        self.created += len(products)
        return [product.pk for product in products]

    def _create_children(self, rows, products):
        """Publications, topics and files of new products, then their revisions and log entries."""
        from products.models import ProductPage, ProductPublication

        through = ProductPage.topics.through
        publications = {}
        attachments = {}
        for row, product in zip(rows, products, strict=True):
            publications[product.pk] = [
                ProductPublication(
                    page_id=product.pk,
                    channel_id=channel_id,
                    date=date,
                    url=url,
                    reference=reference,
                    sort_order=order,
                )
                for order, (channel_id, date, url, reference) in enumerate(row.publications)
            ]
            if row.files:
                attachments[product.pk] = self._attach(product.pk, row.files)
        ProductPublication.objects.bulk_create(
            [p for items in publications.values() for p in items], batch_size=1000
        )
        through.objects.bulk_create(
            [
                through(productpage_id=product.pk, topic_id=topic_id)
                for row, product in zip(rows, products, strict=True)
                for topic_id in row.topic_ids
            ],
            batch_size=1000,
        )
        history.record_new_products(
            [
                (
                    product,
                    row.row,
                    {
                        "publications": publications[product.pk],
                        "attachments": attachments.get(product.pk, []),
                    },
                    {"topics": row.topic_ids},
                )
                for row, product in zip(rows, products, strict=True)
            ],
            user=self.user,
            source_name=self.source_name,
        )

    def _submit_for_review(self, page_ids):
        """Start each draft's unit workflow, as the importer (Wagtail's own path, one by one)."""
        from products.models import ProductPage

        for page in ProductPage.objects.filter(pk__in=page_ids):
            workflow = page.get_workflow()
            if workflow is not None and not page.workflow_in_progress:
                workflow.start(page, self.user)

    @staticmethod
    def _insert_children(products):
        from products.models import ProductPage

        fields = list(ProductPage._meta.local_concrete_fields)
        table = connection.ops.quote_name(ProductPage._meta.db_table)
        columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
        placeholders = ", ".join(["%s"] * len(fields))
        sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"  # noqa: S608 - names from the model
        params = [
            [f.get_db_prep_save(f.pre_save(product, add=True), connection) for f in fields]
            for product in products
        ]
        with connection.cursor() as cursor:
            cursor.executemany(sql, params)

    # -- files -----------------------------------------------------------------------------

    def _attach(self, page_id, files, start=0):
        from products.models import ProductAttachment

        attachments = []
        for order, item in enumerate(files, start=start):
            attachments.append(
                ProductAttachment(page_id=page_id, sort_order=order, **self._stored_file(item))
            )
        return ProductAttachment.objects.bulk_create(attachments)

    def _stored_file(self, item):
        """Store one file in Wagtail's documents, images or media; the attachment's fields."""
        title = os.path.basename(item.name)
        with open(item.path, "rb") as handle:
            if item.kind == "document":
                from wagtail.documents import get_document_model

                from products.pdftext import extract_pdf_text

                document = get_document_model()(title=title, uploaded_by_user=self.user)
                document.file.save(title, File(handle), save=False)
                document.save()
                return {
                    "document": document,
                    "caption": title[:255],
                    "extracted_text": extract_pdf_text(item.path),
                }
            if item.kind == "image":
                from django.core.files.images import ImageFile
                from wagtail.images import get_image_model

                image = get_image_model()(title=title, uploaded_by_user=self.user)
                image.file.save(title, ImageFile(handle, name=title), save=False)
                image.save()
                return {"image": image, "caption": title[:255]}
            from wagtailmedia.models import get_media_model

            media = get_media_model()(title=title, type=item.kind, uploaded_by_user=self.user)
            media.file.save(title, File(handle), save=False)
            media.save()
            return {"media": media, "caption": title[:255]}

    # -- updates ---------------------------------------------------------------------------

    def _update(self, page, row, key):
        from products.models import ProductAttachment, ProductPublication, Topic

        section = self.section_state(row.unit_id, row.language).section
        if page.get_parent().pk != section.pk:
            page.move(section, pos="last-child")
            page.refresh_from_db()
        page.title = page.draft_title = row.title
        page.summary = row.summary
        page.body = [("paragraph", _rich(row.body))] if row.body else []
        page.transcript = row.transcript
        page.area_id, page.task_id, page.format_id = row.area_id, row.task_id, row.format_id
        if key is not None:
            page.translation_key = key
        page.topics = list(Topic.objects.filter(pk__in=row.topic_ids))
        page.publications = [
            ProductPublication(channel_id=channel_id, date=date, url=url, reference=reference)
            for channel_id, date, url, reference in row.publications
        ]
        if row.files:
            page.attachments = [ProductAttachment(**self._stored_file(item)) for item in row.files]
        revision = page.save_revision(user=self.user, log_action=True)
        if self.publishes(row.unit_id):
            revision.publish(user=self.user)
        history.log_import(page, user=self.user, source_name=self.source_name, row=row.row)
        if self.submits(row.unit_id):
            self._submit_for_review([page.pk])
        self.updated += 1
        return page.pk


def _rich(html):
    from wagtail.rich_text import RichText

    return RichText(html)
