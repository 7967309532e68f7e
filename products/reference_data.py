"""The registers as the plan (seed 000) and the 2024 guidance letter (seed 003) define them.

The data lives in ``products/fixtures/plan_registers.json`` (one entry per area, unit, task,
format, channel and topic, each with its stable ``slug`` and its Vietnamese and English
names), so that it can be read and corrected without reading code. It is not a ``loaddata``
fixture: ``seed_reference`` reads it through ``load()`` and merges it into what an installation
already has (see that command for what it keeps).
"""

import datetime
import json
from pathlib import Path

PATH = Path(__file__).resolve().parent / "fixtures" / "plan_registers.json"


def _date(text):
    return datetime.date.fromisoformat(text) if text else None


def load():
    """The registers, dates parsed: {"plan_start": date, "areas": [...], "units": [...], …}."""
    data = json.loads(PATH.read_text(encoding="utf-8"))
    data["plan_start"] = _date(data["plan_start"])
    for unit in data["units"]:
        unit["valid_to"] = _date(unit["valid_to"])
    return data
