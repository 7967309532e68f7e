"""Role fixtures (one user per role, found through the desks) and a year of plan data."""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group

from monitoring.models import Desk, PlanDuty
from products.desk import roles as desk_roles
from products.models import Unit


def _user(django_user_model, name, *groups):
    user = django_user_model.objects.create_user(name, email=f"{name}@example.org", password="pw")
    user.groups.add(*groups)
    return user


def desk_group(role, slug):
    return Desk.objects.get(role=role, unit=Unit.objects.get(slug=slug)).group


@pytest.fixture
def desk_users(db, django_user_model):
    """{role: user} of the plan's desks (reporting, review, misinformation) and of the products'
    roles (editors and reviewers of the desk are the products' groups). Not ``people``
    (tests/conftest.py: the role matrix's namespace)."""

    def by_name(name):
        return Group.objects.get(name=name)

    bkt = Unit.objects.get(slug="bao-kon-tum")
    return {
        "reporter": _user(django_user_model, "reporter", desk_group(PlanDuty.REPORTING, "bao-kon-tum")),
        "other_reporter": _user(
            django_user_model, "other_reporter", desk_group(PlanDuty.REPORTING, "dai-ptth-kon-tum")
        ),
        "department": _user(django_user_model, "department", desk_group(PlanDuty.REVIEW, "so-tttt")),
        "police_desk": _user(
            django_user_model, "police_desk", desk_group(PlanDuty.MISINFORMATION, "cong-an-tinh")
        ),
        "dic_desk": _user(django_user_model, "dic_desk", desk_group(PlanDuty.MISINFORMATION, "so-tttt")),
        "auditor": _user(django_user_model, "auditor", by_name(desk_roles.AUDITOR)),
        "administrator": _user(django_user_model, "administrator", by_name(desk_roles.ADMINISTRATOR)),
        "editor": _user(django_user_model, "editor", by_name(desk_roles.EDITOR.format(unit=bkt.name_vi))),
        "unit_reviewer": _user(
            django_user_model, "unit_reviewer", by_name(desk_roles.REVIEWER.format(unit=bkt.name_vi))
        ),
        "translator": _user(django_user_model, "translator", by_name(desk_roles.TRANSLATOR)),
    }


@pytest.fixture
def as_user(client, desk_users):
    """``as_user("auditor")`` → the test client logged in as that role's user."""

    def login(role):
        client.force_login(desk_users[role])
        return client

    return login


@pytest.fixture(scope="module")
def plan_year_keys(module_transaction):
    """The plan year (``data.build_plan_year``), built once per module: {part: {key: pk}}."""
    from tests.monitoring.data import build_plan_year

    built = build_plan_year()
    return {
        "products": {key: page.pk for key, page in built.products.items()},
        "activities": {key: activity.pk for key, activity in built.activities.items()},
        "items": {key: item.pk for key, item in built.items.items()},
        "commune": built.commune.pk,
    }


@pytest.fixture
def plan_year(db, plan_year_keys):
    """The module's plan year, read again for each test: what a test changes goes with its savepoint."""
    from tests.monitoring.data import MODELS

    def fresh(part):
        rows = MODELS[part].objects.in_bulk(plan_year_keys[part].values())
        return {key: rows[pk] for key, pk in plan_year_keys[part].items()}

    return SimpleNamespace(
        products=fresh("products"),
        activities=fresh("activities"),
        items=fresh("items"),
        commune=Unit.objects.get(pk=plan_year_keys["commune"]),
    )
