"""The guide as Markdown files -> heading-aware sections -> chunks small enough to embed whole."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from coach.budget import count_tokens
from coach.errors import KnowledgeError

# MiniLM reads at most 256 wordpieces, so 180 tiktoken tokens would still fit; 80 (heading path
# included) gives paragraph-sized chunks, which found the right section more often in
# bench/retrieval.py (recall@3 0.80 at 180 tokens, 0.82-0.87 at 80).
MAX_CHUNK_TOKENS = 80
SEPARATOR = " › "
_HEADING = re.compile(r"^(#{1,6})\s+(.*\S)\s*$")
_SENTENCE_END = re.compile(r"(?<=[.!?”\"])\s+(?=\S)")


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
            level = len(match.group(1))
            del headings[level - 1 :]
            headings.extend([""] * (level - 1 - len(headings)))
            headings.append(match.group(2))
        elif line.strip():
            block.append(line.rstrip())
        else:
            end_block()
    end_section()
    return sections


def load_sections(knowledge_dir: Path) -> list[Section]:
    """Read every guide file; a missing or unreadable folder is reported by name."""
    folder = guide_dir(knowledge_dir)
    if not folder.is_dir():
        raise KnowledgeError(f"The knowledge folder {folder} does not exist.")
    files = sorted(folder.glob("*.md"))
    if not files:
        raise KnowledgeError(f"The knowledge folder {folder} has no .md files.")
    sections: list[Section] = []
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise KnowledgeError(f"Cannot read the knowledge file {path}: {exc}") from exc
        sections.extend(parse_markdown(text, path.name))
    return sections


def _pieces(paragraph: str, budget: int) -> list[str]:
    """A paragraph as one piece, or split by sentences (then words) when it is too long."""
    if count_tokens(paragraph) <= budget:
        return [paragraph]
    pieces: list[str] = []
    for sentence in _SENTENCE_END.split(paragraph):
        if count_tokens(sentence) <= budget:
            pieces.append(sentence)
            continue
        words: list[str] = []
        for word in sentence.split(" "):
            if words and count_tokens(" ".join([*words, word])) > budget:
                pieces.append(" ".join(words))
                words = []
            words.append(word)
        if words:
            pieces.append(" ".join(words))
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
