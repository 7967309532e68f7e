"""Local development: DEBUG on, a throwaway secret when none is set."""

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-change-me"  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# WhiteNoise serves static files straight from the apps' folders, reloaded on change.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
