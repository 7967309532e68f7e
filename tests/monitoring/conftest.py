"""Role fixtures (one user per role, found through the desks) and a year of plan data."""

import pytest
from django.contrib.auth.models import Group

from monitoring.models import Desk, DeskRole
from products.desk import roles as desk_roles
from products.models import Unit


def _user(django_user_model, name, *groups):
    user = django_user_model.objects.create_user(name, email=f"{name}@example.org", password="pw")
    user.groups.add(*groups)
    return user


def desk_group(role, slug):
    return Desk.objects.get(role=role, unit=Unit.objects.get(slug=slug)).group


@pytest.fixture
def people(db, django_user_model):
    """A user per role. Editors and reviewers of the desk are the products' groups."""

    def by_name(name):
        return Group.objects.get(name=name)

    bkt = Unit.objects.get(slug="bao-kon-tum")
    return {
        "reporter": _user(django_user_model, "reporter", desk_group(DeskRole.REPORTING, "bao-kon-tum")),
        "other_reporter": _user(
            django_user_model, "other_reporter", desk_group(DeskRole.REPORTING, "dai-ptth-kon-tum")
        ),
        "department": _user(django_user_model, "department", desk_group(DeskRole.REVIEW, "so-tttt")),
        "police_desk": _user(
            django_user_model, "police_desk", desk_group(DeskRole.MISINFORMATION, "cong-an-tinh")
        ),
        "dic_desk": _user(django_user_model, "dic_desk", desk_group(DeskRole.MISINFORMATION, "so-tttt")),
        "auditor": _user(django_user_model, "auditor", by_name(desk_roles.AUDITOR)),
        "administrator": _user(django_user_model, "administrator", by_name(desk_roles.ADMINISTRATOR)),
        "editor": _user(django_user_model, "editor", by_name(desk_roles.EDITOR.format(unit=bkt.name_vi))),
        "unit_reviewer": _user(
            django_user_model, "unit_reviewer", by_name(desk_roles.REVIEWER.format(unit=bkt.name_vi))
        ),
        "translator": _user(django_user_model, "translator", by_name(desk_roles.TRANSLATOR)),
    }


@pytest.fixture
def as_user(client, people):
    """``as_user("auditor")`` → the test client logged in as that role's user."""

    def login(role):
        client.force_login(people[role])
        return client

    return login


@pytest.fixture
def plan_year(registers):
    from tests.monitoring.data import build_plan_year

    return build_plan_year()
