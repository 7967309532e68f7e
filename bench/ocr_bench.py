"""OCR benchmark: character error rate of Tesseract on generated newspaper pages, and its speed.

    .venv/bin/python bench/ocr_bench.py [--pages 1] [--jobs 2] [--keep /tmp/ocr-pages]

Generates A4 pages at 300 dpi (Pillow), set in the fonts a newspaper uses: Noto Serif, Noto Sans
and a Times-like serif (the first installed one that has every character of the language: Liberation
Serif, Tinos, FreeSerif, Nimbus Roman — a Times clone without Vietnamese letters —, else DejaVu
Serif), 10.5 pt body text from the UDHR (``/work/shared/corpus``, ``tests/search/corpus.py``) in
Vietnamese and English. Two conditions: ``clean`` (the PNG as set) and ``noisy`` (Gaussian noise,
rotated 1°, saved as JPEG quality 60). Each page is read by ``digitise.ocr.ocr_page`` when the OCR
pipeline is installed (the pipeline's own Tesseract run: hOCR at 300 dpi), else by the same
Tesseract command line; ``--jobs`` pages at a time, one Tesseract thread each
(``OMP_THREAD_LIMIT=1``), so pages per minute is what that many cores give.

CER = Levenshtein distance over NFC characters / reference length, white space made single spaces.
Prints CER per language × condition × font and per language × condition, seconds per page, pages
per minute, and whether each target of the issue holds (vi clean ≤ 2 %, vi noisy ≤ 5 %, en ≤ 2 %).
"""

import argparse
import functools
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DPI = 300
PAGE = (2480, 3508)  # A4 at 300 dpi
MARGIN = 236  # 2 cm
POINTS = 10.5  # newspaper body text
LANGUAGES = {"vi": "vie", "en": "eng+vie"}  # as digitise.ocr.models_for: Vietnamese always among them
TARGETS = {("vi", "clean"): 2.0, ("vi", "noisy"): 5.0, ("en", "clean"): 2.0}
TIMES_LIKE = ("Liberation Serif", "Tinos", "FreeSerif", "Nimbus Roman", "DejaVu Serif")


def font_file(family, text):
    """The file of ``family`` if an installed one has every character of ``text``, else None."""
    chars = sorted({ord(c) for c in text if not c.isspace()})
    pattern = f"{family}:charset=" + " ".join(f"{c:x}" for c in chars)
    out = subprocess.run(["fc-list", pattern, "file", "style"], capture_output=True, text=True, check=False)
    files = []
    for line in out.stdout.splitlines():
        path, _sep, style = line.partition(": ")
        styles = style.strip(" :").removeprefix("style=").split(",")
        if path.endswith((".ttf", ".otf")) and {"Regular", "Book"} & set(styles) and "Condensed" not in style:
            files.append(path)
    return sorted(files)[0] if files else None


def fonts_for(text):
    """[(label, file)]: Noto Serif, Noto Sans and the first Times-like serif that can set ``text``."""
    chosen = [("Noto Serif", font_file("Noto Serif", text)), ("Noto Sans", font_file("Noto Sans", text))]
    times = next(((name, f) for name in TIMES_LIKE if (f := font_file(name, text))), None)
    if times:
        chosen.append((f"Times-like: {times[0]}", times[1]))
    return [(label, path) for label, path in chosen if path]


def corpus_text(language):
    from tests.search.corpus import paragraphs

    text = " ".join(unicodedata.normalize("NFC", p) for p in paragraphs(language))
    return re.sub(r"\s+", " ", text).replace("\u2010", "-")  # the hyphen as newspapers set it


def set_page(text, font_path, start):
    """A page image filled with words of ``text`` from word ``start``; (image, reference, next start)."""
    font = ImageFont.truetype(font_path, round(POINTS * DPI / 72))
    image = Image.new("L", PAGE, 255)
    draw = ImageDraw.Draw(image)
    words = text.split(" ")
    width, line_height = PAGE[0] - 2 * MARGIN, round(POINTS * 1.45 * DPI / 72)
    y, i, placed = MARGIN, start, []
    while y + line_height <= PAGE[1] - MARGIN:
        line = []
        while i < len(words) and draw.textlength(" ".join([*line, words[i]]), font=font) <= width:
            line.append(words[i])
            i += 1
        if not line:
            break
        draw.text((MARGIN, y), " ".join(line), font=font, fill=0)
        placed.append(" ".join(line))
        y += line_height
        i %= len(words)
    return image, " ".join(placed), i


def noisy(image):
    """Gaussian noise, a 1° skew, and (when saved) JPEG quality 60: a worn page through a cheap scanner."""
    rotated = image.rotate(1.0, resample=Image.BICUBIC, expand=False, fillcolor=255)
    return ImageChops.add(rotated, Image.effect_noise(image.size, 24), scale=1.0, offset=-128)


@functools.cache
def _pipeline_ocr():
    """``digitise.ocr.ocr_page`` when the OCR pipeline is installed, else None."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    try:
        import django

        django.setup()
        from digitise.ocr import ocr_page
    except ImportError:
        return None
    return ocr_page


def tesseract(path, languages):
    """The pipeline's Tesseract run when it is installed; otherwise the same command, plain text."""
    ocr_page = _pipeline_ocr()
    if ocr_page is not None:
        return ocr_page(Path(path), languages).text
    command = ["tesseract", str(path), "stdout", "-l", languages, "--dpi", str(DPI)]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def levenshtein(a, b):
    """Edit distance by Myers' bit-parallel algorithm (Hyyrö's form), on Python integers."""
    if len(a) < len(b):
        a, b = b, a
    m = len(b)
    if not m:
        return len(a)
    peq = {}
    for i, ch in enumerate(b):
        peq[ch] = peq.get(ch, 0) | (1 << i)
    mask, high = (1 << m) - 1, 1 << (m - 1)
    pv, mv, score = mask, 0, m
    for ch in a:
        eq = peq.get(ch, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = mv | (~(xh | pv) & mask)
        mh = pv & xh
        if ph & high:
            score += 1
        elif mh & high:
            score -= 1
        ph = ((ph << 1) | 1) & mask
        mh = (mh << 1) & mask
        pv = mh | (~(xv | ph) & mask)
        mv = ph & xv
    return score


def tidy(text):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def cer(reference, hypothesis):
    reference, hypothesis = tidy(reference), tidy(hypothesis)
    return 100.0 * levenshtein(reference, hypothesis) / max(len(reference), 1)


def make_pages(folder, pages_each):
    """[(language, condition, font label, image path, reference)] for every combination."""
    out = []
    for language in LANGUAGES:
        text = corpus_text(language)
        for label, path in fonts_for(text):
            start = 0
            for n in range(pages_each):
                image, reference, start = set_page(text, path, start)
                slug = f"{language}-{re.sub(r'[^a-z]+', '-', label.lower())}-{n}"
                image.save(folder / f"{slug}-clean.png", dpi=(DPI, DPI))
                noisy(image).save(folder / f"{slug}-noisy.jpg", quality=60, dpi=(DPI, DPI))
                out.append((language, "clean", label, folder / f"{slug}-clean.png", reference))
                out.append((language, "noisy", label, folder / f"{slug}-noisy.jpg", reference))
    return out


def read(item):
    language, _condition, _label, path, reference = item
    started = time.monotonic()
    text = tesseract(path, LANGUAGES[language])
    return cer(reference, text), time.monotonic() - started, len(tidy(reference))


def report(pages, results, wall, jobs):
    rows = {}
    for (language, condition, label, _path, _ref), (rate, seconds, chars) in zip(pages, results, strict=True):
        rows.setdefault((language, condition, label), []).append((rate, seconds, chars))
    print(f"{'lang':4} {'condition':9} {'font':40} {'pages':>5} {'CER %':>7} {'s/page':>7}")
    for (language, condition, label), values in sorted(rows.items()):
        rate = sum(r * c for r, _s, c in values) / sum(c for _r, _s, c in values)
        seconds = sum(s for _r, s, _c in values) / len(values)
        print(f"{language:4} {condition:9} {label:40} {len(values):5} {rate:7.2f} {seconds:7.1f}")
    print()
    for (language, condition), target in TARGETS.items():
        values = [
            v for (lang, cond, _l), vs in rows.items() if (lang, cond) == (language, condition) for v in vs
        ]
        rate = sum(r * c for r, _s, c in values) / sum(c for _r, _s, c in values)
        verdict = "ok" if rate <= target else "MISSED"
        print(f"{language} {condition}: CER {rate:.2f} % (target ≤ {target:g} %): {verdict}")
    seconds = [s for _r, s, _c in results]
    print(f"\n{len(results)} pages in {wall:.0f} s on {jobs} parallel Tesseract runs (1 thread each):")
    print(
        f"  {sum(seconds) / len(seconds):.1f} s per page (one core), {60 * len(results) / wall:.1f} pages/min"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1, help="pages per language, font and condition")
    parser.add_argument("--jobs", type=int, default=2, help="pages read at once (cores)")
    parser.add_argument("--keep", type=Path, help="keep the generated pages in this folder")
    args = parser.parse_args()
    os.environ["OMP_THREAD_LIMIT"] = "1"
    folder = args.keep or Path(tempfile.mkdtemp(prefix="ocr-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    print("OCR by", "digitise.ocr.ocr_page" if _pipeline_ocr() else "the tesseract command line")
    pages = make_pages(folder, args.pages)
    for label in sorted({p[2] for p in pages}):
        print("font:", label)
    started = time.monotonic()
    with ThreadPoolExecutor(args.jobs) as pool:
        results = list(pool.map(read, pages))
    report(pages, results, time.monotonic() - started, args.jobs)
    if not args.keep:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
