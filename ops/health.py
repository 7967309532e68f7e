"""``GET /health/``: is the service up, and is it whole?

200 when the database answers, 503 when it does not (a load balancer takes the server out
of rotation). The search engine's state is reported beside it: Elasticsearch configured but
unreachable is ``degraded`` with the reason, since the embedded engine still answers.
"""

import functools
import logging
import tomllib

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from search.service import choose_engine

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
        engine, notice = choose_engine()
    except Exception as exc:  # noqa: BLE001 - health must answer, and say what broke
        logger.exception("health: search engine check failed")
        return {"status": "down", "reason": f"{exc.__class__.__name__}: {exc}"[:300]}
    if notice:
        return {"status": "degraded", "engine": engine.name, "reason": str(notice)}
    return {"status": "ok", "engine": engine.name}


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
    return JsonResponse(body, status=200 if ok else 503, json_dumps_params={"ensure_ascii": False})
