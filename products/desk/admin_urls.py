"""Admin › Cài đặt › Khóa đăng nhập: see login lockouts and lift one (administrators)."""

from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages

from products.desk import lockouts
from products.desk.forbidden import forbidden

app_name = "login_lockouts"
VIEW_PERMISSION = "axes.view_accessattempt"
LIFT_PERMISSION = "axes.delete_accessattempt"


def index(request):
    if not request.user.has_perm(VIEW_PERMISSION):
        return forbidden(request, title=_("Khóa đăng nhập"))
    return TemplateResponse(
        request,
        "products/desk/lockouts.html",
        {"lockouts": lockouts.lockouts(), "can_lift": request.user.has_perm(LIFT_PERMISSION)},
    )


@require_POST
def unlock(request, pk):
    if not request.user.has_perm(LIFT_PERMISSION):
        return forbidden(request, title=_("Khóa đăng nhập"))
    attempt = get_object_or_404(lockouts.AccessAttempt, pk=pk)
    lockouts.lift(attempt, request.user)
    messages.success(request, _("Đã mở khóa đăng nhập cho «%(username)s».") % {"username": attempt.username})
    return redirect("login_lockouts:index")


urlpatterns = [
    path("", index, name="index"),
    path("<int:pk>/unlock/", unlock, name="unlock"),
]
