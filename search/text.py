"""The one text preparation, used for documents and queries alike.

``prepare`` gives the folded form the index holds: NFC, Latin marks removed (every
Vietnamese tone, the breves of Bahnar and Sedang, the horn of ơ/ư), đ→d, every
apostrophe variant made U+0027, lowercase. Other scripts keep their marks: nothing is
transliterated. ``tokens`` splits prepared text into index words; runs of Chinese, Lao
and Khmer (written without spaces) are segmented with ICU's dictionary word breaker.
The stored text is never changed: only the index holds the prepared form.
"""

import re
import unicodedata
from functools import lru_cache

import icu

APOSTROPHES = "'\u2019\u2018\u02bc\u02bb\u2032\u00b4\u0060\uff07"
_APOSTROPHE_RE = re.compile(f"[{APOSTROPHES}]")
# A Latin base letter (after NFD) followed by combining marks: drop the marks.
_LATIN_MARKS_RE = re.compile(r"([A-Za-z\u00c0-\u024f\u1e00-\u1eff])[\u0300-\u036f]+")
_LETTERS = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"})
# Scripts written without spaces between words (products.languages.UNSPACED_SCRIPTS).
_UNSPACED = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e80-\u0eff\u1780-\u17ff\u19e0-\u19ff"
_UNSPACED_RUN_RE = re.compile(f"[{_UNSPACED}]+")
_CHUNK_RE = re.compile(f"([{_UNSPACED}]+)|([^\\W_]+)")
MAX_TOKEN = 60


def prepare(text):
    """The folded form of ``text`` for the index (see the module docstring)."""
    if not text:
        return ""
    text = unicodedata.normalize("NFD", text)
    text = _LATIN_MARKS_RE.sub(r"\1", text)
    text = unicodedata.normalize("NFC", text)
    text = _APOSTROPHE_RE.sub("'", text)
    return text.translate(_LETTERS).lower()


@lru_cache(maxsize=8)
def _word_breaker():
    return icu.BreakIterator.createWordInstance(icu.Locale.getRoot())


def segment(run):
    """ICU words of a run of unspaced script (Chinese, Lao, Khmer)."""
    breaker = _word_breaker()
    breaker.setText(run)
    words = []
    start = breaker.first()
    for end in breaker:
        word = run[start:end].strip()
        if word and any(ch.isalnum() for ch in word):
            words.append(word)
        start = end
    return words


@lru_cache(maxsize=8)
def _character_breaker():
    return icu.BreakIterator.createCharacterInstance(icu.Locale.getRoot())


def graphemes(run):
    """The user-perceived characters of a run (ICU grapheme clusters)."""
    breaker = _character_breaker()
    breaker.setText(run)
    out = []
    start = breaker.first()
    for end in breaker:
        if run[start:end].strip():
            out.append(run[start:end])
        start = end
    return out


GAP = "__"  # between two runs of unspaced script in the character stream: no phrase spans it


def characters(text):
    """The grapheme stream of every unspaced-script run of raw ``text``.

    Dictionary segmentation depends on context (人人生而 gives 人 | 人生 | 而 while the
    query 人人 gives 人人), so the index also holds these characters in order and a query
    in those scripts matches them as a phrase: any word inside a sentence is found.
    """
    out = []
    for run in _UNSPACED_RUN_RE.findall(prepare(text)):
        chars = graphemes(run)
        if chars:
            if out:
                out.append(GAP)
            out.extend(chars)
    return out


def tokens_of_prepared(prepared):
    # The apostrophe belongs to the word ('Bok, P'lơk): drop it so every variant, and none, match.
    prepared = prepared.replace("'", "")
    out = []
    for unspaced, word in _CHUNK_RE.findall(prepared):
        if unspaced:
            out.extend(segment(unspaced))
        else:
            out.append(word[:MAX_TOKEN])
    return out


def tokens(text):
    """The index words of raw ``text``: ``tokens_of_prepared(prepare(text))``."""
    return tokens_of_prepared(prepare(text))


def index_text(text):
    """Prepared, segmented text as space-separated words: what the full-text tables hold."""
    return " ".join(tokens(text))


WORDS = "words"
CHARS = "chars"


def query_groups(query):
    """A query as groups: each group must match as a phrase, all groups must match.

    A group is ``(WORDS, [word, ...])`` matched against the words of title and body, or
    ``(CHARS, [grapheme, ...])`` for a run of Chinese, Lao or Khmer, matched against the
    character stream (see ``characters``). Text in balanced double quotes is one phrase;
    every other Latin word is a group of its own. Query syntax characters are ignored, so
    no query is a syntax error.
    """
    groups = []
    query = query or ""
    quoted = re.findall(r'"([^"]*)"', query)
    rest = re.sub(r'"[^"]*"', " ", query)
    for phrase in quoted:
        prepared = prepare(phrase).replace("'", "")
        if _UNSPACED_RUN_RE.search(prepared):
            groups.extend(_plain_groups(prepared))
        else:
            words = tokens_of_prepared(prepared)
            if words:
                groups.append((WORDS, words))
    groups.extend(_plain_groups(prepare(rest).replace("'", "")))
    # Same words twice add nothing.
    unique = []
    for group in groups:
        if group not in unique:
            unique.append(group)
    return unique[:32]


def _plain_groups(prepared):
    groups = []
    for unspaced, word in _CHUNK_RE.findall(prepared):
        if unspaced:
            chars = graphemes(unspaced)
            if chars:
                groups.append((CHARS, chars))
        else:
            groups.append((WORDS, [word[:MAX_TOKEN]]))
    return groups
