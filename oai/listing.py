"""The lists: a page of records after a token's position, the token for the rest, the sets.

A list is ordered by (datestamp, page id), and a token holds the key of the last record it
answered, so the next page starts right after it however many records were written meanwhile:
a record changed during a harvest moves to the list's end and is answered again, none is
skipped. ``completeListSize`` is counted when the list starts and carried by the tokens.
"""

import datetime

from django.conf import settings
from django.db.models import Q
from django.utils.text import capfirst

from oai import conf, protocol, render
from oai.models import Record
from oai.protocol import OAIError
from products import languages
from products.models import ContentArea, Format, ProductPage, Unit


def _moment(seconds):
    return datetime.datetime.fromtimestamp(seconds, tz=datetime.UTC)


def selection(state):
    records = Record.objects.all()
    if state.get("f") is not None:
        records = records.filter(datestamp__gte=_moment(state["f"]))
    if state.get("u") is not None:
        records = records.filter(datestamp__lte=_moment(state["u"]))
    if state.get("s"):
        records = records.filter(sets__contains=f" {state['s']} ")
    return records


def page(state):
    """(records of this page, whether more follow, the list's state with its size and cursor)."""
    records = selection(state)
    if "k" in state:
        moment, page_id = _moment(state["k"][0]), state["k"][1]
        records = records.filter(Q(datestamp__gt=moment) | Q(datestamp=moment, page_id__gt=page_id))
    else:
        state = {**state, "n": records.count(), "c": 0}
        if not state["n"]:
            raise OAIError("noRecordsMatch", "No record matches these arguments.")
    size = protocol.page_size()
    rows = list(records.order_by("datestamp", "page_id")[: size + 1])
    return rows[:size], len(rows) > size, {**state, "rows": rows[:size]}


def resumption(element, verb, state, count, more):
    """The ``resumptionToken`` element: a token for the rest, empty on a list's last page."""
    rows = state.pop("rows")
    attributes = {"completeListSize": state["n"], "cursor": state["c"]}
    tag = f"{{{render.OAI}}}resumptionToken"
    if more:
        last = rows[-1]
        position = {**state, "c": state["c"] + count, "k": [int(last.datestamp.timestamp()), last.page_id]}
        token, expiry = protocol.issue_token(verb, position)
        render.sub(element, tag, token, expirationDate=protocol.stamp(expiry), **attributes)
    elif "k" in state:
        render.sub(element, tag, **attributes)


def sets():
    """(setSpec, setName) of every set: the four kinds, then each area, unit, language and format."""
    kinds = {
        "area": (ContentArea._meta.verbose_name, [(a.slug, str(a)) for a in ContentArea.objects.all()]),
        "unit": (Unit._meta.verbose_name, [(u.slug, u.name) for u in Unit.objects.all()]),
        "language": (
            ProductPage._meta.get_field("language").verbose_name,
            [(lang.code, lang.local_name) for lang in languages.LANGUAGES],
        ),
        "format": (Format._meta.verbose_name, [(f.slug, f.name) for f in Format.objects.all()]),
    }
    for kind, (name, members) in kinds.items():
        yield kind, capfirst(str(name))
        for code, member in members:
            yield f"{kind}:{code}", member


def admin_email():
    return conf.get("OAI_ADMIN_EMAIL") or settings.DEFAULT_FROM_EMAIL
