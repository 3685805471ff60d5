"""Cue patterns as data: each a record with an id, a family, examples and counter-examples, in
one file per language under patterns/. A hit says which pattern fired.

The engine knows no language: the words live in patterns/<lang>.jsonl.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from coach.errors import KnowledgeError

PATTERNS_DIR = Path(__file__).with_name("patterns")
_FLAGS = re.IGNORECASE | re.MULTILINE
# Families whose hits are decisions: inside an "if"/"once"/"whether" clause they are only a
# possibility ("once we've made a selection", "if we decide not to move forward").
DECISIVE = ("reject_other_candidate", "reject_not_proceeding", "reject_role_gone", "temporary")
_CONDITIONAL = re.compile(
    r"\b(?:if|once|when|whether|unless|until|in case|should we|either way|si(?!\s*,)|wenn|"
    r"falls|caso|cuando|quand|lorsque)\b(?:(?!\b(?:but|pero|mais|aber|however)\b)[^.!?;:,\n—–])*$",
    _FLAGS)


@dataclass(frozen=True)
class Pattern:
    """One cue pattern, as stored in patterns/<lang>.jsonl."""

    id: str
    family: str
    lang: str
    pattern: str
    examples: tuple[str, ...]
    counter: tuple[str, ...]


@dataclass(frozen=True)
class Hit:
    """One cue found in a text, and the pattern that found it."""

    family: str
    start: int
    end: int
    phrase: str
    pattern: str = ""


@functools.cache
def load_patterns(folder: Path = PATTERNS_DIR) -> tuple[Pattern, ...]:
    """Every pattern of every language file, in file order."""
    patterns: list[Pattern] = []
    for path in sorted(folder.glob("*.jsonl")):
        lang = path.stem
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                patterns.append(Pattern(row["id"], row["family"], lang, row["pattern"],
                                        tuple(row.get("examples", ())),
                                        tuple(row.get("counter", ()))))
            except (ValueError, KeyError, TypeError) as exc:
                raise KnowledgeError(f"Bad cue pattern at {path}:{number}: {exc}") from exc
    return tuple(patterns)


def families(folder: Path = PATTERNS_DIR) -> tuple[str, ...]:
    """The cue families, in the order they first appear (English first)."""
    seen: dict[str, None] = {}
    for lang in ("en", *sorted({p.lang for p in load_patterns(folder)} - {"en"})):
        for p in load_patterns(folder):
            if p.lang == lang:
                seen.setdefault(p.family)
    return tuple(seen)


@functools.cache
def _compiled(languages: tuple[str, ...], folder: Path = PATTERNS_DIR
              ) -> list[tuple[str, re.Pattern[str], dict[str, str]]]:
    """One alternation per family (fast, and leftmost-first as one regex), whose named groups
    say which pattern matched."""
    by_family: dict[str, list[Pattern]] = {}
    for p in load_patterns(folder):
        if p.lang in languages:
            by_family.setdefault(p.family, []).append(p)
    compiled = []
    for family, members in by_family.items():
        groups = {f"p{i}": p.id for i, p in enumerate(members)}
        body = "|".join(f"(?P<p{i}>{p.pattern})" for i, p in enumerate(members))
        compiled.append((family, re.compile(body, _FLAGS), groups))
    return compiled


def conditional(text: str, start: int) -> bool:
    """Whether the phrase at `start` sits in an if/once/whether clause (only a possibility)."""
    return bool(_CONDITIONAL.search(text, max(0, start - 45), start))


def find_cues(text: str, languages: Iterable[str] = ("en",)) -> list[Hit]:
    """Every cue hit in text for these languages, in order of appearance."""
    hits = []
    for family, regex, groups in _compiled(tuple(sorted(set(languages)))):
        for match in regex.finditer(text):
            start, end = match.start(), match.end()
            if family in DECISIVE and conditional(text, start):
                continue
            while end < len(text) and text[end].isalnum():  # "restructur" -> "restructuring"
                end += 1
            if end > start:
                hits.append(Hit(family, start, end, text[start:end],
                                groups.get(match.lastgroup or "", "")))
    return sorted(hits, key=lambda h: (h.start, -h.end))
