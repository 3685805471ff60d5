"""Make pasted text safe to read: HTML to text, control characters out, quoted threads and
footers set aside, a size cap, and the language it is written in."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from coach.text.language import detect_language
from coach.text.quoting import quoted_from

MAX_CHARS = 20_000

_CONTROL = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff"
    r"\ud800-\udfff]"
)
_TAG = re.compile(r"<\s*/?\s*(?:html|body|div|p|br|span|table|td|tr|a|b|i|strong|em|ul|li|h\d|"
                  r"script|style|img|font|head|meta)\b[^>]*>", re.IGNORECASE)


@dataclass
class Cleaned:
    """Text ready for analysis, and notes for the user about what was done to it."""

    text: str
    notes: list[str] = field(default_factory=list)
    set_aside: str = ""
    language: str = "en"  # an ISO 639-1 code, or "und" when unknown

    @property
    def english(self) -> bool:
        """Whether the text reads as English."""
        return self.language == "en"


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in ("br", "p", "div", "li", "tr", "h1", "h2", "h3"):
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1
        elif tag in ("p", "div", "li", "tr"):
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(text: str) -> str:
    """The visible text of an HTML fragment (scripts and styles dropped)."""
    parser = _TextOnly()
    parser.feed(text)
    parser.close()
    out = "".join(parser.parts)
    return re.sub(r"\n\s*\n\s*\n+", "\n\n", html.unescape(out)).strip()


def clean_reply(raw: str, max_chars: int = MAX_CHARS) -> Cleaned:
    """The part of a pasted message that is the reply itself, with notes on what changed."""
    notes: list[str] = []
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    if _TAG.search(text):
        text = html_to_text(text)
        notes.append("The text looked like HTML; it was read as plain text.")
    stripped = _CONTROL.sub("", text)
    if stripped != text:
        notes.append("Invisible control characters were removed.")
    text = stripped.strip()
    if len(text) > max_chars:
        text = text[:max_chars]
        notes.append(f"The text is long; only its first {max_chars:,} characters were read.")
    set_aside = ""
    if (cut := quoted_from(text)) is not None:
        set_aside = text[cut:]
        text = text[:cut].rstrip()
        notes.append("Quoted earlier messages and footers below the reply were left out.")
    return Cleaned(text=text, notes=notes, set_aside=set_aside, language=detect_language(text))
