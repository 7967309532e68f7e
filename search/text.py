"""The one text preparation, for documents and queries alike, in both engines.

``normalize`` gives the *exact* form: default-ignorable characters (ZWJ, ZWNJ, soft
hyphen, BOM …) removed, every apostrophe variant made U+0027, NFKC (fullwidth Latin and
ligatures become plain letters), lowercase. Marks are kept. ``fold`` maps the exact form
to the *folded* form the search matches on: Latin letters lose their marks (every
Vietnamese tone, the breves of Bahnar and Sedang, the horn of ơ/ư), đ becomes d. Folding
is a character table (``FOLD``), so the Elasticsearch analyzer applies the very same table
(``search.engines.elastic``) and the two engines cannot drift apart.

``analyze`` splits a document into words once: runs of Chinese, Lao and Khmer (written
without spaces) are segmented with ICU's dictionary word breaker and also kept as a
grapheme stream (``chars``); elided forms are indexed whole and split (``l'homme`` gives
``lhomme homme``, ``people's`` gives ``peoples people``), other apostrophes simply vanish
(``'Bok`` and ``P'lơk`` give ``bok`` and ``plơk``). Block elements and line breaks have
already become newlines (``search.documents``), so no two words are glued together.
The stored text is never changed: only the index holds these forms.
"""

import re
import threading
import unicodedata
from dataclasses import dataclass

import icu

APOSTROPHES = "'\u2019\u2018\u02bc\u02bb\u02bd\u2032\u00b4\u0060\uff07\u201b\ua78b\ua78c"
ELISIONS = frozenset({"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"})
MAX_TOKEN = 60
GAP = "|"  # between two parts of a document (title, paragraphs, transcript): no phrase spans it
CHARS_GAP = "__"  # between two runs of unspaced script in the grapheme stream
MAX_GROUPS = 32


def _ranges(pattern):
    return "".join(f"{a}-{b}" if a != b else a for a, b in icu.UnicodeSet(pattern).ranges())


def _fold_char(ch):
    base = "".join(c for c in unicodedata.normalize("NFD", ch) if not 0x300 <= ord(c) <= 0x36F)
    return unicodedata.normalize("NFC", base).lower()


def _fold_table():
    """Latin letters with marks → their base letter; combining marks (U+0300–036F) vanish."""
    table = dict.fromkeys(range(0x300, 0x370), "")
    for start, end in ((0xC0, 0x24F), (0x1E00, 0x1EFF)):
        for code in range(start, end + 1):
            folded = _fold_char(chr(code))
            if folded != chr(code).lower() and len(folded) == 1:
                table[code] = folded
    table.update({ord("đ"): "d", ord("Đ"): "d", ord("ð"): "d", ord("Ð"): "d"})
    return table


FOLD = _fold_table()
# Ignorables vanish (a zero-width space still separates words), apostrophes become one, the
# underscore separates words (``re`` counts it a word character). Such characters are rare:
# finding them is much faster than looking every character up (str.translate with a dict).
_PREPARE_RE = re.compile(
    "[" + _ranges("[:Default_Ignorable_Code_Point:]") + "_" + re.escape(APOSTROPHES[1:]) + "]"
)
# A word: letters, digits and marks (\w has no marks: ơ̆ keeps U+0306 inside the word).
WORD_CLASS = "[\\w" + _ranges("[[:M:]&[\\u0000-\\uffff]]") + "]"
_WORD_RE = re.compile(f"{WORD_CLASS}+(?:'{WORD_CLASS}+)*")
# Scripts written without spaces between words (products.languages.UNSPACED_SCRIPTS).
_UNSPACED = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e80-\u0eff\u1780-\u17ff\u19e0-\u19ff"
_UNSPACED_RUN_RE = re.compile(f"[{_UNSPACED}]+")
_FOLD_CACHE = {}
FOLD_CACHE_WORDS = 200_000
_local = threading.local()


def normalize(text):
    """The exact form of ``text`` (see the module docstring)."""
    if not text:
        return ""
    if _PREPARE_RE.search(text):
        text = _PREPARE_RE.sub(_prepare_char, text)
    return unicodedata.normalize("NFKC", text).lower()


def _prepare_char(match):
    char = match.group()
    return "'" if char in APOSTROPHES else " " if char in "\u200b_" else ""


def fold(exact):
    """The folded form of text already in exact form."""
    return exact.translate(FOLD)


def fold_words(exact_words):
    """``fold`` of each word; words repeat, so each is folded once per process (ASCII words,
    numbers among them, fold to themselves and are not kept)."""
    if len(_FOLD_CACHE) > FOLD_CACHE_WORDS:
        _FOLD_CACHE.clear()
    get = _FOLD_CACHE.get
    return [get(word) or _fold_new(word) for word in exact_words]


def _fold_new(word):
    if word.isascii():
        return word
    _FOLD_CACHE[word] = folded = word.translate(FOLD)
    return folded


def prepare(text):
    """The folded form of raw ``text``."""
    return fold(normalize(text))


def _pieces(run, kind):
    """ICU's words or grapheme clusters of ``run`` (break iterators are not thread-safe:
    one per thread)."""
    breakers = getattr(_local, "breakers", None) or _local.__dict__.setdefault("breakers", {})
    if kind not in breakers:
        make = (
            icu.BreakIterator.createWordInstance
            if kind == "word"
            else icu.BreakIterator.createCharacterInstance
        )
        breakers[kind] = make(icu.Locale.getRoot())
    breaker = breakers[kind]
    breaker.setText(run)
    out, start = [], breaker.first()
    for end in breaker:
        piece = run[start:end].strip()
        if piece and (kind == "char" or any(ch.isalnum() for ch in piece)):
            out.append(piece)
        start = end
    return out


def segment(run):  # ICU words of a run of unspaced script (Chinese, Lao, Khmer)
    return _pieces(run, "word")


def graphemes(run):  # the user-perceived characters of a run (ICU grapheme clusters)
    return _pieces(run, "char")


def _segmented(exact):
    if not _UNSPACED_RUN_RE.search(exact):
        return exact
    return _UNSPACED_RUN_RE.sub(lambda m: " " + " ".join(segment(m.group())) + " ", exact)


def _expand(word):
    """Index words of one written word with apostrophes (see the module docstring)."""
    whole = word.replace("'", "")[:MAX_TOKEN]
    head, _, tail = word.partition("'")
    if head in ELISIONS:
        return [whole, tail.replace("'", "")[:MAX_TOKEN]]
    if word.endswith("'s") and word.count("'") == 1:
        return [whole, head[:MAX_TOKEN]]
    return [whole]


def words(exact):
    """Index words (exact form) of text in exact form, in order."""
    found = _WORD_RE.findall(_segmented(exact))
    if "'" not in exact:
        return [w[:MAX_TOKEN] for w in found] if max(map(len, found), default=0) > MAX_TOKEN else found
    out = []
    for word in found:
        if "'" in word:
            out.extend(_expand(word))
        else:
            out.append(word[:MAX_TOKEN])
    return out


def tokens(text):
    """The folded index words of raw ``text`` (what a search matches)."""
    return [w for w in fold_words(words(normalize(text))) if w]


def characters(text):
    """The grapheme stream of every unspaced-script run of raw ``text``."""
    return _characters([normalize(text)])


def _characters(exact_parts):
    """Dictionary segmentation depends on context (人人生而 gives 人 | 人生 | 而 while the
    query 人人 gives 人人), so the index also holds these characters in order and a query
    in those scripts matches them as a phrase: any word inside a sentence is found."""
    out = []
    for part in exact_parts:
        for run in _UNSPACED_RUN_RE.findall(part):
            chars = graphemes(run)
            if chars:
                if out:
                    out.append(CHARS_GAP)
                out.extend(chars)
    return out


@dataclass
class Analysis:
    """A document's words, computed once and given to every engine.

    ``title`` and ``body`` hold exact words joined by spaces (the body's parts separated by
    ``GAP``), ``title_folded`` and ``body_folded`` the same words folded (what a search
    matches), ``chars`` the grapheme stream of unspaced scripts, ``pairs`` every two folded
    words side by side as one term (``quyen_con con_nguoi``), for proximity ranking.
    """

    title: str
    body: str
    title_folded: str
    body_folded: str
    chars: str
    pairs: str


def analyze(title, parts):
    """The Analysis of a document with this title and these text parts (paragraphs etc.)."""
    title = normalize(title)
    parts = [normalize(part) for part in parts if part]
    title_words = words(title)
    body_words = []
    for part in parts:
        part_words = words(part)
        if part_words:
            if body_words:
                body_words.append(GAP)
            body_words.extend(part_words)
    title_folded, body_folded = fold_words(title_words), fold_words(body_words)
    return Analysis(
        title=" ".join(title_words),
        body=" ".join(body_words),
        title_folded=" ".join(title_folded),
        body_folded=" ".join(body_folded),
        chars=" ".join(_characters([title, *parts])),
        pairs=" ".join(_pairs(title_folded) + _pairs(body_folded)),
    )


def _pairs(folded):
    return [f"{a}_{b}" for a, b in zip(folded, folded[1:], strict=False) if GAP not in (a, b)]


WORDS, CHARS = "words", "chars"  # the kinds of query Group


@dataclass(frozen=True)
class Group:
    """A part of a query that must match as a phrase; all groups must match.

    ``words`` are folded (matched against title and body), or graphemes for ``CHARS``;
    ``exact`` holds the exact forms of the words typed with marks (they rank higher).
    """

    kind: str
    words: tuple
    exact: tuple = ()


def _word_group(exact_words):
    folded = tuple(fold(w) for w in exact_words if fold(w))
    if not folded:
        return None
    return Group(WORDS, folded, tuple(w for w in exact_words if fold(w) != w))


def _plain_groups(exact):
    groups = []
    for run_or_word in re.findall(f"[{_UNSPACED}]+|{_WORD_RE.pattern}", exact):
        if _UNSPACED_RUN_RE.fullmatch(run_or_word):
            chars = graphemes(run_or_word)
            if chars:
                groups.append(Group(CHARS, tuple(chars)))
        else:
            # A query word with apostrophes matches its whole form: l'homme → lhomme.
            groups.append(_word_group([run_or_word.replace("'", "")[:MAX_TOKEN]]))
    return groups


def query_groups(query):
    """A query as Groups: text in balanced double quotes is one phrase; every other word,
    and every run of Chinese, Lao or Khmer, is a group of its own. Query syntax characters
    are ignored, so no query is a syntax error."""
    query = normalize(query or "")
    groups = []
    for phrase in re.findall(r'"([^"]*)"', query):
        if _UNSPACED_RUN_RE.search(phrase):
            groups.extend(_plain_groups(phrase))
        else:
            groups.append(_word_group(words(phrase)))
    groups.extend(_plain_groups(re.sub(r'"[^"]*"', " ", query)))
    unique = []
    for group in groups:
        if group is not None and group not in unique:
            unique.append(group)
    return unique[:MAX_GROUPS]
