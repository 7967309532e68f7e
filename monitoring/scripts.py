"""Reading scripts for loudspeakers and electronic bulletin boards (plan task 3.3), from any product.

A script is the product's title, its lead (summary) and its body as plain text — paragraphs
and list items kept, markup, images and embeds dropped, quotes kept with their source — and
an estimate of the time it takes to read aloud.

Reading pace: a loudspeaker announcer reads slowly and clearly, about 160 words a minute in
Vietnamese and the Latin-script ethnic languages (a Vietnamese "word" between spaces is one
syllable). Chinese is read at about 240 characters a minute; Lao and Khmer, written without
spaces, are estimated at 160 syllables a minute with one syllable per three characters.
These are estimates to plan airtime, not measurements.
"""

import html
import math
import re
from dataclasses import dataclass

from django.utils.html import strip_tags

from products import languages

WORDS_PER_MINUTE = 160
CHINESE_CHARACTERS_PER_MINUTE = 240
CHARACTERS_PER_SYLLABLE = 3  # Lao, Khmer
BLOCK_END = re.compile(r"</(p|h[1-6]|li|blockquote|div)>|<br\s*/?>", re.IGNORECASE)
LIST_ITEM = re.compile(r"<li[^>]*>", re.IGNORECASE)


@dataclass
class Script:
    title: str
    lead: str
    paragraphs: list
    language: str

    @property
    def text(self):
        parts = [self.title, self.lead, *self.paragraphs]
        return "\n\n".join(part for part in parts if part) + "\n"

    @property
    def seconds(self):
        return reading_seconds(self.text, self.language)


def html_to_paragraphs(markup):
    markup = LIST_ITEM.sub("\n- ", markup)
    text = html.unescape(strip_tags(BLOCK_END.sub("\n", markup)))
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def body_paragraphs(body):
    paragraphs = []
    for block in body:
        if block.block_type == "paragraph":
            paragraphs += html_to_paragraphs(block.value.source)
        elif block.block_type == "quote":
            quote = " ".join(block.value["text"].split())
            source = block.value.get("source")
            paragraphs.append(f"«{quote}»" + (f" ({source})" if source else ""))
    return paragraphs


def script_for(page):
    lead = " ".join((page.summary or "").split())
    paragraphs = body_paragraphs(page.body)
    if page.transcript and not paragraphs:
        paragraphs = [line.strip() for line in page.transcript.splitlines() if line.strip()]
    return Script(title=page.title, lead=lead, paragraphs=paragraphs, language=page.language)


def reading_seconds(text, language):
    script = languages.BY_CODE[language].script if language in languages.BY_CODE else "Latn"
    if script == "Hans":
        units = sum(1 for char in text if "\u4e00" <= char <= "\u9fff")
        rate = CHINESE_CHARACTERS_PER_MINUTE
    elif script in languages.UNSPACED_SCRIPTS:
        units = math.ceil(sum(1 for char in text if not char.isspace()) / CHARACTERS_PER_SYLLABLE)
        rate = WORDS_PER_MINUTE
    else:
        units = len(re.findall(r"\w+(?:['’‘ʼ]\w+)*", text))
        rate = WORDS_PER_MINUTE
    return math.ceil(units * 60 / rate)
