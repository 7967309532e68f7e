"""``{% scan_viewers page as viewers %}``: the product page's scan viewers (digitise.viewer)."""

from django import template

from digitise.viewer import viewers

register = template.Library()


@register.simple_tag(takes_context=True)
def scan_viewers(context, product):
    """Built once per page (the head asks whether to link the viewer's styles, the body shows them)."""
    request = context.get("request")
    if request is None:
        return []
    if not hasattr(product, "_scan_viewers"):
        product._scan_viewers = viewers(request, product)
    return product._scan_viewers
