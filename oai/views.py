"""``/oai/``: the six verbs. Every answer is a 200 with XML, errors included (the protocol's way).

Only what the public may see is ever rendered: a record's metadata comes from the live product
at request time, read through ``products.visibility``; a record whose product is not public at
this moment (withdrawn, or written behind the signals' back before ``oai_sync`` ran) is
answered as a deleted header, whatever the record row says.
"""

from pathlib import Path

from django.db.models import Min
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from oai import facts, listing, protocol, queue, render
from oai.models import Record
from oai.protocol import OAIError

SCHEMA_FILE = Path(__file__).resolve().parent / "schema" / "ttnq-product-1.0.xsd"


@csrf_exempt
@require_http_methods(["GET", "POST"])
def endpoint(request):
    query = request.POST if request.method == "POST" else request.GET
    queue.drain_stale()  # what a process killed after its commit left queued
    now = timezone.now()
    verb, arguments = None, {}
    with translation.override("vi"):
        try:
            verb, arguments = protocol.parse(query)
            root = render.envelope(now, verb, arguments)
            VERBS[verb](root, arguments)
        except OAIError as error:
            echo = error.code not in ("badVerb", "badArgument")
            root = render.envelope(now, verb if echo else None, arguments if echo else {})
            render.sub(root, f"{{{render.OAI}}}error", error.message, code=error.code)
    response = HttpResponse(render.serialize(root), content_type="text/xml; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    return response


@require_GET
def schema(request):
    return HttpResponse(SCHEMA_FILE.read_bytes(), content_type="application/xml")


def identify(root, arguments):
    o = f"{{{render.OAI}}}"
    element = render.sub(root, f"{o}Identify")
    earliest = Record.objects.aggregate(first=Min("datestamp"))["first"] or timezone.now()
    render.sub(element, f"{o}repositoryName", _("Truyền thông Nhân quyền"))
    render.sub(element, f"{o}baseURL", render.base_url())
    render.sub(element, f"{o}protocolVersion", "2.0")
    render.sub(element, f"{o}adminEmail", listing.admin_email())
    render.sub(element, f"{o}earliestDatestamp", protocol.stamp(earliest))
    render.sub(element, f"{o}deletedRecord", "persistent")
    render.sub(element, f"{o}granularity", protocol.GRANULARITY)


def find_record(identifier):
    record = Record.objects.filter(identifier=identifier).first()
    if record is None:
        raise OAIError("idDoesNotExist", f"No record has the identifier {identifier}.")
    return record


def list_metadata_formats(root, arguments):
    if "identifier" in arguments and find_record(arguments["identifier"]).deleted:
        raise OAIError("noMetadataFormats", "A deleted record is disseminated in no format.")
    o = f"{{{render.OAI}}}"
    element = render.sub(root, f"{o}ListMetadataFormats")
    for prefix in protocol.PREFIXES:
        format_ = render.sub(element, f"{o}metadataFormat")
        render.sub(format_, f"{o}metadataPrefix", prefix)
        render.sub(format_, f"{o}schema", render.schema_url(prefix))
        render.sub(format_, f"{o}metadataNamespace", render.FORMATS[prefix][1])


def list_sets(root, arguments):
    if "resumptionToken" in arguments:
        raise OAIError("badResumptionToken", "The list of sets is complete in one answer.")
    o = f"{{{render.OAI}}}"
    element = render.sub(root, f"{o}ListSets")
    for spec, name in listing.sets():
        set_ = render.sub(element, f"{o}set")
        render.sub(set_, f"{o}setSpec", spec)
        render.sub(set_, f"{o}setName", name)


def get_record(root, arguments):
    protocol.check_prefix(arguments["metadataPrefix"])
    row = find_record(arguments["identifier"])
    served = {} if row.deleted else public_facts([row.page_id])
    element = render.sub(root, f"{{{render.OAI}}}GetRecord")
    render.record(element, row, served.get(row.page_id), arguments["metadataPrefix"])


def public_facts(page_ids):
    """{page id: facts} of the products among ``page_ids`` that are public now."""
    return dict(facts.facts(page_ids))


def list_items(verb):
    def answer(root, arguments):
        if "resumptionToken" in arguments:
            state = protocol.redeem_token(verb, arguments["resumptionToken"])
        else:
            state = protocol.list_selection(arguments)
        rows, more, state = listing.page(state)
        element = render.sub(root, f"{{{render.OAI}}}{verb}")
        if verb == "ListRecords":
            served = public_facts([row.page_id for row in rows if not row.deleted])
            for row in rows:
                render.record(element, row, None if row.deleted else served.get(row.page_id), state["p"])
        else:
            live = facts.public_ids([row.page_id for row in rows if not row.deleted])
            for row in rows:
                render.header(element, row, deleted=row.page_id not in live)
        listing.resumption(element, verb, state, len(rows), more)

    return answer


VERBS = {
    "Identify": identify,
    "ListMetadataFormats": list_metadata_formats,
    "ListSets": list_sets,
    "GetRecord": get_record,
    "ListIdentifiers": list_items("ListIdentifiers"),
    "ListRecords": list_items("ListRecords"),
}
