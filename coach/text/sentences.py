"""Sentence splitting: one home for the reader, the coaching and the email checks."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends at . ! ? (not inside "e.g." or "Dr.", not in "3.5"), at a line break that
# ends a line without more words on it, or at a blank line.
_ABBREVIATIONS = re.compile(r"(?:\b(?:e\.g|i\.e|etc|Mr|Mrs|Ms|Dr|St|vs|approx|Inc|Ltd|Co|No|"
                            r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|a\.m|p\.m))\.$",
                            re.IGNORECASE)
_BOUNDARY = re.compile(r"(?<=[.!?…])[\"'’”)\]]*\s+|\n\s*\n|\n(?=\s*(?:[-•*]|\d+[.)])\s)|\n")
MAX_SENTENCE_CHARS = 600


@dataclass(frozen=True)
class Sentence:
    """A sentence of a text, with where it stands in it."""

    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of text in order, stripped, with offsets into text; over-long runs
    without punctuation are cut into pieces of at most MAX_SENTENCE_CHARS."""
    out: list[Sentence] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if "\n" not in m.group() and _ABBREVIATIONS.search(text[max(0, m.start() - 8):m.start()]):
            continue
        _add(out, text, start, m.start())
        start = m.end()
    _add(out, text, start, len(text))
    return out


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start, start + MAX_SENTENCE_CHARS)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        out.append(Sentence(start, cut, text[start:cut]))
        start = cut + 1 if cut < end and text[cut] == " " else cut
    if end > start:
        out.append(Sentence(start, end, text[start:end]))
