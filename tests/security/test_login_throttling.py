"""Repeated wrong passwords lock the login out; an administrator can lift it (issue 12)."""

import logging

import pytest
from django.urls import reverse

from tests.roles import PASSWORD

LOGIN = "/admin/login/"


def attempt(client, username, password, address="203.0.113.7"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def logged_in(client):
    return client.get(reverse("wagtailadmin_home")).status_code == 200


def test_sixty_wrong_passwords_then_the_right_one_is_refused(client, people):
    for _ in range(60):
        attempt(client, "editor", "sai-mat-khau")
    response = attempt(client, "editor", PASSWORD)
    assert not logged_in(client)
    text = response.content.decode()
    assert response.status_code == 429
    assert "Tài khoản tạm thời bị khóa" in text


def test_a_few_mistakes_do_not_lock_and_the_lock_is_per_user_and_address(client, people):
    for _ in range(3):
        attempt(client, "editor", "sai-mat-khau")
    attempt(client, "editor", PASSWORD)
    assert logged_in(client)
    client.logout()
    for _ in range(10):
        attempt(client, "reviewer", "sai-mat-khau")
    attempt(client, "editor", PASSWORD)  # another user from the same address
    assert logged_in(client)
    client.logout()
    attempt(client, "reviewer", PASSWORD, address="198.51.100.9")  # the same user from another address
    assert logged_in(client)


def test_every_lockout_is_logged(client, people, caplog):
    with caplog.at_level(logging.WARNING, logger="products.desk.lockouts"):
        for _ in range(12):
            attempt(client, "editor", "sai-mat-khau")
    assert any(
        "editor" in record.getMessage() and "203.0.113.7" in record.getMessage() for record in caplog.records
    )
    from wagtail.models import ModelLogEntry

    assert ModelLogEntry.objects.filter(
        action="products.login_locked", object_id=str(people.editor.pk)
    ).exists()


def test_administrator_lists_and_lifts_a_lockout(client, people):
    for _ in range(6):
        attempt(client, "editor", "sai-mat-khau")
    admin = client.__class__()
    admin.force_login(people.administrator)
    listing = admin.get(reverse("login_lockouts:index"))
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "editor" in html and "203.0.113.7" in html and "Mở khóa" in html
    from axes.models import AccessAttempt

    lockout = AccessAttempt.objects.get(username="editor")
    response = admin.post(reverse("login_lockouts:unlock", args=[lockout.pk]))
    assert response.status_code == 302
    attempt(client, "editor", PASSWORD)
    assert logged_in(client)
    from wagtail.models import ModelLogEntry

    entry = ModelLogEntry.objects.get(action="products.login_unlocked")
    assert entry.user == people.administrator and entry.object_id == str(people.editor.pk)


@pytest.mark.parametrize("role", ["editor", "reviewer", "translator", "auditor"])
def test_only_administrators_see_or_lift_lockouts(client, people, role):
    for _ in range(6):
        attempt(client, "editor", "sai-mat-khau")
    from axes.models import AccessAttempt

    lockout = AccessAttempt.objects.get(username="editor")
    other = client.__class__()
    other.force_login(getattr(people, role))
    assert other.get(reverse("login_lockouts:index")).status_code == 403
    assert other.post(reverse("login_lockouts:unlock", args=[lockout.pk])).status_code == 403
    assert AccessAttempt.objects.filter(pk=lockout.pk).exists()
