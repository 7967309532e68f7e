"""Login throttling (django-axes): how many failures lock a username, for how long, and by which address.

base.py installs axes (app, middleware, backend); these are its settings, read from the environment.
"""

import os

AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "1"))  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_LOCKOUT_CALLABLE = "products.desk.lockouts.lockout_response"
# No start-up banner on every worker (production logs are JSON lines); lockouts are still logged.
AXES_VERBOSE = False
# The address a lockout is keyed by: REMOTE_ADDR, or behind AXES_PROXY_COUNT reverse proxies (nginx
# alone: 1) the address the outermost one appended to X-Forwarded-For (ops/client_address.py).
TRUSTED_PROXY_COUNT = int(os.environ.get("AXES_PROXY_COUNT") or 0)
AXES_CLIENT_IP_CALLABLE = "ops.client_address.client_address"
