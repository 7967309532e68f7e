"""Template filters of ``audit.display``: the auditors' screens write names and figures one way."""

from django import template

from audit import display

register = template.Library()


@register.filter
def language_name(code):
    return display.language(code)


@register.filter
def percent(value):
    return display.percent(value) or display.NONE


@register.filter
def number(value):
    return display.number(value)
