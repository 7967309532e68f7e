"""``{% csp_call %}``: an admin initialiser as a JSON tag that ops/static/ops/js/admin-csp.js runs."""

import json

from django import template
from django.utils.safestring import mark_safe

from ops.csp import json_for_script

register = template.Library()


@register.simple_tag
def csp_call(call, *args, json_arg=None, construct=False):
    """Call ``call(*args[, json_arg])`` (or ``new call(…)``); ``json_arg`` is JSON text, as Wagtail
    gives its options, put in as it is."""
    values = [json.dumps(arg, ensure_ascii=False) for arg in args]
    if json_arg is not None:
        values.append(str(json_arg))
    arguments = ", ".join(values)
    spec = f'{{"call": {json.dumps(call)}, "args": [{arguments}], "new": {json.dumps(bool(construct))}}}'
    tag = f'<script type="application/json" data-csp-init>{json_for_script(spec)}</script>'
    return mark_safe(tag)  # noqa: S308 - JSON from Wagtail's widgets, made script-safe
