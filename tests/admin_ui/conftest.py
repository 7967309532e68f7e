"""People who use the admin every day, as the desk creates them (groups from ``seed_reference``)."""

from unittest.mock import patch

import pytest
from django.contrib.auth.models import Group
from django.test.testcases import LiveServerThread
from pytest_django.live_server_helper import LiveServer

from products.desk import roles
from products.models import Unit
from tests.admin_ui.live import SerialWSGIServer


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


@pytest.fixture
def serial_live_server(transactional_db):
    """A live server answering one request at a time. Wagtail's editor autosaves while the
    person types and clicks; on SQLite the test database lives in memory, shared by the
    server's threads, and two writing requests at once fail with "table is locked"."""
    with patch.object(LiveServerThread, "server_class", SerialWSGIServer):
        server = LiveServer("localhost")
    yield server
    server.stop()
