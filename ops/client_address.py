"""The client's address behind the reverse proxies we run, for login throttling (django-axes).

Axes keys lockouts by username *and* address. Behind nginx every request comes from
127.0.0.1, so without this a stranger's five wrong passwords locked the real user out of every
address. Each trusted proxy appends the address it was connected from to X-Forwarded-For
(nginx: ``$proxy_add_x_forwarded_for``); what the client itself sent stays in front and is
never believed. With ``TRUSTED_PROXY_COUNT`` proxies in front, the client's address is the
count-th entry from the right; with none (the default), it is ``REMOTE_ADDR``.

Why not django-ipware with ``AXES_IPWARE_PROXY_COUNT``: ipware counts the proxy addresses
*inside* the header (one fewer than the proxies in front with nginx, which adds its client's
address, not its own), and in its strict default a forged prefix sends the request to the
fallback header. A count of the proxies in front, read from the right, is what an operator
knows and what cannot be forged.
"""

import ipaddress

from django.conf import settings


def _address(text):
    try:
        return str(ipaddress.ip_address(text.strip()))
    except ValueError:
        return None


def client_address(request):
    """``AXES_CLIENT_IP_CALLABLE``: the address the outermost trusted proxy was connected from."""
    remote = request.META.get("REMOTE_ADDR")
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0) or 0
    if count <= 0:
        return remote
    hops = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    if len(hops) < count:
        return remote  # did not come through every proxy (a direct request on the private network)
    return _address(hops[-count]) or remote
