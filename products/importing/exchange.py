"""The exchange columns added for the national database (plan task 5.1).

``search_description``, ``status`` (published | draft), ``body_blocks`` (``products.importing.body``)
and ``attachments`` (``[{"file", "caption", "title"}]``, the ``files`` column with what it
could not say). Each is optional: a file without them imports exactly as before; an absent
``search_description`` leaves a re-imported product's own description alone. Their checks are
the row form's (``forms.ProductRowForm``); here is what they are read into and stored as.
"""

import json
from dataclasses import dataclass
from pathlib import Path


@dataclass
class ExchangeFile:
    """A checked file (as ``validation.CleanFile``) with the caption and title the exchange gave
    (None: the file's name, as for the ``files`` column)."""

    path: Path
    kind: str
    name: str
    caption: str | None = None
    title: str | None = None


def parse_structured(value):
    """A list from a JSONL list or from the JSON text of a CSV/XLSX cell; None when it is neither."""
    if value is None or value == "":
        return []
    if isinstance(value, list):
        return value
    if not isinstance(value, str):
        return None
    try:
        parsed = json.loads(value)
    except (json.JSONDecodeError, RecursionError):
        return None
    return parsed if isinstance(parsed, list) else None


def finish_stored_file(fields, item):
    """The attachment fields of ``Writer._stored_file`` with the exchange's caption and title."""
    if getattr(item, "caption", None) is not None:
        fields["caption"] = item.caption
    title = getattr(item, "title", None)
    stored = fields.get("document") or fields.get("image") or fields.get("media")
    if title and stored.title != title:
        stored.title = title
        stored.save(update_fields=["title"])
    return fields
