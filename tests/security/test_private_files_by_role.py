"""Private files by role: the matrix row ``media.download_private``, tried by every person.

Every role of the matrix (``tests.roles.make_people``, anonymous too) and each of monitoring's
desks (the Department's consolidation desk, the misinformation desks, a unit's plan-report
desk) asks for a private image, document and audio file through the real URLs (Wagtail's
document view and ``/media/…``). What they get must be what the row gives their column; the
monitoring desks are no column of the matrix, so they get nothing private (seen in issue 24:
the consolidation desk held ``audit.view_audit``, which then meant "sees every file").
"""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import Client
from wagtail.models import Collection

from monitoring.models import Desk, PlanDuty
from products.desk.matrix import MATRIX, Role, Scope
from products.desk.models import DeskRole
from products.models import Unit
from tests.public.conftest import attach, file_urls, new_document, new_image, new_media
from tests.roles import OTHER, OWN, person

pytestmark = pytest.mark.django_db

ROW = MATRIX["media.download_private"]
# Person (a ``make_people`` attribute, or a monitoring desk) → their column of the matrix.
MATRIX_PEOPLE = {
    "anonymous": Role.ANONYMOUS,
    "editor": Role.EDITOR,
    "reviewer": Role.REVIEWER,
    "other_editor": Role.EDITOR,
    "other_reviewer": Role.REVIEWER,
    "translator": Role.TRANSLATOR,
    "translator_without_language": Role.TRANSLATOR,
    "auditor": Role.AUDITOR,
    "administrator": Role.ADMINISTRATOR,
    "superuser": Role.SUPERUSER,
}
# Monitoring's desks (role, unit): none is a column of the matrix.
MONITORING_DESKS = {
    "consolidation_desk": (PlanDuty.REVIEW, "so-tttt"),
    "misinformation_desk_department": (PlanDuty.MISINFORMATION, "so-tttt"),
    "misinformation_desk_police": (PlanDuty.MISINFORMATION, "cong-an-tinh"),
    "plan_report_desk_own_unit": (PlanDuty.REPORTING, OWN),
}
OWNS = {"other_editor": OTHER, "other_reviewer": OTHER}  # whose desk: the rest belong to OWN's


def expected(name, files_unit):
    """Whether ``name`` may download a private file used by a draft of ``files_unit``."""
    scope = ROW.cells[MATRIX_PEOPLE[name]] if name in MATRIX_PEOPLE else Scope.NONE
    return {
        Scope.NONE: False,
        Scope.PUBLIC: False,  # the files are private
        Scope.OWN_UNIT: OWNS.get(name, OWN) == files_unit,
        Scope.ALL: True,
    }[scope]


def private_files(unit):
    """A document, an image (and a rendition) and an audio file used only by a draft of ``unit``."""
    cache.clear()  # Wagtail caches renditions by image id, and ids come back after a rollback
    root = Collection.get_first_root_node()
    image = new_image(collection=root)
    files = {
        "document": new_document(collection=root),
        "image": image,
        "rendition": image.get_rendition("max-960x720"),
        "media": new_media(),
    }
    attach(files, live=False, unit=unit)
    return files


def everyone(people, django_user_model):
    found = {name: getattr(people, name, None) for name in MATRIX_PEOPLE}
    for name, (role, slug) in MONITORING_DESKS.items():
        group = Desk.objects.get(role=role, unit=Unit.objects.get(slug=slug)).group
        found[name] = person(django_user_model, name, group)
    return found


def served(person, url):
    client = Client()
    if person is not None:
        client.force_login(person)
    return client.get(url, follow=True).status_code == 200


@pytest.mark.parametrize("files_unit", [OWN, OTHER])
def test_private_files_go_to_exactly_the_matrix_rows_people(people, django_user_model, files_unit):
    files = private_files(files_unit)
    wrong = {}
    for name, who in everyone(people, django_user_model).items():
        for kind, url in file_urls(files).items():
            if served(who, url) != expected(name, files_unit):
                wrong.setdefault(name, []).append(kind)
    assert not wrong, f"private files of {files_unit}'s draft, served wrongly (matrix row {ROW.key}): {wrong}"


def test_only_the_auditor_and_administrator_role_groups_hold_every_private_file():
    holders = Group.objects.filter(
        permissions__content_type__app_label="products", permissions__codename="view_private_files"
    )
    roles = set(DeskRole.objects.filter(group__in=holders).values_list("role", flat=True))
    assert roles == {DeskRole.Kind.AUDITOR, DeskRole.Kind.ADMINISTRATOR}
    assert holders.count() == 2
