"""The admin's inline initialisers, as data: Wagtail's admin under a strict script-src.

Wagtail 8 still writes a few inline ``<script>`` tags — ``new SnippetChooser("id", {…});``
after each chooser widget, ``initDateChooser(…)`` after date fields, ``new InlinePanel(…)``
— which a Content-Security-Policy without ``'unsafe-inline'`` blocks (wagtail/wagtail#1288).
Nonces cannot help: Wagtail re-creates the scripts of a newly added inline row from the
attributes of an element whose nonce the browser has already hidden. So each initialiser is
written as JSON instead (``<script type="application/json" data-csp-init>`` with the function
to call and its arguments) and ``ops/static/ops/js/admin-csp.js`` — an ordinary script from
this site — calls it, for the page and for every row added later.

The chooser widgets build their script in ``BaseChooser.render``; it is wrapped once at start-up
(``OpsConfig.ready``). The templates are overridden in ``ops/templates``.
"""

import json
import re

from django.utils.safestring import mark_safe

# `new Name(args…);` or `name(args…);` where the arguments are JSON values.
INITIALISER = re.compile(r"^\s*(new\s+)?([A-Za-z_$][\w$.]*)\((.*)\);?\s*$", re.S)
SCRIPT_CLOSE = "</script>"


def json_for_script(text):
    """JSON text made safe inside a <script> element (no "</script>", no HTML parsing surprises)."""
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def init_tag(call, args, construct=False):
    spec = json.dumps({"call": call, "args": args, "new": construct}, ensure_ascii=False)
    return f'<script type="application/json" data-csp-init>{json_for_script(spec)}</script>'


def as_data(javascript):
    """The JSON init tag for one initialiser statement, or None when it is not of that shape."""
    match = INITIALISER.match(javascript)
    if not match:
        return None
    try:
        args = json.loads(f"[{match.group(3)}]")
    except ValueError:
        return None
    return init_tag(match.group(2), args, construct=bool(match.group(1)))


def patch_chooser_widgets():
    """Make ``BaseChooser.render`` (and every chooser widget) end in a JSON init tag."""
    from wagtail.admin.widgets.chooser import BaseChooser

    if getattr(BaseChooser.render, "csp_safe", False):
        return
    original = BaseChooser.render

    def render(self, name, value, attrs=None, renderer=None):
        html = str(original(self, name, value, attrs=attrs, renderer=renderer))
        head, opening, script = html.rpartition("<script>")
        ours = opening and script.endswith(SCRIPT_CLOSE)
        data = as_data(script.removesuffix(SCRIPT_CLOSE)) if ours else None
        return mark_safe(head + data) if data else mark_safe(html)  # noqa: S308 - Wagtail's own markup

    render.csp_safe = True
    BaseChooser.render = render
