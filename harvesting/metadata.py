"""A remote record's fields, read from the metadata a source served (``ttnq`` or ``oai_dc``).

``ttnq`` is this software's own format (every plan field, with the registers' codes); ``oai_dc``
is what any OAI-PMH provider serves, so a source of another make can be harvested too (its
records then carry no codes: no area, unit or format facet).
"""

import datetime

from lxml import etree

OAI = "{http://www.openarchives.org/OAI/2.0/}"
DC = "{http://purl.org/dc/elements/1.1/}"
TTNQ = "{urn:ttnq:oai:product:1.0}"


def _date(value):
    try:
        return datetime.date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


def _name(element):
    """A register's Vietnamese name (``<name lang="vi">``), else its first name."""
    if element is None:
        return ""
    names = element.findall(f"{TTNQ}name")
    vi = [n.text for n in names if n.get("lang") == "vi" and n.text]
    return vi[0] if vi else next((n.text for n in names if n.text), "")


def _code(product, kind):
    element = product.find(f"{TTNQ}{kind}")
    return (element.get("code") or "") if element is not None else ""


def from_ttnq(product):
    unit = product.find(f"{TTNQ}unit")
    return {
        "title": product.findtext(f"{TTNQ}title") or "",
        "summary": product.findtext(f"{TTNQ}summary") or "",
        "language": product.findtext(f"{TTNQ}language") or "",
        "url": product.findtext(f"{TTNQ}url") or "",
        "first_published": _date(product.findtext(f"{TTNQ}firstPublished")),
        "area": _code(product, "area"),
        "unit": _code(product, "unit"),
        "unit_name": _name(unit),
        "format": _code(product, "format"),
    }


def from_oai_dc(dc):
    def texts(tag):
        return [e.text.strip() for e in dc.findall(f"{DC}{tag}") if e.text and e.text.strip()]

    urls = [i for i in texts("identifier") if i.startswith(("http://", "https://"))]
    return {
        "title": next(iter(texts("title")), ""),
        "summary": "\n".join(texts("description")),
        "language": next(iter(texts("language")), ""),
        "url": next(iter(urls), ""),
        "first_published": _date(next(iter(texts("date")), "")),
        "area": "",
        "unit": "",
        "unit_name": next(iter(texts("creator")), ""),
        "format": "",
    }


def fields(record_xml):
    """The remote record's fields from a ``<record>`` element, and its metadata as XML text;
    None for a record without metadata (a deleted one)."""
    metadata = record_xml.find(f"{OAI}metadata")
    if metadata is None or not len(metadata):
        return None
    payload = metadata[0]
    if payload.tag == f"{TTNQ}product":
        values = from_ttnq(payload)
    elif payload.tag == "{http://www.openarchives.org/OAI/2.0/oai_dc/}dc":
        values = from_oai_dc(payload)
    else:
        return None
    values["metadata_xml"] = etree.tostring(payload, encoding="unicode")
    return values
