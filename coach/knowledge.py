"""The guide as Markdown files -> heading-aware sections -> chunks small enough to embed whole."""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from coach.budget import count_tokens, truncate_to_tokens
from coach.errors import KnowledgeError

# MiniLM reads at most 256 wordpieces, so 180 tiktoken tokens would still fit; 80 (heading path
# included) gives paragraph-sized chunks, which found the right section more often in
# bench/retrieval.py (recall@3 0.80 at 180 tokens, 0.82-0.87 at 80).
MAX_CHUNK_TOKENS = 80
SEPARATOR = " › "
_HEADING = re.compile(r"^(#{1,6})\s+(.*\S)\s*$")
_SENTENCE_END = re.compile(r"(?<=[.!?”\"])\s+(?=\S)")
_WORD = re.compile(r"\S+\s*")
_APOSTROPHES = re.compile(r"['’ʼ]")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
# Between the slugs of a heading path's levels; a slug itself never holds two hyphens in a row.
LEVEL_JOIN = "--"


def slugify(heading: str) -> str:
    """One heading as a URL-fragment word: "Timing: When to Ask" -> "timing-when-to-ask".

    Lower-case ASCII letters and digits joined by single hyphens, accents folded, apostrophes
    dropped ("Interviewer's" -> "interviewers"). Depends on the text alone, so it is stable; a
    heading with no Latin letters or digits gets "h-" and a short hash of its text.
    """
    folded = unicodedata.normalize("NFKD", _APOSTROPHES.sub("", heading))
    ascii_text = folded.encode("ascii", "ignore").decode("ascii").lower()
    slug = _NOT_SLUG.sub("-", ascii_text).strip("-")
    if slug:
        return slug
    return "h-" + hashlib.sha1(heading.strip().encode("utf-8")).hexdigest()[:8]


def anchor(heading_path: str) -> str:
    """The stable anchor of a section: the slugs of its heading path joined with "--".

    "Post-Interview Follow-Up › Sending a Thank-You Email" ->
    "post-interview-follow-up--sending-a-thank-you-email". Whole paths keep anchors unique
    across the guide (two files both have "Inquiring About Next Steps for Candidates"), and
    adding or moving another heading never changes this one's anchor.
    """
    levels = [level for level in heading_path.split(SEPARATOR) if level.strip()]
    return LEVEL_JOIN.join(slugify(level) for level in levels) or slugify(heading_path)


@dataclass(frozen=True)
class Section:
    """The paragraphs directly under one heading."""

    source: str
    headings: tuple[str, ...]
    paragraphs: tuple[str, ...]

    @property
    def heading_path(self) -> str:
        """Headings from the top, joined with ' › '."""
        return SEPARATOR.join(self.headings)


@dataclass(frozen=True)
class Chunk:
    """One piece of the guide as stored in the index."""

    id: str
    source: str
    heading_path: str
    text: str

    @property
    def embed_text(self) -> str:
        """What the embedder reads: the heading path gives short passages their topic."""
        return f"{self.heading_path}\n\n{self.text}"

    @property
    def hash(self) -> str:
        """Content hash: an unchanged chunk is never embedded again."""
        return hashlib.sha256(self.embed_text.encode("utf-8")).hexdigest()[:32]


def guide_dir(knowledge_dir: Path) -> Path:
    """The folder holding the guide's Markdown files."""
    return knowledge_dir / "guide"


def _enter(headings: list[str], level: int, title: str) -> None:
    """Update the open heading path for a heading at this level (skipped levels stay empty)."""
    del headings[level - 1 :]
    headings.extend([""] * (level - 1 - len(headings)))
    headings.append(title)


def parse_markdown(text: str, source: str) -> list[Section]:
    """Split one Markdown file into sections, each with its full heading path."""
    sections: list[Section] = []
    headings: list[str] = []
    paragraphs: list[str] = []
    block: list[str] = []

    def end_block() -> None:
        if block:
            paragraphs.append("\n".join(block))
            block.clear()

    def end_section() -> None:
        end_block()
        if paragraphs:
            sections.append(Section(source, tuple(headings), tuple(paragraphs)))
            paragraphs.clear()

    for line in text.splitlines():
        match = _HEADING.match(line)
        if match:
            end_section()
            _enter(headings, len(match.group(1)), match.group(2))
        elif line.strip():
            block.append(line.rstrip())
        else:
            end_block()
    end_section()
    return sections


def read_guide(knowledge_dir: Path) -> list[tuple[str, str]]:
    """(file name, text) of every guide file in order; a missing or unreadable folder is named."""
    folder = guide_dir(knowledge_dir)
    if not folder.is_dir():
        raise KnowledgeError(f"The knowledge folder {folder} does not exist.")
    files = sorted(folder.glob("*.md"))
    if not files:
        raise KnowledgeError(f"The knowledge folder {folder} has no .md files.")
    texts: list[tuple[str, str]] = []
    for path in files:
        try:
            texts.append((path.name, path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError) as exc:
            raise KnowledgeError(f"Cannot read the knowledge file {path}: {exc}") from exc
    return texts


def load_sections(knowledge_dir: Path) -> list[Section]:
    """Read every guide file; a missing or unreadable folder is reported by name."""
    sections: list[Section] = []
    for name, text in read_guide(knowledge_dir):
        sections.extend(parse_markdown(text, name))
    return sections


@dataclass(frozen=True)
class Heading:
    """A heading of the guide as the reader sees it, with its anchor."""

    source: str
    level: int
    headings: tuple[str, ...]

    @property
    def title(self) -> str:
        """The heading's own text."""
        return self.headings[-1]

    @property
    def heading_path(self) -> str:
        """Headings from the top, joined as in Section.heading_path."""
        return SEPARATOR.join(self.headings)

    @property
    def anchor(self) -> str:
        """The stable anchor (see anchor())."""
        return anchor(self.heading_path)


# One block of the guide for reading: a heading, or the non-blank lines of one paragraph.
Block = Heading | tuple[str, ...]


def guide_blocks(knowledge_dir: Path) -> list[Block]:
    """The whole guide in reading order, every heading included (even those with no text)."""
    blocks: list[Block] = []
    for name, text in read_guide(knowledge_dir):
        headings: list[str] = []
        lines: list[str] = []
        for line in [*text.splitlines(), ""]:
            match = _HEADING.match(line)
            if (match or not line.strip()) and lines:
                blocks.append(tuple(lines))
                lines = []
            if match:
                _enter(headings, len(match.group(1)), match.group(2))
                blocks.append(Heading(name, len(match.group(1)), tuple(headings)))
            elif line.strip():
                lines.append(line.rstrip())
    return blocks


def location(knowledge_dir: Path, source: str, heading_path: str) -> str:
    """Where a passage lives: "knowledge/guide/04-post-interview-follow-up.md#<anchor>".

    The file path is relative to the working folder when it lies inside it.
    """
    path = guide_dir(knowledge_dir) / source
    try:
        shown = os.path.relpath(path)
        if shown.startswith(os.pardir):
            shown = str(path)
    except ValueError:  # another drive on Windows
        shown = str(path)
    return f"{Path(shown).as_posix()}#{anchor(heading_path)}"


def _cut_word(word: str, budget: int) -> list[str]:
    """A word longer than the budget (a long URL, a run of one character) in parts that fit."""
    parts: list[str] = []
    while word:
        # Its first `budget` tokens (a token is rarely over 32 characters, so look no further),
        # shortened in the rare case that the cut text counts differently on its own.
        part = truncate_to_tokens(word[: max(budget, 1) * 32], budget, marker="") or word[0]
        while len(part) > 1 and count_tokens(part) > budget:
            part = part[:-1]
        parts.append(part)
        word = word[len(part) :]
    return parts


def _pieces(paragraph: str, budget: int) -> list[str]:
    """A paragraph as one piece, or split by sentences (then words) when it is too long."""
    if count_tokens(paragraph) <= budget:
        return [paragraph]
    pieces: list[str] = []
    for sentence in _SENTENCE_END.split(paragraph):
        if count_tokens(sentence) <= budget:
            pieces.append(sentence)
            continue
        # Words split at any whitespace (the lines of a list, too), each keeping what follows it;
        # a word that alone is over the budget is cut into parts.
        current = ""
        for spaced in _WORD.findall(sentence):
            word = spaced.rstrip()
            parts = [word] if count_tokens(word) <= budget else _cut_word(word, budget)
            parts[-1] += spaced[len(word):]
            for part in parts:
                if current and count_tokens((current + part).rstrip()) > budget:
                    pieces.append(current.rstrip())
                    current = ""
                current += part
        if current.strip():
            pieces.append(current.rstrip())
    return pieces


def chunk_section(section: Section, start: int, max_tokens: int = MAX_CHUNK_TOKENS) -> list[Chunk]:
    """Pack a section's paragraphs into chunks of at most max_tokens (heading path included)."""
    budget = max_tokens - count_tokens(section.heading_path + "\n\n")
    texts: list[str] = []
    current = ""
    for paragraph in section.paragraphs:
        for i, piece in enumerate(_pieces(paragraph, budget)):
            # Pieces of one paragraph rejoin with a space, paragraphs with a blank line.
            candidate = f"{current}{' ' if i else chr(10) * 2}{piece}" if current else piece
            if current and count_tokens(candidate) > budget:
                texts.append(current)
                candidate = piece
            current = candidate
    if current:
        texts.append(current)
    return [
        Chunk(f"{section.source}#{start + i}", section.source, section.heading_path, text)
        for i, text in enumerate(texts)
    ]


def chunk_guide(knowledge_dir: Path, max_tokens: int = MAX_CHUNK_TOKENS) -> list[Chunk]:
    """All chunks of the guide, with ids `<file>#<n>` numbered per file."""
    chunks: list[Chunk] = []
    counters: dict[str, int] = {}
    for section in load_sections(knowledge_dir):
        made = chunk_section(section, counters.get(section.source, 0), max_tokens)
        counters[section.source] = counters.get(section.source, 0) + len(made)
        chunks.extend(made)
    return chunks
