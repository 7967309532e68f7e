# ruff: noqa: S608 - SQL is built from fixed table names and fragments; every value is a parameter.
"""The embedded engine: the archive's own full-text tables in the site's database.

One MATCH (SQLite FTS5) or one ``@@`` (PostgreSQL) finds the hits; filters are index
words ANDed into that same full-text query, so they use the full-text index too. The
page of results is one ranked query; the facets are one more query over the same match
that groups the hits by their stored combination of facet values, and Python adds the
combinations up per facet: the match never runs once per facet.
"""

from django.db import connection

from search.engines.base import (
    ALL_TAG,
    SearchResult,
    add_facet_row,
    empty_facets,
    sort_facets,
    tag,
)
from search.text import CHARS, characters, query_groups, tokens

FTS = "search_archive_fts"
META = "search_archive_meta"
MAX_POSITION = 16383  # PostgreSQL's limit for tsvector positions


def doc_tags(doc):
    tags = [ALL_TAG, tag("language", doc["language"])]
    for name in ("area", "year", "unit", "format"):
        if doc.get(name) not in (None, ""):
            tags.append(tag(name, doc[name]))
    tags += [tag("channel", c) for c in doc["channels"]]
    tags += [tag("topic", t) for t in doc["topics"]]
    return tags


def facets_key(doc):
    return "|".join(
        [doc["language"], doc["area"] or "", str(doc["year"] or ""), doc["unit"] or "", doc["format"] or ""]
        + [" ".join(doc["channels"])]
    )


def _desc(date_text):
    """A sort key putting later ISO dates first."""
    return tuple(-ord(c) for c in date_text)


class EmbeddedEngine:
    name = "database"

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
        facets = empty_facets()
        count = 0
        for row in self._facet_rows(groups, self.filter_groups(query)):
            count += row[-1]
            add_facet_row(facets, *row)
        ids = self._page_ids(groups, self.filter_groups(query), query) if count > query.offset else []
        return SearchResult(count, ids, sort_facets(facets), self.name, groups=groups)


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

    def _facet_rows(self, groups, filter_groups):
        sql = (
            f"SELECT m.facets, count(*) FROM {FTS} JOIN {META} m ON m.id = {FTS}.rowid "
            f"WHERE {FTS} MATCH %s GROUP BY m.facets"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [self.match_expression(groups, filter_groups)])
            for key, n in cursor.fetchall():
                language, area, year, unit, fmt, channels = key.split("|")
                yield language, area, year, unit, fmt, channels, n

    TIE_WINDOW = 100

    def _page_ids(self, groups, filter_groups, query):
        match = self.match_expression(groups, filter_groups)
        with connection.cursor() as cursor:
            if query.sort == "date" or not groups:
                cursor.execute(
                    f"SELECT m.id FROM {META} m WHERE m.id IN (SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s) "
                    "ORDER BY m.date DESC, m.id DESC LIMIT %s OFFSET %s",
                    [match, query.page_size, query.offset],
                )
                return [row[0] for row in cursor.fetchall()]
            # bm25 is negative: smaller is better. Title words weigh more; tags not at all.
            # The ranking reads only the full-text index; ties (to 3 decimals) then go to the
            # reader's language and the newest, decided over a window past the page's end.
            window = query.offset + query.page_size + self.TIE_WINDOW
            cursor.execute(
                f"SELECT rowid, round(bm25({FTS}, 5.0, 1.0, 1.0, 0.0), 3) AS score FROM {FTS} "
                f"WHERE {FTS} MATCH %s ORDER BY score LIMIT %s",
                [match, window],
            )
            ranked = cursor.fetchall()
            if not ranked:
                return []
            ids = [row[0] for row in ranked]
            cursor.execute(
                f"SELECT id, lang, date FROM {META} WHERE id IN ({','.join(['%s'] * len(ids))})", ids
            )
            meta = {row[0]: (row[1], row[2]) for row in cursor.fetchall()}
        reader = query.reader_language

        def key(row):
            lang, date = meta.get(row[0], ("", ""))
            return (row[1], lang != reader, _desc(date), -row[0])

        ranked.sort(key=key)
        return [row[0] for row in ranked[query.offset : query.offset + query.page_size]]

    def fts_rows(self, docs):
        return [
            (
                doc["page_id"],
                " ".join(tokens(doc["title"])),
                " ".join(tokens(doc["text"])),
                " ".join(characters(doc["title"] + "\n" + doc["text"])),
                " ".join(doc_tags(doc)),
                facets_key(doc),
                doc["language"],
                doc["first_published"].isoformat() if doc["first_published"] else "",
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
                [row[:5] for row in rows],
            )
            cursor.executemany(
                f"INSERT INTO {META} (id, facets, lang, date) VALUES (%s, %s, %s, %s)",
                [(row[0], *row[5:]) for row in rows],
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
                cursor.execute(f"DELETE FROM {META} WHERE id IN ({marks})", chunk)

    def clear(self):
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS}")
            cursor.execute(f"DELETE FROM {META}")

    def optimize(self):
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {FTS} ({FTS}) VALUES ('optimize')")


class PostgresEngine(EmbeddedEngine):
    """PostgreSQL full-text search: a tsvector built from prepared words, a GIN index."""

    @staticmethod
    def _lexeme(word):
        return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"

    def tsquery(self, groups, filter_groups):
        parts = []
        for _kind, words in groups:
            parts.append("(" + " <-> ".join(self._lexeme(w) for w in words) + ")")
        for tags in filter_groups:
            parts.append("(" + " | ".join(self._lexeme(t) for t in tags) + ")")
        if not parts:
            parts.append(self._lexeme(ALL_TAG))
        return " & ".join(parts)

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

    def _facet_rows(self, groups, filter_groups):
        sql = (
            "SELECT language, area, year, unit, format, channels, count(*) FROM search_archiveentry "
            "WHERE tsv @@ %s::tsquery GROUP BY language, area, year, unit, format, channels"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [self.tsquery(groups, filter_groups)])
            yield from cursor.fetchall()

    def _page_ids(self, groups, filter_groups, query):
        tsq = self.tsquery(groups, filter_groups)
        if query.sort == "date" or not groups:
            order = "first_published DESC NULLS LAST, page_id DESC"
            params = [tsq]
        else:
            order = (
                "round(ts_rank('{0, 0.2, 0.4, 1.0}', tsv, %s::tsquery)::numeric, 4) DESC, "
                "(language = %s) DESC, first_published DESC NULLS LAST, page_id DESC"
            )
            params = [tsq, tsq, query.reader_language]
        sql = (
            f"SELECT page_id FROM search_archiveentry WHERE tsv @@ %s::tsquery "
            f"ORDER BY {order} LIMIT %s OFFSET %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, query.page_size, query.offset])
            return [row[0] for row in cursor.fetchall()]

    def write(self, docs):
        with connection.cursor() as cursor:
            for start in range(0, len(docs), 500):
                chunk = docs[start : start + 500]
                cursor.executemany(
                    "UPDATE search_archiveentry SET tsv = %s::tsvector WHERE page_id = %s",
                    [(self.tsvector(doc), doc["page_id"]) for doc in chunk],
                )

    def delete(self, page_ids):
        """Rows go with their ArchiveEntry: nothing of its own to delete."""

    def clear(self):
        """The tsvector lives on ArchiveEntry rows: nothing of its own to clear."""

    def optimize(self):
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_archiveentry")
