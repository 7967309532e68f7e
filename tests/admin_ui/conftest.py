"""People who use the admin every day, as the desk creates them (groups from ``seed_reference``)."""

import pytest
from django.contrib.auth.models import Group

from products.desk import roles
from products.models import Unit


def member_of(django_user_model, username, group_name, **fields):
    user = django_user_model.objects.create_user(
        username, email=f"{username}@example.vn", password="pw", **fields
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def reporter(django_user_model, registers):
    """A reporter of Báo Kon Tum: writes drafts in the unit's sections and submits them."""
    unit = Unit.objects.get(slug="bao-kon-tum")
    return member_of(django_user_model, "phongvien", roles.EDITOR.format(unit=unit.name_vi))


@pytest.fixture
def administrator(django_user_model, registers):
    return member_of(django_user_model, "quantri", roles.ADMINISTRATOR, is_superuser=True)
