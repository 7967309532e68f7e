"""The scan viewer under a product's attachments: one page of each scan at a time.

The page shown is the one the address names (``?scan=<id>&p=<n>``, a search hit's link), else
the first page holding the query's words (``?q=``), else page 1. The query's words are boxed
over the page image from their positions (percentages: they scale with the image on a
phone), and the page text sits beside it, real text for screen readers and copying.
"""

from urllib.parse import urlencode

from django.urls import reverse

from digitise import highlight
from digitise.corrections import may_correct
from digitise.reading import scans_of


def _number(request, scan):
    if str(request.GET.get("scan", "")) != str(scan.pk):
        return None
    try:
        return int(request.GET.get("p", ""))
    except ValueError:
        return None


def _chosen_page(pages, number, q):
    by_number = {page.number: page for page in pages}
    if number in by_number:
        return by_number[number]
    if q:
        found = next((page for page in pages if highlight.matches(page.text, q)), None)
        if found is not None:
            return found
    return pages[0]


def _page_link(scan, number, q):
    params = {"q": q} if q else {}
    params.update(scan=scan.pk, p=number)
    return f"?{urlencode(params)}#scan-{scan.pk}"


def viewer(request, scan):
    """What the template shows for one scan (see ``digitise/includes/scan_viewer.html``)."""
    q = (request.GET.get("q") or "").strip()
    pages = list(scan.pages.order_by("number"))
    page = _chosen_page(pages, _number(request, scan), q)
    index = pages.index(page)
    previous_page = pages[index - 1] if index else None
    next_page = pages[index + 1] if index + 1 < len(pages) else None
    return {
        "scan": scan,
        "page": page,
        "count": len(pages),
        "q": q,
        "image_url": reverse("digitise:page_image", args=[scan.pk, page.number]) if page.image else "",
        "boxes": highlight.boxes(page, q),
        "text_html": highlight.marked_text(page.text, q),
        "previous_url": _page_link(scan, previous_page.number, q) if previous_page else "",
        "next_url": _page_link(scan, next_page.number, q) if next_page else "",
        "correct_url": (
            reverse("digitise:correct", args=[scan.pk, page.number])
            if may_correct(request.user, scan)
            else ""
        ),
    }


def viewers(request, product):
    return [viewer(request, scan) for scan in scans_of(product)]
