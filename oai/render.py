"""The XML of the answers: the OAI-PMH envelope, record headers, and the two metadata formats.

Built with lxml, which escapes everything; characters XML 1.0 cannot carry (control characters
an import may have let through) are dropped from text rather than failing the whole page.
"""

import re

from lxml import etree

from oai import protocol
from products.site_root import absolute_url

OAI = "http://www.openarchives.org/OAI/2.0/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC = "http://purl.org/dc/elements/1.1/"
TTNQ = "urn:ttnq:oai:product:1.0"
SCHEMA_PATH = "/oai/schema/ttnq-product-1.0.xsd"
FORMATS = {
    "oai_dc": ("http://www.openarchives.org/OAI/2.0/oai_dc.xsd", OAI_DC),
    "ttnq": (SCHEMA_PATH, TTNQ),
}
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def schema_url(prefix):
    return absolute_url(FORMATS[prefix][0])


def base_url():
    return absolute_url("/oai/")


def text(value):
    return NOT_XML.sub("", str(value))


def sub(parent, tag, value=None, **attributes):
    element = etree.SubElement(parent, tag, {k: text(v) for k, v in attributes.items()})
    if value is not None:
        element.text = text(value)
    return element


def envelope(now, verb, arguments):
    """The OAI-PMH root with responseDate and request (the arguments echoed unless they were bad)."""
    root = etree.Element(f"{{{OAI}}}OAI-PMH", nsmap={None: OAI, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", f"{OAI} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd")
    sub(root, f"{{{OAI}}}responseDate", protocol.stamp(now))
    request = sub(root, f"{{{OAI}}}request", base_url())
    if verb is not None:
        request.set("verb", verb)
        for key, value in sorted(arguments.items()):
            request.set(key, text(value))
    return root


def serialize(root):
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def header(parent, record, deleted):
    element = sub(parent, f"{{{OAI}}}header", **({"status": "deleted"} if deleted else {}))
    sub(element, f"{{{OAI}}}identifier", record.identifier)
    sub(element, f"{{{OAI}}}datestamp", protocol.stamp(record.datestamp))
    for spec in record.sets.split():
        sub(element, f"{{{OAI}}}setSpec", spec)
    return element


def record(parent, row, fact, prefix):
    """A ``record``: header, and metadata when ``fact`` (the product is public now) is given."""
    element = sub(parent, f"{{{OAI}}}record")
    header(element, row, deleted=fact is None)
    if fact is not None:
        metadata = sub(element, f"{{{OAI}}}metadata")
        (oai_dc if prefix == "oai_dc" else ttnq)(metadata, fact)
    return element


def oai_dc(parent, fact):
    dc = etree.SubElement(parent, f"{{{OAI_DC}}}dc", nsmap={"oai_dc": OAI_DC, "dc": DC, "xsi": XSI})
    dc.set(f"{{{XSI}}}schemaLocation", f"{OAI_DC} {FORMATS['oai_dc'][0]}")
    sub(dc, f"{{{DC}}}title", fact["title"])
    if fact["unit"]:
        sub(dc, f"{{{DC}}}creator", fact["unit"]["vi"])
    for register in [fact["area"], *fact["topics"]]:
        if register:
            sub(dc, f"{{{DC}}}subject", register["vi"])
    if fact["summary"]:
        sub(dc, f"{{{DC}}}description", fact["summary"])
    if fact["first_published"]:
        sub(dc, f"{{{DC}}}date", fact["first_published"])
    if fact["format"]:
        sub(dc, f"{{{DC}}}type", fact["format"]["vi"])
    sub(dc, f"{{{DC}}}identifier", fact["url"])
    sub(dc, f"{{{DC}}}identifier", fact["identifier"])
    sub(dc, f"{{{DC}}}language", fact["language"])
    for translation in fact["translations"]:
        sub(dc, f"{{{DC}}}relation", translation["identifier"])
    for file in fact["files"]:
        sub(dc, f"{{{DC}}}relation", file["url"])
    return dc


def _names(element, register):
    for lang in ("vi", "en"):
        if register[lang]:
            sub(element, f"{{{TTNQ}}}name", register[lang], lang=lang)


def ttnq(parent, fact):
    """The product format: every plan field (its schema: ``oai/schema/ttnq-product-1.0.xsd``)."""
    t = f"{{{TTNQ}}}"
    product = etree.SubElement(parent, f"{t}product", nsmap={None: TTNQ, "xsi": XSI})
    product.set(f"{{{XSI}}}schemaLocation", f"{TTNQ} {schema_url('ttnq')}")
    sub(product, f"{t}title", fact["title"])
    if fact["summary"]:
        sub(product, f"{t}summary", fact["summary"])
    sub(product, f"{t}language", fact["language"])
    sub(product, f"{t}url", fact["url"])
    if fact["first_published"]:
        sub(product, f"{t}firstPublished", fact["first_published"])
    for kind in ("area", "task", "format", "unit"):
        if fact[kind]:
            _names(sub(product, f"{t}{kind}", code=fact[kind]["code"]), fact[kind])
    for topic in fact["topics"]:
        _names(sub(product, f"{t}topic", code=topic["code"]), topic)
    for publication in fact["publications"]:
        element = sub(
            product,
            f"{t}publication",
            channel=publication["code"],
            digital="true" if publication["digital"] else "false",
            date=publication["date"],
        )
        _names(element, publication)
        for name in ("url", "reference"):
            if publication[name]:
                sub(element, f"{t}{name}", publication[name])
    for translation in fact["translations"]:
        sub(product, f"{t}translation", translation["identifier"], language=translation["language"])
    for file in fact["files"]:
        element = sub(product, f"{t}file", kind=file["kind"])
        sub(element, f"{t}title", file["title"])
        sub(element, f"{t}url", file["url"])
        if file["caption"]:
            sub(element, f"{t}caption", file["caption"])
    return product
