"""The columns of an import/export file, and how list fields are written in CSV/XLSX."""

import json

COLUMNS = (
    "external_id",
    "title",
    "language",
    "area",
    "task",
    "format",
    "unit",
    "summary",
    "body",
    "transcript",
    "topics",
    "publications",
    "translation_of",
    "files",
    # Added for the national-database exchange (plan task 5.1); absent in older files.
    "search_description",
    "status",
    "body_blocks",
    "attachments",
)

UNIT_COLUMNS = ("slug", "name_vi", "name_en", "kind", "valid_from", "valid_to", "successor")

LIST_SEPARATOR = "|"
PUBLICATION_SEPARATOR = "@"
LIST_FIELDS = ("topics", "publications", "files")
# Lists of objects: a JSON list in a JSONL row, the same JSON as text in a CSV/XLSX cell.
STRUCTURED_FIELDS = ("body_blocks", "attachments")
STATUS_PUBLISHED = "published"
STATUS_DRAFT = "draft"


def split_list(value):
    """``a|b|c`` → ["a", "b", "c"]; a JSON list is kept; empty → []."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return list(value)
    text = str(value).strip()
    if not text:
        return []
    return [item.strip() for item in text.split(LIST_SEPARATOR) if item.strip()]


def parse_publication_item(item):
    """``channel@YYYY-MM-DD[@url]`` or a JSON object → a dict (values still strings)."""
    if isinstance(item, dict):
        return {
            "channel": item.get("channel"),
            "date": item.get("date"),
            "url": item.get("url") or "",
            "reference": item.get("reference") or "",
        }
    parts = str(item).split(PUBLICATION_SEPARATOR, 2)
    return {
        "channel": parts[0].strip(),
        "date": parts[1].strip() if len(parts) > 1 else "",
        "url": parts[2].strip() if len(parts) > 2 else "",
        "reference": "",
    }


def format_publication_item(publication):
    text = f"{publication['channel']}{PUBLICATION_SEPARATOR}{publication['date']}"
    if publication.get("url"):
        text += f"{PUBLICATION_SEPARATOR}{publication['url']}"
    return text


def flatten_row(row):
    """A JSONL-shaped row → the flat strings written to CSV/XLSX."""
    flat = {}
    for column in COLUMNS:
        value = row.get(column)
        if column == "publications":
            value = LIST_SEPARATOR.join(format_publication_item(p) for p in value or [])
        elif column in LIST_FIELDS:
            value = LIST_SEPARATOR.join(value or [])
        elif column in STRUCTURED_FIELDS:
            value = json.dumps(value, ensure_ascii=False) if value else ""
        flat[column] = "" if value is None else value
    return flat
