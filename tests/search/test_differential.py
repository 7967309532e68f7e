"""The engine against an oracle written here, on a generated archive, with random queries.

The archive: a few hundred products imported through the bulk importer, from the UDHR texts
(vi, en, fr, zh-hans, lo, km) and Bahnar/Sedang sentences with marks, every apostrophe, a
zero-width character inside a word now and then, and line breaks in the body; some drafts.
The oracle reads the products back from the database and decides, by the rules the README
states and with none of the engine's code, which live products match each query: every
word (marks, case, apostrophes and ignorables aside; elisions whole or split), every quoted
phrase side by side within one part, every Chinese/Lao/Khmer run as consecutive characters
within a run, every filter. Result sets, counts and all six facets must be equal.
"""

import datetime
import html
import random
import re
import unicodedata
from collections import Counter

import icu
import pytest

from products.models import ProductPage
from tests.search.corpus import paragraphs
from tests.search.helpers import find, import_rows

pytestmark = pytest.mark.django_db
SEED = 20261130
PRODUCTS = 240
DRAFTS = 12
QUERIES = 160
APOSTROPHES = "'’‘ʼʻʽꞌ‛＇"
IGNORABLES = "\u200d\u200c\u00ad\ufeff\u2060"
ELISIONS = {"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"}
UNSPACED = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e80-\u0eff\u1780-\u17ff\u19e0-\u19ff]+")
BAHNAR = [
    *("'Bok", "Bơ̆n", "hơ̆ch", "ăn", "kon", "pơlei", "P'lơk", "'Năr", "pơm", "jang", "adruh", "ŭnh", "ĕ"),
    *("dŏng", "Kơ̆i", "pơtho", "tơdrong", "'lơ̆ng", "Đăk", "Tô", "Ia", "H'Drai", "kơ̆ne", "ư̆", "ŏ", "ĭ"),
    *("Kon", "Plông", "Măng", "Đen", "bán", "bạn", "bàn", "ban", "quyền"),
]
LANGUAGES = {"vi": 35, "en": 12, "fr": 12, "zh-hans": 8, "lo": 8, "km": 8, "bdq": 10, "sed": 7}
AREAS, FORMATS = ["I", "II", "III", "IV", "V"], ["news", "article", "video", "radio-feature"]
UNITS = ["bao-kon-tum", "cong-an-tinh", "so-ngoai-vu"]
CHANNELS = ["facebook", "radio", "print", "zalo", "online-news"]


# -- the generated archive --------------------------------------------------------------
def _bahnar_sentence(rng):
    words = [rng.choice(BAHNAR) for _ in range(rng.randint(4, 10))]
    words = [w.replace("'", rng.choice(APOSTROPHES)) for w in words]
    if rng.random() < 0.3:
        n = rng.randrange(len(words))
        if len(words[n]) > 2:
            words[n] = words[n][:2] + rng.choice(IGNORABLES) + words[n][2:]
    return " ".join(words) + "."


def _text(rng, language):
    if language in ("bdq", "sed"):
        return " ".join(_bahnar_sentence(rng) for _ in range(rng.randint(1, 3)))
    return rng.choice(paragraphs(language))


def _row(rng, n):
    language = rng.choice([code for code, weight in LANGUAGES.items() for _ in range(weight)])
    text = _text(rng, language)
    return {
        "external_id": f"diff-{n}",
        "title": (_text(rng, language)[:60].strip() or "Không tên") + f" {n}",
        "language": language,
        "area": rng.choice(AREAS),
        "format": rng.choice(FORMATS),
        "unit": rng.choice(UNITS),
        "summary": text,
        "body": "\n".join(_text(rng, language)[:120] for _ in range(rng.randint(0, 2))),
        "publications": [
            {
                "channel": c,
                "date": str(datetime.date(2023, 1, 1) + datetime.timedelta(days=rng.randrange(1000))),
            }
            for c in sorted(set(rng.sample(CHANNELS, rng.randint(1, 2))))
        ],
    }


@pytest.fixture(scope="module")
def generated(module_data, tmp_path_factory):
    rng = random.Random(SEED)
    rows = [_row(rng, n) for n in range(PRODUCTS)]
    folder = tmp_path_factory.mktemp("differential")
    import_rows(rows[:-DRAFTS], folder)
    import_rows(rows[-DRAFTS:], folder, as_draft=True)
    return Oracle.from_database()


# -- the oracle ---------------------------------------------------------------------------
def normalized(text):
    for ch in IGNORABLES:
        text = text.replace(ch, "")
    for ch in APOSTROPHES + "`´":
        text = text.replace(ch, "'")
    return unicodedata.normalize("NFKC", text.replace("_", " ")).lower()


def folded(word):
    bare = "".join(c for c in unicodedata.normalize("NFD", word) if not "\u0300" <= c <= "\u036f")
    return unicodedata.normalize("NFC", bare).replace("đ", "d").replace("ð", "d")


def query_words(text):
    """Unquoted query words: each must match in its whole form (l'homme: lhomme)."""
    tokens = re.findall(r"[\w\u0300-\u036f]+(?:'[\w\u0300-\u036f]+)*", UNSPACED.sub(" ", normalized(text)))
    return [folded(token.replace("'", "")) for token in tokens]


def written_words(text):
    """Index words in order: apostrophes vanish, elided forms give their whole and their split form."""
    out = []
    for token in re.findall(
        r"[\w\u0300-\u036f]+(?:'[\w\u0300-\u036f]+)*", UNSPACED.sub(" ", normalized(text))
    ):
        head, _, tail = token.partition("'")
        out.append(folded(token.replace("'", "")))
        if tail and head in ELISIONS:
            out.append(folded(tail.replace("'", "")))
        elif token.endswith("'s") and token.count("'") == 1:
            out.append(folded(head))
    return out


def characters(run):
    breaker = icu.BreakIterator.createCharacterInstance(icu.Locale.getRoot())
    breaker.setText(run)
    bounds = [0, *breaker]
    return tuple(run[a:b] for a, b in zip(bounds, bounds[1:], strict=False))


def contains(sequence, part):
    return any(
        tuple(sequence[i : i + len(part)]) == tuple(part) for i in range(len(sequence) - len(part) + 1)
    )


class Oracle:
    def __init__(self, products):
        self.products = products  # page id -> {"parts": [[words]], "runs": [graphemes], facets...}

    @classmethod
    def from_database(cls):
        products = {}
        for page in ProductPage.objects.live().select_related("area", "unit", "format"):
            body = [html.unescape(re.sub(r"<[^>]+>", "\n", block.value.source)) for block in page.body]
            texts = [page.title, page.summary, *body, page.transcript]
            products[page.pk] = {
                "parts": [written_words(t) for t in texts],
                "runs": [characters(run) for t in texts for run in UNSPACED.findall(normalized(t))],
                "language": page.language,
                "area": page.area.slug,
                "year": str(page.first_published.year),
                "unit": page.unit.slug,
                "format": page.format.slug,
                "channel": sorted({p.channel.slug for p in page.publications.all()}),
            }
        return cls(products)

    def matches(self, product, query, filters):
        for name, values in filters.items():
            have = product[name] if isinstance(product[name], list) else [product[name]]
            if not set(have) & set(values):
                return False
        phrases = re.findall(r'"([^"]*)"', query)
        rest = re.sub(r'"[^"]*"', " ", query)
        groups = [written_words(p) for p in phrases if not UNSPACED.search(p)]
        groups += [[w] for w in query_words(rest)]
        runs = [characters(r) for text in [query] for r in UNSPACED.findall(normalized(text))]
        return all(any(contains(part, g) for part in product["parts"]) for g in groups if g) and all(
            any(contains(have, run) for have in product["runs"]) for run in runs
        )

    def answer(self, query, filters):
        found = {pk for pk, product in self.products.items() if self.matches(product, query, filters)}
        facets = {name: Counter() for name in ("language", "area", "year", "unit", "format", "channel")}
        for pk in found:
            for name, counter in facets.items():
                values = self.products[pk][name]
                counter.update(values if isinstance(values, list) else [values])
        return found, {name: dict(counter) for name, counter in facets.items()}


# -- the queries --------------------------------------------------------------------------
def random_query(rng, oracle):
    """A query made from a random product's text, and that product's facet values."""
    pk = rng.choice(sorted(oracle.products))
    page = ProductPage.objects.get(pk=pk)
    text = rng.choice([page.title, page.summary])
    runs = UNSPACED.findall(text)
    if runs and rng.random() < 0.8:
        run = characters(rng.choice(runs))
        start = rng.randrange(len(run))
        return "".join(run[start : start + rng.randint(1, 4)]), oracle.products[pk]
    words = re.findall(r"\S+", re.sub(r"[.,;:!?()«»“”\"]", " ", text)) or ["xyzzy"]
    start = rng.randrange(max(1, len(words) - 2))
    picked = words[start : start + rng.randint(1, 3)]
    kind = rng.random()
    if kind < 0.3:
        query = " ".join(folded(normalized(w)) for w in picked)  # typed without marks
    elif kind < 0.5 and len(picked) > 1:
        query = '"' + " ".join(picked) + '"'
    else:
        query = " ".join(picked)
    return (query.upper() if rng.random() < 0.1 else query), oracle.products[pk]


def random_filters(rng, product):
    """Zero to two filters, mostly on the product's own values, sometimes on another one."""
    filters = {}
    for name in rng.sample(["language", "area", "year", "unit", "channel"], rng.choice([0, 0, 1, 2])):
        own = product[name] if isinstance(product[name], list) else [product[name]]
        other = {"language": "en", "area": "I", "year": "2024", "unit": "bao-kon-tum", "channel": "radio"}
        filters[name] = sorted({rng.choice(own), other[name]} if rng.random() < 0.3 else {rng.choice(own)})
    return filters


def test_engine_agrees_with_the_oracle(generated):
    rng = random.Random(SEED + 1)
    disagreements, found = [], []
    for _ in range(QUERIES):
        query, product = random_query(rng, generated)
        filters = random_filters(rng, product)
        expected, facets = generated.answer(query, filters)
        found.append(len(expected))
        result = find(query, filters=filters)
        got = set(result.ids)
        for page in range(2, -(-result.count // 100) + 1):
            got |= set(find(query, filters=filters, page=page).ids)
        if (got, result.count, result.facets) != (expected, len(expected), facets):
            disagreements.append((query, filters, len(got), len(expected), sorted(got ^ expected)[:5]))
    assert disagreements == [], f"{len(disagreements)} of {QUERIES} queries disagree"
    assert sum(1 for n in found if n) > QUERIES * 0.8  # the queries are about the archive
    assert sum(1 for n in found if n > 20) > QUERIES * 0.1  # and some are broad


def test_the_archive_is_what_the_oracle_reads(generated):
    """The drafts are out, every language is in, and queries find something."""
    assert len(generated.products) == PRODUCTS - DRAFTS
    assert find("").count == PRODUCTS - DRAFTS
    assert {p["language"] for p in generated.products.values()} == set(LANGUAGES)
