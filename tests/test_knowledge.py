from __future__ import annotations

import re
from pathlib import Path

import pytest

from coach.budget import count_tokens
from coach.config import REPO_ROOT
from coach.errors import KnowledgeError
from coach.knowledge import MAX_CHUNK_TOKENS, chunk_guide, load_sections, parse_markdown

from .conftest import KNOWLEDGE

GUIDE_SOURCE = REPO_ROOT.parent / "shared" / "source" / "next-steps-guide.txt"
TOPICS = [
    "Pre-Interview Preparation", "During the Interview", "Inquiring About Next Steps",
    "Post-Interview Follow-Up", "Handling Different Scenarios", "Best Practices for Employers",
    "Common Mistakes to Avoid", "Tools and Resources", "Key Takeaways",
]


def _guide_files() -> list[Path]:
    return sorted((KNOWLEDGE / "guide").glob("*.md"))


def test_one_file_per_top_level_topic() -> None:
    titles = [p.read_text(encoding="utf-8").splitlines()[0] for p in _guide_files()]
    for topic in TOPICS:
        assert titles.count(f"# {topic}") == 1, topic


@pytest.mark.skipif(not GUIDE_SOURCE.exists(), reason="the shared guide is not beside the repo")
def test_markdown_keeps_the_guide_text_unchanged() -> None:
    source = [line for line in GUIDE_SOURCE.read_text(encoding="utf-8").splitlines()
              if line.strip()]
    converted = []
    for path in _guide_files():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and line != "# Introduction":  # the untitled opening got a title
                converted.append(re.sub(r"^#{1,6} ", "", line))
    assert converted == source


def test_chunks_fit_the_token_bound_and_the_embedder_window(minilm) -> None:
    chunks = chunk_guide(KNOWLEDGE)
    assert len(chunks) > 40
    for chunk in chunks:
        assert count_tokens(chunk.embed_text) <= MAX_CHUNK_TOKENS, chunk.id
        # No silent truncation: MiniLM sees every wordpiece of what we embed.
        assert minilm.count_wordpieces(chunk.embed_text) <= 256, chunk.id


def test_chunks_keep_heading_paths() -> None:
    chunks = chunk_guide(KNOWLEDGE)
    paths = {c.heading_path for c in chunks}
    assert "Post-Interview Follow-Up › Sending a Thank-You Email" in paths
    assert ("Inquiring About Next Steps › Exploring Different Types of Responses › "
            "4. No Clear Next Steps") in paths
    assert all(c.id.startswith(c.source + "#") for c in chunks)
    assert len({c.id for c in chunks}) == len(chunks)


def test_chunks_cover_the_whole_guide_exactly_once() -> None:
    words = lambda text: text.split()  # noqa: E731 - whitespace differs where paragraphs split
    expected = [w for s in load_sections(KNOWLEDGE) for p in s.paragraphs for w in words(p)]
    got = [w for c in chunk_guide(KNOWLEDGE) for w in words(c.text)]
    assert got == expected


def test_long_paragraphs_are_split_without_losing_words() -> None:
    sentence = "Candidates should follow up politely after the stated date has passed. "
    sections = parse_markdown("# Big\n\n" + sentence * 80 + "\n", "big.md")
    from coach.knowledge import chunk_section

    chunks = chunk_section(sections[0], 0, max_tokens=60)
    assert len(chunks) > 5
    assert all(count_tokens(c.embed_text) <= 60 for c in chunks)
    assert " ".join(c.text for c in chunks).split() == (sentence * 80).split()


def test_headings_nest_and_reset() -> None:
    text = "# A\n\nintro\n\n## B\n\n### C\n\nc text\n\n## D\n\nd text\n"
    paths = [s.heading_path for s in parse_markdown(text, "x.md")]
    assert paths == ["A", "A › B › C", "A › D"]


def test_missing_knowledge_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError, match=str(tmp_path / "nowhere" / "guide")):
        load_sections(tmp_path / "nowhere")


def test_empty_knowledge_folder_is_reported(tmp_path: Path) -> None:
    (tmp_path / "guide").mkdir()
    with pytest.raises(KnowledgeError, match="no .md files"):
        load_sections(tmp_path)
