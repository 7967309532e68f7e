"""The UDHR texts of the shared corpus (read in place, never copied into the repository)."""

import re
from functools import lru_cache
from pathlib import Path

CORPUS = (Path(__file__).resolve().parents[2] / "../shared/corpus/udhr").resolve()
FILES = {"vi": "vie", "en": "eng", "fr": "fra", "zh-hans": "cmn_hans", "lo": "lao", "km": "khm"}


@lru_cache
def raw(language):
    """The file's text exactly as stored (vie.html mixes Unicode forms)."""
    return (CORPUS / f"{FILES[language]}.html").read_text(encoding="utf-8")


@lru_cache
def paragraphs(language):
    return [re.sub(r"<[^>]+>", "", p).strip() for p in re.findall(r"<p[^>]*>(.*?)</p>", raw(language), re.S)]


def article(language, n):
    """Paragraph ``n`` of the declaration (0 = first of the preamble)."""
    return paragraphs(language)[n]
