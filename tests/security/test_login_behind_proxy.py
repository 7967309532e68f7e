"""Behind the documented nginx, a stranger's wrong passwords never lock the account's owner out.

nginx (docs/deploy.md) connects from 127.0.0.1 and appends the address it was connected from
to X-Forwarded-For (``$proxy_add_x_forwarded_for``): whatever the client sent stays in front of
it. With ``AXES_PROXY_COUNT=1`` in the env file the lockout must be keyed by that appended
address; without it, a forged X-Forwarded-For must not be believed.
"""

import importlib.util
import sys

import pytest
from axes.models import AccessAttempt

from tests.roles import PASSWORD

LOGIN = "/admin/login/"
NGINX = "127.0.0.1"
ATTACKER = "203.0.113.66"
OWNER = "198.51.100.9"
WRONG = "sai-mat-khau"


def settings_module():
    """A fresh evaluation of cms/settings/base.py under the current environment, as a dict.

    The modules base.py star-imports from (login throttling) are evaluated afresh with it.
    """
    sys.modules.pop("cms.settings.login_throttling", None)
    spec = importlib.util.find_spec("cms.settings.base")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return vars(module)


@pytest.fixture
def behind_nginx(settings, monkeypatch):
    """The settings an operator gets with ``AXES_PROXY_COUNT=1`` in the env file.

    The settings module is evaluated with and without the variable; what differs is applied.
    """
    monkeypatch.delenv("AXES_PROXY_COUNT", raising=False)
    without = settings_module()
    monkeypatch.setenv("AXES_PROXY_COUNT", "1")
    with_proxy = settings_module()
    changed = {k: v for k, v in with_proxy.items() if k.isupper() and without.get(k) != v}
    assert changed, "AXES_PROXY_COUNT changes no setting"
    for name, value in changed.items():
        setattr(settings, name, value)
    return changed


def through_nginx(client, username, password, client_address, sent_header=None):
    """A login POST as gunicorn receives it from nginx."""
    forwarded = f"{sent_header}, {client_address}" if sent_header else client_address
    return client.post(
        LOGIN,
        {"username": username, "password": password},
        REMOTE_ADDR=NGINX,
        HTTP_X_FORWARDED_FOR=forwarded,
    )


def logged_in_as(client, user):
    return client.session.get("_auth_user_id") == str(user.pk)


@pytest.mark.parametrize("role", ["reviewer", "administrator", "superuser"])
def test_a_strangers_failures_do_not_lock_the_owner_out(client, people, behind_nginx, role):
    user = getattr(people, role)
    attacker = client.__class__()
    for _ in range(6):
        through_nginx(attacker, user.username, WRONG, ATTACKER)
    # The attacker is locked out at its own address, even with the right password.
    assert through_nginx(attacker, user.username, PASSWORD, ATTACKER).status_code == 429
    response = through_nginx(client, user.username, PASSWORD, OWNER)
    assert response.status_code == 302, response.status_code
    assert logged_in_as(client, user)
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {ATTACKER}


@pytest.mark.parametrize("role", ["reviewer", "superuser"])
def test_an_attacker_cannot_pose_as_the_owner_through_the_header(client, people, behind_nginx, role):
    """The client's own X-Forwarded-For names the owner's address; nginx's appended one is real."""
    user = getattr(people, role)
    attacker = client.__class__()
    for _ in range(6):
        through_nginx(attacker, user.username, WRONG, ATTACKER, sent_header=OWNER)
    through_nginx(client, user.username, PASSWORD, OWNER)
    assert logged_in_as(client, user)
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {ATTACKER}


def test_without_a_proxy_count_a_forged_header_is_not_believed(client, people):
    """Served directly (no proxy configured), REMOTE_ADDR is the client: X-Forwarded-For is the client's
    own words. Rotating it neither spreads the attacker over many addresses nor frames the owner."""
    attacker = client.__class__()
    for number in range(6):
        attacker.post(
            LOGIN,
            {"username": "administrator", "password": WRONG},
            REMOTE_ADDR=ATTACKER,
            HTTP_X_FORWARDED_FOR=f"{OWNER}, 192.0.2.{number}",
        )
    refused = attacker.post(
        LOGIN,
        {"username": "administrator", "password": PASSWORD},
        REMOTE_ADDR=ATTACKER,
        HTTP_X_FORWARDED_FOR="192.0.2.200",
    )
    assert refused.status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {ATTACKER}
    client.post(LOGIN, {"username": "administrator", "password": PASSWORD}, REMOTE_ADDR=OWNER)
    assert logged_in_as(client, people.administrator)


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (0, "198.51.100.9", NGINX),  # no proxy configured: the header is the client's own words
        (1, "198.51.100.9, 203.0.113.66", ATTACKER),  # nginx appended the real address last
        (2, "198.51.100.9, 203.0.113.66, 10.0.0.2", ATTACKER),  # a load balancer, then nginx
        (2, "203.0.113.66", NGINX),  # fewer hops than proxies: not through them, nothing believed
        (1, "", NGINX),
    ],
)
def test_the_client_address_is_counted_from_the_right(rf, settings, count, forwarded, expected):
    from ops.client_address import client_address

    settings.TRUSTED_PROXY_COUNT = count
    request = rf.post(LOGIN, REMOTE_ADDR=NGINX, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == expected
