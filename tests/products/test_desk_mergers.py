"""A unit renamed or merged into its successor keeps a working desk (issue 14).

Every member of the old unit's desk must still do what they could, through the real admin
views: an editor edits and submits the unit's products and uploads to its collection; a
reviewer approves a submitted product and publishes. A merger recorded in the register
(``Unit.successor``) also gives the successor's desk the merged unit's sections, and undoing
it takes them back.
"""

import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import Collection, Workflow

from products.desk import roles
from products.models import ProductPage, Unit
from tests.factories import Registers, make_product
from tests.products.test_product_pages import product_form
from tests.roles import person, role_group
from tests.security.matrix_probes import png, unique

MERGED = "bao-kon-tum"
SUCCESSOR = "bao-va-dai-quang-ngai"


@pytest.fixture
def desk(db, django_user_model):
    """The merged unit's editor and reviewer, and a successor unit with its own editor and reviewer."""
    successor = Unit.objects.create(
        slug=SUCCESSOR, name_vi="Báo và Phát thanh, Truyền hình Quảng Ngãi", kind=Unit.Kind.PRESS
    )
    make = lambda name, kind, unit: person(django_user_model, name, role_group(kind, unit))  # noqa: E731
    return {
        "editor": make("bientap", "editor", MERGED),
        "reviewer": make("duyetbai", "reviewer", MERGED),
        "successor_editor": make("bientap_moi", "editor", SUCCESSOR),
        "successor_reviewer": make("duyetbai_moi", "reviewer", SUCCESSOR),
        "successor": successor,
    }


def merge(slug=MERGED, into=SUCCESSOR):
    unit = Unit.objects.get(slug=slug)
    unit.successor = Unit.objects.get(slug=into) if into else None
    unit.valid_to = datetime.date(2025, 6, 30) if into else None
    unit.full_clean()
    unit.save()


def as_(client, user):
    client.force_login(user)
    return client


def draft_of(unit=MERGED):
    return make_product(title=unique("Bản nháp"), unit=unit, live=False)


def edit(client, page, action):
    title = unique("Đã sửa")
    client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        product_form(Registers(), title=title, action=action),
    )
    return ProductPage.objects.get(pk=page.pk), title


def can_edit(client, unit=MERGED):
    page, title = edit(client, draft_of(unit), "action-save")
    return page.get_latest_revision().content["title"] == title


def can_submit(client, unit=MERGED):
    page, _title = edit(client, draft_of(unit), "action-submit")
    return page.workflow_in_progress


def can_publish(client, unit=MERGED):
    page, _title = edit(client, draft_of(unit), "action-publish")
    return page.live


def can_approve(client, submitter, unit=MERGED):
    """``submitter`` sends a draft of ``unit`` for review; the client's person approves it."""
    page, _title = edit(as_(type(client)(), submitter), draft_of(unit), "action-submit")
    task_state = page.current_workflow_task_state
    if task_state is None:
        return False
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]),
        {"comment": ""},
    )
    return ProductPage.objects.get(pk=page.pk).live


def can_upload(client, unit=MERGED):
    collection = Unit.objects.get(slug=unit).desk.collection
    title = unique("Ảnh tải lên")
    client.post(reverse("wagtailimages:add"), {"title": title, "file": png(), "collection": collection.pk})
    return get_image_model().objects.filter(title=title, collection=collection).exists()


def abilities(client, desk):
    """What the merged unit's people can do on its products and collection."""
    editor, reviewer = desk["editor"], desk["reviewer"]
    return {
        "editor edits": can_edit(as_(client, editor)),
        "editor submits": can_submit(as_(client, editor)),
        "editor uploads": can_upload(as_(client, editor)),
        "reviewer approves": can_approve(as_(client, reviewer), editor),
        "reviewer publishes": can_publish(as_(client, reviewer)),
        "reviewer uploads": can_upload(as_(client, reviewer)),
    }


def test_a_renamed_unit_keeps_every_member_able_and_its_labels_follow(client, desk):
    before = abilities(client, desk)
    counts = (Group.objects.count(), Workflow.objects.count(), Collection.objects.count())
    unit = Unit.objects.get(slug=MERGED)
    unit.name_vi = "Báo Quảng Ngãi"
    unit.save()

    assert abilities(client, desk) == before == dict.fromkeys(before, True)
    assert (Group.objects.count(), Workflow.objects.count(), Collection.objects.count()) == counts
    unit.desk.refresh_from_db()
    assert unit.desk.workflow.name == roles.WORKFLOW.format(unit="Báo Quảng Ngãi")
    assert [task.name for task in unit.desk.workflow.tasks] == ["Duyệt – Báo Quảng Ngãi"]


def test_a_merged_units_people_keep_what_they_could_do(client, desk):
    before = abilities(client, desk)
    merge()
    assert abilities(client, desk) == before == dict.fromkeys(before, True)


def test_a_merger_gives_the_successors_desk_the_merged_units_sections(client, desk):
    editor, reviewer = desk["successor_editor"], desk["successor_reviewer"]
    assert not can_edit(as_(client, editor))  # not theirs before the merger
    merge()
    assert can_edit(as_(client, editor))
    assert can_submit(as_(client, editor))
    assert can_publish(as_(client, reviewer))
    assert can_approve(as_(client, reviewer), desk["editor"])  # the merged unit's product, in review
    assert can_edit(as_(client, editor), unit=SUCCESSOR)  # and their own sections still


def test_a_merger_follows_the_successor_chain(client, desk, django_user_model):
    """Báo Kon Tum → successor → a later successor: the last desk holds both older units' sections."""
    Unit.objects.create(slug="co-quan-bao-chi-tinh", name_vi="Cơ quan báo chí tỉnh", kind=Unit.Kind.PRESS)
    latest = person(django_user_model, "bientap_sau", role_group("editor", "co-quan-bao-chi-tinh"))
    merge()
    merge(SUCCESSOR, into="co-quan-bao-chi-tinh")
    assert can_edit(as_(client, latest))
    assert can_edit(as_(client, latest), unit=SUCCESSOR)


def test_an_undone_merger_takes_the_sections_back(client, desk):
    merge()
    merge(into=None)
    assert not can_edit(as_(client, desk["successor_editor"]))
    assert can_edit(as_(client, desk["editor"]))


def test_import_units_records_a_merger_and_the_desks_follow(client, desk, tmp_path):
    path = tmp_path / "don-vi.csv"
    path.write_text(
        f"slug,name_vi,valid_to,successor\n{MERGED},Báo Kon Tum (đã sáp nhập),2025-06-30,{SUCCESSOR}\n",
        encoding="utf-8",
    )
    before = abilities(client, desk)
    call_command("import_units", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    assert Unit.objects.get(slug=MERGED).successor.slug == SUCCESSOR
    assert abilities(client, desk) == before == dict.fromkeys(before, True)
    assert can_edit(as_(client, desk["successor_editor"]))
    assert role_group("editor", MERGED).name == roles.EDITOR.format(unit="Báo Kon Tum (đã sáp nhập)")
