"""``GET /health/``: is the service up, and is it whole?

200 when the database answers and a search engine can answer, 503 when one of them cannot
(a load balancer takes the server out of rotation). The search's state is opened, not
assumed (``search.service.health``): the embedded index that cannot be opened (its folder
unusable, an older schema) with no Elasticsearch answering is ``down``, and the whole is
``degraded`` with 503. Elasticsearch configured but unreachable, or an empty index beside a
database with live products, is ``degraded`` with the reason and 200: searches are answered.
"""

import functools
import logging
import tomllib

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from search import service

logger = logging.getLogger(__name__)


@functools.cache
def version():
    """The project's version from pyproject.toml, with the commit when GIT_COMMIT is set."""
    with open(settings.BASE_DIR / "pyproject.toml", "rb") as handle:
        number = tomllib.load(handle)["project"]["version"]
    return f"{number}+{settings.GIT_COMMIT}" if settings.GIT_COMMIT else number


def database_state():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        # Drop the broken connection so that the next request connects afresh.
        connection.close()
        reason = (str(exc).strip().splitlines() or [exc.__class__.__name__])[0][:300]
        logger.warning("health: database down: %s", reason)
        return {"status": "down", "vendor": connection.vendor, "reason": reason}
    return {"status": "ok", "vendor": connection.vendor}


def search_state(database_ok):
    if not database_ok:
        return {"status": "unknown", "reason": "database down"}
    try:
        state = service.health()
    except Exception as exc:  # noqa: BLE001 - health must answer, and say what broke
        logger.exception("health: search engine check failed")
        return {"status": "down", "reason": f"{exc.__class__.__name__}: {exc}"[:300]}
    if state["status"] == "down":
        logger.warning("health: search down: %s", state["reason"])
    return state


@never_cache
@require_GET
def health(request):
    database = database_state()
    ok = database["status"] == "ok"
    body = {
        "status": "ok" if ok else "down",
        "version": version(),
        "database": database,
        "search": search_state(ok),
    }
    if ok and body["search"]["status"] != "ok":
        body["status"] = "degraded"
    status = 200 if ok and body["search"]["status"] != "down" else 503
    return JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})
