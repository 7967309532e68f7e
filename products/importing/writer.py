"""Writing validated rows: new products in bulk, existing ones (by ``external_id``) in place.

New products are inserted in batches, bypassing Wagtail's one-page-at-a-time
``add_child`` + revision + publish (tens of pages a second): the materialised paths of
the new children of each unit section are allocated by ``products.importing.tree``; the
``wagtailcore_page`` and ``products_productpage`` rows, then publications and topic links
(``products.importing.children``), go in with one ``cursor.executemany`` each
(``products.bulk_sql``: Django's bulk_create builds and compiles far more per row,
and refuses multi-table inheritance), attachments are stored, and the section's ``numchild``
is raised.
Each batch is one transaction: an interrupted import leaves whole batches, and
running it again updates those and creates the rest. Each new product then gets what
Wagtail's own path would have written (``products.importing.history`` and
``products.importing.wagtail_records``): a revision, Wagtail's log entries (and one more naming
the importer, the file and the row), the creator's subscription, its reference index rows, its
entry in Wagtail's search index and, once the batch is written, ``page_published`` for each
published product, inside the batch's transaction as Wagtail sends it: receivers (the archive
search, the page cache) listen to Wagtail's signals only, whoever wrote the page.

Rights (``products.importing.rights``): a row is published only when the importer may
publish in its unit; otherwise it is a draft, submitted to the unit's review workflow.
Re-imported products go through the ordinary Wagtail path (revision, publish or submit).
"""

import time

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Locale, Page

from products import bulk_sql, plan_counts
from products.importing import children, history, wagtail_records
from products.importing.admin_search import AdminSearchEntries
from products.importing.body import stream_data
from products.importing.exchange import finish_stored_file
from products.importing.files import attach, stored_file
from products.importing.rights import ImportRights
from products.importing.translations import TranslationKeys
from products.importing.tree import SectionState
from products.models import ProductAttachment, ProductPage, ProductPublication, Topic, Unit
from products.sections import section_for


class Writer:
    def __init__(self, *, translation_map, as_draft=False, user=None, rights=None, source_name=""):
        self.translation_keys = TranslationKeys(translation_map)
        self.as_draft = as_draft
        self.user = user
        self.rights = rights or ImportRights(user)
        self.source_name = source_name
        self.units = {unit.pk: unit for unit in Unit.objects.all()}
        self.locales = {}
        self.sections = {}
        self.content_type = ContentType.objects.get_for_model(ProductPage)
        self.created = 0
        self.updated = 0
        self.search_entries = AdminSearchEntries()  # keeps the title lengths between batches
        # Time spent after each batch's commit by what its page_published receivers queued
        # (the archive search's indexing, the page cache's purge), for the bench.
        self.index_seconds = 0.0
        self._commit_started = None

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
            self.sections[key] = SectionState(section_for(self.units[unit_id], language))
        return self.sections[key]

    # -- a batch ---------------------------------------------------------------------------

    def write_batch(self, rows):
        """Write ``rows`` in one transaction; returns the ids of the pages created or updated."""
        if not rows:
            return []
        for row in rows:  # sections may need creating (a Wagtail publish): do it first
            self.section_state(row.unit_id, row.language)
        with transaction.atomic():
            transaction.on_commit(self._after_commit_starts)  # runs before the receivers' callbacks
            existing = {
                page.external_id: page
                for page in ProductPage.objects.filter(external_id__in=[row.external_id for row in rows])
            }
            keys = self.translation_keys.for_rows(rows, existing)
            new_rows = [row for row in rows if row.external_id not in existing]
            created = self._create(new_rows, keys)
            ids = [product.pk for product in created]
            self._submit_for_review(
                [pk for pk, row in zip(ids, new_rows, strict=True) if self.submits(row.unit_id)]
            )
            for row in rows:
                if row.external_id in existing:
                    ids.append(self._update(existing[row.external_id], row, keys[row.external_id]))
            wagtail_records.announce_published(created)
            transaction.on_commit(self._after_commit_ends)
        return ids

    def _after_commit_starts(self):
        self._commit_started = time.perf_counter()

    def _after_commit_ends(self):
        self.index_seconds += time.perf_counter() - self._commit_started

    def _create(self, rows, keys):
        """Insert the pages of new products, section by section, then what hangs off them; the
        products (saved)."""
        if not rows:
            return []
        now = timezone.now()
        by_section = {}
        for row in rows:
            by_section.setdefault(self.section_state(row.unit_id, row.language), []).append(row)
        products = []
        for state, section_rows in by_section.items():
            state.lock()
            products.extend(self._new_product(state, row, keys[row.external_id], now) for row in section_rows)
            Page.objects.filter(pk=state.section.pk).update(numchild=F("numchild") + len(section_rows))
        self._insert_pages(products)
        self._insert_children(products)
        self._create_children([row for rows_ in by_section.values() for row in rows_], products)
        self.created += len(products)
        return products

    def _new_product(self, state, row, key, now):
        """The unsaved page of a new product, placed as the section's next child.

        Built from field values by attname (``bulk_sql.new_instance``): Django's keyword
        constructor and related-object descriptors cost more than the rest of the row."""
        slug = state.take_slug(row.title, row.external_id)
        live = self.publishes(row.unit_id) and not row.draft
        return bulk_sql.new_instance(
            ProductPage,
            {
                "title": row.title,
                "draft_title": row.title,
                "slug": slug,
                "content_type_id": self.content_type.pk,
                "live": live,
                "has_unpublished_changes": not live,
                "url_path": f"{state.section.url_path}{slug}/",
                "owner_id": self.user.pk if self.user is not None else None,
                "path": state.take_path(),
                "depth": state.section.depth + 1,
                "numchild": 0,
                "locale_id": self.locale(row.language).pk,
                "translation_key": key,
                "first_published_at": now if live else None,
                "last_published_at": now if live else None,
                "latest_revision_created_at": now,
                "summary": row.summary,
                # Keys in the order PostgreSQL's jsonb gives them back, so the revision equals the page.
                "search_description": row.search_description or "",
                "body": stream_data(row, self._stored_file),
                "transcript": row.transcript,
                "area_id": row.area_id,
                "task_id": row.task_id,
                "format_id": row.format_id,
                "unit_id": row.unit_id,
                "external_id": row.external_id,
                "language": row.language,
                "first_published": ProductPublication.first_published(p[1] for p in row.publications),
                # The plan-count copies (products/plan_counts.py), written with the row, so that the
                # first revision holds them as the page does.
                "is_live": live,
                "channel_mask": plan_counts.channel_mask(p[0] for p in row.publications),
                "digitised": plan_counts.is_digitised(
                    not (row.body or row.body_blocks), row.transcript, bool(row.files)
                ),
            },
        )

    @staticmethod
    def _insert_pages(products):
        """The ``wagtailcore_page`` rows of ``products``; each product gets its id (found by its
        path, which is unique)."""
        bulk_sql.insert_objects(Page, products)
        ids = bulk_sql.ids_by(Page.objects.all(), "path", [product.path for product in products])
        for product in products:
            product.page_ptr_id = product.pk = product.id = ids[product.path]

    def _create_children(self, rows, products):
        """Publications, topics and files of new products, then their revisions and log entries."""
        publications = children.insert_publications(rows, products)
        children.insert_topics(rows, products)
        attachments = {
            product.pk: attach(product.pk, row.files, self.user)
            for row, product in zip(rows, products, strict=True)
            if row.files
        }
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
            search_entries=self.search_entries,
        )
        for product in products:  # as a published page carries them: page_published receivers read them
            product.attachments = attachments.get(product.pk, [])

    def _submit_for_review(self, page_ids):
        """Start each draft's unit workflow, as the importer (Wagtail's own path, one by one)."""
        for page in ProductPage.objects.filter(pk__in=page_ids):
            workflow = page.get_workflow()
            if workflow is not None and not page.workflow_in_progress:
                workflow.start(page, self.user)

    @staticmethod
    def _insert_children(products):
        """The ``products_productpage`` rows (Django's bulk_create refuses multi-table models)."""
        bulk_sql.insert_objects(ProductPage, products)

    def _stored_file(self, item, title=None):
        """Store one file (an attachment, or a body block's image); the attachment's fields."""
        return stored_file(item, self.user, title)

    # -- updates ---------------------------------------------------------------------------

    def _update(self, page, row, key):
        section = self.section_state(row.unit_id, row.language).section
        if page.get_parent().pk != section.pk:
            page.move(section, pos="last-child")
            page.refresh_from_db()
        page.title = page.draft_title = row.title
        page.summary = row.summary
        page.body = stream_data(row, self._stored_file)
        if row.search_description is not None:
            page.search_description = row.search_description
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
            page.attachments = [
                ProductAttachment(
                    **finish_stored_file(self._stored_file(item, getattr(item, "title", None)), item)
                )
                for item in row.files
            ]
        revision = page.save_revision(user=self.user, log_action=True)
        if self.publishes(row.unit_id) and not row.draft:
            revision.publish(user=self.user)
        history.log_import(page, user=self.user, source_name=self.source_name, row=row.row)
        if self.submits(row.unit_id):
            self._submit_for_review([page.pk])
        self.updated += 1
        return page.pk
