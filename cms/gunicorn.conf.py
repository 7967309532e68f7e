"""gunicorn settings: ``gunicorn -c cms/gunicorn.conf.py cms.wsgi`` (``make serve`` runs it).

Sized for the province's server (2 cores): pages are short database-bound requests, so a
few processes with a few threads each keep both cores busy while one request waits on
PostgreSQL, without the memory of many processes. ``bench/load.py`` measured the choice
(see docs/deploy.md). Every value can be overridden from the environment.
"""

import gc
import multiprocessing
import os
import sys
from pathlib import Path

# The project on the path whatever the working directory (gunicorn reads this file before --chdir).
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cms.logs import json_logging  # noqa: E402

bind = os.environ.get("BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() + 1))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# A request that takes longer than this is stuck: the worker is restarted.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then, so a slow leak never grows for years.
max_requests = 5000
max_requests_jitter = 500
# The front proxy on this host sets X-Forwarded-Proto; trust it only from there.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# gunicorn 27's runtime control socket is one path per user (~/.gunicorn): several servers on a
# host would share it, and nothing here uses it.
control_socket_disable = True
# Load the application once in the master and warm each worker before it serves (cms/warmup.py):
# the first request to a new worker then costs what the second does. PRELOAD_APP=0 turns it off.
preload_app = os.environ.get("PRELOAD_APP", "1") != "0"


def post_fork(server, worker):
    """After the fork: the master opened no connection, so each worker opens its own here."""
    if preload_app:
        from django.db import connections

        connections.close_all()


def post_worker_init(worker):
    if os.environ.get("GUNICORN_WARM", "1") != "0":
        from cms.warmup import warm

        warm(worker.wsgi, worker.log)
    # What the application and the warm-up built lives as long as the worker: out of the
    # collector's sight, a full collection no longer walks it (an API page of 20 products took
    # 64 ms with it, 40 ms without; bench/uncached.py).
    gc.freeze()


def when_ready(server):
    if preload_app:
        from cms.warmup import import_urlconf

        import_urlconf()
        gc.freeze()  # shared by the forked workers, and left alone by their collectors


accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
# The server's own lines as JSON too, like the application's (cms/settings/production.py).
logconfig_dict = json_logging(
    "INFO",
    {
        "gunicorn.error": {"handlers": ["stdout"], "level": loglevel.upper(), "propagate": False},
        "gunicorn.access": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
    },
)
