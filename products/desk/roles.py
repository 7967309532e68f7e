"""The roles of the matrix as Wagtail groups, and each unit's desk.

``products.desk.matrix`` says what each role may do; this module grants the Django, page and
collection permissions that give exactly those rights, and ``products.desk.permissions`` adds
what Wagtail's permissions cannot say (translators' drafts, moves within one language).

Per unit, an editor group and a reviewer group hold page permissions on the unit's sections in
every language, the unit's review workflow and rights in the unit's own collection. A unit merged
into a successor keeps its desk; the successor's desk also takes its sections and approval task
(``products.desk.lineage``). Across units: translators (one group, plus one per language),
auditors and administrators, to whose rights other apps add theirs (``declared``).

Groups, workflows and collections are found through ``DeskRole`` and ``UnitDesk`` records, never
by name. Seeding sets each role group's permissions to exactly these: the matrix is the law,
and a right added to a role group by hand is gone at the next ``seed_reference``.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail import hooks
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from products import languages
from products.desk import lineage
from products.desk.models import DeskRole, UnitDesk
from products.desk.permissions import permission_codename
from products.models import Unit

Kind = DeskRole.Kind

EDITOR = "Phóng viên, biên tập viên – {unit}"
REVIEWER = "Duyệt bài – {unit}"
TRANSLATOR = "Biên dịch viên"
TRANSLATOR_INTO = "Biên dịch viên – {language}"
AUDITOR = "Kiểm tra viên"
ADMINISTRATOR = "Quản trị viên"
WORKFLOW = "Duyệt sản phẩm – {unit}"
TASK = "Duyệt – {unit}"
# Wagtail's own starter groups, which hold add/change/publish on the root page.
WAGTAIL_DEFAULT_GROUPS = ("Editors", "Moderators")

ACCESS_ADMIN = "wagtailadmin.access_admin"
# Every private file (matrix row ``media.download_private``): auditors and administrators only.
VIEW_PRIVATE_FILES = "products.view_private_files"
EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page")
REVIEWER_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
# "add" also lets an editor edit and delete their own uploads (Wagtail's ownership rule).
EDITOR_COLLECTION_PERMISSIONS = (
    "wagtailimages.add_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.choose_document",
    "wagtailmedia.add_media",
)
REVIEWER_COLLECTION_PERMISSIONS = (
    *EDITOR_COLLECTION_PERMISSIONS,
    "wagtailimages.change_image",
    "wagtailimages.delete_image",
    "wagtaildocs.change_document",
    "wagtaildocs.delete_document",
    "wagtailmedia.change_media",
    "wagtailmedia.delete_media",
)
REGISTER_MODELS = ("contentarea", "plantask", "format", "channel", "unit", "topic")
ADMINISTRATOR_PERMISSIONS = (
    ACCESS_ADMIN,
    *(f"products.{action}_{model}" for model in REGISTER_MODELS for action in ("add", "change", "delete")),
    "audit.view_audit",
    "audit.change_auditsettings",
    VIEW_PRIVATE_FILES,
    "auth.add_user",
    "auth.change_user",
    "auth.delete_user",
    "auth.add_group",
    "auth.change_group",
    "auth.delete_group",
    "axes.view_accessattempt",
    "axes.delete_accessattempt",
)
AUDITOR_PERMISSIONS = (ACCESS_ADMIN, "audit.view_audit", VIEW_PRIVATE_FILES)


def permissions(*labels):
    """``"app.codename"`` labels → Permission objects (labels of apps not installed are skipped)."""
    wanted = {tuple(label.split(".", 1)) for label in labels}
    found = Permission.objects.filter(
        content_type__app_label__in={app for app, _ in wanted}, codename__in={code for _, code in wanted}
    ).select_related("content_type")
    return [p for p in found if (p.content_type.app_label, p.codename) in wanted]


def group_for(kind, *, unit=None, language=""):
    """The group playing ``kind`` (for ``unit`` or ``language``), or None."""
    record = DeskRole.objects.filter(role=kind, unit=unit, language=language).select_related("group")
    record = record.first()
    return record.group if record else None


def role_group(kind, name, *, unit=None, language=""):
    """The role's group, found by its record; the first run adopts a group of that name."""
    group = group_for(kind, unit=unit, language=language)
    if group is None:
        group = Group.objects.filter(name=name, desk_role__isnull=True).first()
        if group is None:
            taken = Group.objects.filter(name=name).exists()
            group = Group.objects.create(name=f"{name} ({kind})" if taken else name)
        DeskRole.objects.create(group=group, role=kind, unit=unit, language=language)
    elif group.name != name and not Group.objects.filter(name=name).exists():
        group.name = name  # follows the unit's renaming
        group.save(update_fields=["name"])
    return group


def set_permissions(group, labels):
    group.permissions.set(permissions(*labels))


def declared(kind):
    """Other apps' share of role ``kind``'s rights, ``{DeskRole.Kind: ["app.codename", …]}`` from each
    ``register_role_permissions`` hook: seeding sets all in one step, whatever seed ran last."""
    return [label for hook in hooks.get_hooks("register_role_permissions") for label in hook().get(kind, ())]


def set_page_permissions(group, pages, codenames):
    """Exactly ``codenames`` on each of ``pages``, nothing elsewhere."""
    wanted = {
        (page.pk, p.pk) for page in pages for p in permissions(*(f"wagtailcore.{c}" for c in codenames))
    }
    existing = {
        (gpp.page_id, gpp.permission_id): gpp.pk for gpp in GroupPagePermission.objects.filter(group=group)
    }
    GroupPagePermission.objects.filter(
        pk__in=[pk for key, pk in existing.items() if key not in wanted]
    ).delete()
    GroupPagePermission.objects.bulk_create(
        [
            GroupPagePermission(group=group, page_id=page, permission_id=perm)
            for page, perm in wanted - set(existing)
        ]
    )


def set_collection_permissions(group, collections, labels):
    """Exactly ``labels`` on each of ``collections``, nothing elsewhere."""
    wanted = {(collection.pk, p.pk) for collection in collections for p in permissions(*labels)}
    records = GroupCollectionPermission.objects.filter(group=group)
    existing = {(gcp.collection_id, gcp.permission_id): gcp.pk for gcp in records}
    records.filter(pk__in=[pk for key, pk in existing.items() if key not in wanted]).delete()
    GroupCollectionPermission.objects.bulk_create(
        [
            GroupCollectionPermission(group=group, collection_id=collection, permission_id=perm)
            for collection, perm in wanted - set(existing)
        ]
    )


# -- a unit's desk -----------------------------------------------------------------------


def unit_name(unit):
    return unit.name_vi or unit.slug


def relabel(record, label):
    """Labels follow the unit's name; the record itself (and what hangs on it) stays."""
    if record.name != label:
        record.name = label
        record.save(update_fields=["name"])


def approval_task(workflow, label):
    """The workflow's first group approval task; made with the workflow, never added to one a
    superuser has shaped otherwise."""
    task = (
        GroupApprovalTask.objects.filter(workflow_tasks__workflow=workflow)
        .order_by("workflow_tasks__sort_order")
        .first()
    )
    if task is None and not WorkflowTask.objects.filter(workflow=workflow).exists():
        task = GroupApprovalTask.objects.create(name=label)
        # workflow_tasks is a modelcluster relation: its .create() would not reach the database.
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return task


def unit_workflow(desk, reviewers):
    """The unit's review workflow: one approval task whose desk reviewer groups are exactly
    ``reviewers`` (the unit's, then its successors'); groups a superuser added stay."""
    name = unit_name(desk.unit)
    if desk.workflow is None:
        label = WORKFLOW.format(unit=name)
        workflow = Workflow.objects.filter(name=label, unit_desk__isnull=True).first()
        desk.workflow = workflow or Workflow.objects.create(name=label)
        desk.save(update_fields=["workflow"])
    relabel(desk.workflow, WORKFLOW.format(unit=name))
    task = approval_task(desk.workflow, TASK.format(unit=name))
    if task is not None:
        relabel(task, TASK.format(unit=name))
        stale = task.groups.filter(desk_role__role=Kind.REVIEWER).exclude(pk__in=[g.pk for g in reviewers])
        task.groups.remove(*stale)
        task.groups.add(*reviewers)
    return desk.workflow


def unit_collection(desk):
    if desk.collection is None:
        root = Collection.get_first_root_node()
        desk.collection = root.add_child(instance=Collection(name=unit_name(desk.unit)))
        desk.save(update_fields=["collection"])
    # Its name is left as it is: administrators name collections (tests/security/test_collections.py).
    return desk.collection


def desk_of(unit):
    """One unit's groups, page permissions on its sections and on those of every unit merged
    into it, its collection and its review workflow."""
    desk, _ = UnitDesk.objects.get_or_create(unit=unit)
    editor = role_group(Kind.EDITOR, EDITOR.format(unit=unit_name(unit)), unit=unit)
    reviewer = role_group(Kind.REVIEWER, REVIEWER.format(unit=unit_name(unit)), unit=unit)
    collection = unit_collection(desk)
    own_sections = list(unit.sections.all())
    sections = own_sections + [s for merged in lineage.predecessors(unit) for s in merged.sections.all()]
    for group, page_codenames, collection_labels in (
        (editor, EDITOR_PAGE_PERMISSIONS, EDITOR_COLLECTION_PERMISSIONS),
        (reviewer, REVIEWER_PAGE_PERMISSIONS, REVIEWER_COLLECTION_PERMISSIONS),
    ):
        set_permissions(group, [ACCESS_ADMIN])
        set_page_permissions(group, sections, page_codenames)
        set_collection_permissions(group, [collection], collection_labels)
    successor_reviewers = (group_for(Kind.REVIEWER, unit=later) for later in lineage.successors(unit))
    workflow = unit_workflow(desk, [reviewer, *filter(None, successor_reviewers)])
    for section in own_sections:
        WorkflowPage.objects.update_or_create(page=section, defaults={"workflow": workflow})
    return desk


def units_holding_sections_of(unit):
    """Other units whose desks hold rights on ``unit``'s sections (a merger since undone)."""
    holders = DeskRole.objects.filter(
        role__in=[Kind.EDITOR, Kind.REVIEWER], group__page_permissions__page__in=unit.sections.all()
    ).exclude(unit=unit)
    return Unit.objects.filter(pk__in=holders.values("unit"))


@transaction.atomic
def ensure_unit_desk(unit):
    """The unit's desk, and the desks a merger links to it (successors, merged units, and the
    units that held its sections before the register changed). Idempotent."""
    desk = desk_of(unit)
    related = lineage.related_units(unit)
    related |= {other.pk: other for other in units_holding_sections_of(unit)}
    for other in related.values():
        desk_of(other)
    return desk


# -- roles across units --------------------------------------------------------------------


def strip_wagtail_default_groups():
    """Wagtail's starter groups hold add/change/publish on the root page and every collection:
    deleted when nobody is in them, otherwise left without page or collection rights."""
    for group in Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS, desk_role__isnull=True):
        if not group.user_set.exists():
            group.delete()
            continue
        GroupPagePermission.objects.filter(group=group).delete()
        GroupCollectionPermission.objects.filter(group=group).delete()


@transaction.atomic
def ensure_roles():
    """The roles across units. Idempotent; re-grants what apps installed later declare."""
    translator = role_group(Kind.TRANSLATOR, TRANSLATOR)
    set_permissions(translator, [ACCESS_ADMIN, "simple_translation.submit_translation"])
    for lang in languages.LANGUAGES:
        group = role_group(
            Kind.TRANSLATOR_INTO, TRANSLATOR_INTO.format(language=lang.local_name), language=lang.code
        )
        set_permissions(group, [ACCESS_ADMIN, f"products.{permission_codename(lang.code)}"])
    set_permissions(role_group(Kind.AUDITOR, AUDITOR), [*AUDITOR_PERMISSIONS, *declared(Kind.AUDITOR)])
    administrator = role_group(Kind.ADMINISTRATOR, ADMINISTRATOR)
    set_permissions(administrator, [*ADMINISTRATOR_PERMISSIONS, *declared(Kind.ADMINISTRATOR)])
    set_collection_permissions(
        administrator, [Collection.get_first_root_node()], REVIEWER_COLLECTION_PERMISSIONS
    )
    for group in (
        translator,
        *Group.objects.filter(desk_role__role__in=[Kind.TRANSLATOR_INTO, Kind.AUDITOR, Kind.ADMINISTRATOR]),
    ):
        set_page_permissions(group, [], ())
    strip_wagtail_default_groups()
