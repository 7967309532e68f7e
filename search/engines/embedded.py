# ruff: noqa: S608 - SQL is built from fixed table names and fragments; every value is a parameter.
"""The embedded engine: the archive's own full-text tables in the site's database.

One MATCH (SQLite FTS5) or one ``@@`` (PostgreSQL) finds the hits; filters are index
words ANDed into that same full-text query, so they use the full-text index too. That
one query returns every hit's id (and its score when ranking by relevance); the facet
counts, the order and the page come from the in-memory facet table
(``search.engines.facet_table``): the match runs once per search, never once per facet.
"""

from contextlib import contextmanager

import numpy as np
from django.db import connection, transaction

from search.engines.base import ALL_TAG, SearchResult, empty_facets, sort_facets, tag
from search.engines.facet_table import current_table
from search.text import CHARS, WORDS, characters, query_groups, tokens

FTS = "search_archive_fts"  # SQLite: FTS5 table, rowid = page id
VOCAB = "search_archive_vocab"  # SQLite: its fts5vocab 'col' table (migration 0005)
MEMO_WORDS = 10_000  # document counts kept per archive generation
TSV = "search_archive_tsv"  # PostgreSQL: page_id, tsv (GIN); see migration 0004
MAX_POSITION = 16383  # PostgreSQL's limit for tsvector positions


def doc_tags(doc):
    tags = [ALL_TAG, tag("language", doc["language"])]
    for name in ("area", "year", "unit", "format"):
        if doc.get(name) not in (None, ""):
            tags.append(tag(name, doc[name]))
    tags += [tag("channel", c) for c in doc["channels"]]
    tags += [tag("topic", t) for t in doc["topics"]]
    return tags


class EmbeddedEngine:
    name = "database"
    score_digits = 3  # scores equal to this many decimals tie; the tie-breaks decide

    @staticmethod
    def for_connection():
        return PostgresEngine() if connection.vendor == "postgresql" else SqliteEngine()

    # -- shared query building -------------------------------------------------------
    def filter_groups(self, query):
        return self.filter_groups_of(query.filters)

    @staticmethod
    def filter_groups_of(filters):
        """One OR-group of tag words per filtered facet."""
        groups = []
        for name, values in sorted(filters.items()):
            if values:
                groups.append(sorted({tag(name, v) for v in values}))
        return groups

    def search(self, query):
        groups = query_groups(query.q)
        if query.q.strip() and not groups:
            return SearchResult(0, [], empty_facets(), self.name, groups=[])
        scored = bool(groups) and query.sort != "date"
        table = current_table()
        ids, scores = self._hits(groups, self.filter_groups(query), scored, table)
        rows, found = table.rows_of(ids)
        if scores is not None:
            scores = scores[found]
        top = table.top(rows, scores, query.reader_language, query.offset + query.page_size)
        page = [int(i) for i in table.ids[top[query.offset :]]]
        return SearchResult(len(rows), page, sort_facets(table.counts(rows)), self.name, groups=groups)


class SqliteEngine(EmbeddedEngine):
    """SQLite FTS5 over prepared words (rowid = page id)."""

    @staticmethod
    def _quote(word):
        return '"' + word.replace('"', '""') + '"'

    def match_expression(self, groups, filter_groups):
        parts = []
        for kind, words in groups:
            column = "chars" if kind == CHARS else "{title body}"
            parts.append(f"{column} : {self._quote(' '.join(words))}")
        for tags in filter_groups:
            parts.append("tags : (" + " OR ".join(self._quote(t) for t in tags) + ")")
        if not parts:
            parts.append(f"tags : {self._quote(ALL_TAG)}")
        return " AND ".join(parts)

    def _hits(self, groups, filter_groups, scored, table):
        if scored and self.scores_all_equal(groups, table):
            ids, _ = self._hits(groups, filter_groups, False, table)
            return ids, np.zeros(len(ids))
        # bm25 is negative: smaller is better. Title words weigh more; tags not at all.
        score = f", bm25({FTS}, 5.0, 1.0, 1.0, 0.0)" if scored else ""
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid{score} FROM {FTS} WHERE {FTS} MATCH %s",
                [self.match_expression(groups, filter_groups)],
            )
            return self._arrays(cursor.fetchall(), scored)

    def _arrays(self, fetched, scored):
        """(ids, scores) as numpy arrays from fetched (id[, score]) rows."""
        if not fetched:
            return np.zeros(0, np.int64), (np.zeros(0) if scored else None)
        if not scored:
            return np.fromiter((row[0] for row in fetched), np.int64, len(fetched)), None
        both = np.array(fetched, dtype=np.float64)
        return both[:, 0].astype(np.int64), np.round(both[:, 1], self.score_digits)

    def scores_all_equal(self, groups, table):
        """Whether bm25 would give every hit the same score (so it need not be computed).

        FTS5's bm25 floors the idf of a phrase found in at least half the rows at 1e-6, so
        a query made only of such words scores every hit within 1e-4 of zero: 0.000 at
        ``score_digits``, and the order is the tie-breaks' alone. These are the broadest,
        slowest queries (``tu do``: 67,000 hits, 75 ms of bm25). Known for single words
        from the vocabulary's per-column document counts, kept for the archive's generation.
        """
        if not groups or any(kind != WORDS or len(words) != 1 for kind, words in groups):
            return False
        rows = table.memo.get("fts_rows")
        if rows is None:
            rows = table.memo["fts_rows"] = self._count(f"SELECT count(*) FROM {FTS}_docsize")
        for _kind, (word,) in groups:
            key = ("fts_docs", word)
            docs = table.memo.get(key)
            if docs is None:
                # Rows with the word in title or body: at least as many as in either column.
                docs = self._count(
                    f"SELECT max(doc) FROM {VOCAB} WHERE term = %s AND col IN ('title', 'body')", [word]
                )
                if len(table.memo) < MEMO_WORDS:  # random words must not grow it without end
                    table.memo[key] = docs
            if 2 * docs < rows:
                return False
        return True

    @staticmethod
    def _count(sql, params=()):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchone()[0] or 0

    def fts_rows(self, docs):
        return [
            (
                doc["page_id"],
                " ".join(tokens(doc["title"])),
                " ".join(tokens(doc["text"])),
                " ".join(characters(doc["title"] + "\n" + doc["text"])),
                " ".join(doc_tags(doc)),
            )
            for doc in docs
        ]

    def write(self, docs):
        if not docs:
            return
        self.delete([doc["page_id"] for doc in docs])
        self.write_rows(self.fts_rows(docs))

    def write_rows(self, rows):
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {FTS} (rowid, title, body, chars, tags) VALUES (%s, %s, %s, %s, %s)",
                rows,
            )

    def delete(self, page_ids):
        if not page_ids:
            return
        ids = list(page_ids)
        with connection.cursor() as cursor:
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                marks = ",".join(["%s"] * len(chunk))
                cursor.execute(f"DELETE FROM {FTS} WHERE rowid IN ({marks})", chunk)

    def clear(self):
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS}")

    def optimize(self):
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {FTS} ({FTS}) VALUES ('optimize')")


@contextmanager
def without_seqscan():
    """A cursor whose queries may not scan the tsvector table sequentially.

    PostgreSQL's planner does not count the cost of detoasting a row's tsvector to test
    ``@@``: for a word found in half the archive it prefers a sequential scan, which
    detoasts every row, to the GIN bitmap, which reads only the hits (at 100,000 products
    ``tu & do`` takes 260-330 ms that way against 40-70 ms through the index). The setting is
    local to this transaction (or savepoint) and put back at once.
    """
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('enable_seqscan')")
        previous = cursor.fetchone()[0]
        cursor.execute("SELECT set_config('enable_seqscan', 'off', true)")
        yield cursor  # on an error, atomic's rollback puts the setting back
        cursor.execute("SELECT set_config('enable_seqscan', %s, true)", [previous])


class PostgresEngine(EmbeddedEngine):
    """PostgreSQL full-text search: a tsvector built from prepared words, a GIN index."""

    score_digits = 4

    @staticmethod
    def _lexeme(word):
        return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"

    def tsquery(self, groups, filter_groups, join=" & "):
        parts = []
        for _kind, words in groups:
            parts.append("(" + " <-> ".join(self._lexeme(w) for w in words) + ")")
        for tags in filter_groups:
            parts.append("(" + " | ".join(self._lexeme(t) for t in tags) + ")")
        if not parts:
            parts.append(self._lexeme(ALL_TAG))
        return join.join(parts)

    def tsvector(self, doc):
        """A tsvector literal: title words weight A, body words B, tags D (ranked at 0)."""
        positions = {}
        pos = 0
        sections = (
            ("A", tokens(doc["title"])),
            ("B", tokens(doc["text"])),
            ("C", characters(doc["title"] + "\n" + doc["text"])),
        )
        for weight, words in sections:
            pos = min(pos + 1, MAX_POSITION)  # a gap: no phrase spans two sections
            for word in words:
                pos = min(pos + 1, MAX_POSITION)
                positions.setdefault(word, []).append(f"{pos}{weight}")
        for word in doc_tags(doc):
            pos = min(pos + 1, MAX_POSITION)
            positions.setdefault(word, []).append(f"{pos}D")
        # PostgreSQL keeps at most 256 positions per lexeme.
        return " ".join(f"{self._lexeme(w)}:{','.join(p[:256])}" for w, p in positions.items())

    def _hits(self, groups, filter_groups, scored, table=None):
        # ts_rank is higher for better hits: negated, so that smaller is better as on SQLite.
        # The hits must have every word; the rank is of the words alone, ORed: the frequency
        # of each in title and body, as bm25 on SQLite. (An AND query ranks by how near the
        # words stand, over every pair of positions: 80-95 ms instead of 52-55 ms for
        # ``quyen con nguoi`` over 36,000 hits; beside a filter word of weight 0, a lone word
        # would score 0 for every hit.)
        tsq = self.tsquery(groups, filter_groups)
        rank_tsq = self.tsquery(groups, [], join=" | ")
        # Two arrays in one row: a third faster to fetch than a row per hit.
        score = ", array_agg(-ts_rank('{0, 0.2, 0.4, 1.0}', tsv, %s::tsquery))" if scored else ""
        with without_seqscan() as cursor:
            cursor.execute(
                f"SELECT array_agg(page_id){score} FROM {TSV} WHERE tsv @@ %s::tsquery",
                [rank_tsq, tsq] if scored else [tsq],
            )
            row = cursor.fetchone()
        ids = np.array(row[0] or [], dtype=np.int64)
        if not scored:
            return ids, None
        return ids, np.round(np.array(row[1] or [], dtype=np.float64), self.score_digits)

    def write(self, docs):
        if not docs:
            return
        self.delete([doc["page_id"] for doc in docs])
        with connection.cursor() as cursor:
            for start in range(0, len(docs), 500):
                chunk = docs[start : start + 500]
                cursor.executemany(
                    f"INSERT INTO {TSV} (page_id, tsv) VALUES (%s, %s::tsvector)",
                    [(doc["page_id"], self.tsvector(doc)) for doc in chunk],
                )

    def delete(self, page_ids):
        if not page_ids:
            return
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TSV} WHERE page_id = ANY(%s)", [list(page_ids)])

    def clear(self):
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TSV}")

    def optimize(self):
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {TSV}")
