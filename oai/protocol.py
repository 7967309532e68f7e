"""The protocol's rules for a request: verbs and their arguments, dates, resumption tokens, errors.

Resumption tokens are stateless: a token is the list's arguments and the position after its
last record (datestamp and page id, the list's order), signed with ``SECRET_KEY`` by Django's
signing. Any server of the deployment answers it, after a restart too, and no table fills up
with abandoned harvests. A token carries its expiry (``OAI_RESUMPTION_TOKEN_SECONDS``, a day by
default) and its verb; a forged, altered, expired or borrowed token is a ``badResumptionToken``.
Error messages are for harvesters' developers and are in English, as the protocol is.
``noSetHierarchy`` is never answered: this repository has sets.
"""

import datetime
import re
import time

from django.core import signing

from oai import conf

GRANULARITY = "YYYY-MM-DDThh:mm:ssZ"
PREFIXES = ("oai_dc", "ttnq")
SALT = "oai.resumption-token"
SET_SPEC = re.compile(r"[A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*")
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
SECOND = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")

LIST_ARGS = ({"metadataPrefix"}, {"from", "until", "set"}, True)
# verb -> (required arguments, optional arguments, may be resumed)
VERBS = {
    "Identify": (set(), set(), False),
    "ListMetadataFormats": (set(), {"identifier"}, False),
    "ListSets": (set(), set(), True),
    "GetRecord": ({"identifier", "metadataPrefix"}, set(), False),
    "ListIdentifiers": LIST_ARGS,
    "ListRecords": LIST_ARGS,
}


class OAIError(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
        self.message = message


def page_size():
    return max(1, int(conf.get("OAI_PAGE_SIZE")))


def token_seconds():
    return int(conf.get("OAI_RESUMPTION_TOKEN_SECONDS"))


def parse(query):
    """(verb, {argument: value}) of a GET or POST ``QueryDict``, or an OAIError."""
    verbs = query.getlist("verb")
    if len(verbs) != 1 or verbs[0] not in VERBS:
        raise OAIError("badVerb", "Missing, repeated or illegal verb.")
    verb, arguments = verbs[0], {}
    for key in query:
        if key == "verb":
            continue
        values = query.getlist(key)
        if len(values) != 1:
            raise OAIError("badArgument", f"Repeated argument: {key}.")
        arguments[key] = values[0]
    required, optional, resumable = VERBS[verb]
    allowed = required | optional | ({"resumptionToken"} if resumable else set())
    unknown = sorted(set(arguments) - allowed)
    if unknown:
        raise OAIError("badArgument", f"Illegal argument for {verb}: {', '.join(unknown)}.")
    if "resumptionToken" in arguments:
        if len(arguments) > 1:
            raise OAIError("badArgument", "resumptionToken is an exclusive argument.")
        return verb, arguments
    missing = sorted(required - set(arguments))
    if missing:
        raise OAIError("badArgument", f"Missing argument for {verb}: {', '.join(missing)}.")
    return verb, arguments


def check_prefix(prefix):
    if prefix not in PREFIXES:
        raise OAIError("cannotDisseminateFormat", f"Unknown metadata format: {prefix}.")


def parse_date(value, *, end):
    """(aware datetime, "day" or "second"); ``until`` as a day means its last second."""
    try:
        if DAY.fullmatch(value):
            day = datetime.date.fromisoformat(value)
            moment = datetime.time(23, 59, 59) if end else datetime.time(0, 0, 0)
            return datetime.datetime.combine(day, moment, tzinfo=datetime.UTC), "day"
        if SECOND.fullmatch(value):
            moment = datetime.datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ")
            return moment.replace(tzinfo=datetime.UTC), "second"
    except ValueError:
        pass
    raise OAIError("badArgument", f"Not a date of granularity {GRANULARITY} or YYYY-MM-DD: {value}.")


def list_selection(arguments):
    """The checked arguments of a new ListIdentifiers/ListRecords/… request, as token state."""
    check_prefix(arguments["metadataPrefix"])
    state = {"p": arguments["metadataPrefix"], "f": None, "u": None, "s": arguments.get("set")}
    bounds = {}
    for name, key, end in (("from", "f", False), ("until", "u", True)):
        if name in arguments:
            bounds[name] = parse_date(arguments[name], end=end)
            state[key] = int(bounds[name][0].timestamp())
    if len(bounds) == 2:
        if bounds["from"][1] != bounds["until"][1]:
            raise OAIError("badArgument", "from and until must have the same granularity.")
        if bounds["from"][0] > bounds["until"][0]:
            raise OAIError("badArgument", "from is later than until.")
    if state["s"] is not None and not SET_SPEC.fullmatch(state["s"]):
        raise OAIError("badArgument", f"Not a set spec: {state['s']}.")
    return state


def issue_token(verb, state):
    """(token, expiry) for the rest of a list."""
    expiry = int(time.time()) + token_seconds()
    token = signing.dumps({**state, "v": verb, "e": expiry}, salt=SALT, compress=True)
    return token, datetime.datetime.fromtimestamp(expiry, tz=datetime.UTC)


def redeem_token(verb, token):
    """The state a token carries, if it is ours, for this verb and not expired."""
    try:
        state = signing.loads(token, salt=SALT)
    except (signing.BadSignature, ValueError) as error:
        raise OAIError("badResumptionToken", "Not a resumption token of this repository.") from error
    if not isinstance(state, dict) or state.get("v") != verb:
        raise OAIError("badResumptionToken", f"This resumption token does not continue {verb}.")
    if time.time() > state.get("e", 0):
        raise OAIError("badResumptionToken", "This resumption token has expired: start the list again.")
    return state


def stamp(moment):
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
