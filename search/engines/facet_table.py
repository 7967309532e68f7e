"""The facet values of every indexed product, held in memory as numpy columns.

Why: a broad query matches tens of thousands of products. Grouping them in SQL means a
row per combination of facet values back to Python, or one pass over the hits per
facet; both cost more than the full-text match itself. Here the full-text engine returns
only the matching ids (and scores), and the six facet counts, the date order and the
tie-breaks are array operations over this table: a few milliseconds for 60,000 hits.

Each process loads the table from ``ArchiveEntry`` once and again whenever the archive's
generation token (``ArchiveGeneration``, changed by every index write) is not the one it
loaded with.
"""

import gc
import threading
import uuid
from dataclasses import dataclass, field

import numpy as np
from django.db import connection

from search.models import ArchiveEntry, ArchiveGeneration

CODED = ("language", "area", "year", "unit", "format")  # one value per product
NO_DATE = -1
_lock = threading.Lock()
_loaded = {}  # "table" -> the FacetTable this process loaded last


@dataclass
class FacetTable:
    token: str
    ids: np.ndarray  # sorted page ids
    codes: dict  # facet -> int32 array of value codes (-1: none)
    values: dict  # facet -> list of values, indexed by code
    channels: np.ndarray  # bool matrix: product x channel
    dates: np.ndarray  # first_published as a day number, NO_DATE when unknown
    memo: dict = field(default_factory=dict)  # engines' figures for this generation of the archive

    @classmethod
    def load(cls, token):
        gc_was_on = gc.isenabled()
        gc.disable()  # a million short-lived tuples: collecting them mid-load triples its time
        try:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT page_id, language, area, year, unit, format, channels, first_published "  # noqa: S608
                    f"FROM {ArchiveEntry._meta.db_table} ORDER BY page_id"
                )
                columns = list(zip(*cursor.fetchall(), strict=True)) or [()] * 8
        finally:
            if gc_was_on:
                gc.enable()
        codes, values = {}, {}
        for name, column in zip(CODED, columns[1:6], strict=True):
            codes[name], values[name] = _encode(column)
        channels, values["channel"] = _encode_sets(columns[6])
        return cls(
            token=token,
            ids=np.array(columns[0], dtype=np.int64),
            codes=codes,
            values=values,
            channels=channels,
            dates=np.array([d.toordinal() if d else NO_DATE for d in columns[7]], dtype=np.int64),
        )

    def rows_of(self, page_ids):
        """Row numbers of these page ids (ids not in the table are dropped)."""
        ids = np.asarray(page_ids, dtype=np.int64)
        rows = np.searchsorted(self.ids, ids)
        rows[rows == len(self.ids)] = 0
        found = self.ids[rows] == ids if len(self.ids) else np.zeros(len(ids), dtype=bool)
        return rows[found], found

    def counts(self, rows):
        """{facet: {value: number of these rows with it}}, values as strings."""
        out = {}
        for name in CODED:
            codes = self.codes[name][rows]
            tally = np.bincount(codes[codes >= 0], minlength=len(self.values[name]))
            out[name] = {self.values[name][c]: int(n) for c, n in enumerate(tally) if n}
        tally = self.channels[rows].sum(axis=0)
        out["channel"] = {self.values["channel"][c]: int(n) for c, n in enumerate(tally) if n}
        return out

    def language_code(self, language):
        try:
            return self.values["language"].index(language)
        except ValueError:
            return -2

    def top(self, rows, scores, reader_language, stop):
        """The first ``stop`` rows in result order.

        By score (lower is better) when scores are given, then the reader's language first;
        by date otherwise; then newest first, then the higher page id. Only rows that can
        reach the first ``stop`` places (ties included) are sorted.
        """
        primary = scores if scores is not None else -self.dates[rows]
        if len(rows) > stop > 0:
            keep = primary <= np.partition(primary, stop - 1)[stop - 1]
            rows, primary = rows[keep], primary[keep]
        keys = [-self.ids[rows], -self.dates[rows]]
        if scores is not None:
            keys.append(self.codes["language"][rows] != self.language_code(reader_language))
        keys.append(primary)
        return rows[np.lexsort(keys)][:stop]


def _encode(column):
    """(codes, values): each cell as the index of its value in ``values``; -1 when empty."""
    values = sorted({v for v in column if v not in (None, "")})
    index = {v: i for i, v in enumerate(values)}
    codes = np.array([index.get(v, -1) for v in column], dtype=np.int32)
    return codes, [str(v) for v in values]


def _encode_sets(column):
    """(matrix, values) for cells holding space-separated values: matrix[row, value] is True."""
    cells, distinct = _encode(column)  # a few hundred distinct cells for 100,000 rows
    values = sorted({v for cell in distinct for v in cell.split()})
    index = {v: i for i, v in enumerate(values)}
    per_cell = np.zeros((len(distinct) + 1, len(values)), dtype=bool)  # last row: empty cell
    for i, cell in enumerate(distinct):
        per_cell[i, [index[v] for v in cell.split()]] = True
    return per_cell[cells], values


def new_token():
    return uuid.uuid4().hex


def bump_generation():
    """Mark the archive index as changed (call inside the writing transaction)."""
    token = new_token()
    if not ArchiveGeneration.objects.filter(pk=1).update(token=token):
        ArchiveGeneration.objects.update_or_create(pk=1, defaults={"token": token})


def current_table():
    """The facet table of the archive as it is now (reloaded when the archive has changed)."""
    token = ArchiveGeneration.objects.filter(pk=1).values_list("token", flat=True).first() or ""
    table = _loaded.get("table")
    if table is None or not token or table.token != token:
        with _lock:
            table = _loaded["table"] = FacetTable.load(token)
    return table
