"""WSGI entry point for the production server (gunicorn -c cms/gunicorn.conf.py cms.wsgi).

It defaults to production settings, which refuse to start without SECRET_KEY and
ALLOWED_HOSTS: importing this module never runs with DEBUG on. ``manage.py`` keeps the
development default so that ``make run`` stays simple.
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")
application = get_wsgi_application()
