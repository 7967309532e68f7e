"""The generated archive the search, portal and OAI benchmarks import: UDHR paragraphs as import rows.

70 % Vietnamese, then English, French, Chinese, Lao, Khmer and Bahnar; article-sized summaries (four
paragraphs). Django must be set up before ``rows`` runs: it reads the seeded registers."""

import datetime
import json
import os
import random
import tempfile

BAHNAR = ["'Bok Bơ̆n hơ̆ch ăn kon pơlei Đăk Tô.", "Bơ̆n 'Năr pơm jang P’lơk, kon adruh ŭnh ĕ dŏng."]
BAHNAR += ["Kon pơlei đei tơdrong jang 'lơ̆ng, ’Bok Kơ̆i pơtho."]


def write_rows(name, n):
    """``n`` generated rows (``rows``) as a JSONL import file in the temp folder; returns its path."""
    path = os.path.join(tempfile.gettempdir(), f"ttnq_{name}.jsonl")
    with open(path, "w", encoding="utf-8") as out:
        for row in rows(n):
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def rows(n, seed=7):
    """Generated import rows written from the UDHR paragraphs."""
    from products.models import Channel, ContentArea, Format, Unit
    from tests.search.corpus import paragraphs

    rng = random.Random(seed)
    corpus = {lang: paragraphs(lang) for lang in ("vi", "en", "fr", "zh-hans", "lo", "km")}
    corpus["bdq"] = BAHNAR
    weights = [("vi", 70), ("en", 6), ("fr", 5), ("zh-hans", 5), ("lo", 5), ("km", 5), ("bdq", 4)]
    langs = [lang for lang, w in weights for _ in range(w)]
    areas = list(ContentArea.objects.values_list("slug", flat=True))
    units = list(Unit.objects.values_list("slug", flat=True))
    formats = list(Format.objects.values_list("slug", flat=True))
    channels = list(Channel.objects.values_list("slug", flat=True))
    for i in range(1, n + 1):
        lang = rng.choice(langs)
        paras = corpus[lang]
        date = datetime.date(2023, 1, 1) + datetime.timedelta(days=rng.randrange(0, 365 * 3))
        yield {
            "external_id": f"bench-{i}",
            "title": f"{rng.choice(paras)[:80]} {i}",
            "language": lang,
            "area": rng.choice(areas),
            "task": "3.3",
            "format": rng.choice(formats),
            "unit": rng.choice(units),
            # The text goes in the summary: Wagtail's stock index reads summary, not body.
            "summary": "\n".join(rng.choice(paras) for _ in range(4)),
            "body": "",
            "transcript": "",
            "topics": [],
            "publications": [
                {"channel": c, "date": date.isoformat()}
                for c in sorted(set(rng.sample(channels, rng.choice((1, 1, 2, 3)))))
            ],
            "translation_of": "",
            "files": [],
        }


def archive_size():
    """Products in the bench's database (0 when it does not exist yet or is not migrated), for
    ``--reuse``: keep an archive of the asked size instead of building it again."""
    from django.db import DatabaseError

    from products.models import ProductPage

    try:
        return ProductPage.objects.count()
    except DatabaseError:
        return 0
