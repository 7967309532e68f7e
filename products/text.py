"""Unicode NFC for stored text.

NFC input is kept byte for byte; other forms (a base letter followed by a combining
tone mark, as in the corpus's vie.html) are stored composed, every mark kept. ơ̆ and
ư̆ have no precomposed code point, so their breve stays a combining character.
"""

import json
import unicodedata


def nfc(value):
    if isinstance(value, str):
        return value if unicodedata.is_normalized("NFC", value) else unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [nfc(item) for item in value]
    if isinstance(value, dict):
        return {key: nfc(item) for key, item in value.items()}
    return value


def nfc_stream(stream_value):
    """The same StreamField content as JSON text, normalised; None when nothing changes."""
    raw = json.dumps(stream_value.get_prep_value(), ensure_ascii=False, cls=_Encoder)
    normalised = nfc(raw)
    return None if normalised == raw else normalised


class _Encoder(json.JSONEncoder):
    def default(self, o):
        from django.core.serializers.json import DjangoJSONEncoder

        return DjangoJSONEncoder().default(o)
