"""Roles as Wagtail groups, and each unit's desk: page permissions and a review workflow.

Per unit, two groups get permissions on the unit's section pages in every locale:
- "Phóng viên, biên tập viên – <unit>": add and edit drafts, submit for review; no publish;
- "Duyệt bài – <unit>": also publish, and approve in the unit's workflow.
Across units: "Biên dịch viên" (translators: drafts anywhere, no publish), "Kiểm tra viên"
(auditors: read the admin, see and export the audit, edit nothing) and "Quản trị viên"
(registers, users, settings, audit). Wagtail's own permission checks then keep an editor
of one unit out of another unit's drafts, edits and publishing.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import GroupApprovalTask, GroupPagePermission, Workflow, WorkflowPage, WorkflowTask

EDITOR = "Phóng viên, biên tập viên – {unit}"
REVIEWER = "Duyệt bài – {unit}"
TRANSLATOR = "Biên dịch viên"
TRANSLATOR_INTO = "Biên dịch viên – {language}"
AUDITOR = "Kiểm tra viên"
ADMINISTRATOR = "Quản trị viên"
WORKFLOW = "Duyệt sản phẩm – {unit}"

EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page")
REVIEWER_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
# Administrators manage the registers (products' snippets), media and settings.
ADMIN_APPS = ("products", "wagtaildocs", "wagtailimages", "wagtailmedia")


def _perm(app_label, codename):
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()


def _admin_access():
    return _perm("wagtailadmin", "access_admin")


def _page_perm(codename):
    return _perm("wagtailcore", codename)


def _group(name, *permissions):
    group, _ = Group.objects.get_or_create(name=name)
    wanted = [p for p in (_admin_access(), *permissions) if p is not None]
    group.permissions.add(*wanted)
    return group


def unit_groups(unit):
    media = [
        _perm(app, code) for app in ("wagtaildocs", "wagtailimages") for code in ("add_document", "add_image")
    ]
    editor = _group(EDITOR.format(unit=unit.name_vi or unit.slug), *media)
    reviewer = _group(REVIEWER.format(unit=unit.name_vi or unit.slug), *media)
    return editor, reviewer


def grant_section(section, editor, reviewer):
    for group, codenames in ((editor, EDITOR_PAGE_PERMISSIONS), (reviewer, REVIEWER_PAGE_PERMISSIONS)):
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group, page=section, permission=_page_perm(codename)
            )


def unit_workflow(unit, reviewer):
    name = WORKFLOW.format(unit=unit.name_vi or unit.slug)
    workflow, _ = Workflow.objects.get_or_create(name=name)
    if not WorkflowTask.objects.filter(workflow=workflow).exists():
        task = GroupApprovalTask.objects.create(name=f"Duyệt – {unit.name_vi or unit.slug}")
        task.groups.set([reviewer])
        # workflow_tasks is a modelcluster relation: its .create() would not reach the database.
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


@transaction.atomic
def ensure_unit_desk(unit):
    """Groups, section permissions and the review workflow for one unit. Idempotent."""
    editor, reviewer = unit_groups(unit)
    workflow = unit_workflow(unit, reviewer)
    for section in unit.sections.all():
        grant_section(section, editor, reviewer)
        WorkflowPage.objects.update_or_create(page=section, defaults={"workflow": workflow})


@transaction.atomic
def ensure_roles():
    """The cross-unit roles. Idempotent; re-grants the audit permission once the audit app has it."""
    from home.models import HomePage

    translator = _group(TRANSLATOR, _perm("simple_translation", "submit_translation"))
    for home in HomePage.objects.all():
        for codename in EDITOR_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=translator, page=home, permission=_page_perm(codename)
            )
    from products import languages
    from products.desk.translation import permission_codename

    for lang in languages.LANGUAGES:
        _group(
            TRANSLATOR_INTO.format(language=lang.local_name),
            _perm("products", permission_codename(lang.code)),
        )
    _group(AUDITOR, _perm("audit", "view_audit"))
    admin_permissions = list(Permission.objects.filter(content_type__app_label__in=ADMIN_APPS))
    admin_permissions += [
        _perm("audit", "view_audit"),
        _perm("audit", "change_auditsettings"),
        _perm("auth", "add_user"),
        _perm("auth", "change_user"),
        _perm("wagtailadmin", "access_admin"),
    ]
    _group(ADMINISTRATOR, *admin_permissions)
