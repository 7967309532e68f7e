"""Login throttling (django-axes): the locked-out page, the log of lockouts, and lifting one.

Axes counts failed logins per username and address together (``AXES_LOCKOUT_PARAMETERS``):
after ``AXES_FAILURE_LIMIT`` failures that pair is refused, even with the right password, for
``AXES_COOLOFF_TIME`` or until an administrator lifts it in Admin › Cài đặt › Khóa đăng nhập.
Every lockout and every lift is logged: a warning in the server log, and an entry in Wagtail's
history of the user concerned (when the username is a real account).
"""

import logging

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_failure_limit
from axes.models import AccessAttempt
from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.dispatch import receiver
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.admin.views.account import LoginView
from wagtail.log_actions import log

logger = logging.getLogger("products.desk.lockouts")
LOCKED = "products.login_locked"
UNLOCKED = "products.login_unlocked"


def lockout_message():
    return _(
        "Tài khoản tạm thời bị khóa vì đăng nhập sai quá nhiều lần. Hãy thử lại sau hoặc nhờ "
        "quản trị viên mở khóa."
    )


def lockout_response(request, original_response=None, credentials=None):
    """Wagtail's login page with the lockout message, answered 429 (Too Many Requests)."""
    view = LoginView()
    view.setup(request)
    username = (credentials or {}).get("username", "")
    form = view.get_form_class()(request, initial={"username": username})
    form.cleaned_data = {}  # unbound (a bound form would try to log in again): add_error needs it
    form.add_error(None, lockout_message())
    return render(request, view.template_name, view.get_context_data(form=form), status=429)


def _account(username):
    return get_user_model().objects.filter(username=username).first() if username else None


@receiver(user_locked_out, dispatch_uid="products.desk.log_lockout")
def log_lockout(sender, request, username, ip_address, **kwargs):
    """Axes signals at every refused attempt from a locked pair; the lockout itself is the one
    that reached the limit."""
    failures = getattr(request, "axes_failures_since_start", None)
    if failures is not None and failures != get_failure_limit(request, {"username": username}):
        return
    logger.warning("Login locked out: username %r from %s after repeated failures", username, ip_address)
    account = _account(username)
    if account is not None:
        log(instance=account, action=LOCKED, user=None, data={"ip_address": ip_address})


def lockouts():
    """The username/address pairs locked out now, newest first."""
    limit = get_failure_limit(None, None)
    return AccessAttempt.objects.filter(failures_since_start__gte=limit).order_by("-attempt_time")


def lift(attempt, by_user):
    AxesProxyHandler.reset_attempts(ip_address=attempt.ip_address, username=attempt.username)
    logger.warning(
        "Login lockout lifted: username %r from %s, by %s", attempt.username, attempt.ip_address, by_user
    )
    account = _account(attempt.username)
    if account is not None:
        log(instance=account, action=UNLOCKED, user=by_user, data={"ip_address": attempt.ip_address})
