"""The write queue and the repairs, in one process (several processes: test_processes.py)."""

from io import StringIO

import pytest
import tantivy
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction
from django.utils import timezone
from tantivy import Query
from wagtail.models import Page

from products.models import ProductPage
from search import queue, store
from search.documents import indexable
from search.engines.tantivy_engine import schema
from search.indexing import rebuild, repair_index
from search.models import PendingIndexWrite
from tests.factories import make_product
from tests.search.helpers import committed, find, ids, publish

pytestmark = pytest.mark.django_db


def test_a_rolled_back_change_queues_and_indexes_nothing():
    with committed(), transaction.atomic():
        page = make_product(title="Hủy giao dịch Kon Plông")
        assert PendingIndexWrite.objects.filter(page_id=page.pk).exists()
        transaction.set_rollback(True)
    assert not PendingIndexWrite.objects.exists()
    assert ids("huy giao dich") == set()


def test_the_search_path_never_drains_inside_a_transaction():
    """Only committed changes may be indexed: a search inside a transaction leaves the queue."""
    page = make_product(title="Chưa ghi Măng Bút")  # not committed: no drain ran
    PendingIndexWrite.objects.update(queued_at=timezone.now() - timezone.timedelta(minutes=5))
    queue._last_stale_check[0] = 0.0
    assert queue.drain_stale() == 0
    assert page.pk not in ids("chua ghi mang but")
    assert PendingIndexWrite.objects.filter(page_id=page.pk).exists()


def test_repair_fixes_only_what_differs(archive):
    with committed():
        extra = make_product(title="Lọt lưới Ngọc Linh")
    with store.writer() as writer:  # entries lost behind the queue's back
        writer.delete_documents_by_query(Query.term_query(schema(), "id", archive["vi_dakto"]))
        writer.commit()
    ProductPage.objects.filter(pk=archive["en"]).update(live=False)  # unpublished behind its back
    ProductPage.objects.filter(pk=extra.pk).update(
        title="Đổi tên Ngọc Linh", last_published_at=timezone.now()
    )
    assert archive["vi_dakto"] not in ids("dak to")
    out = StringIO()
    call_command("rebuild_archive_index", "--repair", "--no-progress", stdout=out, stderr=StringIO())
    assert "Repair: 2 written, 1 removed." in out.getvalue()
    assert archive["vi_dakto"] in ids("dak to")
    assert archive["en"] not in ids("human rights")
    assert find("ngoc linh").hits[0]["title"] == "Đổi tên Ngọc Linh"
    assert str(repair_index()) == "0 written, 0 removed"  # nothing left to do


def test_repair_sees_a_title_changed_by_sql_behind_djangos_back(archive):
    """No signal, no new publication date: only the stored text differs from the index."""
    page = archive["vi_dakto"]
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {Page._meta.db_table} SET title = %s WHERE id = %s",  # noqa: S608 - the table name from the model
            ["Tin sửa tay ở Sa Thầy", page],
        )
    assert page in ids('"quyen con nguoi o dak to"')  # the index still holds the old title
    out = StringIO()
    call_command("rebuild_archive_index", "--repair", "--no-progress", stdout=out, stderr=StringIO())
    assert "Repair: 1 written, 0 removed." in out.getvalue()
    assert ids("tin sua tay sa thay") == {page}
    assert page not in ids('"quyen con nguoi o dak to"')  # the old title is gone


def test_a_rebuild_keeps_answering_and_keeps_the_writes_made_meanwhile(archive):
    before, answers, late = store.current_name(), [], []
    everything = ids("quyen con nguoi")

    def progress(done):
        answers.append(find("quyen con nguoi").count)  # the live generation still answers
        late.append(publish(title="Đăng trong lúc dựng lại Ya Chim").pk)

    pks = list(indexable().order_by("pk").values_list("pk", flat=True))
    rebuild(pks, progress=progress)
    assert answers == [len(everything)]
    assert store.current_name() != before
    assert ids("ya chim") == set(late)  # written to the old generation, carried over at the swap
    assert ids("quyen con nguoi") == everything


def test_a_second_rebuild_at_the_same_time_is_refused(archive):
    with store.rebuild_lock(), pytest.raises(CommandError, match="another rebuild is running"):
        call_command("rebuild_archive_index", "--no-progress", stdout=StringIO(), stderr=StringIO())
    assert archive["vi_dakto"] in ids("dak to")  # the live generation is untouched


def test_an_index_of_an_older_schema_says_to_rebuild_and_the_rebuild_replaces_it(archive, settings, tmp_path):
    """After an upgrade that changes what the index holds, searching names the command to
    run (loudly: a server error, in the logs), and that command works."""
    settings.SEARCH_INDEX_DIR = tmp_path
    old = store.root() / "g-old"  # this database's folder
    builder = tantivy.SchemaBuilder()
    builder.add_unsigned_field("id", indexed=True, fast=True)
    old.mkdir(parents=True)
    tantivy.Index(builder.build(), str(old))
    (store.root() / "CURRENT").write_text("g-old")
    with pytest.raises(store.IndexOutdated, match="rebuild_archive_index"):
        find("dak to")
    call_command("rebuild_archive_index", "--no-progress", stdout=StringIO(), stderr=StringIO())
    assert archive["vi_dakto"] in ids("dak to")
    assert not old.exists()


def test_every_start_rebuilds_an_index_that_cannot_answer_and_only_then(archive, settings, tmp_path):
    """``make serve`` runs ``rebuild_archive_index --if-needed``: an upgrade that changes the
    schema, or a new index folder, needs no step an operator must remember."""
    settings.SEARCH_INDEX_DIR = tmp_path  # no index yet for this database
    out = StringIO()
    call_command("rebuild_archive_index", "--if-needed", "--no-progress", stdout=out, stderr=StringIO())
    assert "Rebuilding the archive index" in out.getvalue()
    assert archive["vi_dakto"] in ids("dak to")
    again = StringIO()
    call_command("rebuild_archive_index", "--if-needed", "--no-progress", stdout=again, stderr=StringIO())
    assert again.getvalue().strip() == "The archive index answers: nothing to rebuild."
